// The presentation of times, spans, dates and plans (see present.h).
#include "app/present.h"

#include "app/calendar.h"
#include "core/timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace skindepth::app {

namespace {

std::string number_with(double value, const std::string& unit_key, const AppState& s, bool unit_first) {
  char buf[64];
  const double n = std::max(0.0, std::round(value));
  if (unit_first) std::snprintf(buf, sizeof buf, "%s %.0f", s.ui(unit_key).c_str(), n);
  else std::snprintf(buf, sizeof buf, "%.0f %s", n, s.ui(unit_key).c_str());
  return buf;
}

std::string text_of(const core::Text* t, const std::string& language) { return t ? t->get(language) : std::string(); }

// Short names in the plan's language ("Artículo de spa 001" in a Spanish plan).
std::vector<std::string> short_names(const core::Content* content, const std::vector<std::string>* ids,
                                     const std::string& language) {
  std::vector<std::string> out;
  if (!ids) return out;
  for (const auto& id : *ids) {
    const core::Source* src = content ? content->find_source(id) : nullptr;
    out.push_back(src ? src->short_name.get(language) : id);
  }
  return out;
}

std::string ui_text(const core::Content& content, const std::string& key, const std::string& language) {
  return content.ui(key, language);
}

const char* decision_key(core::Decision d) {
  return d == core::Decision::Proceed ? "plan.proceed" : d == core::Decision::Defer ? "plan.defer" : "plan.refer";
}

// The decision, the area and, for proceed, the course's numbers and dates: what a plan and a
// handed-over link share.
PlanView course_view(const core::Content& content, const PlanSummary& summary) {
  const std::string& lang = summary.language;
  auto ui = [&](const char* key) { return ui_text(content, key, lang); };
  PlanView v;
  v.decision = summary.decision;
  v.title = ui("app.title");
  v.stamp = ui("plan.stamp");
  v.decision_text = ui(decision_key(summary.decision));
  const core::BodyArea* area = content.skin.find_area(summary.area);
  v.area_name = area ? area->name.get(lang) : summary.area;
  if (summary.decision != core::Decision::Proceed) return v;
  PlanSection rows{PlanSection::Style::Rows, "plan.numbers", "", {}};
  rows.items = {{ui("plan.sessions"), span_text(summary.sessions), {}},
                {ui("plan.interval"), span_text(summary.interval_weeks), {}},
                {ui("plan.depth"), span_text(summary.depth_mm, 2, " mm"), {}}};
  if (summary.maintenance_months) rows.items.push_back({ui("plan.maintenance"), span_text(*summary.maintenance_months), {}});
  rows.items.push_back({ui("plan.minutes"), span_text(summary.session_minutes), {}});
  v.sections.push_back(std::move(rows));
  if (!summary.dates.empty()) {
    PlanSection dates{PlanSection::Style::Numbered, "plan.calendar", ui("plan.calendar"), {}};
    for (const auto& iso : summary.dates) {
      Date d;
      dates.items.push_back({"", parse_date(iso, d) ? date_text(content, lang, d) : iso, {}});
    }
    v.sections.push_back(std::move(dates));
  }
  return v;
}

// When to call the clinic (or get urgent help) after a session: every "call the clinic" line of the
// healing timeline, once each, so a printed or handed-over plan carries them too.
PlanSection warning_signs(const core::Content& content, const std::string& lang) {
  PlanSection sec{PlanSection::Style::Bullets, "plan.warning_signs", ui_text(content, "plan.warning_signs", lang), {}};
  std::vector<const core::Text*> seen;
  for (const auto& w : content.timeline.guidance)
    for (const auto& item : w.call_clinic) {
      if (std::find(seen.begin(), seen.end(), &item.text) != seen.end()) continue;
      seen.push_back(&item.text);
      sec.items.push_back({"", item.text.get(lang), short_names(&content, &item.sources, lang)});
    }
  return sec;
}

}  // namespace

std::string time_text(const AppState& s, double hours) {
  if (hours < 1.0) return number_with(hours * 60.0, "time.minutes", s, false);
  if (hours < 48.0) return number_with(hours, "time.hours", s, false);
  if (hours < 24.0 * 28) return number_with(hours / 24.0, "time.day", s, true);
  if (hours < core::kHoursPerWeek * 13) return number_with(hours / core::kHoursPerWeek, "time.week", s, true);
  return number_with(hours / core::kHoursPerMonth, "time.month", s, true);
}

