// The host command table and its one runner (see commands.h). To add a command: one row in kCommands
// (its name, question or change, and a function that reads its fields) and a test in
// tests/app/commands_test.cpp.
#include "app/commands.h"

#include "app/actions.h"
#include "app/describe.h"
#include "app/plan_link.h"
#include "app/present.h"
#include "app/scene.h"
#include "core/depth.h"
#include "core/json_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <variant>

namespace skindepth::app {

using nlohmann::json;

namespace {

// --- [SECTION] Reading a command's fields ------------------------------------------------------------
struct Refusal {
  std::string message;
};
// What a row makes of a command: a change to apply, an answer to send back, or a refusal.
using Outcome = std::variant<Action, json, Refusal>;

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

bool bool_of(const json& c, const char* key, bool& out) {
  auto it = c.find(key);
  if (it == c.end() || !it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}

Refusal needs(const json& c, const std::string& what) {
  return {"command \"" + c["cmd"].get<std::string>() + "\" needs " + what};
}

// Each row's reader: a string, number or boolean field made into one action.
template <typename Act>
Outcome with_string(const json& c, const char* key) {
  std::string v;
  if (!string_of(c, key, v)) return needs(c, "\"" + std::string(key) + "\": a string");
  return Act{v};
}

Outcome theme_of(const json& c, const AppState& s) {
  Theme theme = s.theme;
  if (c.contains("accent")) {
    const auto& v = c["accent"];
    unsigned r = 0, g = 0, b = 0;
    if (!v.is_string() || v.get<std::string>().size() != 7 || std::sscanf(v.get<std::string>().c_str(), "#%2x%2x%2x", &r, &g, &b) != 3)
      return Refusal{"accent must be a colour like \"#8c4a5c\""};
    theme.accent[0] = r / 255.0f;
    theme.accent[1] = g / 255.0f;
    theme.accent[2] = b / 255.0f;
  }
  double v = 0;
  if (c.contains("radius")) {
    if (!number_of(c, "radius", v) || v < 0 || v > 2) return Refusal{"radius must be 0 to 2 (em)"};
    theme.corner_radius_em = static_cast<float>(v);
  }
  if (c.contains("fontScale")) {
    if (!number_of(c, "fontScale", v) || v < 0.75 || v > 2) return Refusal{"fontScale must be 0.75 to 2"};
    theme.font_scale = static_cast<float>(v);
  }
  return act::SetTheme{theme};
}

// --- [SECTION] The table -------------------------------------------------------------------------------
using Reader = Outcome (*)(const json& command, const AppState& state, const HostHooks& hooks);
// The content a command cannot run without, when the widget started without it (content->pending).
enum class Needs { kNothing, kTimeline, kPlan, kItsView };
struct Row {
  std::string_view name;
  bool question;  // only asks: changes nothing on screen, so no frame is drawn for it
  Reader read;
  Needs needs = Needs::kNothing;
};
constexpr Needs kTimeline = Needs::kTimeline;
constexpr Needs kPlan = Needs::kPlan;

const Row kCommands[] = {
    // The whole widget
    {"setView", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       std::string id;
       View v;
       if (!string_of(c, "view", id)) return needs(c, "\"view\": a string");
       if (!view_from_id(id, v)) return Refusal{"unknown view \"" + id + "\""};
       return act::SetView{v};
     }, Needs::kItsView},
    {"setLanguage", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::SetLanguage>(c, "language"); }},
    {"setMode", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       std::string m;
       if (!string_of(c, "mode", m)) return needs(c, "\"mode\": a string");
       if (m == "staff") return act::SetMode{Mode::Staff};
       if (m == "patient") return act::SetMode{Mode::Patient};
       return Refusal{"unknown mode \"" + m + "\"; expected patient or staff"};
     }},
    {"setTheme", false, [](const json& c, const AppState& s, const HostHooks&) { return theme_of(c, s); }},
    {"setReducedMotion", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       bool on = false;
       if (!bool_of(c, "on", on)) return needs(c, "\"on\": true or false");
       return act::SetReducedMotion{on};
     }},
    {"setToday", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       std::string iso;
       Date d;
       if (!string_of(c, "date", iso) || !parse_date(iso, d)) return needs(c, "\"date\": \"YYYY-MM-DD\"");
       return act::SetToday{d};
     }},
    {"setPageUrl", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       // The address the plan hand-off link opens (the embed script sends location.href).
       std::string url;
       if (!string_of(c, "url", url) || plan_link(url, {}).empty())
         return needs(c, "\"url\": an http(s) URL of at most " + std::to_string(kMaxPageUrlBytes) + " characters");
       return act::SetPageUrl{url};
     }},
    {"setBookLabel", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::SetBookLabel>(c, "label"); }},
    {"reset", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::ResetForNextPatient{}; }},
    // Skin and needles
    {"setArea", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::SetArea>(c, "area"); }},
    {"setDevice", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::SetDevice>(c, "device"); }},
    {"setNeedleLength", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double mm = 0;
       if (!number_of(c, "mm", mm)) return needs(c, "\"mm\": a number");
       return act::SetNeedle{mm, false};
     }},
    {"setCompareLength", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double mm = 0;
       if (!number_of(c, "mm", mm)) return needs(c, "\"mm\": a number");
       return act::SetNeedle{mm, true};
     }},
    {"setCompare", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       bool on = false;
       if (!bool_of(c, "on", on)) return needs(c, "\"on\": true or false");
       return act::SetCompare{on};
     }},
    {"setLoupe", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       bool on = false;
       if (!bool_of(c, "on", on)) return needs(c, "\"on\": true or false");
       return act::SetLoupe{on};
     }},
    {"setConcern", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::SetConcern>(c, "concern"); }},
    {"stamp", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::Stamp{}; }},
    // Healing timeline
    {"setTime", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double h = 0;
       if (!number_of(c, "hours", h)) return needs(c, "\"hours\": a number");
       return act::SetTime{h};
     }, kTimeline},
    {"setTimePosition", false, [](const json& c, const AppState& s, const HostHooks&) -> Outcome {
       // The mirror's time slider: 0..1 along the timeline bar's logarithmic scale.
       double p = 0;
       if (!number_of(c, "position", p) || p < 0 || p > 1) return needs(c, "\"position\": 0 to 1");
       return act::SetTime{timeline_hours(p, timeline_end(s))};
     }, kTimeline},
    {"play", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::Play{}; }, kTimeline},
    {"pause", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::Pause{}; }, kTimeline},
    {"setSpeed", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double v = 0;
       if (!number_of(c, "speed", v)) return needs(c, "\"speed\": a number");
       return act::SetSpeed{v};
     }, kTimeline},
    {"setCourse", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double n = 0, w = 0;
       if (!number_of(c, "sessions", n) || n != std::floor(n) || !number_of(c, "everyWeeks", w))
         return needs(c, "\"sessions\": a whole number and \"everyWeeks\": a number");
       if (std::abs(n) > 1e6) return Refusal{"sessions out of range"};
       return act::SetCourse{static_cast<int>(n), w};
     }, kTimeline},
    // Questionnaire and plan
    {"answer", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       std::string key;
       if (!string_of(c, "key", key) || !c.contains("value")) return needs(c, "\"key\" and \"value\"");
       return act::Answer{key, c["value"]};
     }, kPlan},
    {"clearAnswer", false, [](const json& c, const AppState&, const HostHooks&) { return with_string<act::ClearAnswer>(c, "key"); }, kPlan},
    {"setAnswers", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       if (!c.contains("answers") || !c["answers"].is_object()) return needs(c, "\"answers\": an object");
       return act::SetAnswers{c["answers"]};
     }, kPlan},
    {"stepTo", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       double step = 0;
       if (!number_of(c, "step", step) || std::abs(step) > 1e6) return needs(c, "\"step\": a number");
       return act::StepTo{static_cast<int>(step)};
     }, kPlan},
    {"showPlan", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::ShowPlan{}; }, kPlan},
    {"bookClick", false, [](const json&, const AppState&, const HostHooks&) -> Outcome { return act::BookClick{}; }, kPlan},
    {"export", false, [](const json& c, const AppState&, const HostHooks&) -> Outcome {
       std::string kind;
       if (!string_of(c, "kind", kind)) return needs(c, "\"kind\": print, copy or ics");
       if (kind == "print") return act::Export{act::ExportKind::Print};
       if (kind == "copy") return act::Export{act::ExportKind::Copy};
       if (kind == "ics") return act::Export{act::ExportKind::Ics};
       return Refusal{"unknown export \"" + kind + "\"; expected print, copy or ics"};
     }, kPlan},
    // Questions
    {"getState", true, [](const json& c, const AppState& s, const HostHooks&) -> Outcome {
       bool include = false;
       if (c.contains("includeAnswers") && !bool_of(c, "includeAnswers", include))
         return Refusal{"command \"getState\": \"includeAnswers\" must be true or false"};
       return json{{"state", state_json(s, include)}};
     }},
    {"getChoices", true, [](const json& c, const AppState& s, const HostHooks&) -> Outcome {
       // "language" (optional): the texts of a plan card in the language of its link.
       std::string language;
       if (c.contains("language") && !string_of(c, "language", language)) return needs(c, "\"language\": a string");
       const auto keys = c.find("texts");
       return json{{"choices", choices_json(s, keys == c.end() ? json::array() : *keys, language)}};
     }},
    {"getQuestionnaire", true, [](const json&, const AppState& s, const HostHooks&) -> Outcome {
       return json{{"questionnaire", questionnaire_json(s)}};
     }, kPlan},
    {"getPlan", true, [](const json&, const AppState& s, const HostHooks&) -> Outcome {
       if (!s.quiz.answers.ready()) return Refusal{"no plan yet: concerns and area are needed"};
       const auto plan = core::make_plan(*s.content, s.quiz.answers.values, s.language);
       return json{{"plan", core::parse_json_or_discarded(core::plan_to_json(plan, s.language))}, {"text", plan_text(s, plan)}};
     }, kPlan},
    {"readPlanLink", true, [](const json& c, const AppState& s, const HostHooks&) -> Outcome {
       // A plan handed over by a clinic's QR code, as the card the page shows: every text from the
       // content in the link's language. A damaged link gives {"valid": false} and the card's notice.
       std::string url;
       if (!string_of(c, "url", url)) return needs(c, "\"url\": a string");
       const auto summary = read_plan_link(url);
       if (!summary) return json{{"card", {{"valid", false}, {"title", s.ui("card.title")}, {"notice", s.ui("card.invalid")},
                                           {"close", s.ui("card.close")}, {"language", s.language}}}};
       const auto& lang = summary->language;
       json card = plan_sheet_json(*s.content, lang, plan_view(*s.content, *summary));
       const bool proceed = summary->decision == core::Decision::Proceed;
       card.update({{"valid", true}, {"title", s.content->ui("card.title", lang)}, {"close", s.content->ui("card.close", lang)},
                    {"area_id", summary->area}, {"depth_mm", proceed ? plan_needle_mm(s, summary->depth_mm) : 0.0}});
       if (proceed && s.content->skin.find_area(summary->area)) {
         // The caption of the drawing the card carries (the printed sheet's, describe_needle), in the
         // card's language: the widget as the page will set it, the plan's area at the plan's needle.
         AppState shown = s;
         shown.language = lang;
         shown.cross.area_id = summary->area;
         shown.cross.needle_mm = card["depth_mm"];
         card["picture_caption"] = describe_needle(shown);
       }
       return json{{"card", card}};
     }, kPlan},
    {"getStats", true, [](const json&, const AppState&, const HostHooks& h) -> Outcome {
       return h.stats ? h.stats(true) : json::object();
     }},
    {"resetStats", true, [](const json&, const AppState&, const HostHooks& h) -> Outcome {
       json stats = h.stats ? h.stats(true) : json::object();
       if (h.reset_stats) h.reset_stats();
       return stats;
     }},
};

