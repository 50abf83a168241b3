// Layer ids and body-area helpers (see skin.h).
#include "core/skin.h"

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

}  // namespace skindepth::core
