// The plan hand-off link and its QR code (see plan_link.h).
#include "app/plan_link.h"

#include "app/calendar.h"
#include "app/app_state.h"

#include <qrcodegen.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace skindepth::app {

namespace {

// --- [SECTION] Field text -------------------------------------------------------------------------
bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string escape(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (unreserved(static_cast<char>(c))) out += static_cast<char>(c);
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string span_text(const core::Span& s) {
  return s.min == s.max ? number_text(s.min) : number_text(s.min) + "-" + number_text(s.max);
}

bool parse_number(const std::string& text, double& out) {
  if (text.empty() || text.size() > 16) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(out) && out >= 0;
}

bool parse_span(const std::string& text, core::Span& out) {
  const auto dash = text.find('-', 1);
  if (dash == std::string::npos) {
    if (!parse_number(text, out.min)) return false;
    out.max = out.min;
    return true;
  }
  return parse_number(text.substr(0, dash), out.min) && parse_number(text.substr(dash + 1), out.max) && out.min <= out.max;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (;;) {
    const auto at = text.find(separator, from);
    parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return parts;
    from = at + 1;
  }
}

constexpr char kDecisionCodes[] = {'p', 'd', 'r'};  // by core::Decision's value

}  // namespace

// --- [SECTION] Summary ------------------------------------------------------------------------------
PlanSummary summarize(const AppState& state, const core::Plan& plan) {
  PlanSummary s;
  s.language = state.language;
  s.decision = plan.decision;
  s.area = std::string(core::area_id(plan.area));
  if (plan.decision != core::Decision::Proceed) return s;
  s.sessions = plan.sessions;
  s.interval_weeks = plan.interval_weeks;
  s.depth_mm = plan.depth_mm;
  s.maintenance_months = plan.maintenance_months;
  s.session_minutes = plan.session_minutes;
  // The same dates as the plan page and its calendar file.
  if (state.quiz.start.valid())
    for (const auto& d : session_dates(state.quiz.start, static_cast<int>(plan.sessions.max), static_cast<int>(plan.interval_weeks.min)))
      s.dates.push_back(d.iso());
  return s;
}

std::string encode_summary(const PlanSummary& s) {
  std::string out = "v=1;l=" + escape(s.language) + ";d=" + kDecisionCodes[static_cast<int>(s.decision)] + ";a=" + escape(s.area);
  if (s.decision != core::Decision::Proceed) return out;
  out += ";s=" + span_text(s.sessions) + ";i=" + span_text(s.interval_weeks) + ";m=" + span_text(s.depth_mm) +
         (s.maintenance_months ? ";x=" + span_text(*s.maintenance_months) : std::string()) + ";t=" + span_text(s.session_minutes);
  if (!s.dates.empty()) {
    out += ";c=";
    for (std::size_t i = 0; i < s.dates.size(); ++i) out += (i ? "," : "") + escape(s.dates[i]);
  }
  return out;
}

std::optional<PlanSummary> decode_summary(const std::string& text) {
  PlanSummary s;
  bool version = false, language = false, decision = false, area = false;
  int spans = 0;
  for (const auto& field : split(text, ';')) {
    const auto eq = field.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const std::string key = field.substr(0, eq);
    const auto value = unescape(field.substr(eq + 1));
    if (!value) return std::nullopt;
    if (key == "v") {
      if (*value != "1") return std::nullopt;
      version = true;
    } else if (key == "l") {
      if (value->empty() || value->size() > 8) return std::nullopt;
      s.language = *value;
      language = true;
    } else if (key == "d") {
      if (value->size() != 1) return std::nullopt;
      decision = true;
      if ((*value)[0] == 'p') s.decision = core::Decision::Proceed;
      else if ((*value)[0] == 'd') s.decision = core::Decision::Defer;
      else if ((*value)[0] == 'r') s.decision = core::Decision::Refer;
      else return std::nullopt;
    } else if (key == "a") {
      if (!core::area_from_id(*value)) return std::nullopt;
      s.area = *value;
      area = true;
    } else if (key == "s" || key == "i" || key == "m" || key == "t") {
      core::Span& span = key == "s" ? s.sessions : key == "i" ? s.interval_weeks : key == "m" ? s.depth_mm : s.session_minutes;
      if (!parse_span(*value, span)) return std::nullopt;
      ++spans;
    } else if (key == "x") {  // maintenance: only in plans that have one
      core::Span span;
      if (!parse_span(*value, span)) return std::nullopt;
      s.maintenance_months = span;
    } else if (key == "c") {
      for (const auto& iso : split(*value, ',')) {
        Date d;
        if (!parse_date(iso, d) || s.dates.size() >= 52) return std::nullopt;
        s.dates.push_back(iso);
      }
    }  // other keys: a later version's fields, ignored
  }
  if (!version || !language || !decision || !area) return std::nullopt;
  if (s.decision == core::Decision::Proceed && spans != 4) return std::nullopt;
  return s;
}

// --- [SECTION] Link ---------------------------------------------------------------------------------
std::string plan_link(const std::string& page_url, const PlanSummary& summary) {
  const std::string page = page_url.substr(0, page_url.find('#'));
  if (page.rfind("https://", 0) != 0 && page.rfind("http://", 0) != 0) return {};
  if (page.size() > kMaxPageUrlBytes) return {};
  for (char c : page)
    if (c <= ' ' || c > '~') return {};  // location.href is already percent-encoded ASCII
  return page + "#" + kPlanLinkKey + encode_summary(summary);
}

std::string staff_plan_link(const AppState& state) {
  if (state.mode != Mode::Staff || state.page_url.empty()) return {};
  const auto plan = current_plan(state);
  return plan ? plan_link(state.page_url, summarize(state, *plan)) : std::string();
}

std::optional<PlanSummary> read_plan_link(const std::string& url) {
  const std::string_view key = kPlanLinkKey;
  const auto hash = url.find('#');
  if (hash == std::string::npos || url.compare(hash + 1, key.size(), key) != 0) return std::nullopt;
  return decode_summary(url.substr(hash + 1 + key.size()));
}

// --- [SECTION] QR code ------------------------------------------------------------------------------
QrMatrix make_qr(const std::string& text) {
  QrMatrix m;
  if (text.empty() || text.size() > kMaxQrBytes) return m;
  // qrcodegen's C library: byte mode, level M raised when it fits in the same version; it works
  // in the caller's buffers and reports failure instead of throwing (its C++ twin builds its error
  // messages with iostreams, which cost the wasm ~38 KB gzip).
  std::vector<std::uint8_t> data(qrcodegen_BUFFER_LEN_MAX), qr(qrcodegen_BUFFER_LEN_MAX);
  std::copy(text.begin(), text.end(), data.begin());
  if (!qrcodegen_encodeBinary(data.data(), text.size(), qr.data(), qrcodegen_Ecc_MEDIUM, qrcodegen_VERSION_MIN,
                              qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
    return m;
  m.size = qrcodegen_getSize(qr.data());
  m.version = (m.size - 17) / 4;
  m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark[static_cast<std::size_t>(y) * m.size + x] = qrcodegen_getModule(qr.data(), x, y);
  return m;
}

}  // namespace skindepth::app
