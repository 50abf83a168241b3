// timeline.json -> core::HealingModel: the healing phases, the figures the curves are shaped from,
// the downtime chart, the key moments and the patient guidance. Times are written as durations
// ("18h", "5d", "8w", "6mo") so a clinic can read and edit them; each is checked here.
#include "content/loader.h"
#include "content/parts.h"
#include "core/timeline.h"

#include <cmath>
#include <limits>

namespace skindepth::content {

namespace {

using core::HealingModel;

std::optional<double> read_duration(const Reader& r, const std::string& key, bool required = true) {
  if (!r.has(key)) {
    if (required) r.error_at(key, "missing: expected a duration like 30m, 18h, 5d, 8w, 6mo or 1y");
    return std::nullopt;
  }
  const std::string text = r.string(key);
  if (text.empty()) return std::nullopt;  // string() recorded why
  const auto parsed = core::parse_duration(text);
  if (!parsed.ok()) {
    r.error_at(key, parsed.error);
    return std::nullopt;
  }
  return parsed.hours;
}

// A patient text must exist in every language the widget offers (ui.json), not only in English.
core::Text read_patient_text(const Reader& r, const std::string& key, const core::Content& content) {
  core::Text text = read_text(r, key);
  if (text.empty()) return text;
  for (const auto& language : content.languages)
    if (!text.by_language.count(language))
      r.error_at(key, "missing the \"" + language + "\" text: patient texts are written in every language of ui.json");
  return text;
}

void parse_phases(const Reader& root, HealingModel& model, const core::Content& content) {
  Reader list = root.member("phases");
  if (!list.expect_array()) return;
  if (list.size() != core::kPhaseCount)
    list.error("expected " + std::to_string(core::kPhaseCount) +
               " phases: bleeding, inflammation, proliferation, remodelling, settled");
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader p = list.element(i);
    if (!p.expect_object()) continue;
    p.reject_unknown({"id", "starts", "name", "what_happens", "sources"});
    core::PhaseInfo info;
    const std::string id = p.string("id");
    const auto phase = core::phase_from_id(id);
    if (!id.empty() && !phase)
      p.error_at("id", "unknown phase \"" + id + "\"; expected bleeding, inflammation, proliferation, remodelling or settled");
    if (phase) {
      info.phase = *phase;
      if (static_cast<std::size_t>(*phase) != i)
        p.error_at("id", "expected \"" + std::string(core::phase_id(static_cast<core::Phase>(std::min<std::size_t>(i, core::kPhaseCount - 1)))) +
                             "\" here: phases are listed once each, in order");
    }
    info.starts_hours = read_duration(p, "starts").value_or(0.0);
    if (i == 0 && info.starts_hours != 0.0) p.error_at("starts", "expected \"0h\": the first phase starts at the session");
    if (i > 0 && !model.phases.empty() && info.starts_hours <= model.phases.back().starts_hours)
      p.error_at("starts", "expected a start later than the previous phase's");
    info.name = read_patient_text(p, "name", content);
    info.what_happens = read_patient_text(p, "what_happens", content);
    info.sources = read_sources(p, content);
    model.phases.push_back(std::move(info));
  }
}

void parse_figures(const Reader& root, HealingModel& model, const core::Content& content) {
  Reader channels = root.member("channels");
  if (channels.expect_object()) {
    channels.reject_unknown({"barrier_recovers", "close_from", "closed_by", "sources"});
    model.barrier_recovers_hours = read_duration(channels, "barrier_recovers").value_or(model.barrier_recovers_hours);
    model.channels_close_from_hours = read_duration(channels, "close_from").value_or(model.channels_close_from_hours);
    model.channels_closed_by_hours = read_duration(channels, "closed_by").value_or(model.channels_closed_by_hours);
    if (!(model.barrier_recovers_hours <= model.channels_close_from_hours &&
          model.channels_close_from_hours < model.channels_closed_by_hours))
      channels.error("expected barrier_recovers <= close_from < closed_by");
    model.channel_sources = read_sources(channels, content);
  }

  Reader redness = root.member("redness");
  if (redness.expect_object()) {
    redness.reject_unknown({"full_until", "sources"});
    model.redness_full_until_hours = read_duration(redness, "full_until").value_or(model.redness_full_until_hours);
    model.redness_sources = read_sources(redness, content);
  }

  Reader downtime = root.member("downtime");
  if (downtime.expect_object()) {
    downtime.reject_unknown({"points", "note", "sources"});
    Reader points = downtime.member("points");
    if (points.expect_array()) {
      if (points.size() < 2) points.error("expected at least 2 points to interpolate between");
      for (std::size_t i = 0; i < points.size(); ++i) {
        Reader pt = points.element(i);
        if (!pt.expect_object()) continue;
        pt.reject_unknown({"needle_mm", "days"});
        core::DowntimePoint point{pt.number("needle_mm", 0.05, 5.0), pt.number("days", 0.5, 30.0)};
        if (!model.downtime.empty()) {
          if (point.needle_mm <= model.downtime.back().needle_mm)
            pt.error_at("needle_mm", "expected needle lengths in increasing order");
          else if (point.days < model.downtime.back().days)
            pt.error_at("days", "expected no shorter downtime than for a shallower needle");
        }
        model.downtime.push_back(point);
      }
    }
    model.downtime_note = read_patient_text(downtime, "note", content);
    model.downtime_sources = read_sources(downtime, content);
  }

  Reader course = root.member("course");
  if (course.expect_object()) {
    course.reject_unknown({"session_lasts", "single_session_share", "fade_over", "sources"});
    model.session_hours = read_duration(course, "session_lasts").value_or(model.session_hours);
    if (model.session_hours <= 0.0 || model.session_hours > 3.0)
      course.error_at("session_lasts", "expected a duration above 0 and up to 3h");
    model.single_session_share = course.number("single_session_share", 0.01, 1.0);
    model.fade_hours = read_duration(course, "fade_over").value_or(model.fade_hours);
    if (model.fade_hours <= 0.0) course.error_at("fade_over", "expected a duration above 0");
    model.course_sources = read_sources(course, content);
  }

  if (auto thickening = root.optional_member("thickening"); thickening && thickening->expect_object()) {
    thickening->reject_unknown({"epidermis", "dermis"});
    if (Reader g = thickening->member("epidermis"); g.expect_object()) model.epidermis_gain = read_share(g, model.epidermis_gain_basis, content);
    if (Reader g = thickening->member("dermis"); g.expect_object()) model.dermis_gain = read_share(g, model.dermis_gain_basis, content);
  }
}

void parse_key_moments(const Reader& root, HealingModel& model, const core::Content& content) {
  Reader list = root.member("key_moments");
  if (!list.expect_array()) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader m = list.element(i);
    if (!m.expect_object()) continue;
    m.reject_unknown({"id", "at", "label"});
    core::KeyMoment moment;
    moment.id = m.string("id");
    moment.hours = read_duration(m, "at").value_or(0.0);
    moment.label = read_patient_text(m, "label", content);
    for (const auto& other : model.key_moments)
      if (!moment.id.empty() && other.id == moment.id) m.error_at("id", "duplicate key moment \"" + moment.id + "\"");
    if (!model.key_moments.empty() && moment.hours <= model.key_moments.back().hours)
      m.error_at("at", "expected key moments in increasing time order");
    model.key_moments.push_back(std::move(moment));
  }
}

