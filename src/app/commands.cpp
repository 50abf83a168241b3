// The host command interface (see commands.h).
#include "app/commands.h"

#include "app/describe.h"
#include "app/plan_link.h"
#include "app/quiz.h"
#include "app/scene.h"
#include "core/depth.h"

#include <algorithm>
#include <cmath>

namespace skindepth::app {

using nlohmann::json;

json state_json(const AppState& s, bool include_answers) {
  json j = {
      {"view", view_id(s.view)},
      {"language", s.language},
      {"mode", s.mode == Mode::Staff ? "staff" : "patient"},
      {"area", s.cross.area_id},
      {"device", s.cross.device_id},
      {"needle_mm", s.cross.needle_mm},
      {"comparing", s.cross.comparing},
      {"compare_mm", s.cross.compare_mm},
      {"zoom", s.cross.zoom},
      {"stamping", s.cross.stamping},  // a stamp or a roll is under way
      {"time_hours", s.timeline.t_hours},
      {"playing", s.timeline.playing},
      {"sessions", s.timeline.sessions},
      {"every_weeks", s.timeline.every_weeks},
      {"quiz_step", s.quiz.step},
      {"quiz_finished", s.quiz.finished},
      {"quiz_steps", static_cast<int>(visible_steps(s).size())},
      {"today", s.today.valid() ? s.today.iso() : ""},
      {"notices", s.notices},
      {"reduced_motion", s.reduced_motion},
  };
  if (include_answers) j["answers"] = s.quiz.answers;
  // What the cross-section shows for the chosen needle (the same query the label draws).
  if (const core::BodyArea* area = s.content ? s.content->skin.find_area(s.cross.area_id) : nullptr) {
    const auto r = core::query_depth(*area, s.content->skin, s.cross.needle_mm);
    j["tip_layer"] = core::layer_id(r.tip_layer);
    j["tip_layer_name"] = s.ui("layer." + std::string(core::layer_id(r.tip_layer)));
    j["skin_mm"] = r.skin_mm;
    j["within_usual_range"] = r.within_usual_range;
    j["beyond_dermis"] = r.beyond_dermis;
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : r.warnings) warnings.push_back(w.id);
    j["warnings"] = warnings;
  }
  // Staff mode's hand-off: the link the plan page's QR code holds (the plan, never the answers).
  if (const std::string link = staff_plan_link(s); !link.empty()) {
    const QrMatrix qr = make_qr(link);
    j["plan_link"] = link;
    j["plan_qr"] = {{"version", qr.version}, {"size", qr.size}};
  }
  if (s.content) {
    j["time_position"] = timeline_position(s.timeline.t_hours, timeline_end(s));
    j["time_text"] = describe_time(s);
  }
  j["description"] = describe(s);
  return j;
}

json choices_json(const AppState& s, const json& text_keys, const std::string& language) {
  const std::string& lang = language.empty() ? s.language : language;
  auto ui = [&](const std::string& key) { return s.content ? s.content->ui(key, lang) : key; };
  json areas = json::array(), views = json::array(), texts = json::object();
  if (s.content)
    for (const auto& a : s.content->skin.areas) areas.push_back({{"id", a.id}, {"name", a.name.get(lang)}});
  for (View v : {View::CrossSection, View::Timeline, View::Questionnaire})
    views.push_back({{"id", view_id(v)}, {"label", ui("view." + std::string(view_id(v)))}});
  if (text_keys.is_array())
    for (const auto& k : text_keys)
      if (k.is_string()) texts[k.get<std::string>()] = ui(k.get<std::string>());
  return {{"areas", areas}, {"views", views}, {"texts", texts}, {"language", lang},
          {"needle", {{"min", kMinNeedleMm}, {"max", kMaxNeedleMm}, {"step", kNeedleStepMm}}}};
}

