// The medical director's review document (see review_document.h). Sections, in order:
//   [SIGN-OFF]  version and who reviewed it, with lines to sign on paper
//   [CHANGES]   the changelog of review.json and, with --since, every value that differs
//   [RULES]     each screening rule: when (in words) -> outcome, what the patient reads, sources
//   [PLANS]     each concern's course, and every plan line with when it is shown
//   [FIGURES]   every number and duration in the content, with its basis (_comment) and sources
//   [TEXTS]     every patient-facing text, one column per language
//   [SOURCES]   each source, its full reference and how many statements cite it
#include "tools/review_document.h"

#include "content/json_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string_view>
#include <vector>

namespace skindepth::tools {

namespace {

using json = nlohmann::ordered_json;  // the document follows the files' order

// --- [HTML] -----------------------------------------------------------------------------------------

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : "") + parts[i];
  return out;
}

const char* kStyle = R"(
body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #446; }
h3 { margin-top: 1.5rem; } table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #eef; } tr { break-inside: avoid; } .where { font-size: .85em; color: #555; overflow-wrap: anywhere; max-width: 14rem; }
.refer { color: #a00; font-weight: 600; } .defer { color: #a60; font-weight: 600; } .proceed { color: #060; font-weight: 600; }
.missing { background: #fee; color: #a00; } .added { background: #efe; } .removed { background: #fee; }
.basis { font-size: .85em; color: #444; } .src { font-size: .85em; } .note { color: #555; }
.signoff { border: 2px solid #446; padding: .8rem 1rem; } .sign td { height: 2.2rem; width: 25%; }
nav ol { columns: 2; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } nav { display: none; } h2 { break-before: page; }
  h2.first { break-before: avoid; } a { color: inherit; text-decoration: none; } }
)";

// --- [JSON] reading the files as written ------------------------------------------------------------

// A localized text: an object whose keys are all languages of the content.
bool is_text(const json& j, const std::vector<std::string>& languages) {
  if (!j.is_object() || j.empty()) return false;
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string()) return false;
    bool known = false;
    for (const auto& l : languages) known = known || l == k;
    if (!known) return false;
  }
  return true;
}

std::string text_in(const json& j, const std::string& language) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    if (j.contains(language) && j[language].is_string()) return j[language].get<std::string>();
    if (j.contains("en") && j["en"].is_string()) return j["en"].get<std::string>();
  }
  return "";
}

std::string scalar_text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return content::format_number(j.get<double>());
  if (j.is_boolean()) return j.get<bool>() ? "yes" : "no";
  if (j.is_null()) return "null";
  if (j.is_array()) {
    std::vector<std::string> parts;
    for (const auto& e : j) parts.push_back(e.is_primitive() ? scalar_text(e) : e.dump());
    return join(parts, ", ");
  }
  return j.dump();
}

// An array element's name in a location: its id where it has one.
std::string element_name(const json& e, std::size_t index) {
  if (e.is_object()) {
    for (const char* k : {"id", "key", "concern", "value", "at"})
      if (e.contains(k) && (e[k].is_string() || e[k].is_number())) return scalar_text(e[k]);
    if (e.contains("from") && e.contains("to") && e["from"].is_string() && e["to"].is_string())
      return e["from"].get<std::string>() + " to " + e["to"].get<std::string>();
    if (e.contains("needle_mm") && e["needle_mm"].is_number()) return scalar_text(e["needle_mm"]) + " mm";
    if (e.contains("above_mm") && e["above_mm"].is_number()) return "above " + scalar_text(e["above_mm"]) + " mm";
  }
  return "#" + std::to_string(index + 1);
}

// Names of an array's elements, unique within the array (a repeated name gets its position).
std::vector<std::string> element_names(const json& array) {
  std::vector<std::string> names;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < array.size(); ++i) names.push_back(element_name(array[i], i));
  for (const auto& n : names) ++seen[n];
  for (std::size_t i = 0; i < names.size(); ++i)
    if (seen[names[i]] > 1) names[i] += " #" + std::to_string(i + 1);
  return names;
}

std::string where(const std::vector<std::string>& path) { return path.empty() ? "top level" : join(path, " › "); }

// --- [WORDS] conditions and outcomes --------------------------------------------------------------

class Words {
 public:
  explicit Words(const json& questionnaire) {
    for (const auto& step : questionnaire.value("steps", json::array()))
      for (const auto& q : step.value("questions", json::array()))
        if (q.contains("key") && q["key"].is_string()) questions_[q["key"].get<std::string>()] = q;
  }

