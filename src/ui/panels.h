// The panels of the interface, one file each; each appends the actions the user asked for.
#pragma once

#include "app/actions.h"
#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"

#include <functional>
#include <string>
#include <vector>

namespace skindepth::ui {

using Actions = std::vector<app::Action>;

void draw_header(const app::AppState& state, const app::Layout& layout, Actions& out);
// touch: the last input was a finger (no hover names; the drawing moves with two fingers only).
void draw_scene_overlay(const app::AppState& state, const app::Layout& layout, const app::Scene& scene, bool touch, Actions& out);
void draw_cross_section_panel(const app::AppState& state, const app::Layout& layout, Actions& out);
void draw_timeline_panel(const app::AppState& state, const app::Layout& layout, Actions& out);
void draw_questionnaire_panel(const app::AppState& state, const app::Layout& layout, Actions& out);

// Helpers shared by panels.
// A fixed, undecorated window. On a touch screen it has no scroll bar to grab (a finger drags the
// panel itself, ui/input.cpp): end_panel draws a thin position mark instead, as phones do.
bool begin_panel(const char* id, const app::Rect& rect, bool scroll = true);
void end_panel();
// A small button (Close, a key moment, Earlier/Later): text-sized with a mouse, at least
// min_target() square on a touch screen.
bool compact_button(const std::string& label);
// ImGui::Button, with each side at least min_target() (a width of 0 fits the text, as ImGui's).
bool button(const std::string& label, float w = 0.0f, float h = 0.0f);
// Two buttons side by side, half the width each, when both labels fit; one under the other at full
// width when either would be cut (a clinic's translation, a larger font, a narrow panel). Says which
// was pressed: 0 neither, 1 the first, 2 the second.
int button_pair(const std::string& first, const std::string& second);
// A slider of whole steps from lo to hi at the panel's width; `text` gives the words for a value. ImGui
// writes them in the middle, where the grab covers them (dark on the dark grab: "1.00 mm" read
// ".00 mm"), so they go in the half the grab is not in (slider_text_x). True when moved.
bool slider_int(const char* id, int& value, int lo, int hi, const std::function<std::string(int)>& text);
// Where the slider's words of width text_w start on a slider from left to right whose grab is at
// `fraction` (0 at lo, 1 at hi): centred in the other half, or in the whole slider when they do not
// fit in a half with `pad` on each side.
float slider_text_x(float left, float right, float text_w, float pad, float fraction);
// The width button(label) takes.
float button_width(const std::string& label);
// Before the next control of a row that wraps: on the same line when its width `w` fits in the
// panel, else at the start of the next line.
void wrap_before(float w);
// A row of text to tap (a list item, a combo's choice): `height` (0: one line) and at least
// min_target() tall, text centred.
bool tap_row(const char* label, bool selected, float height = 0.0f);
void text_wrapped(const std::string& text);
// "Concern shown in the skin": none, or one of the content's pictures (structures.json "concerns").
void concern_picker(const app::AppState& state, Actions& out);
void disclaimer(const app::AppState& state);
// "Sources: Meng 2022; Kalluri 2011" (app::sources_text) in small muted type.
void sources_line(const app::AppState& state, const std::vector<std::string>& ids);
void muted(const std::string& text);
void small_note(const std::string& text);  // muted and smaller: a sources line

}  // namespace skindepth::ui
