// Which structure of the drawing is under a point: the hover label and the tap that opens a card.
// The skin shader places follicles, glands, vessels and the nerve procedurally; the same formulas
// (shaders/skin.frag) are repeated here on the CPU, so what is named is what is drawn there, and a
// point on plain tissue names the tissue's own fabric (keratinocytes, collagen, fat lobules).
#pragma once

#include "app/scene.h"

#include <string>

namespace skindepth::app {

// The id (as in content/structures.json) of the structure drawn at (x_mm, depth_mm) of the pane;
// empty above the skin. Localised structures come first, within `slop_mm` of their outline (a
// finger is wider than a gland's wall), then the layer's fabric.
// A concern drawn in the skin (pane.concern) comes first: a point in the sunken part of the surface,
// or in the tissue under it down to the junction, names the concern's picture.
std::string structure_at(const SkinPane& pane, double x_mm, double depth_mm, double slop_mm = 0.0);

// The depth in the skin's own layers of a point drawn at depth_mm: under a concern's dip the epidermis
// follows the sunken surface and the dermis is squeezed (shaders/skin.frag's unwarp()). Elsewhere
// the same depth.
double layer_depth_mm(const SkinPane& pane, double x_mm, double depth_mm);

}  // namespace skindepth::app
