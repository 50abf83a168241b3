// The skin model: body areas with their layer thicknesses and needling depth limits, the
// structures drawn and explained in the cross-section, and the devices. Loaded from areas.json,
// structures.json and devices.json. Depth queries live in depth.h.
#pragma once

#include "core/text.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::core {

enum class Layer { StratumCorneum = 0, Epidermis, PapillaryDermis, ReticularDermis, Subcutis };
inline constexpr int kLayerCount = 5;

// "stratum_corneum", "epidermis", "papillary_dermis", "reticular_dermis", "subcutis".
std::string_view layer_id(Layer layer);
std::optional<Layer> layer_from_id(std::string_view id);

struct RangeMm {
  double min = 0.0;
  double max = 0.0;
};

struct BodyArea {
  std::string id;                                 // answer-vocabulary id: forehead, around_eyes, cheeks...
  Text name;
  std::array<double, kLayerCount> thickness_mm{};  // per layer, top down; subcutis is the band drawn
  RangeMm usual_depth_mm;                          // the usual professional needle range here
  double ceiling_mm = 0.0;                         // never deeper than this here
  Text caution;                                    // optional, e.g. around the eyes: outside the orbital rim only
  std::vector<std::string> sources;

  double skin_mm() const;  // stratum corneum through reticular dermis (total skin, no fat)
};

struct SkinModel {
  std::vector<BodyArea> areas;
  const BodyArea* find_area(std::string_view id) const {
    for (const auto& a : areas)
      if (a.id == id) return &a;
    return nullptr;
  }
};

}  // namespace skindepth::core
