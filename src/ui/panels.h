// The panels of the interface, one file each; each appends the actions the user asked for.
#pragma once

#include "app/actions.h"
#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"

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
bool begin_panel(const char* id, const app::Rect& rect, bool scroll = true);  // a fixed, undecorated window
void end_panel();
void text_wrapped(const std::string& text);
void disclaimer(const app::AppState& state);
// "Sources: Meng 2022; Kalluri 2011" (app::sources_text) in small muted type.
void sources_line(const app::AppState& state, const std::vector<std::string>& ids);
void muted(const std::string& text);
void small_note(const std::string& text);  // muted and smaller: a sources line

}  // namespace skindepth::ui
