// One needle range, from the content: a clinic whose devices.json offers 0.5-2.0 mm gets that range
// from the slider, the host API (setNeedleLength), the page's mirror (getChoices), the staff arrow
// keys and the command line (skindepth depth) alike.
#include "ui/imgui_harness.h"

#include "app/actions.h"
#include "app/commands.h"
#include "tools/cli_helpers.h"

#include <imgui_internal.h>

#include <filesystem>
#include <fstream>

namespace skindepth::ui {
namespace {

namespace fs = std::filesystem;

class NeedleLimits : public ImGuiHarness {
 protected:
  void SetUp() override {
    ImGuiHarness::SetUp();
    files = content::default_files();
    auto devices = nlohmann::json::parse(files["devices.json"]);
    devices["needle_lengths_mm"]["min"] = 0.5;
    devices["needle_lengths_mm"]["max"] = 2.0;
    files["devices.json"] = devices.dump();
    auto loaded = content::load(files);
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().to_string();
    clinic = std::move(loaded.content);
    state.content = &clinic;
    state.viewport = {1440, 900, 1};
  }
  nlohmann::json command(const nlohmann::json& c) {
    std::vector<nlohmann::json> events;
    return nlohmann::json::parse(app::run_command(state, c.dump(), events));
  }
  // Drags the needle slider to the far left or right and returns the length it asked for.
  double slider_end(bool right) {
    frame();
    ImGuiWindow* panel = ImGui::FindWindowByName("##cross");
    if (!panel) {
      ADD_FAILURE() << "no cross-section panel";
      return -1;
    }
    const ImGuiID id = panel->GetID("##needle");
    // Move the pointer down the panel until ImGui says the needle slider is under it.
    for (float y = panel->Pos.y; y < panel->Pos.y + panel->Size.y; y += 2.0f) {
      const float x = panel->Pos.x + panel->Size.x * 0.5f;
      frame(x, y, false);
      if (ImGui::GetHoveredID() == id) {
        const float edge = right ? panel->Pos.x + panel->Size.x - 4.0f : panel->Pos.x + 4.0f;
        frame(x, y, true);
        std::vector<app::Action> actions = frame(edge, y, true);
        frame(edge, y, false);
        for (const auto& a : actions)
          if (const auto* set = std::get_if<app::act::SetNeedle>(&a.what)) return set->mm;
        ADD_FAILURE() << "the slider asked for no length";
        return -1;
      }
    }
    ADD_FAILURE() << "no needle slider found";
    return -1;
  }

  content::FileMap files;
  core::Content clinic;
};

TEST_F(NeedleLimits, EveryWayOfSettingTheNeedleAgreesWithTheContent) {
  // The slider offers exactly the content's range.
  EXPECT_DOUBLE_EQ(slider_end(false), 0.5);
  EXPECT_DOUBLE_EQ(slider_end(true), 2.0);
  // The host API.
  EXPECT_FALSE(command({{"cmd", "setNeedleLength"}, {"mm", 0.25}})["ok"].get<bool>());
  EXPECT_EQ(command({{"cmd", "setNeedleLength"}, {"mm", 2.25}})["error"], "needle length must be a number from 0.5 to 2 mm");
  EXPECT_TRUE(command({{"cmd", "setNeedleLength"}, {"mm", 2.0}})["ok"].get<bool>());
  // The mirror's range input.
  const auto needle = command({{"cmd", "getChoices"}})["choices"]["needle"];
  EXPECT_EQ(needle, (nlohmann::json{{"min", 0.5}, {"max", 2.0}, {"step", 0.25}}));
  // The staff arrow keys: up stops at 2.0, down stops at 0.5.
  state.mode = app::Mode::Staff;
  for (int i = 0; i < 3; ++i) {
    input.keys.push_back({Key::Up, false});
    for (const auto& a : frame()) app::apply(state, a);
  }
  EXPECT_DOUBLE_EQ(state.cross.needle_mm, 2.0);
  for (int i = 0; i < 10; ++i) {
    input.keys.push_back({Key::Down, false});
    for (const auto& a : frame()) app::apply(state, a);
  }
  EXPECT_DOUBLE_EQ(state.cross.needle_mm, 0.5);
  // The command line with the same content.
  const fs::path dir = fs::path(::testing::TempDir()) / ("needle_limits_" + std::to_string(getpid()));
  fs::create_directories(dir);
  for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
  const auto deepest = testing::run_cli("depth --area cheeks --needle-mm 2 --content " + dir.string());
  EXPECT_EQ(deepest.status, 0) << deepest.err;
  const auto past = testing::run_cli("depth --area cheeks --needle-mm 2.25 --content " + dir.string());
  EXPECT_EQ(past.status, 2);
  EXPECT_NE(past.err.find("from 0.5 to 2 mm"), std::string::npos) << past.err;
  const auto short_one = testing::run_cli("depth --area cheeks --needle-mm 0.25 --content " + dir.string());
  EXPECT_EQ(short_one.status, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace skindepth::ui
