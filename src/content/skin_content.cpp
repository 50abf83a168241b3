// areas.json, structures.json and devices.json -> core::SkinModel, with the checks that keep the
// cross-section honest: plausible thicknesses, usual ranges inside the ceiling, ceilings within the
// longest needle, known layer ids, unique ids and existing sources.
#include "content/loader.h"
#include "content/parts.h"
#include "core/depth.h"

#include <array>
#include <cmath>
#include <set>
#include <span>
#include <string_view>

namespace skindepth::content {

namespace {

using core::kLayerCount;
using core::kMaxNeedleMm;

// Plausible thickness per layer in mm (not the real extremes of the body: bounds that catch a typo
// such as micrometres written as millimetres). The subcutis is the drawn band, not real fat.
struct ThicknessBounds {
  double min;
  double max;
};
constexpr std::array<ThicknessBounds, kLayerCount> kThicknessBounds = {{
    {0.005, 0.05},  // stratum corneum
    {0.02, 0.2},    // living epidermis
    {0.05, 0.5},    // papillary dermis
    {0.2, 4.0},     // reticular dermis
    {0.5, 10.0},    // subcutis band
}};

// The renderer draws and explains these, so the content must keep them.
constexpr std::array<const char*, 14> kRequiredStructures = {
    "keratinocytes", "melanocytes",   "langerhans_cells", "basement_membrane", "collagen_fibres",
    "elastin_fibres", "fibroblasts",  "capillaries",      "larger_vessels",    "nerves",
    "hair_follicles", "sebaceous_glands", "sweat_glands", "fat_lobules"};

std::string layer_list() {
  std::string out;
  for (int i = 0; i < kLayerCount; ++i)
    out += (i ? ", " : "") + std::string(core::layer_id(static_cast<core::Layer>(i)));
  return out;
}

// An id: lower-case letters, digits and underscores (ids appear in URLs, answers and tests).
std::string read_id(const Reader& r) {
  std::string id = r.string("id");
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      r.error_at("id", "expected lower-case letters, digits and _ only, found \"" + id + "\"");
      break;
    }
  }
  return id;
}

void check_unique(const Reader& r, const std::string& id, std::set<std::string>& seen, const char* what) {
  if (id.empty()) return;
  if (!seen.insert(id).second) r.error_at("id", std::string("duplicate ") + what + " id \"" + id + "\"");
}

std::optional<core::Layer> read_layer(const Reader& r, const std::string& key) {
  const std::string id = r.string(key);
  if (id.empty()) return std::nullopt;
  auto layer = core::layer_from_id(id);
  if (!layer) r.error_at(key, "unknown layer \"" + id + "\"; expected one of: " + layer_list());
  return layer;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] areas.json

void read_drawing(const Reader& area, core::BodyArea& out, const core::Content& content) {
  Reader d = area.member("drawing");
  if (!d.expect_object()) return;
  d.reject_unknown({"hair_follicles_per_cm", "hair", "sebaceous_density", "sweat_glands_per_cm", "fat_lobule_mm", "sources"});
  auto& h = out.drawing;
  h.hair_follicles_per_cm = d.number("hair_follicles_per_cm", 0, 50);
  const std::string hair = d.string("hair");
  if (hair == "terminal") h.hair = core::HairKind::Terminal;
  else if (hair == "vellus") h.hair = core::HairKind::Vellus;
  else if (!hair.empty()) d.error_at("hair", "expected \"vellus\" or \"terminal\", found \"" + hair + "\"");
  h.sebaceous_density = d.number("sebaceous_density", 0, 1);
  h.sweat_glands_per_cm = d.number("sweat_glands_per_cm", 0, 50);
  h.fat_lobule_mm = d.number("fat_lobule_mm", 0.1, 5);
  read_sources(d, content);
}

