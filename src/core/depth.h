// Depth queries: which layer of a body area's skin is at a given depth, what a needle of a given
// length passes on its way down, and what the view must warn about. Pure functions of the skin
// model; the renderer draws the layers from the same boundaries, so picture and answer agree.
//
// Depths are in mm below the skin surface (0 = the surface). A depth exactly AT a boundary belongs
// to the deeper layer: a needle exactly as long as the epidermis is deep touches the papillary
// dermis. Boundaries are compared with kBoundaryToleranceMm so that decimal content figures that add
// up to a needle step (0.02 + 0.03 + 0.2 = 0.25) count as exactly at the boundary whatever binary
// rounding does to the sum. Below the drawn fat band the layer is still the subcutis.
#pragma once

#include "core/skin.h"
#include "core/text.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::core {

inline constexpr double kBoundaryToleranceMm = 1e-9;

// Warning ids of a depth query; their texts come from devices.json ("warnings").
inline constexpr std::string_view kWarnAboveUsualRange = "above_usual_range";
inline constexpr std::string_view kWarnAboveCeiling = "above_ceiling";
inline constexpr std::string_view kWarnIntoFat = "into_fat";
inline constexpr std::string_view kWarnNotEvaluated = "not_evaluated";
inline constexpr std::array<std::string_view, 4> kDepthWarningIds = {kWarnAboveUsualRange, kWarnAboveCeiling,
                                                                      kWarnIntoFat, kWarnNotEvaluated};

// The top of each layer, then the bottom of the drawn fat band:
// {0, sc, sc+epidermis, ..., skin_mm (top of the subcutis), skin_mm + subcutis band}.
std::array<double, kLayerCount + 1> boundaries_mm(const BodyArea& area);

// The layer at `depth_mm` (see the boundary rule above). Negative depths are treated as the surface.
Layer layer_at(const BodyArea& area, double depth_mm);

// Depth in mm of a point given relative to a layer, in this area.
double depth_mm(const BodyArea& area, LayerPoint point);
// Where a structure sits in this area, top and bottom in mm.
RangeMm structure_span_mm(const BodyArea& area, const Structure& structure);
// The layers a structure lives in, top down.
std::vector<Layer> structure_layers(const Structure& structure);

struct DepthWarning {
  std::string id;  // one of kDepthWarningIds
  Text text;
  std::vector<std::string> sources;
};

struct DepthResult {
  double needle_mm = 0.0;
  Layer tip_layer = Layer::StratumCorneum;
  std::vector<Layer> layers_crossed;            // top down, the tip's layer last
  std::vector<std::string> structures_passed;   // ids, in content order, whose top the tip reaches
  double skin_mm = 0.0;                         // stratum corneum through reticular dermis
  double tip_fraction_of_skin = 0.0;            // needle / skin_mm; above 1 in the fat
  bool within_usual_range = false;              // usual min <= needle <= usual max
  bool below_usual_range = false;
  bool above_usual_range = false;
  bool above_ceiling = false;
  bool beyond_dermis = false;                   // the tip is in the subcutis
  bool reaches_capillaries = false;             // the tip is at or past the papillary dermis
  bool not_evaluated = false;                   // longer than the cleared device's evaluated depth
  std::vector<DepthWarning> warnings;           // in kDepthWarningIds order
};

// Everything the view and `skindepth depth` say about a needle of `needle_mm` in `area`.
// The length is nominal: real penetration is shallower (see the real_penetration note).
DepthResult query_depth(const BodyArea& area, const SkinModel& model, double needle_mm);

}  // namespace skindepth::core
