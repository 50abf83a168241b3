// Reads a parsed JSON document field by field and records every problem with the file, the JSON
// pointer and what was expected, so a spa's hand-edited content gets exact messages, not crashes.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace skindepth::content {

struct ContentError {
  std::string file;     // e.g. "areas.json"
  std::string pointer;  // JSON pointer, e.g. "/areas/3/layers/epidermis_mm"
  std::string message;  // what was expected, e.g. "expected a number from 0.005 to 5"

  std::string to_string() const;  // "areas.json /areas/3: expected ..."
};

// A cursor into one JSON value. Copies are cheap views that share the error list.
class Reader {
 public:
  Reader(const nlohmann::json& value, std::string file, std::string pointer, std::vector<ContentError>& errors);

  const nlohmann::json& value() const { return *value_; }
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

  bool has(const std::string& key) const;
  // A member; when missing or the wrong type, an error is recorded and the returned reader is null.
  Reader member(const std::string& key) const;
  std::optional<Reader> optional_member(const std::string& key) const;
  Reader element(std::size_t index) const;
  bool is_null() const { return value_ == nullptr; }

  bool expect_object() const;
  bool expect_array() const;
  std::size_t size() const;  // 0 unless an array or object

  std::string string(const std::string& key) const;  // required, non-empty
  std::string optional_string(const std::string& key, const std::string& fallback = {}) const;
  double number(const std::string& key, double min, double max) const;  // required, within [min, max]
  std::optional<double> optional_number(const std::string& key, double min, double max) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::vector<std::string> strings(const std::string& key, bool required = true) const;  // array of strings
  // Flags members not in `known` (typos in hand-edited content must not pass silently).
  void reject_unknown(std::initializer_list<const char*> known) const;

  // The languages every text must have (ui.json's); null while ui.json itself is being read.
  void set_languages(const std::vector<std::string>* languages) { languages_ = languages; }
  const std::vector<std::string>* languages() const { return languages_; }

  void error(const std::string& message) const;                       // at this pointer
  void error_at(const std::string& key, const std::string& message) const;  // at pointer/key

 private:
  const nlohmann::json* value_;
  std::string file_;
  std::string pointer_;
  std::vector<ContentError>* errors_;
  const std::vector<std::string>* languages_ = nullptr;
};

std::string json_pointer_escape(const std::string& key);
std::string format_number(double value);

}  // namespace skindepth::content
