// libFuzzer target for the content loader: arbitrary bytes stand in for one content file's text (the
// first byte picks which of the built-in files, by name order), the others stay as shipped, and
// content::load() runs end to end (every part and the cross-checks). Errors are the expected result;
// a crash, a leak or undefined behaviour is a bug. Run by scripts/fuzz.
#include "content/loader.h"
#include "core/plan.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>

using skindepth::content::FileMap;

// The unchanged files are re-parsed on every run; without their indentation that costs a third less.
// (Key order does not matter: the loader reads them into sorted objects anyway.)
static FileMap minified(FileMap files) {
  for (auto& [name, text] : files) text = nlohmann::json::parse(text).dump();
  return files;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const FileMap kShipped = minified(skindepth::content::default_files());
  if (size == 0 || kShipped.empty()) return 0;
  FileMap files = kShipped;
  auto it = std::next(files.begin(), static_cast<std::ptrdiff_t>(data[0] % files.size()));
  it->second.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto result = skindepth::content::load(files);
  // Every rejection must say where and what, or the person editing the file is left guessing.
  for (const auto& e : result.errors)
    if (e.file.empty() || e.message.empty() || e.to_string().empty()) std::abort();
  // Content that passes validation must be safe to use: a plan built from it must not crash.
  if (result.ok()) {
    skindepth::core::Answers answers;
    answers.concerns = {skindepth::core::Concern::AcneScars, skindepth::core::Concern::FineLines};
    answers.area = skindepth::core::Area::Cheeks;
    for (const auto& language : result.content.languages)
      (void)skindepth::core::plan_to_json(skindepth::core::make_plan(result.content, answers, language), language);
  }
  return 0;
}
