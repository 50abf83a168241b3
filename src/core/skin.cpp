// Layer ids and body-area helpers (see skin.h).
#include "core/skin.h"

#include "core/curves.h"

#include <algorithm>
#include <cmath>

namespace skindepth::core {

namespace {
constexpr std::array<std::string_view, kLayerCount> kLayerIds = {
    "stratum_corneum", "epidermis", "papillary_dermis", "reticular_dermis", "subcutis"};
}

std::string_view layer_id(Layer layer) { return kLayerIds[static_cast<int>(layer)]; }

std::optional<Layer> layer_from_id(std::string_view id) {
  for (int i = 0; i < kLayerCount; ++i)
    if (kLayerIds[i] == id) return static_cast<Layer>(i);
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 7> kConcernShapeIds = {"rolling", "boxcar", "ice_pick", "fold",
                                                                "stretch_mark", "pore", "pigment"};
}  // namespace

std::string_view concern_shape_id(ConcernShape shape) { return kConcernShapeIds[static_cast<int>(shape)]; }

std::optional<ConcernShape> concern_shape_from_id(std::string_view id) {
  for (std::size_t i = 0; i < kConcernShapeIds.size(); ++i)
    if (kConcernShapeIds[i] == id) return static_cast<ConcernShape>(i);
  return std::nullopt;
}

double concern_dip_mm(ConcernShape shape, double width_mm, double depth_mm, double dx_mm) {
  const double a = width_mm > 0.0 ? std::abs(dx_mm) / (width_mm * 0.5) : 1.0;
  if (a >= 1.0) return 0.0;
  switch (shape) {
    case ConcernShape::Rolling: return depth_mm * (0.5 + 0.5 * std::cos(M_PI * a));       // a wide, soft wave
    case ConcernShape::Boxcar: return depth_mm * (1.0 - smoothstep(0.75, 1.0, a));         // steep walls, flat floor
    case ConcernShape::IcePick: return depth_mm * std::pow(1.0 - a, 1.6);                   // a narrow V to a point
    case ConcernShape::Fold: return depth_mm * std::pow(1.0 - a, 1.5);                      // a crease
    case ConcernShape::StretchMark: return depth_mm * (1.0 - smoothstep(0.6, 1.0, a));     // a broad shallow band
    case ConcernShape::Pore: return depth_mm * std::sqrt(1.0 - a * a);                      // a round funnel
    case ConcernShape::Pigment: return 0.0;
  }
  return 0.0;
}

double BodyArea::skin_mm() const {
  double total = 0.0;
  for (int i = 0; i < static_cast<int>(Layer::Subcutis); ++i) total += thickness_mm[i];
  return total;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}
}  // namespace

std::vector<double> NeedleCatalog::lengths_mm() const {
  std::vector<double> out;
  if (step_mm <= 0.0) return out;
  // Multiply rather than accumulate so 0.25 steps stay exact decimals (no 2.4999999 drift).
  for (int i = 0;; ++i) {
    const double v = min_mm + i * step_mm;
    if (v > max_mm + 1e-9) break;
    out.push_back(v);
  }
  return out;
}

bool NeedleCatalog::accepts(double mm) const {
  constexpr double kTolerance = 1e-9;
  return std::isfinite(mm) && mm >= min_mm - kTolerance && mm <= max_mm + kTolerance;
}

double NeedleCatalog::snap(double mm) const {
  if (!std::isfinite(mm)) return min_mm;
  const double clamped = std::clamp(mm, min_mm, max_mm);
  if (step_mm <= 0.0) return clamped;
  return std::min(max_mm, min_mm + std::round((clamped - min_mm) / step_mm) * step_mm);
}

const Device* NeedleCatalog::find_device(std::string_view id) const { return find_by_id(devices, id); }
const SourcedText* NeedleCatalog::find_note(std::string_view id) const { return find_by_id(notes, id); }
const SourcedText* NeedleCatalog::find_warning(std::string_view id) const { return find_by_id(warnings, id); }
const Structure* SkinModel::find_structure(std::string_view id) const { return find_by_id(structures, id); }
const ConcernPicture* SkinModel::find_concern(std::string_view id) const { return find_by_id(concerns, id); }
const ConcernPicture* SkinModel::concern_for_answer(std::string_view concern_value) const {
  for (const auto& c : concerns)
    if (std::find(c.concerns.begin(), c.concerns.end(), concern_value) != c.concerns.end()) return &c;
  return nullptr;
}

}  // namespace skindepth::core