std::string span_text(const core::Span& span, int decimals, const char* unit) {
  char a[32], b[32], out[80];
  std::snprintf(a, sizeof a, "%.*f", decimals, span.min);
  std::snprintf(b, sizeof b, "%.*f", decimals, span.max);
  if (std::string(a) == b) std::snprintf(out, sizeof out, "%s%s", a, unit);
  else std::snprintf(out, sizeof out, "%s\xE2\x80\x93%s%s", a, b, unit);  // an en dash
  return out;
}

std::string mm_text(double mm) { return span_text({mm, mm}, 2, " mm"); }

std::string date_text(const core::Content& content, const std::string& language, const Date& date) {
  auto nth = [](const std::string& list, int n) {
    std::size_t start = 0;
    for (int i = 0; i < n; ++i) {
      start = list.find(',', start);
      if (start == std::string::npos) return std::string();
      ++start;
    }
    return list.substr(start, list.find(',', start) - start);
  };
  const std::string weekday = nth(content.ui("date.weekdays", language), date.weekday());
  const std::string month = nth(content.ui("date.months", language), date.month - 1);
  std::string out = content.ui("date.format", language);  // e.g. "{weekday} {day} {month} {year}"
  if (weekday.empty() || month.empty() || out.find("{day}") == std::string::npos) return date.iso();
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{weekday}", weekday}, {"{day}", std::to_string(date.day)},
                                  {"{month}", month}, {"{year}", std::to_string(date.year)}})
    if (const auto at = out.find(key); at != std::string::npos) out.replace(at, key.size(), value);
  return out;
}

std::string names_text(const AppState& s, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string line = s.ui("common.sources") + ": ";
  for (std::size_t i = 0; i < names.size(); ++i) line += (i ? "; " : "") + names[i];
  return line;
}

std::string sources_text(const AppState& s, const std::vector<std::string>& ids) {
  return s.content ? names_text(s, short_names(s.content, &ids, s.language)) : std::string();
}

PlanView plan_view(const AppState& s, const core::Plan& plan) {
  PlanView v = course_view(*s.content, summarize(s, plan));
  const std::string& lang = s.language;
  auto section = [&](const char* key, const std::vector<core::PlanLine>& lines) {
    PlanSection sec{PlanSection::Style::Bullets, key, s.ui(key), {}};
    for (const auto& l : lines) {
      if (!l.text) continue;
      sec.items.push_back({l.window ? l.window->label.get(lang) : std::string(), text_of(l.text, lang),
                           short_names(s.content, l.sources, lang)});
    }
    if (!sec.items.empty()) return sec;
    return PlanSection{};
  };
  // Reasons and waits first, the course after them, then the care and what to expect.
  std::vector<PlanSection> sections;
  for (auto sec : {section("plan.reasons", plan.reasons), section("plan.wait", plan.wait)})
    if (!sec.items.empty()) sections.push_back(std::move(sec));
  for (auto& sec : v.sections) sections.push_back(std::move(sec));
  if (plan.decision == core::Decision::Proceed)
    for (auto sec : {section("plan.pre_care", plan.pre_care), section("plan.aftercare", plan.aftercare),
                     section("plan.expected", plan.expected)})
      if (!sec.items.empty()) sections.push_back(std::move(sec));
  if (auto sec = section("plan.cautions", plan.cautions); !sec.items.empty()) sections.push_back(std::move(sec));
  if (plan.decision == core::Decision::Proceed) {
    // How long the visible signs last at the plan's deepest needle: the timeline's downtime, so the
    // plan, the timeline's text and its picture agree.
    const auto& model = s.content->timeline;
    for (auto& sec : sections)
      if (sec.key == "plan.aftercare") {
        std::string text = s.ui("plan.downtime");
        if (const auto at = text.find("%s"); at != std::string::npos) text.replace(at, 2, mm_text(plan.depth_mm.max));
        if (const auto at = text.find("%d"); at != std::string::npos)
          text.replace(at, 2, std::to_string(static_cast<int>(std::lround(core::downtime_days(model, plan.depth_mm.max)))));
        sec.items.insert(sec.items.begin(), {"", text + ".", short_names(s.content, &model.downtime_sources, lang)});
      }
    sections.push_back(warning_signs(*s.content, lang));
  }
  v.sections = std::move(sections);
  v.disclaimer = text_of(plan.disclaimer, lang);
  return v;
}

