// The content files beyond sources.json and ui.json, each parsed by its own part (skin model,
// devices, timeline, questionnaire...). Each part lives in its own .cpp and is listed once in
// parts.cpp (explicitly: self-registering objects would be dropped from a static library).
#pragma once

#include "content/json_reader.h"
#include "core/content.h"

#include <functional>
#include <string>
#include <vector>

namespace skindepth::content {

struct ContentPart {
  std::string file;                                                // e.g. "areas.json"
  std::function<void(const Reader& root, core::Content&)> parse;   // fills its part of Content
  // Optional: checks across files after everything is parsed (e.g. plan areas exist in areas.json).
  std::function<void(const core::Content&, std::vector<ContentError>&)> cross_check;
};

// The parts, in the order they are parsed (a part may use what earlier ones filled in).
const std::vector<ContentPart>& content_parts();

// One function per part, each defined in its own file.
// (Parts add their declaration here and their entry in parts.cpp.)
ContentPart skin_areas_part();       // areas.json: body areas, layer thicknesses, depth limits
ContentPart skin_structures_part();  // structures.json: what the cross-section draws and explains
ContentPart skin_devices_part();     // devices.json: devices, needle lengths, notes, depth warnings
ContentPart timeline_part();       // timeline.json: healing phases, downtime, guidance
ContentPart questionnaire_part();  // questionnaire.json: questions, rules, plan recipes
ContentPart review_part();         // review.json: content version, medical director's sign-off, changelog

}  // namespace skindepth::content