  std::string condition(const json& c) const {
    if (!c.is_object() || c.empty()) return "always";
    std::vector<std::string> parts;
    for (const auto& [key, v] : c.items()) parts.push_back(part(key, v));
    return join(parts, " and ");
  }

  std::string option(const std::string& key, const json& value) const {
    const json* q = find(key);
    if (q)
      for (const auto& o : q->value("options", json::array()))
        if (o.contains("value") && scalar_text(o["value"]) == scalar_text(value)) return text_in(o["label"], "en");
    return scalar_text(value);
  }

  std::string question(const std::string& key) const {
    const json* q = find(key);
    return q && q->contains("label") ? "“" + text_in((*q)["label"], "en") + "”" : key;
  }

 private:
  const json* find(const std::string& key) const {
    auto it = questions_.find(key);
    return it == questions_.end() ? nullptr : &it->second;
  }

  static std::string key_name(const std::string& key) {
    if (key == "fitzpatrick") return "skin type (Fitzpatrick)";
    std::string out = key;
    for (char& ch : out)
      if (ch == '_') ch = ' ';
    return out;
  }

  std::vector<std::string> options(const std::string& key, const json& values) const {
    std::vector<std::string> out;
    if (values.is_array())
      for (const auto& v : values) out.push_back(option(key, v));
    else
      out.push_back(option(key, values));
    return out;
  }

  std::string part(const std::string& key, const json& v) const {
    if (key == "all" || key == "any") {
      std::vector<std::string> parts;
      for (const auto& child : v) parts.push_back("(" + condition(child) + ")");
      return join(parts, key == "all" ? " and " : " or ");
    }
    if (key == "not") return "not (" + condition(v) + ")";
    if (key == "unanswered") {
      std::vector<std::string> names;
      for (const auto& k : v) names.push_back(k.is_string() ? question(k.get<std::string>()) : k.dump());
      return (names.size() == 1 ? "no answer to " : "no answer to any of ") + join(names, ", ");
    }
    if (v.is_boolean()) return question(key) + " is answered " + (v.get<bool>() ? "Yes" : "No");
    if (!v.is_object()) return key_name(key) + " is " + scalar_text(v);
    if (v.contains("includes")) return key_name(key) + " include " + join(options(key, v["includes"]), " or ");
    if (v.contains("in")) return key_name(key) + " is " + join(options(key, v["in"]), " or ");
    std::vector<std::string> bounds;
    if (v.contains("min")) bounds.push_back(scalar_text(v["min"]) + " or more");
    if (v.contains("below")) bounds.push_back("under " + scalar_text(v["below"]));
    if (v.contains("max")) bounds.push_back(scalar_text(v["max"]) + " or less");
    return key_name(key) + " " + join(bounds, " and ");
  }

  std::map<std::string, json> questions_;
};

std::string outcome_words(const json& rule) {
  const std::string outcome = rule.value("outcome", "");
  if (outcome == "refer") return "<span class=refer>Refer</span>: see a clinician first; no plan";
  if (outcome == "defer") {
    std::string out = "<span class=defer>Wait</span>: no plan yet";
    if (rule.contains("wait") && rule["wait"].contains("days"))
      out += "; at least " + scalar_text(rule["wait"]["days"]) + " days";
    return out;
  }
  std::string out = "<span class=proceed>Proceed</span> with a caution";
  std::vector<std::string> changes;
  if (rule.contains("modifications")) {
    const auto& m = rule["modifications"];
    if (m.contains("depth_max_mm")) changes.push_back("needle depth at most " + scalar_text(m["depth_max_mm"]) + " mm");
    if (m.contains("extra_sessions")) changes.push_back(scalar_text(m["extra_sessions"]) + " more sessions");
    if (m.contains("interval_min_weeks"))
      changes.push_back("sessions at least " + scalar_text(m["interval_min_weeks"]) + " weeks apart");
  }
  if (!changes.empty()) out += "; " + join(changes, "; ");
  return out;
}

// --- [DOCUMENT] ----------------------------------------------------------------------------------

class Document {
 public:
  Document(const ReviewInput& input, const std::map<std::string, json>& files)
      : in_(input), content_(*input.content), files_(files),
        words_(files.count("questionnaire.json") ? files.at("questionnaire.json") : json::object()) {}

