// The one presentation of what the widget says in words: times on the healing timeline, spans and
// depths, dates, and a plan as headed sections. The ImGui panels, the page's accessible mirror, the
// text / print / calendar exports, the plan card of a handed-over link and describe() all show
// these, so the screen, the screen reader and the printout never disagree.
#pragma once

#include "app/app_state.h"
#include "app/plan_link.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace skindepth::app {

// "45 min", "6 h", "Day 3", "Week 5", "Month 6" in the current language; rounded to the nearest
// unit, so the text under a "6 mo" tick says month 6.
std::string time_text(const AppState& state, double hours);
// "3", "3–6", "1.00 mm", "1.00–1.50 mm": `decimals` after the point, an optional unit.
std::string span_text(const core::Span& span, int decimals = 0, const char* unit = "");
std::string mm_text(double mm);  // "1.25 mm"
// "Tue 8 Dec 2026" in the language's order and names (ui.json's date.weekdays, date.months and
// date.format); the ISO date when the content has no names.
std::string date_text(const core::Content& content, const std::string& language, const Date& date);
// "Sources: Meng 2022; Kalluri 2011" ("" without sources), from source ids or from short names.
std::string sources_text(const AppState& state, const std::vector<std::string>& ids);
std::string names_text(const AppState& state, const std::vector<std::string>& short_names);

struct PlanItem {
  std::string label;  // a care window ("From 7 days before") or a row's name ("Sessions"); may be ""
  std::string text;
  std::vector<std::string> sources;  // short names ("Meng 2022")
};
struct PlanSection {
  enum class Style { Bullets, Rows, Numbered };  // "- line", "Label: value" rows, "1. date"
  Style style = Style::Bullets;
  std::string key;      // the section's text key ("plan.aftercare"), for a renderer that styles one
  std::string heading;  // "" for the rows of numbers
  std::vector<PlanItem> items;
};
struct PlanView {
  core::Decision decision = core::Decision::Refer;
  std::string title, stamp, decision_text, area_name, disclaimer;
  std::vector<PlanSection> sections;
};

// The plan in the current language, every line with its sources.
PlanView plan_view(const AppState& state, const core::Plan& plan);
// A handed-over plan (a QR link's summary) in its own language, from the same content.
PlanView plan_view(const core::Content& content, const PlanSummary& summary);
// The plan as the take-home sheet and the handed-over card draw it (web/src): the view's fields,
// each section with its text key and style, and each item's sources as numbers into one list of
// full references (`sources`: {n, name, citation, url}), in the order they are first cited.
nlohmann::json plan_sheet_json(const core::Content& content, const std::string& language, const PlanView& view);
// "Label: text [Source; Source]".
std::string item_text(const PlanItem& item);
// The plan as plain text for copying, printing and the calendar, stamped as an educational
// illustration, not a prediction or medical advice.
std::string plan_text(const PlanView& view);
std::string plan_text(const AppState& state, const core::Plan& plan);
// The content's sign-off (review.json) in the current language: "Content reviewed by NAME (ROLE) on
// DATE", or plainly that the clinic's medical director has not reviewed it yet.
std::string review_text(const AppState& state);

}  // namespace skindepth::app
