// Layer ids and body-area helpers (see skin.h).
#include "core/skin.h"

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

}  // namespace skindepth::core