const Row* find_row(std::string_view name) {
  for (const auto& row : kCommands)
    if (row.name == name) return &row;
  return nullptr;
}

json refused(const std::string& message) { return {{"ok", false}, {"error", message}}; }

// A command whose content has not come yet: refused with the files it waits for ("pending"); the
// embed script fetches them (sd_add_content) and sends the command again. Null when nothing is missing.
json waiting_for(const AppState& s, const Row& row, const json& c) {
  View view = View::Questionnaire;
  if (row.needs == Needs::kNothing) return nullptr;
  if (row.needs == Needs::kTimeline) view = View::Timeline;
  if (row.needs == Needs::kItsView) {
    std::string id;
    if (!string_of(c, "view", id) || !view_from_id(id, view)) return nullptr;  // the row refuses it
  }
  const auto files = parts_needed(s, view);
  if (files.empty()) return nullptr;
  std::string error = "command \"" + std::string(row.name) + "\" waits for " + files.front();
  const auto problem = s.part_problems.find(files.front());
  if (problem != s.part_problems.end()) error += ", which could not be loaded: " + problem->second;
  else error += ", which the page has not loaded yet";
  return {{"ok", false}, {"pending", files}, {"error", error}};
}

// --- [SECTION] Running one command -------------------------------------------------------------------
json run(AppState& s, const json& c, std::vector<json>& events, const HostHooks& hooks) {
  if (!c.is_object()) return refused("a command is a JSON object with \"cmd\"");
  std::string name;
  if (!string_of(c, "cmd", name)) return refused("missing \"cmd\"");
  const Row* row = find_row(name);
  if (!row) return refused("unknown command \"" + name + "\"");
  if (!s.content) return refused("the widget has no content yet");
  if (const json wait = waiting_for(s, *row, c); !wait.is_null()) return wait;
  Outcome outcome = row->read(c, s, hooks);
  if (const auto* r = std::get_if<Refusal>(&outcome)) return refused(r->message);
  json reply = {{"ok", true}};
  if (auto* answer = std::get_if<json>(&outcome)) {
    reply.update(*answer);
  } else {
    std::string error;
    if (!apply(s, std::get<Action>(outcome), &error)) return refused(error);
    for (auto& e : s.outbox) events.push_back(std::move(e));
    s.outbox.clear();
    reply["state"] = state_json(s, false);
  }
  if (hooks.stats) reply["stats"] = hooks.stats(false);
  return reply;
}

}  // namespace

