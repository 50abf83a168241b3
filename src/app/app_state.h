// The single state of one widget instance, and the actions that change it. The UI reads a
// const AppState& and returns actions; the host page's API sends the same actions; apply() and
// advance() are the only writers. No GL, no SDL, no ImGui here: all of it is tested natively.
#pragma once

#include "app/calendar.h"
#include "core/content.h"
#include "core/plan.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace skindepth::app {

struct Action;  // app/actions.h

enum class View { CrossSection, Timeline, Questionnaire };
std::string_view view_id(View view);  // "cross_section", "timeline", "questionnaire"
bool view_from_id(std::string_view id, View& out);

enum class Mode { Patient, Staff };

// The three sizes, kept apart (STYLE 5): layout in CSS pixels, GL in framebuffer pixels.
struct Viewport {
  float css_width = 0.0f;
  float css_height = 0.0f;
  float pixel_ratio = 1.0f;  // framebuffer pixels per CSS pixel
  bool touch = false;        // a touch screen: every control at least kTouchTargetPx square
  int fb_width() const { return static_cast<int>(css_width * pixel_ratio + 0.5f); }
  int fb_height() const { return static_cast<int>(css_height * pixel_ratio + 0.5f); }
};

// The smallest control on a touch screen, in CSS pixels (WCAG 2.5.5 "Target Size").
inline constexpr float kTouchTargetPx = 44.0f;

inline constexpr double kMinZoom = 1.0, kMaxZoom = 12.0;  // the drawing's magnification

struct CrossSection {
  std::string area_id = "cheeks";
  double needle_mm = 1.0;
  bool comparing = false;
  double compare_mm = 0.25;  // the second needle when comparing (e.g. a home roller)
  bool loupe = false;        // an inset magnifying the epidermis and the junction (not while comparing)
  double zoom = 1.0;         // 1 = the whole skin depth plus a band of fat fills the view (kMinZoom..kMaxZoom)
  double pan_x_mm = 0.0;
  double pan_depth_mm = 0.0;
  std::string device_id = "pen";  // from devices.json: a pen or stamp stamps, a roller rolls
  double stamp_phase = 0.0;  // 0..1 while a stamp (or a roll) animates
  bool stamping = false;
  int stamps_done = 0;       // channels left in the skin after each stamp
  std::string selected_structure;  // card shown, "" for none
  // The patient's concern drawn in the skin (structures.json "concerns"; "" for none): set by the
  // picker, or by the questionnaire's concerns until the picker has been used.
  std::string concern;
  bool concern_picked = false;
};

struct TimelineView {
  double t_hours = 1.0;
  bool playing = false;
  double speed = 1.0;       // timeline-scale units per second (see timeline panel)
  int sessions = 1;
  double every_weeks = 4.0;
  double step_timer = 0.0;  // reduced motion: seconds since the last step
};

struct Questionnaire {
  int step = 0;                // the plan page is the step after the last
  core::AnswerSheet answers;   // checked by core::set_answer(), whoever answers
  bool finished = false;
  Date start;  // the first session's date for the calendar (host's today + 7 days; invalid: no calendar)
};

// A spa's brand: accent colour, corner radius in em, text size. Checked where it is set (the
// setTheme command); the interface's style and the font follow it.
struct Theme {
  float accent[3] = {0.55f, 0.27f, 0.36f};
  float corner_radius_em = 0.35f;
  float font_scale = 1.0f;
  bool operator==(const Theme&) const = default;
};

struct AppState {
  const core::Content* content = nullptr;
  std::string language = "en";
  Mode mode = Mode::Patient;
  View view = View::CrossSection;
  Viewport viewport;
  Theme theme;
  CrossSection cross;
  TimelineView timeline;
  Questionnaire quiz;
  bool reduced_motion = false;
  std::vector<std::string> notices;  // messages shown in the widget (e.g. content fell back)
  // A content part the widget started without (content->pending) that could not be fetched or read:
  // the file and what went wrong, shown in the view that waits for it.
  std::map<std::string, std::string> part_problems;
  std::string book_label;            // the host's booking button text ("" = the content's)
  Date today;                        // given by the host page (the widget never reads a clock)
  std::string page_url;              // the host page's address, for the staff-mode plan hand-off link
  // Events for the host page raised by actions ({"name", "detail"}); the platform sends them.
  std::vector<nlohmann::json> outbox;
  double seconds = 0.0;              // widget time, advanced by advance(); never a clock read
  bool needs_frame = true;           // something changed: draw the next frame

  std::string ui(const std::string& key) const { return content ? content->ui(key, language) : key; }
  // The needle lengths this widget offers (devices.json); nullptr before content is set.
  const core::NeedleCatalog* needles() const { return content ? &content->skin.needles : nullptr; }
};

// Applies one action (app/actions.h). Unknown ids (an area that is not in the content...) and values
// out of range are refused with a message in `error` and change nothing.
bool apply(AppState& state, const Action& action, std::string* error = nullptr);
// Moves animations forward by dt seconds. Only real gaps are clamped (a background tab returns
// minutes at once): a slow device's frames still move the timeline at its normal pace.
void advance(AppState& state, double dt_seconds);
inline constexpr double kMaxFrameSeconds = 0.5;
// The questionnaire's flow for this state's content and answers (core/questionnaire.h, core/plan.h).
std::vector<int> visible_steps(const AppState& state);
std::optional<core::Plan> current_plan(const AppState& state);
// The needle a plan's drawing shows: the middle of its depth range, on the needle catalogue's steps
// (the plan's view, its printed sheet and a handed-over link's card all show this one).
double plan_needle_mm(const AppState& state, const core::Span& depth);
// The content parts `view` needs that have not come yet (content->pending): the timeline's for the
// timeline, the questionnaire's and the timeline's (aftercare) for the questionnaire and the plan.
std::vector<std::string> parts_needed(const AppState& state, View view);
// True while something animates (the platform keeps drawing frames only then).
bool animating(const AppState& state);
// The chosen device rolls (a roller) rather than stamps (a pen, a stamp).
bool rolling_device(const AppState& state);

}  // namespace skindepth::app