void read_thickness(const Reader& area, core::BodyArea& out) {
  Reader t = area.member("thickness_mm");
  if (!t.expect_object()) return;
  t.reject_unknown({"stratum_corneum", "epidermis", "papillary_dermis", "reticular_dermis", "subcutis"});
  for (int i = 0; i < kLayerCount; ++i)
    out.thickness_mm[i] = t.number(std::string(core::layer_id(static_cast<core::Layer>(i))), kThicknessBounds[i].min,
                                   kThicknessBounds[i].max);
  // The drawn band must hold the longest needle, or the tip would be drawn below the picture.
  const double bottom = core::boundaries_mm(out).back();
  if (t.has("subcutis") && bottom + core::kBoundaryToleranceMm < kMaxNeedleMm)
    t.error_at("subcutis", "expected a fat band reaching at least " + format_number(kMaxNeedleMm) +
                               " mm below the surface (the longest needle); skin + band is " + format_number(bottom) + " mm");
}

void read_limits(const Reader& area, core::BodyArea& out, const core::Content& content) {
  out.ceiling_mm = area.number("ceiling_mm", 0, kMaxNeedleMm);
  if (area.has("ceiling_mm") && out.ceiling_mm <= 0) area.error_at("ceiling_mm", "expected a length above 0");
  // No needle a plan can reach goes through the skin into the fat.
  const double skin = out.skin_mm();
  if (area.has("ceiling_mm") && area.has("thickness_mm") && out.ceiling_mm > skin - core::kSkinMarginMm + 1e-9)
    area.error_at("ceiling_mm", "expected at most " + format_number(skin - core::kSkinMarginMm) + " (the skin here is " +
                                    format_number(skin) + " mm; deeper reaches the fat), found " + format_number(out.ceiling_mm));
  if (Reader b = area.member("ceiling_basis"); b.expect_object()) {
    b.reject_unknown({"sources", "clinic_setting"});
    out.ceiling_basis = read_basis(b, content);
  }
  Reader u = area.member("usual_depth_mm");
  if (!u.expect_object()) return;
  u.reject_unknown({"min", "max", "sources", "clinic_setting"});
  out.usual_basis = read_basis(u, content);
  out.usual_depth_mm.min = u.number("min", 0, kMaxNeedleMm);
  out.usual_depth_mm.max = u.number("max", 0, kMaxNeedleMm);
  if (!u.has("min") || !u.has("max")) return;
  if (out.usual_depth_mm.min <= 0) u.error_at("min", "expected a length above 0");
  if (out.usual_depth_mm.min > out.usual_depth_mm.max)
    u.error_at("min", "expected at most max (" + format_number(out.usual_depth_mm.max) + "), found " +
                          format_number(out.usual_depth_mm.min));
  if (area.has("ceiling_mm") && out.usual_depth_mm.max > out.ceiling_mm)
    u.error_at("max", "expected at most ceiling_mm (" + format_number(out.ceiling_mm) + "), found " +
                          format_number(out.usual_depth_mm.max));
}

void parse_areas(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"areas"});
  Reader list = root.member("areas");
  if (!list.expect_array()) return;
  if (list.size() == 0) list.error("expected at least one area");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader a = list.element(i);
    if (!a.expect_object()) continue;
    a.reject_unknown({"id", "name", "thickness_mm", "usual_depth_mm", "ceiling_mm", "ceiling_basis", "caution", "drawing", "sources"});
    core::BodyArea area;
    area.id = read_id(a);
    check_unique(a, area.id, seen, "area");
    area.name = read_text(a, "name");
    read_thickness(a, area);
    read_limits(a, area, content);
    area.caution = read_text(a, "caution", false);
    read_drawing(a, area, content);
    area.sources = read_sources(a, content);
    content.skin.areas.push_back(std::move(area));
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] structures.json

core::LayerPoint read_point(const Reader& p) {
  core::LayerPoint point;
  if (!p.expect_object()) return point;
  p.reject_unknown({"layer", "at"});
  if (auto layer = read_layer(p, "layer")) point.layer = *layer;
  point.at = p.number("at", 0, 1);
  return point;
}

