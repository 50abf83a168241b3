// The canvas's own pixel ratio on renderers too slow for the screen's (issue 19). The skin picture
// already shrinks while it moves (render/renderer.h); when frames stay slow even so, because a
// software rasteriser or a weak GPU fills a phone's 3x canvas (the interface, the copy of the
// picture and the page's compositing cost the most there), the whole canvas is drawn at a lower
// ratio while anything changes, and at the screen's own once everything has been still for a moment
// (text and picture sharp again). What a change needed is remembered: the next one starts there,
// and quick frames give the resolution back a step at a time. Pure logic: the platform applies it.
#pragma once

namespace skindepth::app {

class CanvasResolution {
 public:
  static constexpr float kSteps[] = {2.0f, 1.5f, 1.0f};  // pixel ratios tried, highest first
  static constexpr double kSlowMs = 34.0;   // the browser came back later than two refreshes after a frame
  static constexpr double kQuickMs = 20.0;  // ... within about one refresh
  static constexpr int kSlowFrames = 3;     // slow changing frames in a row before a step down
  static constexpr int kQuickFrames = 60;   // quick changing frames in a row before a step up
  static constexpr double kStillMs = 400.0; // nothing changed for this long: the screen's own ratio

  // A frame is about to be drawn because something changed (input, a command, an animation): the
  // cap on the pixel ratio to draw it at, 0 for the screen's own.
  float on_change(double now_ms);
  // Nothing changed this animation frame: the cap, 0 once everything has been still for kStillMs.
  float idle(double now_ms);
  // What the last drawn frame cost: `pace_ms` from its animation frame to the next one, whether it was
  // drawn for a change, whether the skin picture was already at its smallest moving size, and the
  // pixel ratio it was drawn at.
  void after_frame(double pace_ms, bool changed, bool picture_at_lowest, float drawn_ratio);

  float cap() const { return cap_; }
  float learned() const { return learned_; }  // the cap a change starts at (0: none needed)

 private:
  float cap_ = 0.0f;
  float learned_ = 0.0f;
  int slow_ = 0, quick_ = 0;
  double changed_at_ms_ = -1e300;
};

}  // namespace skindepth::app
