// Loads content/*.json into core::Content. Each part has its own parse_* function (declared in
// content/parts.h) so the skin model, the timeline and the questionnaire stay in their own files.
#include "content/loader.h"

#include "content/embedded.h"
#include "content/parts.h"
#include "core/json_text.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace skindepth::content {

FileMap default_files() {
  FileMap files;
  for (const auto& f : embedded::content()) files.emplace(std::string(f.name), std::string(f.data));
  return files;
}

namespace {
// An untranslated string: a text missing one of the languages ui.json lists.
void check_translated(const Reader& r, const core::Text& text) {
  if (!r.languages() || text.empty()) return;
  for (const auto& language : *r.languages())
    if (!text.by_language.count(language))
      r.error("untranslated: no \"" + language + "\" text (ui.json lists the languages every text needs)");
}
}  // namespace

core::Text read_text(const Reader& parent, const std::string& key, bool required) {
  core::Text text;
  if (!parent.has(key)) {
    if (required) parent.error_at(key, "missing: expected a text (a string, or an object of language: string)");
    return text;
  }
  Reader r = parent.member(key);
  const auto& v = r.value();
  if (v.is_string()) {
    if (v.get_ref<const std::string&>().empty()) r.error("expected a non-empty text");
    else text.by_language[core::kDefaultLanguage] = v.get<std::string>();
    check_translated(r, text);
    return text;
  }
  if (!v.is_object()) {
    r.error(std::string("expected a text (a string, or an object of language: string), found ") + v.type_name());
    return text;
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      r.error_at(it.key(), "expected a non-empty string");
      continue;
    }
    text.by_language[it.key()] = it->get<std::string>();
  }
  if (!text.by_language.count(core::kDefaultLanguage)) r.error("expected an \"en\" text (English is the fallback)");
  check_translated(r, text);
  return text;
}

void check_sources(const Reader& parent, const std::string& key, const std::vector<std::string>& ids,
                   const core::Content& content, bool required) {
  if (required && ids.empty() && parent.has(key)) parent.error_at(key, "expected at least one source id");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!content.find_source(ids[i]))
      parent.member(key).element(i).error("unknown source \"" + ids[i] + "\"; expected an id from sources.json");
  }
}

std::vector<std::string> read_sources(const Reader& r, const core::Content& content) {
  auto ids = r.strings("sources");
  check_sources(r, "sources", ids, content);
  return ids;
}

// {"sources": [...]} or {"clinic_setting": true}: every limit says where it comes from.
core::LimitBasis read_basis(const Reader& r, const core::Content& content) {
  core::LimitBasis basis;
  basis.clinic_setting = r.boolean("clinic_setting", false);
  if (r.has("sources")) basis.sources = read_sources(r, content);
  if (!basis.clinic_setting && basis.sources.empty())
    r.error("expected \"sources\", or \"clinic_setting\": true where no published figure exists");
  if (basis.clinic_setting && r.has("sources")) r.error_at("clinic_setting", "a limit with sources is not a clinic setting");
  return basis;
}

double read_share(const Reader& r, core::LimitBasis& basis, const core::Content& content) {
  r.reject_unknown({"share", "sources", "clinic_setting"});
  const double share = r.number("share", 0.0, 1.0);
  basis = read_basis(r, content);
  return share;
}

namespace {

// Parses one file's text; a missing file or broken JSON becomes an error at its root.
bool parse_file(const FileMap& files, const std::string& name, nlohmann::json& out, std::vector<ContentError>& errors) {
  auto it = files.find(name);
  if (it == files.end()) {
    errors.push_back({name, "", "file missing"});
    return false;
  }
  std::string error;
  if (!core::parse_json(it->second, out, error)) {  // never throws: the widget runs without exceptions
    errors.push_back({name, "", "not valid JSON: " + error});
    return false;
  }
  return true;
}

void parse_ui(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"languages", "strings"});
  content.languages = root.strings("languages");
  if (!content.languages.empty() && content.languages.front() != core::kDefaultLanguage)
    root.member("languages").element(0).error("expected \"en\" first (English is the fallback)");
  Reader strings = root.member("strings");
  strings.set_languages(&content.languages);
  if (!strings.expect_object()) return;
  for (auto it = strings.value().begin(); it != strings.value().end(); ++it)
    content.strings[it.key()] = read_text(strings, it.key());
}