void read_depth(const Reader& s, core::Structure& out) {
  Reader d = s.member("depth");
  if (!d.expect_object()) return;
  if (d.has("layer")) {
    d.reject_unknown({"layer"});
    if (auto layer = read_layer(d, "layer")) out.from = out.to = {*layer, 0.0};
    out.to.at = 1.0;
    return;
  }
  d.reject_unknown({"layer", "from", "to"});
  out.from = read_point(d.member("from"));
  out.to = read_point(d.member("to"));
  const bool ordered = out.from.layer < out.to.layer || (out.from.layer == out.to.layer && out.from.at <= out.to.at);
  if (d.has("from") && d.has("to") && !ordered) d.error_at("to", "expected \"to\" at or below \"from\"");
}

// One picture of a patient's concern: {"id", "shows": [concern values], "name", "card", "shape",
// "size": {"width_mm", "depth_mm", sources | clinic_setting}, "course_fill": {"share", sources |
// clinic_setting}, "sources"}.
void read_concern(const Reader& c, core::ConcernPicture& out, const core::Content& content) {
  c.reject_unknown({"id", "shows", "name", "card", "shape", "size", "course_fill", "sources"});
  out.id = read_id(c);
  out.concerns = c.strings("shows");
  out.name = read_text(c, "name");
  out.card = read_text(c, "card");
  const std::string shape = c.string("shape");
  if (auto found = core::concern_shape_from_id(shape)) out.shape = *found;
  else if (!shape.empty()) c.error_at("shape", "unknown shape \"" + shape + "\"; expected rolling, boxcar, ice_pick, fold, stretch_mark, pore or pigment");
  if (Reader size = c.member("size"); size.expect_object()) {
    size.reject_unknown({"width_mm", "depth_mm", "sources", "clinic_setting"});
    out.width_mm = size.number("width_mm", 0.05, 10.0);
    out.depth_mm = size.number("depth_mm", 0.0, 1.5);
    const bool flat = out.shape == core::ConcernShape::Pigment;
    if (size.has("depth_mm") && flat != (out.depth_mm == 0.0))
      size.error_at("depth_mm", flat ? "expected 0 (pigment does not change the surface)" : "expected a depth above 0");
    out.size_basis = read_basis(size, content);
  }
  if (Reader fill = c.member("course_fill"); fill.expect_object()) out.course_fill = read_share(fill, out.fill_basis, content);
  out.sources = read_sources(c, content);
}

void parse_structures(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"structures", "concerns"});
  if (auto list = root.optional_member("concerns"); list && list->expect_array()) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      Reader c = list->element(i);
      if (!c.expect_object()) continue;
      core::ConcernPicture picture;
      read_concern(c, picture, content);
      check_unique(c, picture.id, seen, "concern");
      content.skin.concerns.push_back(std::move(picture));
    }
  }
  Reader list = root.member("structures");
  if (!list.expect_array()) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader s = list.element(i);
    if (!s.expect_object()) continue;
    s.reject_unknown({"id", "name", "card", "depth", "sources"});
    core::Structure structure;
    structure.id = read_id(s);
    check_unique(s, structure.id, seen, "structure");
    structure.name = read_text(s, "name");
    structure.card = read_text(s, "card");
    read_depth(s, structure);
    structure.sources = read_sources(s, content);
    content.skin.structures.push_back(std::move(structure));
  }
  for (const char* id : kRequiredStructures)
    if (!seen.count(id)) list.error(std::string("missing structure \"") + id + "\" (the cross-section draws it)");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] devices.json

