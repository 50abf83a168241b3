// Content JSON text -> core::Content, with validation. Parsers take text, never paths, so tests feed
// literal JSON; every rejection names the file, the JSON pointer and what was expected.
#pragma once

#include "content/json_reader.h"
#include "core/content.h"

#include <map>
#include <string>
#include <vector>

namespace skindepth::content {

using FileMap = std::map<std::string, std::string>;  // "areas.json" -> its text

struct LoadResult {
  core::Content content;
  std::vector<ContentError> errors;
  bool ok() const { return errors.empty(); }
};

// The content compiled into the binary (content/ at build time). The widget's build leaves out the
// deferrable parts (cmake: kDeferredContent): they come from the server when a view needs them.
FileMap default_files();
// Parses and cross-checks every file. Missing files and broken JSON are errors like any other.
LoadResult load(const FileMap& files);

// The parts a start may go without (timeline.json, questionnaire.json): each is needed by one view
// only (the plan needs both) and is most of the content's weight.
const std::vector<std::string>& deferrable_parts();
// Adds a part the content was started without (`content.pending`): parsed, checked against the rest
// and put in place only when it validates; on errors the content is left as it was. A file that is
// not pending is an error too.
std::vector<ContentError> add_part(core::Content& content, const std::string& file, const std::string& text);

// The same work as load(), one file at a time: each step() parses one file (sources.json, ui.json,
// then each part), the last one cross-checks them. The widget spreads its start over several short
// tasks this way, so a phone's main thread is never held for the whole content at once.
class Loading {
 public:
  // `defer_missing`: a deferrable part missing from `files` is noted in content.pending, not an error.
  explicit Loading(FileMap files, bool defer_missing = false);
  // Does the next piece of work; true once everything is done (a further call does nothing).
  bool step();
  bool done() const;
  std::size_t steps() const;  // how many step() calls the whole load takes
  LoadResult take();          // the result; call once, when done()
 private:
  FileMap files_;
  bool defer_missing_ = false;
  LoadResult result_;
  std::size_t next_ = 0;
};

// The built-in content, parsed once; it is validated by the tests, so it is always usable. In the
// widget its deferred parts are pending until add_default_part() brings them.
const core::Content& default_content();
std::vector<ContentError> add_default_part(const std::string& file, const std::string& text);
// Hands over the built-in content parsed elsewhere (the widget's start, with Loading over
// default_files()), so default_content() does not parse it again. Only before its first use.
void adopt_default_content(core::Content content);

// What the widget shows when a clinic's content did not validate and the built-in content is used:
// that notice, then the first problems as a spa's editor needs them (all of them go to the console).
std::vector<std::string> fallback_notices(const std::vector<ContentError>& errors, const std::string& language);

// Reads a localized text: a plain string (English) or {"en": "...", "es": "..."}.
core::Text read_text(const Reader& parent, const std::string& key, bool required = true);
// Checks that each id in `ids` is a source in `content`; records an error at parent/key otherwise.
void check_sources(const Reader& parent, const std::string& key, const std::vector<std::string>& ids,
                   const core::Content& content, bool required = true);
// The required "sources" member of r: ids checked against sources.json.
std::vector<std::string> read_sources(const Reader& r, const core::Content& content);
// {"sources": [...]} or {"clinic_setting": true}: a figure says where it comes from.
core::LimitBasis read_basis(const Reader& r, const core::Content& content);
// {"share": 0..1, "sources": [...] | "clinic_setting": true}: a share with where it comes from.
double read_share(const Reader& r, core::LimitBasis& basis, const core::Content& content);

}  // namespace skindepth::content