json quiz_json(const AppState& s) {
  json j = json::object();
  if (!s.content) return j;
  const auto steps = visible_steps(s);
  const int count = static_cast<int>(steps.size());
  const int at = std::clamp(s.quiz.step, 0, count);
  j["step"] = at;
  j["count"] = count;
  if (at < count) {
    const auto& step = s.content->questionnaire.steps[steps[at]];
    j["title"] = step.title.get(s.language);
    j["complete"] = step_complete(s, steps[at]);
    json questions = json::array();
    static const char* const kKinds[] = {"multi", "single", "number", "yesno"};
    for (const auto& q : step.questions) {
      if (!question_visible(s, q)) continue;
      json options = json::array();
      for (const auto& o : q.options)
        options.push_back({{"value", option_value(q, o)}, {"label", o.label.get(s.language)}, {"description", o.description.get(s.language)}});
      const auto answer = s.quiz.answers.find(q.key);
      questions.push_back({{"key", q.key}, {"kind", kKinds[static_cast<int>(q.kind)]}, {"label", q.label.get(s.language)},
                           {"why", q.why.get(s.language)}, {"unit", q.unit.get(s.language)}, {"options", options},
                           {"min", q.min.value_or(0)}, {"max", q.max.value_or(120)},
                           {"value", answer == s.quiz.answers.end() ? json() : *answer}});
    }
    j["questions"] = questions;
    return j;
  }
  const auto plan = current_plan(s);
  if (!plan) return j;
  const PlanOutline o = plan_outline(s, *plan);
  static const char* const kStyles[] = {"bullets", "rows", "numbered"};
  json sections = json::array();
  for (const auto& sec : o.sections) sections.push_back({{"style", kStyles[static_cast<int>(sec.style)]}, {"heading", sec.heading}, {"items", sec.items}});
  j["plan"] = {{"title", o.title}, {"decision", o.decision}, {"sections", sections}, {"disclaimer", o.disclaimer}, {"stamp", o.stamp}};
  return j;
}