void parse_sources(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"sources"});
  Reader list = root.member("sources");
  if (!list.expect_array()) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader s = list.element(i);
    if (!s.expect_object()) continue;
    s.reject_unknown({"id", "short", "kind", "citation", "url", "note"});
    core::Source source;
    source.id = s.string("id");
    source.kind = s.string("kind");
    source.citation = s.string("citation");
    source.short_name = read_text(s, "short", false);
    if (source.short_name.empty()) source.short_name.by_language[core::kDefaultLanguage] = source.id;
    source.url = s.optional_string("url");
    source.note = read_text(s, "note", false);
    static const char* kKinds[] = {"seed", "study", "review", "regulatory", "labelling", "manufacturer", "clinic"};
    bool kind_ok = false;
    for (const char* k : kKinds) kind_ok = kind_ok || source.kind == k;
    if (!source.kind.empty() && !kind_ok)
      s.error_at("kind", "expected one of seed, study, review, regulatory, labelling, manufacturer, clinic");
    if (content.find_source(source.id)) s.error_at("id", "duplicate source id \"" + source.id + "\"");
    content.sources.push_back(std::move(source));
  }
}

}  // namespace

const std::vector<std::string>& deferrable_parts() {
  static const std::vector<std::string> kParts = {"timeline.json", "questionnaire.json"};
  return kParts;
}

namespace {
bool deferrable(const std::string& file) {
  const auto& d = deferrable_parts();
  return std::find(d.begin(), d.end(), file) != d.end();
}
}  // namespace

Loading::Loading(FileMap files, bool defer_missing) : files_(std::move(files)), defer_missing_(defer_missing) {}

std::size_t Loading::steps() const { return 2 + content_parts().size() + 1; }

bool Loading::done() const { return next_ >= steps(); }

bool Loading::step() {
  if (done()) return true;
  auto& errors = result_.errors;
  auto with_file = [&](const std::string& name, auto&& parse) {
    nlohmann::json doc;
    if (!parse_file(files_, name, doc, errors)) return;
    Reader root(doc, name, "", errors);
    if (name != "ui.json") root.set_languages(&result_.content.languages);
    parse(root, result_.content);
  };
  // Order matters: later parts cite sources and use languages.
  const auto& parts = content_parts();
  const std::size_t i = next_++;
  if (i == 0) {
    with_file("sources.json", parse_sources);
  } else if (i == 1) {
    with_file("ui.json", parse_ui);
  } else if (i < 2 + parts.size()) {
    const auto& part = parts[i - 2];
    if (defer_missing_ && deferrable(part.file) && !files_.count(part.file)) result_.content.pending.push_back(part.file);
    else with_file(part.file, part.parse);
  } else {
    for (const auto& part : parts)
      if (part.cross_check && result_.content.has_part(part.file)) part.cross_check(result_.content, errors);
  }
  return done();
}

LoadResult Loading::take() { return std::move(result_); }

LoadResult load(const FileMap& files) {
  Loading loading(files);
  while (!loading.step()) {
  }
  return loading.take();
}

std::vector<ContentError> add_part(core::Content& content, const std::string& file, const std::string& text) {
  std::vector<ContentError> errors;
  if (content.has_part(file)) {
    errors.push_back({file, "", "not a part this content is waiting for"});
    return errors;
  }
  const ContentPart* part = nullptr;
  for (const auto& p : content_parts())
    if (p.file == file) part = &p;
  // The part is read into a copy, so that nothing the widget holds changes until it validated; only
  // the part's own member is then moved over (pointers into the rest stay good).
  core::Content copy = content;
  nlohmann::json doc;
  FileMap files{{file, text}};
  if (!part || !parse_file(files, file, doc, errors)) return errors;
  Reader root(doc, file, "", errors);
  root.set_languages(&copy.languages);
  part->parse(root, copy);
  if (part->cross_check) part->cross_check(copy, errors);
  if (!errors.empty()) return errors;
  if (file == "timeline.json") content.timeline = std::move(copy.timeline);
  if (file == "questionnaire.json") content.questionnaire = std::move(copy.questionnaire);
  content.pending.erase(std::find(content.pending.begin(), content.pending.end(), file));
  return errors;
}

std::vector<std::string> fallback_notices(const std::vector<ContentError>& errors, const std::string& language) {
  constexpr std::size_t kShown = 3;
  const core::Content& builtin = default_content();
  std::vector<std::string> out{builtin.ui("app.content_fallback", language)};
  for (std::size_t i = 0; i < errors.size() && i < kShown; ++i) out.push_back(errors[i].to_string());
  if (errors.size() > kShown) {
    std::string more = builtin.ui("app.more_errors", language);
    const auto at = more.find("%d");
    if (at != std::string::npos) more.replace(at, 2, std::to_string(errors.size() - kShown));
    out.push_back(more);
  }
  return out;
}

namespace {
std::optional<core::Content>& default_slot() {
  static std::optional<core::Content> content;
  return content;
}
}  // namespace

const core::Content& default_content() {
  auto& content = default_slot();
  if (!content) {
    Loading loading(default_files(), true);
    while (!loading.step()) {
    }
    content = loading.take().content;
  }
  return *content;
}

std::vector<ContentError> add_default_part(const std::string& file, const std::string& text) {
  default_content();
  return add_part(*default_slot(), file, text);
}

void adopt_default_content(core::Content content) {
  if (!default_slot()) default_slot() = std::move(content);
}

}  // namespace skindepth::content
