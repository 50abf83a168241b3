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
std::string structure_at(const SkinPane& pane, double x_mm, double depth_mm, double slop_mm = 0.0);

}  // namespace skindepth::app
