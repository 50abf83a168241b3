// Field-by-field JSON reading with exact error messages (see json_reader.h).
#include "content/json_reader.h"

#include <cmath>
#include <cstdio>
#include <algorithm>

namespace skindepth::content {

std::string ContentError::to_string() const {
  return file + " " + (pointer.empty() ? "/" : pointer) + ": " + message;
}

std::string json_pointer_escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string format_number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

namespace {
const char* type_name(const nlohmann::json& v) {
  return v.type_name();
}
}  // namespace

Reader::Reader(const nlohmann::json& value, std::string file, std::string pointer, std::vector<ContentError>& errors)
    : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)), errors_(&errors) {}

bool Reader::has(const std::string& key) const {
  return value_ && value_->is_object() && value_->contains(key);
}

void Reader::error(const std::string& message) const { errors_->push_back({file_, pointer_, message}); }

void Reader::error_at(const std::string& key, const std::string& message) const {
  errors_->push_back({file_, pointer_ + "/" + json_pointer_escape(key), message});
}

Reader Reader::member(const std::string& key) const {
  Reader r = *this;
  r.pointer_ = pointer_ + "/" + json_pointer_escape(key);
  if (!value_ || !value_->is_object()) {
    r.value_ = nullptr;
    return r;
  }
  auto it = value_->find(key);
  if (it == value_->end()) {
    error_at(key, "missing");
    r.value_ = nullptr;
    return r;
  }
  r.value_ = &*it;
  return r;
}

std::optional<Reader> Reader::optional_member(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return member(key);
}

Reader Reader::element(std::size_t index) const {
  Reader r = *this;
  r.pointer_ = pointer_ + "/" + std::to_string(index);
  r.value_ = (value_ && value_->is_array() && index < value_->size()) ? &(*value_)[index] : nullptr;
  return r;
}

bool Reader::expect_object() const {
  if (!value_) return false;
  if (!value_->is_object()) {
    error(std::string("expected an object, found ") + type_name(*value_));
    return false;
  }
  return true;
}

bool Reader::expect_array() const {
  if (!value_) return false;
  if (!value_->is_array()) {
    error(std::string("expected an array, found ") + type_name(*value_));
    return false;
  }
  return true;
}

std::size_t Reader::size() const {
  return (value_ && (value_->is_array() || value_->is_object())) ? value_->size() : 0;
}

std::string Reader::string(const std::string& key) const {
  if (!value_ || !value_->is_object()) return {};
  auto it = value_->find(key);
  if (it == value_->end()) {
    error_at(key, "missing: expected a non-empty string");
    return {};
  }
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    error_at(key, std::string("expected a non-empty string, found ") + (it->is_string() ? "an empty string" : type_name(*it)));
    return {};
  }
  return it->get<std::string>();
}

std::string Reader::optional_string(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  return string(key);
}

double Reader::number(const std::string& key, double min, double max) const {
  if (!value_ || !value_->is_object()) return min;
  auto it = value_->find(key);
  const std::string range = "a number from " + format_number(min) + " to " + format_number(max);
  if (it == value_->end()) {
    error_at(key, "missing: expected " + range);
    return min;
  }
  if (!it->is_number()) {
    error_at(key, "expected " + range + ", found " + type_name(*it));
    return min;
  }
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < min || v > max) {
    error_at(key, "expected " + range + ", found " + format_number(v));
    return std::isfinite(v) ? std::fmin(std::fmax(v, min), max) : min;
  }
  return v;
}

std::optional<double> Reader::optional_number(const std::string& key, double min, double max) const {
  if (!has(key)) return std::nullopt;
  return number(key, min, max);
}

bool Reader::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  const auto& v = (*value_)[key];
  if (!v.is_boolean()) {
    error_at(key, std::string("expected true or false, found ") + type_name(v));
    return fallback;
  }
  return v.get<bool>();
}

std::vector<std::string> Reader::strings(const std::string& key, bool required) const {
  std::vector<std::string> out;
  if (!value_ || !value_->is_object()) return out;
  if (!has(key)) {
    if (required) error_at(key, "missing: expected an array of strings");
    return out;
  }
  const auto& v = (*value_)[key];
  if (!v.is_array()) {
    error_at(key, std::string("expected an array of strings, found ") + type_name(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string() || v[i].get_ref<const std::string&>().empty()) {
      errors_->push_back({file_, pointer_ + "/" + json_pointer_escape(key) + "/" + std::to_string(i),
                          "expected a non-empty string"});
      continue;
    }
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

void Reader::reject_unknown(std::initializer_list<const char*> known) const {
  if (!value_ || !value_->is_object()) return;
  // A few keys each: a scan without allocating (a set of strings per object cost the widget's start
  // 14 ms of its ~60 ms content load).
  const auto is_known = [&known](const std::string& key) {
    return std::any_of(known.begin(), known.end(), [&key](const char* k) { return key == k; });
  };
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    if (!is_known(it.key()) && it.key().rfind("_comment", 0) != 0) {
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      error_at(it.key(), "unknown key; expected one of: " + list);
    }
  }
}

}  // namespace skindepth::content
