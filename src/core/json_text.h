// JSON text -> nlohmann::json without exceptions: the widget is built with exception catching off
// (smaller and faster wasm), so a throw would abort the page. Bad text gives a one-line message with
// the position, as nlohmann's parser words it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace skindepth::core {

// True with `out` set when `text` is one valid JSON value; false with `error` set otherwise.
bool parse_json(std::string_view text, nlohmann::json& out, std::string& error);

// `text` parsed, or a discarded value (is_discarded()) when it is not valid JSON. Every parse in the
// project goes through these two, so the widget carries one instantiation of nlohmann's parser.
nlohmann::json parse_json_or_discarded(std::string_view text);

}  // namespace skindepth::core
