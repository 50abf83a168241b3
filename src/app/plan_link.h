// The staff-mode hand-off of a plan to the patient's phone: a compact summary of the PLAN (decision,
// area, course numbers, session dates; never an answer) in a URL fragment, which browsers do not send
// to servers, and that URL as a QR matrix. Pure: no ImGui here; the plan panel draws the matrix.
//
// Link: <page URL without fragment>#skindepth-plan=<summary>, the summary a ';'-separated list of
// key=value fields, in characters a fragment allows unescaped (others are percent-encoded):
//   v=1;l=en;d=p;a=cheeks;s=3-6;i=4-6;m=1-1.5;x=6-12;t=30-45;c=2026-11-28,2026-12-26
// v version, l language, d decision (p proceed, d defer, r refer), a area id, and for proceed:
// s sessions, i weeks between sessions, m needle depth (mm), x maintenance (months), t minutes per
// session, c session dates. Only read_plan_link() reads it: the page shows the card the readPlanLink
// command (app/commands.cpp) answers (web/src/plan-card.js).
#pragma once

#include "app/app_state.h"
#include "core/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace skindepth::app {

struct PlanSummary {
  std::string language = "en";
  core::Decision decision = core::Decision::Refer;
  std::string area;  // area id
  core::Span sessions, interval_weeks, depth_mm, session_minutes;  // proceed only
  std::optional<core::Span> maintenance_months;                      // proceed, where the plan has one
  std::vector<std::string> dates;  // ISO dates of the sessions, proceed only
  bool operator==(const PlanSummary&) const = default;
};

inline constexpr const char* kPlanLinkKey = "skindepth-plan=";
// A page URL longer than this gets no link: the QR would be too dense to scan from a screen.
inline constexpr std::size_t kMaxPageUrlBytes = 300;

PlanSummary summarize(const AppState& state, const core::Plan& plan);
std::string encode_summary(const PlanSummary& summary);
std::optional<PlanSummary> decode_summary(const std::string& text);
// "" when the page URL is not an http(s) URL or is too long; its fragment is dropped.
std::string plan_link(const std::string& page_url, const PlanSummary& summary);
// Staff mode with a complete plan and a page URL from the host: the link for the plan page's QR
// code; "" otherwise (patients are never shown one).
std::string staff_plan_link(const AppState& state);
// The summary in a link (anything before "#skindepth-plan=" is ignored); nullopt when malformed.
std::optional<PlanSummary> read_plan_link(const std::string& url);

// A QR code's modules, row by row (true = dark), without the quiet zone.
struct QrMatrix {
  int version = 0;  // 0: no code
  int size = 0;     // modules per side: 17 + 4 * version
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};
inline constexpr int kQrQuietModules = 4;  // the white border scanners need

// The text as a QR code at error correction level M (raised when it fits at no cost); an empty
// matrix for text longer than kMaxQrBytes or that does not fit a code.
inline constexpr std::size_t kMaxQrBytes = 1200;
QrMatrix make_qr(const std::string& text);

}  // namespace skindepth::app
