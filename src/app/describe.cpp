// describe(): the canvas in words (see describe.h).
#include "app/describe.h"

#include "app/present.h"
#include "app/scene.h"
#include "core/depth.h"
#include "core/timeline.h"

#include <cmath>


namespace skindepth::app {

namespace {

// The healing model where the timeline stands now.
core::HealingSample sample_now(const AppState& s) { return core::sample(s.content->timeline, course_of(s), s.timeline.t_hours); }

// describe_time's words for the sample `h`.
std::string time_words(const AppState& s, const core::HealingSample& h) {
  const core::PhaseInfo* phase = s.content->timeline.find_phase(h.phase);
  std::string text = time_text(s, h.hours_since_session) + " " + s.ui("timeline.after") + " " + std::to_string(h.session_index);
  if (phase) text += ". " + phase->name.get(s.language);
  return text;
}

// The concern drawn in the skin, if any: " Drawn in the skin: Boxcar acne scar (illustration, not a
// prediction)." and, given the timeline's sample `h`, how much of it new collagen has filled so far.
std::string describe_concern(const AppState& s, const core::HealingSample* h = nullptr) {
  const core::ConcernPicture* c = s.content->skin.find_concern(s.cross.concern);
  if (!c) return {};
  std::string text = " " + s.ui("describe.concern") + " " + c->name.get(s.language) + " (" + s.ui("concern.illustration") + ").";
  if (h && c->course_fill > 0.0) {
    text += " " + s.ui("describe.concern_filled") + " " + std::to_string(static_cast<int>(std::lround(c->course_fill * h->collagen_new * 100.0))) + "%.";
  }
  return text;
}

std::string describe_cross(const AppState& s) {
  const auto& c = *s.content;
  const core::BodyArea* area = c.skin.find_area(s.cross.area_id);
  if (!area) return {};
  auto one = [&](double needle) {
    const auto r = core::query_depth(*area, c.skin, needle);
    std::string text = s.ui("describe.needle") + " " + mm_text(needle) + ": " + s.ui("describe.tip_in") + " " +
                       s.ui("layer." + std::string(core::layer_id(r.tip_layer))) + " (" + mm_text(needle) + " " +
                       s.ui("cross.tip_of") + " " + mm_text(r.skin_mm) + " " + s.ui("cross.skin") + ").";
    if (r.within_usual_range) text += " " + s.ui("cross.within_range");
    for (const auto& w : r.warnings) text += " " + w.text.get(s.language);
    return text;
  };
  std::string text = area->name.get(s.language) + ". " + one(s.cross.needle_mm);
  if (s.cross.comparing) text += " " + s.ui("describe.compared_with") + " " + one(s.cross.compare_mm);
  return text + describe_concern(s);
}

std::string describe_timeline(const AppState& s) {
  const auto h = sample_now(s);
  const core::PhaseInfo* phase = s.content->timeline.find_phase(h.phase);
  std::string text = s.ui("view.timeline") + ": " + time_words(s, h) + ". ";
  if (phase) text += phase->what_happens.get(s.language);
  return text + describe_concern(s, &h);
}

}  // namespace

std::string describe_time(const AppState& s) { return s.content ? time_words(s, sample_now(s)) : std::string(); }

std::string describe_needle(const AppState& s) { return s.content ? describe_cross(s) : std::string(); }

std::string describe(const AppState& s) {
  if (!s.content) return s.ui("app.loading");
  switch (s.view) {
    case View::CrossSection: return describe_cross(s);
    case View::Timeline: return describe_timeline(s);
    case View::Questionnaire: return s.ui("view.questionnaire");
  }
  return {};
}

}  // namespace skindepth::app