  std::string html(const std::map<std::string, json>* since) {
    collect_texts();
    collect_figures();
    out_ += "<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>SkinDepth content " +
            esc(content_.review.version) + " for medical review</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out_ += "<h1>SkinDepth content for medical review</h1>\n<p>Content version <b>" + esc(content_.review.version) +
            "</b> · languages: " + esc(join(content_.languages, ", ")) + " · " + std::to_string(rule_count()) +
            " screening rules, " + std::to_string(figure_count_) + " figure rows, " + std::to_string(texts_.size()) +
            " patient-facing texts, " + std::to_string(content_.sources.size()) + " sources.</p>\n";
    out_ += "<p class=note>This document is generated from the content folder by <code>skindepth review</code>. "
            "It changes nothing: edit the JSON files, check them with <code>skindepth check-content</code>, and "
            "generate it again.</p>\n";
    out_ += "<nav><ol><li><a href='#signoff'>Sign-off</a><li><a href='#changes'>What changed</a>"
            "<li><a href='#rules'>Screening rules</a><li><a href='#plans'>Plans and plan lines</a>"
            "<li><a href='#figures'>Figures and their sources</a><li><a href='#texts'>Patient-facing texts</a>"
            "<li><a href='#sources'>Sources</a></ol></nav>\n";
    signoff();
    changes(since);
    rules();
    plans();
    figures();
    texts();
    sources();
    out_ += "</body>\n</html>\n";
    return out_;
  }

 private:
  const std::vector<std::string>& langs() const { return content_.languages; }

  std::string lang_headers() const {
    std::string out;
    for (const auto& l : langs()) out += "<th>" + esc(l == "en" ? "English" : l == "es" ? "Español" : l) + "</th>";
    return out;
  }

  // One cell per language; a missing translation is marked (the widget shows English instead).
  std::string text_cells(const json& text) const {
    std::string out;
    for (const auto& l : langs()) {
      if (text.is_string() && l == langs().front())
        out += "<td>" + esc(text.get<std::string>()) + "</td>";
      else if (text.is_object() && text.contains(l) && text[l].is_string() && !text[l].get<std::string>().empty())
        out += "<td>" + esc(text[l].get<std::string>()) + "</td>";
      else
        out += "<td class=missing>missing: the widget shows English</td>";
    }
    return out;
  }

  std::string source_links(const json& ids) const {
    if (!ids.is_array() || ids.empty()) return "<span class=missing>no source</span>";
    std::vector<std::string> parts;
    for (const auto& id : ids) {
      if (!id.is_string()) continue;
      const auto* s = content_.find_source(id.get<std::string>());
      const std::string name = s ? s->short_name.en() : id.get<std::string>();
      parts.push_back("<a href='#src-" + esc(id.get<std::string>()) + "'>" + esc(name.empty() ? id.get<std::string>() : name) + "</a>");
    }
    return "<span class=src>" + join(parts, "; ") + "</span>";
  }

  const json& file(const std::string& name) const {
    static const json kEmpty = json::object();
    auto it = files_.find(name);
    return it == files_.end() ? kEmpty : it->second;
  }

  int rule_count() const { return static_cast<int>(file("questionnaire.json").value("rules", json::array()).size()); }

  // --- [SIGN-OFF]
  void signoff() {
    const auto& r = content_.review;
    out_ += "<h2 id=signoff class=first>1. Sign-off</h2>\n<div class=signoff>";
    if (r.signed_off()) {
      std::string line = content_.ui("review.signed", "en");
      std::size_t at = 0;
      for (const std::string* value : {&r.reviewer, &r.role, &r.date}) {
        at = line.find("%s", at);
        if (at == std::string::npos) break;
        line.replace(at, 2, *value);
        at += value->size();
      }
      out_ += "<p><b>" + esc(line) + "</b> (version " + esc(r.version) + ").</p>";
    } else {
      out_ += "<p><b>" + esc(content_.ui("review.unsigned", "en")) + ".</b> The widget says so on printed plans and in "
              "staff mode until review.json's <code>signoff</code> holds the reviewer, role and date.</p>";
    }
    out_ += "<p>I have reviewed the rules, figures and texts of content version " + esc(r.version) + " below.</p>"
            "<table class=sign><tr><th>Reviewer</th><th>Role</th><th>Date</th><th>Signature</th></tr>"
            "<tr><td></td><td></td><td></td><td></td></tr></table></div>\n";
  }