std::vector<core::GuidanceItem> read_items(const Reader& window, const std::string& key, const core::Content& content) {
  std::vector<core::GuidanceItem> items;
  auto list = window.optional_member(key);
  if (!list || !list->expect_array()) return items;
  if (list->size() == 0) list->error("expected at least one item (or leave the key out)");
  for (std::size_t i = 0; i < list->size(); ++i) {
    Reader item = list->element(i);
    if (!item.expect_object()) continue;
    item.reject_unknown({"text", "sources"});
    core::GuidanceItem g;
    g.text = read_patient_text(item, "text", content);
    g.sources = read_sources(item, content);
    items.push_back(std::move(g));
  }
  return items;
}

void parse_guidance(const Reader& root, HealingModel& model, const core::Content& content) {
  Reader list = root.member("guidance");
  if (!list.expect_array()) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader w = list.element(i);
    if (!w.expect_object()) continue;
    w.reject_unknown({"from", "to", "sees", "do", "avoid", "call_clinic"});
    core::GuidanceWindow window;
    window.from_hours = read_duration(w, "from").value_or(0.0);
    window.to_hours = read_duration(w, "to", false).value_or(std::numeric_limits<double>::infinity());
    if (window.to_hours <= window.from_hours) w.error_at("to", "expected \"to\" later than \"from\"");
    window.sees = read_items(w, "sees", content);
    window.do_items = read_items(w, "do", content);
    window.avoid = read_items(w, "avoid", content);
    window.call_clinic = read_items(w, "call_clinic", content);
    if (window.sees.empty() && window.do_items.empty() && window.avoid.empty() && window.call_clinic.empty())
      w.error("expected at least one of sees, do, avoid, call_clinic");
    model.guidance.push_back(std::move(window));
  }
  // Every moment needs something the patient sees. Which windows are open only changes at a
  // window's from or to, so checking those moments covers all of time.
  std::vector<double> moments = {0.0};
  for (const auto& window : model.guidance) {
    moments.push_back(window.from_hours);
    if (std::isfinite(window.to_hours)) moments.push_back(window.to_hours);
  }
  for (double t : moments) {
    if (core::guidance_at(model, t).sees.empty()) {
      list.error("no \"sees\" item covers " + format_number(t) +
                 " h after a session: every moment from 0 on needs something the patient sees");
      break;
    }
  }
}

void parse_timeline(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"phases", "channels", "redness", "downtime", "course", "thickening", "key_moments", "guidance"});
  HealingModel model;
  parse_phases(root, model, content);
  parse_figures(root, model, content);
  parse_key_moments(root, model, content);
  parse_guidance(root, model, content);
  content.timeline = std::move(model);
}

}  // namespace

ContentPart timeline_part() { return {"timeline.json", parse_timeline, nullptr}; }

}  // namespace skindepth::content