PlanView plan_view(const core::Content& content, const PlanSummary& summary) {
  PlanView v = course_view(content, summary);
  if (summary.decision == core::Decision::Proceed) v.sections.push_back(warning_signs(content, summary.language));
  v.disclaimer = ui_text(content, "app.disclaimer", summary.language);
  return v;
}

nlohmann::json plan_sheet_json(const core::Content& content, const std::string& language, const PlanView& v) {
  static const char* const kStyles[] = {"bullets", "rows", "numbered"};
  nlohmann::json sources = nlohmann::json::array();
  std::vector<std::string> cited;  // short names, numbered in the order first cited
  auto ref = [&](const std::string& name) {
    const auto at = std::find(cited.begin(), cited.end(), name);
    if (at != cited.end()) return static_cast<int>(at - cited.begin()) + 1;
    cited.push_back(name);
    const core::Source* src = nullptr;
    for (const auto& candidate : content.sources)
      if (candidate.short_name.get(language) == name || candidate.id == name) src = &candidate;
    sources.push_back({{"n", cited.size()}, {"name", name}, {"citation", src ? src->citation : name}, {"url", src ? src->url : ""}});
    return static_cast<int>(cited.size());
  };
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& sec : v.sections) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : sec.items) {
      nlohmann::json refs = nlohmann::json::array();
      for (const auto& name : item.sources) refs.push_back(ref(name));
      items.push_back({{"label", item.label}, {"text", item.text}, {"refs", refs}});
    }
    sections.push_back({{"key", sec.key}, {"heading", sec.heading}, {"style", kStyles[static_cast<int>(sec.style)]}, {"items", items}});
  }
  return {{"language", language}, {"title", v.title}, {"stamp", v.stamp}, {"decision", v.decision_text},
          {"decision_id", std::string(core::decision_id(v.decision))}, {"area", content.ui("card.area", language) + ": " + v.area_name},
          {"sections", sections}, {"sources", sources}, {"sources_heading", content.ui("common.sources", language)},
          {"disclaimer", v.disclaimer}};
}

std::string item_text(const PlanItem& item) {
  std::string out = item.label.empty() ? item.text : item.label + ": " + item.text;
  if (item.sources.empty()) return out;
  out += " [";
  for (std::size_t i = 0; i < item.sources.size(); ++i) out += (i ? "; " : "") + item.sources[i];
  return out + "]";
}

std::string plan_text(const PlanView& v) {
  std::string out = v.title + "\n" + v.stamp + "\n\n" + v.decision_text + "\n";
  for (const auto& sec : v.sections) {
    out += "\n";
    if (!sec.heading.empty()) out += sec.heading + ":\n";
    for (std::size_t i = 0; i < sec.items.size(); ++i) {
      if (sec.style == PlanSection::Style::Bullets) out += "- ";
      if (sec.style == PlanSection::Style::Numbered) out += std::to_string(i + 1) + ". ";
      out += item_text(sec.items[i]) + "\n";
    }
  }
  if (!v.disclaimer.empty()) out += "\n" + v.disclaimer + "\n";
  return out + v.stamp + "\n";
}

std::string plan_text(const AppState& s, const core::Plan& plan) {
  const PlanView view = plan_view(s, plan);
  // The sign-off goes on the line after the stamp at the top (a handed-over card has no sign-off).
  return plan_text(view).insert((view.title + "\n" + view.stamp + "\n").size(), review_text(s) + "\n");
}

std::string review_text(const AppState& s) {
  if (!s.content || !s.content->review.signed_off()) return s.ui("review.unsigned");
  const auto& review = s.content->review;
  // Each %s in turn, replaced as text: a reviewer's name never reaches a printf format.
  std::string out = s.ui("review.signed");
  std::size_t at = 0;
  for (const std::string* value : {&review.reviewer, &review.role, &review.date}) {
    at = out.find("%s", at);
    if (at == std::string::npos) break;
    out.replace(at, 2, *value);
    at += value->size();
  }
  return out;
}

}  // namespace skindepth::app