  // --- [CHANGES]
  void changes(const std::map<std::string, json>* since) {
    out_ += "<h2 id=changes>2. What changed</h2>\n<h3>Changelog (review.json)</h3>\n";
    if (content_.review.changes.empty()) out_ += "<p class=missing>The changelog is empty.</p>\n";
    else {
      out_ += "<table><tr><th>Version</th><th>Date</th>" + lang_headers() + "</tr>\n";
      for (const auto& c : content_.review.changes) {
        out_ += "<tr><td>" + esc(c.version) + "</td><td>" + esc(c.date) + "</td>";
        for (const auto& l : langs()) out_ += "<td>" + esc(c.summary.get(l)) + "</td>";
        out_ += "</tr>\n";
      }
      out_ += "</table>\n";
    }
    if (!since) {
      out_ += "<p class=note>To list every value that differs from an earlier version, run "
              "<code>skindepth review content/ --since OLD_CONTENT_DIR</code>.</p>\n";
      return;
    }
    std::string old_version = "none recorded";
    if (since->count("review.json") && since->at("review.json").contains("version"))
      old_version = scalar_text(since->at("review.json")["version"]);
    out_ += "<h3>Every value that differs from " + esc(in_.since_name) + " (version " + esc(old_version) + ")</h3>\n";
    std::set<std::string> names;
    for (const auto& [n, _] : files_) names.insert(n);
    for (const auto& [n, _] : *since) names.insert(n);
    int total = 0;
    for (const auto& name : names) {
      std::map<std::string, std::string> before, after;
      if (since->count(name)) flatten(since->at(name), {}, before);
      if (files_.count(name)) flatten(files_.at(name), {}, after);
      std::string rows;
      int n = 0;
      for (const auto& [k, v] : after) {
        auto it = before.find(k);
        if (it == before.end())
          rows += "<tr class=added><td class=where>" + esc(k) + "</td><td>added</td><td>" + esc(v) + "</td></tr>\n";
        else if (it->second != v)
          rows += "<tr><td class=where>" + esc(k) + "</td>" + changed_cells(it->second, v) + "</tr>\n";
        else
          continue;
        ++n;
      }
      for (const auto& [k, v] : before)
        if (!after.count(k)) {
          rows += "<tr class=removed><td class=where>" + esc(k) + "</td><td>" + esc(v) + "</td><td>removed</td></tr>\n";
          ++n;
        }
      if (n == 0) continue;
      total += n;
      out_ += "<h3>" + esc(name) + ": " + std::to_string(n) + (n == 1 ? " change" : " changes") + "</h3>\n"
              "<table><tr><th>Where</th><th>Before</th><th>Now</th></tr>\n" + rows + "</table>\n";
    }
    if (total == 0) out_ += "<p>No value differs.</p>\n";
  }

