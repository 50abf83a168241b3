// `skindepth depth --area AREA --needle-mm MM [--content DIR] [--lang en|es]`: where a needle of
// that length ends in that body area, as JSON (see core/depth.h). Any length in the content's needle
// range is accepted, not only the steps the view offers: the answer is as exact between steps.
#include "core/depth.h"
#include "tools/cli.h"
#include "tools/commands.h"

#include <cmath>
#include <iostream>

namespace skindepth::tools {

namespace {

constexpr const char* kName = "depth";

using Json = nlohmann::ordered_json;  // keys in the order written: the answer first, details after

// Millimetres rounded to 0.1 µm so sums of decimal figures print as written (1.067, not 1.0670000000000002).
double mm(double v) { return std::round(v * 1e4) / 1e4; }

Json layer_ids(const std::vector<core::Layer>& layers) {
  auto out = Json::array();
  for (auto l : layers) out.push_back(core::layer_id(l));
  return out;
}

}  // namespace

int run_depth(const std::vector<std::string>& argv) {
  const Args args = Args::parse(argv, {"area", "needle-mm", "content", "lang"});
  if (!args.error.empty()) return fail(kName, args.error);
  if (!args.positional.empty()) return fail(kName, "unexpected argument \"" + args.positional[0] + "\"");
  const auto area_id = args.get("area");
  if (!area_id) return fail(kName, "missing --area AREA");
  const auto needle_text = args.get("needle-mm");
  if (!needle_text) return fail(kName, "missing --needle-mm MM");
  const auto content = content_for(kName, args);
  if (!content) return kExitUsage;
  const auto language = language_for(kName, args, *content);
  if (!language) return kExitUsage;
  const std::string& lang = *language;
  // Any length the content offers is answered, between the steps just as exactly.
  const auto needle = needle_for(kName, *needle_text, content->skin.needles);
  if (!needle) return kExitUsage;
  const auto* area = content->skin.find_area(*area_id);
  if (!area) {
    std::string known;
    for (const auto& a : content->skin.areas) known += (known.empty() ? "" : ", ") + a.id;
    return fail(kName, "unknown area \"" + *area_id + "\"; expected one of: " + known);
  }

  const auto r = core::query_depth(*area, content->skin, *needle);
  Json out = {
      {"area", area->id},
      {"area_name", area->name.get(lang)},
      {"needle_mm", r.needle_mm},
      {"tip_layer", core::layer_id(r.tip_layer)},
      {"layers_crossed", layer_ids(r.layers_crossed)},
      {"within_usual_range", r.within_usual_range},
      {"below_usual_range", r.below_usual_range},
      {"above_usual_range", r.above_usual_range},
      {"above_ceiling", r.above_ceiling},
      {"beyond_dermis", r.beyond_dermis},
      {"reaches_capillaries", r.reaches_capillaries},
      {"not_evaluated", r.not_evaluated},
      {"skin_mm", mm(r.skin_mm)},
      {"tip_fraction_of_skin", std::round(r.tip_fraction_of_skin * 1e4) / 1e4},
      {"usual_range_mm", {{"min", area->usual_depth_mm.min}, {"max", area->usual_depth_mm.max}}},
      {"ceiling_mm", area->ceiling_mm},
      {"structures_passed", r.structures_passed},
      {"warnings", Json::array()},
      {"sources", area->sources},
  };
  const auto bounds = core::boundaries_mm(*area);
  auto& layers = out["layers_mm"] = Json::array();
  for (int i = 0; i < core::kLayerCount; ++i)
    layers.push_back({{"layer", core::layer_id(static_cast<core::Layer>(i))}, {"top_mm", mm(bounds[i])}, {"bottom_mm", mm(bounds[i + 1])}});
  for (const auto& w : r.warnings)
    out["warnings"].push_back({{"id", w.id}, {"text", w.text.get(lang)}, {"sources", w.sources}});
  if (!area->caution.empty()) out["caution"] = area->caution.get(lang);
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace skindepth::tools
