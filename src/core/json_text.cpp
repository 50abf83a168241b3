// Non-throwing JSON parsing (see json_text.h): the non-throwing DOM parse, and on failure a SAX pass
// that only records the first error.
#include "core/json_text.h"

namespace skindepth::core {

namespace {

struct ErrorOnly : nlohmann::json_sax<nlohmann::json> {
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    message = ex.what();
    return false;
  }
};

}  // namespace

nlohmann::json parse_json_or_discarded(std::string_view text) {
  return nlohmann::json::parse(text.data(), text.data() + text.size(), nullptr, false);
}

bool parse_json(std::string_view text, nlohmann::json& out, std::string& error) {
  // Valid text, the usual case, is parsed once; the pass that finds the message runs only on failure
  // (it doubled the widget's content parse at start).
  out = parse_json_or_discarded(text);
  if (!out.is_discarded()) return true;
  ErrorOnly check;
  const bool ok = nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &check, nlohmann::json::input_format_t::json, true);
  if (!ok || !check.message.empty()) error = check.message.empty() ? "not valid JSON" : check.message;
  else error = "not valid JSON (a value is out of range)";  // e.g. a number too large for a double
  return false;
}

}  // namespace skindepth::core