  // Before and after with the part that differs marked; long unchanged stretches around it are cut.
  static std::string changed_cells(const std::string& before, const std::string& after) {
    std::size_t head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head]) ++head;
    while (head > 0 && before[head - 1] != ' ') --head;  // whole words
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
      ++tail;
    while (tail > 0 && before[before.size() - tail] != ' ') --tail;
    constexpr std::size_t kContext = 80;
    auto cell = [&](const std::string& s) {
      std::size_t from = head > kContext ? head - kContext : 0;
      std::size_t to = s.size() - tail + std::min(tail, kContext);
      // Never cut inside a UTF-8 sequence.
      while (from < head && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
      while (to < s.size() && to > s.size() - tail && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) --to;
      return "<td>" + std::string(from ? "…" : "") + esc(s.substr(from, head - from)) + "<mark>" +
             esc(s.substr(head, s.size() - tail - head)) + "</mark>" + esc(s.substr(s.size() - tail, to - (s.size() - tail))) +
             (to < s.size() ? "…" : "") + "</td>";
    };
    return cell(before) + cell(after);
  }

  // Every value by location; a list of plain values (sources, areas) is one value.
  static void flatten(const json& j, std::vector<std::string> path, std::map<std::string, std::string>& out) {
    const bool plain_list = j.is_array() && std::all_of(j.begin(), j.end(), [](const json& e) { return e.is_primitive(); });
    if (j.is_primitive() || plain_list) {
      out[where(path)] = scalar_text(j);
    } else if (j.is_object()) {
      for (const auto& [k, v] : j.items()) {
        path.push_back(k);
        flatten(v, path, out);
        path.pop_back();
      }
    } else {
      const auto names = element_names(j);
      for (std::size_t i = 0; i < j.size(); ++i) {
        path.push_back(names[i]);
        flatten(j[i], path, out);
        path.pop_back();
      }
    }
  }

  // --- [RULES]
  void rules() {
    const json& q = file("questionnaire.json");
    out_ += "<h2 id=rules>3. Screening rules</h2>\n<p>Every rule whose condition holds applies. The most cautious "
            "outcome decides: <span class=refer>refer</span> over <span class=defer>wait</span> over "
            "<span class=proceed>proceed</span>, and every reason that applies is shown to the patient. A question "
            "left unanswered never matches a condition on its answer. Proceed rules add a caution to the plan and "
            "may change it.</p>\n";
    for (const char* outcome : {"refer", "defer", "proceed"}) {
      out_ += std::string("<h3>") +
              (outcome == std::string("refer") ? "Refer: the patient sees a clinician first"
               : outcome == std::string("defer") ? "Wait: no plan until the reason has passed"
                                                 : "Proceed with a caution or a change to the plan") +
              "</h3>\n<table><tr><th>Rule</th><th>When</th><th>Outcome</th>" + lang_headers() + "<th>Sources</th></tr>\n";
      for (const auto& r : q.value("rules", json::array())) {
        if (r.value("outcome", "") != outcome) continue;
        out_ += "<tr><td class=where>" + esc(r.value("id", "")) + "</td><td>" + esc(words_.condition(r.value("when", json::object()))) +
                "</td><td>" + outcome_words(r) + "</td>";
        std::string cells = text_cells(r.value("reason", json::object()));
        if (r.contains("wait") && r["wait"].contains("text")) {
          // The wait line is shown under the reason.
          cells.clear();
          for (const auto& l : langs())
            cells += "<td>" + esc(text_in(r["reason"], l)) + "<br><i>" + esc(text_in(r["wait"]["text"], l)) + "</i></td>";
        }
        out_ += cells + "<td>" + source_links(r.value("sources", json::array())) + "</td></tr>\n";
      }
      out_ += "</table>\n";
    }
  }

  // --- [PLANS]
  void plans() {
    const json& q = file("questionnaire.json");
    out_ += "<h2 id=plans>4. Plans and plan lines</h2>\n<h3>Course by concern</h3>\n<p>Several concerns: the "
            "most sessions any needs, the overlap of their spacings and depths; when those do not overlap the "
            "patient is referred. The depth is then kept within the area's usual range and ceiling "
            "(section 5, areas.json) and never through the skin drawn for that area.</p>\n"
            "<table><tr><th>Concern</th><th>Sessions</th><th>Weeks apart</th><th>Depth (mm)</th><th>Depth by area (mm)</th>"
            "<th>Maintenance</th><th>Minutes</th>" + lang_headers() + "<th>Sources</th></tr>\n";
    for (const auto& r : q.value("recipes", json::array())) {
      const std::string concern = scalar_text(r.value("concern", json("")));
      out_ += "<tr><td>" + esc(words_.option("concerns", concern)) + "</td>";
      if (!r.value("course", true)) {
        out_ += "<td colspan=6><b>No course</b>: explained, never planned as sessions</td>";
      } else {
        out_ += "<td>" + span(r, "sessions") + "</td><td>" + span(r, "interval_weeks") + "</td><td>" + span(r, "depth_mm") + "</td><td>";
        std::vector<std::string> by_area;
        for (const auto& a : r.value("by_area", json::array())) {
          std::vector<std::string> areas;
          for (const auto& id : a.value("areas", json::array())) areas.push_back(words_.option("area", id));
          by_area.push_back(esc(join(areas, ", ")) + ": " + span(a, "depth_mm") + " " + source_links(a.value("sources", json::array())));
        }
        out_ += join(by_area, "<br>") + "</td><td>" + (r.contains("maintenance_months") ? "every " + span(r, "maintenance_months") + " months" : "none") +
                "</td><td>" + span(r, "session_minutes") + "</td>";
      }
      out_ += text_cells(r.value("why", json::object())) + "<td>" + source_links(r.value("sources", json::array())) + "</td></tr>\n";
    }
    out_ += "</table>\n";
    plan_lines("Before the session (pre-care)", q.value("pre_care", json::array()));
    plan_lines("After the session (aftercare)", q.value("aftercare", json::array()));
    plan_lines("What to expect", q.value("expected", json::array()));
    out_ += "<h3>Depth cautions</h3>\n<table><tr><th>Shown when</th>" + lang_headers() + "<th>Sources</th></tr>\n";
    for (const auto& c : q.value("depth_cautions", json::array()))
      out_ += "<tr><td>the plan's depth is above " + esc(scalar_text(c.value("above_mm", json(0)))) + " mm</td>" +
              text_cells(c.value("text", json::object())) + "<td>" + source_links(c.value("sources", json::array())) + "</td></tr>\n";
    out_ += "</table>\n<h3>Reasons and notices the engine adds</h3>\n<table><tr><th>Line</th><th>Shown when</th>" + lang_headers() + "<th>Sources</th></tr>\n";
    const std::pair<const char*, const char*> kFixed[] = {
        {"proceed_reason", "nothing in the answers rules treatment out now"},
        {"conflict_reason", "the chosen concerns need depths or spacings that do not overlap (refer)"},
        {"clamped_reason", "the area's usual range or ceiling made the plan shallower than its concerns' studies"},
        {"fallback_reason", "no plan can be built (a concern without a course, an area without a skin model): refer"},
        {"disclaimer", "on every plan"}};
    for (const auto& [key, when] : kFixed) {
      if (!q.contains(key)) continue;
      const json& line = q[key];
      const json& text = line.is_object() && line.contains("text") ? line["text"] : line;
      out_ += "<tr><td class=where>" + esc(key) + "</td><td>" + esc(when) + "</td>" + text_cells(text) + "<td>" +
              (line.is_object() && line.contains("sources") ? source_links(line["sources"]) : "") + "</td></tr>\n";
    }
    out_ += "</table>\n";
  }

  static std::string span(const json& owner, const char* key) {
    if (!owner.contains(key)) return "";
    const json& s = owner[key];
    if (!s.is_object()) return esc(scalar_text(s));
    const std::string lo = scalar_text(s.value("min", json(0))), hi = scalar_text(s.value("max", json(0)));
    return esc(lo == hi ? lo : lo + "–" + hi);
  }

  void plan_lines(const std::string& title, const json& items) {
    out_ += "<h3>" + esc(title) + "</h3>\n<table><tr><th>Shown when</th><th>When to do it</th>" + lang_headers() + "<th>Sources</th></tr>\n";
    for (const auto& item : items) {
      const std::string when = item.contains("when") ? words_.condition(item["when"]) : "on every plan";
      std::string window;
      if (item.contains("window") && item["window"].contains("label")) window = text_in(item["window"]["label"], "en");
      out_ += "<tr><td>" + esc(when) + "</td><td>" + esc(window) + "</td>" + text_cells(item.value("text", json::object())) + "<td>" +
              source_links(item.value("sources", json::array())) + "</td></tr>\n";
    }
    out_ += "</table>\n";
  }

  // --- [FIGURES]
  struct FigureRow {
    std::string file, where, basis;
    std::vector<std::string> figures;
    json sources;
  };

  static bool is_duration(const std::string& s) {
    static const std::regex kDuration(R"(^-?[0-9]+(\.[0-9]+)?(m|h|d|w|mo|y)$)");
    return std::regex_match(s, kDuration);
  }

  // Collects one row per object that holds numbers or durations; plain nested objects (thickness_mm)
  // are folded into their owner's row; objects with their own sources or basis, and array elements,
  // get rows of their own after their owner's.
  void figure_walk(const std::string& file, const json& j, std::vector<std::string> path, const json& inherited_sources) {
    if (j.is_array()) {
      const auto names = element_names(j);
      for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_object()) continue;
        path.push_back(names[i]);
        figure_walk(file, j[i], path, inherited_sources);
        path.pop_back();
      }
      return;
    }
    if (!j.is_object() || is_text(j, langs())) return;
    FigureRow row{file, where(path), j.value("_comment", ""), {}, j.contains("sources") ? j["sources"] : inherited_sources};
    if (!row.sources.is_array() || row.sources.empty()) row.sources = descendant_sources(j);  // e.g. a guidance window
    std::vector<std::pair<std::string, const json*>> children;
    fold(row, j, "", children);
    if (!row.figures.empty()) {
      figures_.push_back(row);
      ++figure_count_;
    }
    for (const auto& [key, child] : children) {
      path.push_back(key);
      figure_walk(file, *child, path, row.sources);
      path.pop_back();
    }
  }

  // The sources the lines inside an object cite, each once.
  static json descendant_sources(const json& j) {
    json out = json::array();
    std::set<std::string> seen;
    std::vector<const json*> todo{&j};
    while (!todo.empty()) {
      const json* n = todo.back();
      todo.pop_back();
      if (n->is_array())
        for (const auto& e : *n) todo.push_back(&e);
      if (!n->is_object()) continue;
      for (const auto& [k, v] : n->items()) {
        if (k == "sources" && v.is_array()) {
          for (const auto& id : v)
            if (id.is_string() && seen.insert(id.get<std::string>()).second) out.push_back(id);
        } else {
          todo.push_back(&v);
        }
      }
    }
    return out;
  }

  // A figure's own basis: "ceiling_basis": {"clinic_setting": true} or {"sources": [...]} beside "ceiling_mm".
  std::string basis_note(const json& owner, const std::string& key) const {
    // "ceiling_mm" -> ceiling_basis, "not_evaluated_above_mm" -> not_evaluated_basis.
    std::string stem = key, basis_key;
    for (auto cut = stem.rfind('_'); cut != std::string::npos; cut = stem.rfind('_')) {
      stem.resize(cut);
      if (owner.contains(stem + "_basis") && owner[stem + "_basis"].is_object()) {
        basis_key = stem + "_basis";
        break;
      }
    }
    // A figure in an object that is itself the clinic's setting: "size": {"width_mm": 4, "clinic_setting": true}.
    if (basis_key.empty()) return owner.value("clinic_setting", false) ? " <b>(clinic's setting)</b>" : "";
    const json& b = owner[basis_key];
    if (b.value("clinic_setting", false)) return " <b>(clinic's setting)</b>";
    if (b.contains("sources")) return " (" + source_links(b["sources"]) + ")";
    return "";
  }

  void fold(FigureRow& row, const json& j, const std::string& prefix, std::vector<std::pair<std::string, const json*>>& children) {
    for (const auto& [k, v] : j.items()) {
      // Conditions are in section 3 in words; ids, option values and the scrubber's labelled moments
      // are names, not figures; the questions' input ranges are not medical figures either.
      if (k == "when" || k == "show_if" || k == "_comment" || k == "sources" || k.ends_with("_basis") || k == "id" ||
          k == "value" || k == "key_moments" || k == "steps")
        continue;
      const std::string name = esc(prefix + k) + ": ";
      if (v.is_number()) row.figures.push_back(name + esc(scalar_text(v)) + basis_note(j, k));
      else if (v.is_string() && is_duration(v.get<std::string>())) row.figures.push_back(name + esc(v.get<std::string>()));
      else if (v.is_array() && !v.empty() && v.front().is_number()) row.figures.push_back(name + esc(scalar_text(v)));
      else if (v.is_array()) children.emplace_back(k, &v);
      else if (v.is_object() && !is_text(v, langs())) {
        if (v.contains("sources") || v.contains("_comment")) children.emplace_back(k, &v);
        else fold(row, v, prefix + k + ".", children);
      }
    }
  }

  void collect_figures() {
    for (const auto& [name, j] : files_) figure_walk(name, j, {}, json::array());
  }

  void figures() {
    out_ += "<h2 id=figures>5. Figures and their sources</h2>\n<p>Every number and duration in the content, with "
            "the basis written beside it (its <code>_comment</code>) and the sources its part of the file cites. "
            "A value marked <b>clinic's setting</b> has no published figure: your medical director sets and "
            "confirms it.</p>\n";
    std::string current;
    for (const auto& row : figures_) {
      if (row.file != current) {
        if (!current.empty()) out_ += "</table>\n";
        current = row.file;
        out_ += "<h3>" + esc(current) + "</h3>\n<table><tr><th>Where</th><th>Figures</th><th>Basis</th><th>Sources</th></tr>\n";
      }
      out_ += "<tr><td class=where>" + esc(row.where) + "</td><td>" + join(row.figures, "<br>") + "</td><td class=basis>" +
              esc(row.basis) + "</td><td>" + source_links(row.sources) + "</td></tr>\n";
    }
    if (!current.empty()) out_ += "</table>\n";
  }

  // --- [TEXTS]
  struct TextRow {
    std::string file, where;
    json text;
  };

  void text_walk(const std::string& file, const json& j, std::vector<std::string>& path) {
    if (is_text(j, langs())) {
      texts_.push_back({file, where(path), j});
      return;
    }
    if (j.is_object()) {
      for (const auto& [k, v] : j.items()) {
        if (k == "_comment") continue;
        path.push_back(k);
        text_walk(file, v, path);
        path.pop_back();
      }
    } else if (j.is_array()) {
      const auto names = element_names(j);
      for (std::size_t i = 0; i < j.size(); ++i) {
        path.push_back(names[i]);
        text_walk(file, j[i], path);
        path.pop_back();
      }
    }
  }

  void collect_texts() {
    for (const auto& [name, j] : files_) {
      std::vector<std::string> path;
      text_walk(name, j, path);
    }
  }

  void texts() {
    out_ += "<h2 id=texts>6. Patient-facing texts</h2>\n<p>Every text the widget can show, in each language side by "
            "side, by file and location. A missing translation is marked: the widget shows English there.</p>\n";
    std::string current;
    for (const auto& t : texts_) {
      if (t.file != current) {
        if (!current.empty()) out_ += "</table>\n";
        current = t.file;
        out_ += "<h3>" + esc(current) + "</h3>\n<table><tr><th>Where</th>" + lang_headers() + "</tr>\n";
      }
      out_ += "<tr><td class=where>" + esc(t.where) + "</td>" + text_cells(t.text) + "</tr>\n";
    }
    if (!current.empty()) out_ += "</table>\n";
  }

  // --- [SOURCES]
  void count_citations(const json& j, std::map<std::string, int>& counts) const {
    if (j.is_object()) {
      for (const auto& [k, v] : j.items()) {
        if (k == "sources" && v.is_array()) {
          for (const auto& id : v)
            if (id.is_string()) ++counts[id.get<std::string>()];
        } else {
          count_citations(v, counts);
        }
      }
    } else if (j.is_array()) {
      for (const auto& e : j) count_citations(e, counts);
    }
  }

  void sources() {
    std::map<std::string, int> counts;
    for (const auto& [name, j] : files_)
      if (name != "sources.json") count_citations(j, counts);
    out_ += "<h2 id=sources>7. Sources</h2>\n<p>Seed articles are spa and clinic web pages (low authority); where "
            "they disagree with published figures, the published figure is used and the article's claim is not shown.</p>\n"
            "<table><tr><th>Id</th><th>Kind</th><th>Shown as</th><th>Reference</th><th>Note</th><th>Cited by</th></tr>\n";
    for (const auto& s : content_.sources) {
      const int n = counts.count(s.id) ? counts[s.id] : 0;
      std::string shown;
      for (const auto& l : langs()) shown += (shown.empty() ? "" : "<br>") + esc(s.short_name.get(l));
      out_ += "<tr id='src-" + esc(s.id) + "'><td class=where>" + esc(s.id) + "</td><td>" + esc(s.kind) + "</td><td>" + shown +
              "</td><td>" + esc(s.citation) + (s.url.empty() ? "" : "<br><span class=src>" + esc(s.url) + "</span>") +
              "</td><td>" + esc(s.note.en()) + "</td>" +
              (n ? "<td>" + std::to_string(n) + "</td>" : "<td class=missing>not cited</td>") + "</tr>\n";
    }
    out_ += "</table>\n";
  }

  const ReviewInput& in_;
  const core::Content& content_;
  const std::map<std::string, json>& files_;
  Words words_;
  std::string out_;
  std::vector<FigureRow> figures_;
  int figure_count_ = 0;
  std::vector<TextRow> texts_;
};

bool parse_files(const content::FileMap& files, std::map<std::string, json>& out, std::string& error) {
  for (const auto& [name, text] : files) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
      error = name + " is not valid JSON";
      return false;
    }
    out[name] = std::move(j);
  }
  return true;
}

}  // namespace

std::optional<std::string> review_html(const ReviewInput& input, std::string& error) {
  std::map<std::string, json> files, since;
  if (!parse_files(*input.files, files, error)) return std::nullopt;
  if (input.since && !parse_files(*input.since, since, error)) {
    error = "--since: " + error;
    return std::nullopt;
  }
  Document doc(input, files);
  return doc.html(input.since ? &since : nullptr);
}

}  // namespace skindepth::tools
