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

// The longest needle any content may offer (devices.json) and the deepest the view is drawn for; no
// ceiling goes past it. What a widget offers is its content's NeedleCatalog range, never this.
inline constexpr double kMaxNeedleMm = 2.5;

enum class HairKind { Vellus, Terminal };

// Illustration hints for the renderer: relative densities and sizes, not measurements.
struct DrawingHints {
  double hair_follicles_per_cm = 0.0;  // follicles per cm of cross-section width
  HairKind hair = HairKind::Vellus;     // fine vellus hair, or large terminal hair (scalp)
  double sebaceous_density = 0.0;      // 0 (few oil glands) .. 1 (many, e.g. the nose)
  double sweat_glands_per_cm = 0.0;
  double fat_lobule_mm = 0.0;          // typical lobule diameter in the fat band
};

// How far above the fat the deepest planned needle stays: a tip on the boundary is not in the skin.
inline constexpr double kSkinMarginMm = 0.05;

// Where a needle limit comes from: sources (a study, a device chart), or the clinic's own setting
// where no published figure exists, for its medical director to confirm.
struct LimitBasis {
  std::vector<std::string> sources;
  bool clinic_setting = false;
};

struct BodyArea {
  std::string id;                                 // answer-vocabulary id: forehead, around_eyes, cheeks...
  Text name;
  std::array<double, kLayerCount> thickness_mm{};  // per layer, top down; subcutis is the band drawn
  RangeMm usual_depth_mm;                          // the usual professional needle range here
  LimitBasis usual_basis;
  double ceiling_mm = 0.0;                         // never deeper than this here; always inside the skin
  LimitBasis ceiling_basis;
  Text caution;                                    // optional, e.g. around the eyes: outside the orbital rim only
  std::vector<std::string> sources;
  DrawingHints drawing;

  double skin_mm() const;  // stratum corneum through reticular dermis (total skin, no fat)
};

// A point inside the skin given relative to a layer, so it scales with each area's thicknesses.
struct LayerPoint {
  Layer layer = Layer::StratumCorneum;
  double at = 0.0;  // fraction of the layer's thickness: 0 = its top, 1 = its bottom
};

// Something drawn in the cross-section and explained on a card (keratinocytes, capillaries...).
struct Structure {
  std::string id;
  Text name;
  Text card;        // short plain-language explanation
  LayerPoint from;  // top of the structure
  LayerPoint to;    // bottom of the structure
  std::vector<std::string> sources;
};

// A patient's concern drawn in the skin (a picture, not a diagnosis): the shape of the dip it leaves
// in the surface and the dermis under it, or the pigment it adds. See concern_dip_mm().
enum class ConcernShape { Rolling, Boxcar, IcePick, Fold, StretchMark, Pore, Pigment };
// "rolling", "boxcar", "ice_pick", "fold", "stretch_mark", "pore", "pigment".
std::string_view concern_shape_id(ConcernShape shape);
std::optional<ConcernShape> concern_shape_from_id(std::string_view id);

struct ConcernPicture {
  std::string id;                     // rolling_scar, boxcar_scar, ...
  std::vector<std::string> concerns;  // the questionnaire's concern values it pictures (acne_scars...)
  Text name;
  Text card;
  ConcernShape shape = ConcernShape::Boxcar;
  double width_mm = 1.0;              // across the surface
  double depth_mm = 0.0;              // how far the surface sinks (0 for pigment)
  LimitBasis size_basis;              // where the width and depth come from
  // The share of the dip new collagen fills by the end of a course, as the timeline draws it: an
  // illustration, never a prediction (0: the timeline draws no change).
  double course_fill = 0.0;
  LimitBasis fill_basis;
  std::vector<std::string> sources;   // for the card's text
};

// How far the surface of a concern sinks at dx_mm from its middle (0 outside its width), mm.
// shaders/skin.frag repeats this function; tests/app/concern_test.cpp holds them to the same numbers.
double concern_dip_mm(ConcernShape shape, double width_mm, double depth_mm, double dx_mm);

enum class DeviceMotion { Stamp, Roll };

struct Device {
  std::string id;  // pen, roller, stamp
  DeviceMotion motion = DeviceMotion::Stamp;
  Text name;
  Text description;
  std::vector<std::string> sources;
};

// A text with its sources: the notes beside the needle and the texts of depth warnings.
struct SourcedText {
  std::string id;
  Text text;
  std::vector<std::string> sources;
};

struct NeedleCatalog {
  std::vector<Device> devices;
  double min_mm = 0.25;  // the needle lengths offered: min, min + step, ... max
  double max_mm = kMaxNeedleMm;
  double step_mm = 0.25;
  double not_evaluated_above_mm = 1.5;  // above this, one cleared device was not evaluated
  std::vector<SourcedText> notes;
  std::vector<SourcedText> warnings;  // by warning id (see depth.h)

  // The one needle range of the widget, from devices.json: the slider, the host API, the page's
  // mirror, the staff keys and the command line all read it here.
  std::vector<double> lengths_mm() const;  // every offered length, ascending
  bool accepts(double mm) const;           // finite and within [min_mm, max_mm] (any length between steps)
  double snap(double mm) const;            // the nearest offered length (min_mm for a non-number)
  const Device* find_device(std::string_view id) const;
  const SourcedText* find_note(std::string_view id) const;
  const SourcedText* find_warning(std::string_view id) const;
};

struct SkinModel {
  std::vector<BodyArea> areas;
  std::vector<Structure> structures;
  std::vector<ConcernPicture> concerns;  // structures.json "concerns": what the picker offers
  NeedleCatalog needles;

  const BodyArea* find_area(std::string_view id) const {
    for (const auto& a : areas)
      if (a.id == id) return &a;
    return nullptr;
  }
  const Structure* find_structure(std::string_view id) const;
  const ConcernPicture* find_concern(std::string_view id) const;
  // The first picture of a questionnaire concern value (acne_scars -> the boxcar scar), or null.
  const ConcernPicture* concern_for_answer(std::string_view concern_value) const;
};

}  // namespace skindepth::core