// `allowed`, when not empty, is the closed list of ids (the warnings the core raises).
std::vector<core::SourcedText> read_texts(const Reader& parent, const std::string& key, const core::Content& content,
                                          const char* what, std::span<const std::string_view> allowed = {}) {
  std::vector<core::SourcedText> out;
  Reader list = parent.member(key);
  if (!list.expect_array()) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader n = list.element(i);
    if (!n.expect_object()) continue;
    n.reject_unknown({"id", "text", "sources"});
    core::SourcedText t;
    t.id = read_id(n);
    check_unique(n, t.id, seen, what);
    if (!allowed.empty() && !t.id.empty()) {
      bool known = false;
      std::string list_text;
      for (auto id : allowed) {
        known = known || t.id == id;
        list_text += (list_text.empty() ? "" : ", ") + std::string(id);
      }
      if (!known) n.error_at("id", "unknown " + std::string(what) + " \"" + t.id + "\"; expected one of: " + list_text);
    }
    t.text = read_text(n, "text");
    t.sources = read_sources(n, content);
    out.push_back(std::move(t));
  }
  return out;
}

void read_lengths(const Reader& root, core::NeedleCatalog& out, const core::Content& content) {
  Reader l = root.member("needle_lengths_mm");
  if (!l.expect_object()) return;
  l.reject_unknown({"min", "max", "step", "sources"});
  out.min_mm = l.number("min", 0.05, kMaxNeedleMm);
  out.max_mm = l.number("max", 0.05, kMaxNeedleMm);
  out.step_mm = l.number("step", 0.05, 1.0);
  read_sources(l, content);
  if (!l.has("min") || !l.has("max") || !l.has("step")) return;
  if (out.min_mm > out.max_mm) {
    l.error_at("max", "expected at least min (" + format_number(out.min_mm) + "), found " + format_number(out.max_mm));
    return;
  }
  const double steps = (out.max_mm - out.min_mm) / out.step_mm;
  if (std::fabs(steps - std::round(steps)) > 1e-6)
    l.error_at("step", "expected a step that divides max - min (" + format_number(out.max_mm - out.min_mm) +
                           "), found " + format_number(out.step_mm));
}

void parse_devices(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"needle_lengths_mm", "not_evaluated_above_mm", "not_evaluated_basis", "devices", "notes", "warnings"});
  auto& needles = content.skin.needles;
  read_lengths(root, needles, content);
  needles.not_evaluated_above_mm = root.number("not_evaluated_above_mm", 0.05, kMaxNeedleMm);
  if (Reader b = root.member("not_evaluated_basis"); b.expect_object()) {  // where that figure comes from
    b.reject_unknown({"sources", "clinic_setting"});
    read_basis(b, content);
  }

  Reader list = root.member("devices");
  if (list.expect_array()) {
    if (list.size() == 0) list.error("expected at least one device");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      Reader d = list.element(i);
      if (!d.expect_object()) continue;
      d.reject_unknown({"id", "motion", "name", "description", "sources"});
      core::Device device;
      device.id = read_id(d);
      check_unique(d, device.id, seen, "device");
      const std::string motion = d.string("motion");
      if (motion == "roll") device.motion = core::DeviceMotion::Roll;
      else if (motion == "stamp") device.motion = core::DeviceMotion::Stamp;
      else if (!motion.empty()) d.error_at("motion", "expected \"stamp\" or \"roll\", found \"" + motion + "\"");
      device.name = read_text(d, "name");
      device.description = read_text(d, "description");
      device.sources = read_sources(d, content);
      needles.devices.push_back(std::move(device));
    }
  }

  needles.notes = read_texts(root, "notes", content, "note");
  needles.warnings = read_texts(root, "warnings", content, "warning", core::kDepthWarningIds);
  if (!root.has("warnings") || !root.value()["warnings"].is_array()) return;
  for (auto id : core::kDepthWarningIds)
    if (!needles.find_warning(id)) root.error_at("warnings", "missing warning \"" + std::string(id) + "\"");
}

}  // namespace

ContentPart skin_areas_part() { return {"areas.json", parse_areas, nullptr}; }
ContentPart skin_structures_part() { return {"structures.json", parse_structures, nullptr}; }
ContentPart skin_devices_part() { return {"devices.json", parse_devices, nullptr}; }

}  // namespace skindepth::content