std::string run_command(AppState& s, std::string_view text, std::vector<json>& events, const HostHooks& hooks) {
  const json c = core::parse_json_or_discarded(text);
  if (c.is_discarded()) return refused("the command is not valid JSON").dump();
  return run(s, c, events, hooks).dump();
}

std::vector<std::string_view> host_command_names() {
  std::vector<std::string_view> out;
  for (const auto& row : kCommands) out.push_back(row.name);
  return out;
}

bool host_command_is_question(std::string_view name) {
  const Row* row = find_row(name);
  return row && row->question;
}

// --- [SECTION] What the host reads -------------------------------------------------------------------
json state_json(const AppState& s, bool include_answers) {
  json j = {
      {"view", view_id(s.view)},
      {"language", s.language},
      {"mode", s.mode == Mode::Staff ? "staff" : "patient"},
      {"area", s.cross.area_id},
      {"device", s.cross.device_id},
      {"needle_mm", s.cross.needle_mm},
      {"comparing", s.cross.comparing},
      {"loupe", s.cross.loupe},
      {"structure", s.cross.selected_structure},  // the structure whose card is open ("" for none)
      {"concern", s.cross.concern},               // the concern drawn in the skin ("" for none)
      {"compare_mm", s.cross.compare_mm},
      {"zoom", s.cross.zoom},
      {"pan_x_mm", s.cross.pan_x_mm},
      {"pan_depth_mm", s.cross.pan_depth_mm},
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
  if (include_answers) j["answers"] = core::sheet_to_json(s.quiz.answers);
  // What the cross-section shows for the chosen needle (the same query the label draws).
  if (const core::BodyArea* area = s.content ? s.content->skin.find_area(s.cross.area_id) : nullptr) {
    const auto r = core::query_depth(*area, s.content->skin, s.cross.needle_mm);
    j["tip_layer"] = core::layer_id(r.tip_layer);
    j["tip_layer_name"] = s.ui("layer." + std::string(core::layer_id(r.tip_layer)));
    j["skin_mm"] = r.skin_mm;
    j["within_usual_range"] = r.within_usual_range;
    j["beyond_dermis"] = r.beyond_dermis;
    json warnings = json::array();
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
  json needle = json::object();
  if (const core::NeedleCatalog* n = s.needles()) needle = {{"min", n->min_mm}, {"max", n->max_mm}, {"step", n->step_mm}};
  return {{"areas", areas}, {"views", views}, {"texts", texts}, {"language", lang}, {"needle", needle}};
}

json questionnaire_json(const AppState& s) {
  json j = json::object();
  if (!s.content) return j;
  const auto& questionnaire = s.content->questionnaire;
  const auto& sheet = s.quiz.answers;
  const auto steps = visible_steps(s);
  const int count = static_cast<int>(steps.size());
  const int at = std::clamp(s.quiz.step, 0, count);
  j["step"] = at;
  j["count"] = count;
  if (at < count) {
    const auto& step = questionnaire.steps[steps[at]];
    j["title"] = step.title.get(s.language);
    j["complete"] = core::step_complete(questionnaire, steps[at], sheet);
    json questions = json::array();
    static const char* const kKinds[] = {"multi", "single", "number", "yesno"};
    for (const auto& q : step.questions) {
      if (!core::question_visible(q, sheet)) continue;
      json options = json::array();
      for (const auto& o : q.options)
        options.push_back({{"value", core::option_value(q, o)}, {"label", o.label.get(s.language)}, {"description", o.description.get(s.language)}});
      questions.push_back({{"key", q.key}, {"kind", kKinds[static_cast<int>(q.kind)]}, {"label", q.label.get(s.language)},
                           {"why", q.why.get(s.language)}, {"unit", q.unit.get(s.language)}, {"options", options},
                           {"min", q.min.value_or(0)}, {"max", q.max.value_or(120)},
                           {"value", core::answer_value(sheet, q.key)}});
    }
    j["questions"] = questions;
    return j;
  }
  const auto plan = current_plan(s);
  if (!plan) return j;
  const PlanView v = plan_view(s, *plan);
  static const char* const kStyles[] = {"bullets", "rows", "numbered"};
  json sections = json::array();
  for (const auto& sec : v.sections) {
    json items = json::array();
    for (const auto& i : sec.items) items.push_back(item_text(i));
    sections.push_back({{"style", kStyles[static_cast<int>(sec.style)]}, {"heading", sec.heading}, {"items", items}});
  }
  j["plan"] = {{"title", v.title}, {"decision", v.decision_text}, {"sections", sections}, {"disclaimer", v.disclaimer}, {"stamp", v.stamp}};
  return j;
}

}  // namespace skindepth::app
