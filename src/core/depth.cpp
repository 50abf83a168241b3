// Depth queries over the skin model (see depth.h for the boundary rule).
#include "core/depth.h"

#include <cmath>

namespace skindepth::core {

std::array<double, kLayerCount + 1> boundaries_mm(const BodyArea& area) {
  std::array<double, kLayerCount + 1> b{};
  for (int i = 0; i < kLayerCount; ++i) b[i + 1] = b[i] + area.thickness_mm[i];
  return b;
}

Layer layer_at(const BodyArea& area, double depth) {
  const auto b = boundaries_mm(area);
  int layer = 0;
  // The deepest layer whose top is at or above the depth: at a boundary, the deeper layer wins.
  for (int i = 1; i < kLayerCount; ++i)
    if (depth + kBoundaryToleranceMm >= b[i]) layer = i;
  return static_cast<Layer>(layer);
}

double depth_mm(const BodyArea& area, LayerPoint point) {
  const int i = static_cast<int>(point.layer);
  return boundaries_mm(area)[i] + point.at * area.thickness_mm[i];
}

RangeMm structure_span_mm(const BodyArea& area, const Structure& structure) {
  return {depth_mm(area, structure.from), depth_mm(area, structure.to)};
}

std::vector<Layer> structure_layers(const Structure& structure) {
  std::vector<Layer> out;
  int first = static_cast<int>(structure.from.layer);
  int last = static_cast<int>(structure.to.layer);
  // A structure that ends exactly at the top of a layer does not live in it.
  if (last > first && structure.to.at <= 0.0) --last;
  for (int i = first; i <= last; ++i) out.push_back(static_cast<Layer>(i));
  return out;
}

namespace {

void add_warning(DepthResult& r, const SkinModel& model, std::string_view id) {
  DepthWarning w;
  w.id = std::string(id);
  if (const auto* text = model.needles.find_warning(id)) {
    w.text = text->text;
    w.sources = text->sources;
  }
  r.warnings.push_back(std::move(w));
}

}  // namespace

DepthResult query_depth(const BodyArea& area, const SkinModel& model, double needle_mm) {
  constexpr double kTol = kBoundaryToleranceMm;
  DepthResult r;
  r.needle_mm = needle_mm;
  r.tip_layer = layer_at(area, needle_mm);
  for (int i = 0; i <= static_cast<int>(r.tip_layer); ++i) r.layers_crossed.push_back(static_cast<Layer>(i));
  for (const auto& s : model.structures)
    if (depth_mm(area, s.from) <= needle_mm + kTol) r.structures_passed.push_back(s.id);

  r.skin_mm = area.skin_mm();
  r.tip_fraction_of_skin = r.skin_mm > 0.0 ? needle_mm / r.skin_mm : 0.0;
  r.below_usual_range = needle_mm < area.usual_depth_mm.min - kTol;
  r.above_usual_range = needle_mm > area.usual_depth_mm.max + kTol;
  r.within_usual_range = !r.below_usual_range && !r.above_usual_range;
  r.above_ceiling = needle_mm > area.ceiling_mm + kTol;
  r.beyond_dermis = r.tip_layer == Layer::Subcutis;
  r.reaches_capillaries = r.tip_layer >= Layer::PapillaryDermis;
  r.not_evaluated = needle_mm > model.needles.not_evaluated_above_mm + kTol;

  if (r.above_usual_range) add_warning(r, model, kWarnAboveUsualRange);
  if (r.above_ceiling) add_warning(r, model, kWarnAboveCeiling);
  if (r.beyond_dermis) add_warning(r, model, kWarnIntoFat);
  if (r.not_evaluated) add_warning(r, model, kWarnNotEvaluated);
  return r;
}

}  // namespace skindepth::core
