// The canvas's pixel ratio on slow renderers (see resolution.h).
#include "app/resolution.h"

namespace skindepth::app {

float CanvasResolution::on_change(double now_ms) {
  changed_at_ms_ = now_ms;
  cap_ = learned_;
  return cap_;
}

float CanvasResolution::idle(double now_ms) {
  if (now_ms - changed_at_ms_ >= kStillMs) cap_ = 0.0f;
  return cap_;
}

void CanvasResolution::after_frame(double pace_ms, bool changed, bool picture_at_lowest, float drawn_ratio) {
  if (!changed) return;  // a still picture being refined says nothing about moving ones
  const bool slow = pace_ms > kSlowMs && picture_at_lowest;
  slow_ = slow ? slow_ + 1 : 0;
  quick_ = pace_ms < kQuickMs ? quick_ + 1 : 0;
  if (slow_ >= kSlowFrames) {
    slow_ = 0;
    for (float step : kSteps) {
      if (step < drawn_ratio - 0.01f) {
        learned_ = cap_ = step;
        return;
      }
    }
  } else if (quick_ >= kQuickFrames && learned_ > 0.0f) {
    quick_ = 0;
    float up = 0.0f;  // the step above the learned one; none: the screen's own
    for (float step : kSteps) {
      if (step > learned_ + 0.01f) up = step;
    }
    learned_ = cap_ = up;
  }
}

}  // namespace skindepth::app