namespace {

// Reads a number member; false when missing or not a finite number.
bool number_of(const json& c, const char* key, double& out) {
  auto it = c.find(key);
  if (it == c.end() || !it->is_number()) return false;
  out = it->get<double>();
  return std::isfinite(out);
}

bool string_of(const json& c, const char* key, std::string& out) {
  auto it = c.find(key);
  if (it == c.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

json fail(const std::string& message) { return {{"ok", false}, {"error", message}}; }

}  // namespace

json run_command(AppState& s, const json& c, json& events) {
  if (!c.is_object()) return fail("a command is a JSON object with \"cmd\"");
  std::string cmd;
  if (!string_of(c, "cmd", cmd)) return fail("missing \"cmd\"");
  using K = Action::Kind;
  Action a;
  const View before = s.view;
  auto need_string = [&](const char* key, K kind) -> bool {
    a.kind = kind;
    return string_of(c, key, a.text);
  };
  auto need_number = [&](const char* key, K kind) -> bool {
    a.kind = kind;
    return number_of(c, key, a.number);
  };
  bool ok = true;
  if (cmd == "getState") {
    // json::value() throws on a non-boolean, and the widget cannot catch: check the type first.
    const auto include = c.find("includeAnswers");
    if (include != c.end() && !include->is_boolean()) return fail("command \"getState\": \"includeAnswers\" must be true or false");
    return {{"ok", true}, {"state", state_json(s, include != c.end() && include->get<bool>())}};
  } else if (cmd == "getChoices") {
    // What the page's accessible mirror offers: areas and views with their names, the needle's
    // range, and the interface texts asked for by key, all in the current language.
    // "language" (optional): the texts of a plan card in the language of its link.
    const auto keys = c.find("texts");
    std::string language;
    if (c.contains("language") && !string_of(c, "language", language)) return fail("command \"getChoices\": \"language\" must be a string");
    return {{"ok", true}, {"choices", choices_json(s, keys == c.end() ? json::array() : *keys, language)}};
  } else if (cmd == "setTimePosition") {
    // The time slider of the mirror: 0..1 along the timeline bar's logarithmic scale.
    double position = 0;
    if (!number_of(c, "position", position) || position < 0 || position > 1) return fail("command \"setTimePosition\" needs \"position\": 0 to 1");
    a.kind = K::SetTime;
    a.number = timeline_hours(position, timeline_end(s));
  } else if (cmd == "getQuestionnaire") {
    // The current step's questions with their options and this step's answers, or the plan: what
    // the page's accessible mirror of the questionnaire shows (see web/skindepth.js).
    return {{"ok", true}, {"questionnaire", quiz_json(s)}};
  } else if (cmd == "setView") ok = need_string("view", K::SetView);
  else if (cmd == "setLanguage") ok = need_string("language", K::SetLanguage);
  else if (cmd == "setMode") ok = need_string("mode", K::SetMode);
  else if (cmd == "setArea") ok = need_string("area", K::SetArea);
  else if (cmd == "setDevice") ok = need_string("device", K::SetDevice);
  else if (cmd == "setNeedleLength") ok = need_number("mm", K::SetNeedle);
  else if (cmd == "setCompareLength") ok = need_number("mm", K::SetCompareNeedle);
  else if (cmd == "setCompare") {
    a.kind = K::SetCompare;
    ok = c.contains("on") && c["on"].is_boolean();
    a.number = ok && c["on"].get<bool>() ? 1.0 : 0.0;
  } else if (cmd == "setReducedMotion") {
    if (!c.contains("on") || !c["on"].is_boolean()) return fail("command \"setReducedMotion\" needs \"on\": true or false");
    s.reduced_motion = c["on"].get<bool>();
    s.needs_frame = true;
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "setAnswers") {
    // Replaces every answer; the vocabulary is checked by the core's parser first, so an unknown
    // key or value is refused with its name and nothing the user entered is lost.
    if (!c.contains("answers") || !c["answers"].is_object()) return fail("command \"setAnswers\" needs \"answers\": an object");
    const auto parsed = core::parse_answers(c["answers"].dump());
    if (!parsed.ok()) return fail(parsed.error);
    s.quiz.answers = c["answers"];
    s.quiz.finished = false;
    if (c["answers"].contains("area") && s.content && s.content->skin.find_area(c["answers"]["area"].get<std::string>()))
      s.cross.area_id = c["answers"]["area"].get<std::string>();
    s.needs_frame = true;
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "answer") {
    // One answer, as the questionnaire panel gives it; checked against the vocabulary on its own.
    std::string key;
    if (!string_of(c, "key", key) || !c.contains("value")) return fail("command \"answer\" needs \"key\" and \"value\"");
    json probe = {{"concerns", json::array({"texture"})}, {"area", "cheeks"}};
    probe[key] = c["value"];
    const auto parsed = core::parse_answers(probe.dump());
    if (!parsed.ok()) return fail(parsed.error);
    a.kind = K::Answer;
    a.text = key;
    a.value = c["value"];
  } else if (cmd == "clearAnswer") {
    ok = need_string("key", K::ClearAnswer);  // e.g. the last concern unticked
  } else if (cmd == "getPlan") {
    const auto parsed = parsed_answers(s);
    if (!parsed.ok()) return fail("no plan yet: " + parsed.error);
    const auto plan = core::make_plan(*s.content, *parsed.answers, s.language);
    return {{"ok", true}, {"plan", json::parse(core::plan_to_json(plan, s.language))}, {"text", plan_text(s, plan)}};
  } else if (cmd == "showPlan") {
    a.kind = K::StepTo;
    a.number = static_cast<double>(visible_steps(s).size());
    std::string error;
    if (!current_plan(s)) return fail("the answers are not complete: every visible question needs an answer");
    apply(s, a, &error);
    s.view = View::Questionnaire;
    for (auto& e : s.outbox) events.push_back(std::move(e));
    s.outbox.clear();
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "setToday") {
    std::string iso;
    Date d;
    if (!string_of(c, "date", iso) || !parse_date(iso, d)) return fail("command \"setToday\" needs \"date\": \"YYYY-MM-DD\"");
    s.today = d;
    if (!s.quiz.start.valid()) s.quiz.start = add_days(d, 7);
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "setPageUrl") {
    // The address the plan hand-off link opens (skindepth.js sends location.href without its fragment).
    std::string url;
    if (!string_of(c, "url", url) || plan_link(url, {}).empty())
      return fail("command \"setPageUrl\" needs \"url\": an http(s) URL of at most " + std::to_string(kMaxPageUrlBytes) + " characters");
    s.page_url = url.substr(0, url.find('#'));
    s.needs_frame = true;
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "setBookLabel") {
    if (!string_of(c, "label", s.book_label)) return fail("command \"setBookLabel\" needs \"label\"");
    return {{"ok", true}, {"state", state_json(s, false)}};
  } else if (cmd == "export") {
    ok = need_string("kind", K::Export);
  } else if (cmd == "bookClick") {
    a.kind = K::BookClick;
  } else if (cmd == "stepTo") {
    ok = need_number("step", K::StepTo);
  } else if (cmd == "stamp") a.kind = K::Stamp;
  else if (cmd == "setTime") ok = need_number("hours", K::SetTime);
  else if (cmd == "play") a.kind = K::Play;
  else if (cmd == "pause") a.kind = K::Pause;
  else if (cmd == "setSpeed") ok = need_number("speed", K::SetSpeed);
  else if (cmd == "setCourse") {
    a.kind = K::SetCourse;
    ok = number_of(c, "sessions", a.number) && number_of(c, "everyWeeks", a.number2);
  } else if (cmd == "reset") a.kind = K::ResetForNextPatient;
  else return fail("unknown command \"" + cmd + "\"");
  if (!ok) return fail("command \"" + cmd + "\" is missing a value or has the wrong type");
  std::string error;
  if (!apply(s, a, &error)) return fail(error);
  if (s.view != before) events.push_back({{"name", "viewchange"}, {"detail", {{"view", view_id(s.view)}}}});
  for (auto& e : s.outbox) events.push_back(std::move(e));
  s.outbox.clear();
  return {{"ok", true}, {"state", state_json(s, false)}};
}

std::string run_command_text(AppState& s, const std::string& text, json& events) {
  json c = json::parse(text, nullptr, false);
  if (c.is_discarded()) return fail("the command is not valid JSON").dump();
  return run_command(s, c, events).dump();
}

}  // namespace skindepth::app
