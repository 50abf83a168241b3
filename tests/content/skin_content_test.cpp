// areas.json, structures.json and devices.json: the shipped files are valid and bilingual, and each
// kind of mistake is rejected with the file, the exact JSON pointer and what was expected.
#include "content/loader.h"
#include "load_errors.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace skindepth::content {
namespace {

using test_support::dump_errors;
using test_support::has_error;

// The shipped files with one value replaced: `value` is literal JSON put at `at`.
LoadResult load_with(const std::string& file, const std::string& at, const std::string& value) {
  auto files = default_files();
  auto doc = nlohmann::json::parse(files.at(file));
  doc[nlohmann::json::json_pointer(at)] = nlohmann::json::parse(value);
  files[file] = doc.dump();
  return load(files);
}

LoadResult load_replacing(const std::string& file, const std::string& text) {
  auto files = default_files();
  files[file] = text;
  return load(files);
}

TEST(SkinContent, ShippedFilesAreValid) {
  const auto r = load(default_files());
  EXPECT_TRUE(r.ok()) << dump_errors(r);
  EXPECT_EQ(r.content.skin.areas.size(), 10u);
  EXPECT_EQ(r.content.skin.structures.size(), 14u);
  EXPECT_EQ(r.content.skin.needles.devices.size(), 3u);
}

TEST(SkinContent, EveryPatientTextIsInEnglishAndSpanish) {
  const auto& skin = default_content().skin;
  auto both = [](const core::Text& t, const std::string& what) {
    EXPECT_EQ(t.by_language.count("en"), 1u) << what;
    EXPECT_EQ(t.by_language.count("es"), 1u) << what;
  };
  for (const auto& a : skin.areas) {
    both(a.name, a.id + " name");
    if (!a.caution.empty()) both(a.caution, a.id + " caution");
    EXPECT_FALSE(a.sources.empty()) << a.id;
  }
  for (const auto& s : skin.structures) {
    both(s.name, s.id + " name");
    both(s.card, s.id + " card");
    EXPECT_FALSE(s.sources.empty()) << s.id;
  }
  for (const auto& d : skin.needles.devices) {
    both(d.name, d.id + " name");
    both(d.description, d.id + " description");
  }
  for (const auto& n : skin.needles.notes) both(n.text, n.id);
  for (const auto& w : skin.needles.warnings) both(w.text, w.id);
}

TEST(SkinContent, ParsedValuesMatchTheFile) {
  const auto& skin = default_content().skin;
  const auto* eyes = skin.find_area("around_eyes");
  ASSERT_NE(eyes, nullptr);
  EXPECT_DOUBLE_EQ(eyes->thickness_mm[static_cast<int>(core::Layer::ReticularDermis)], 0.42);
  EXPECT_DOUBLE_EQ(eyes->usual_depth_mm.min, 0.25);
  EXPECT_DOUBLE_EQ(eyes->usual_depth_mm.max, 0.5);
  EXPECT_DOUBLE_EQ(eyes->ceiling_mm, 0.5);
  EXPECT_NE(eyes->caution.en().find("orbital rim"), std::string::npos);
  EXPECT_EQ(skin.find_area("scalp")->drawing.hair, core::HairKind::Terminal);
  EXPECT_DOUBLE_EQ(skin.find_area("nose")->drawing.sebaceous_density, 1.0);
  const auto* melanocytes = skin.find_structure("melanocytes");
  EXPECT_EQ(melanocytes->from.layer, core::Layer::Epidermis);
  EXPECT_DOUBLE_EQ(melanocytes->from.at, 0.85);
  const auto* fat = skin.find_structure("fat_lobules");
  EXPECT_EQ(fat->from.layer, core::Layer::Subcutis);
  EXPECT_DOUBLE_EQ(fat->from.at, 0.0);
  EXPECT_DOUBLE_EQ(fat->to.at, 1.0);
}

// ---------------------------------------------------------------------------------------------

struct BadValue {
  const char* name;
  const char* file;
  const char* at;        // where the literal value goes
  const char* value;     // literal JSON
  const char* pointer;   // where the error must be reported
  const char* fragment;  // part of the expected message
};

class RejectsBadValue : public ::testing::TestWithParam<BadValue> {};

TEST_P(RejectsBadValue, WithFilePointerAndExpectation) {
  const auto& c = GetParam();
  const auto r = load_with(c.file, c.at, c.value);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, c.file, c.pointer, c.fragment)) << "want " << c.file << " " << c.pointer << ": ..."
                                                           << c.fragment << "...\ngot:\n" << dump_errors(r);
}

const BadValue kBadValues[] = {
    // areas.json
    {"ThicknessTooLarge", "areas.json", "/areas/0/thickness_mm/epidermis", "0.5",
     "/areas/0/thickness_mm/epidermis", "expected a number from 0.02 to 0.2, found 0.5"},
    {"ThicknessNegative", "areas.json", "/areas/2/thickness_mm/stratum_corneum", "-0.01",
     "/areas/2/thickness_mm/stratum_corneum", "expected a number from 0.005 to 0.05, found -0.01"},
    {"ThicknessNotANumber", "areas.json", "/areas/0/thickness_mm/reticular_dermis", "\"thick\"",
     "/areas/0/thickness_mm/reticular_dermis", "found string"},
    {"UnknownLayerInThickness", "areas.json", "/areas/0/thickness_mm/papilary_dermis", "0.2",
     "/areas/0/thickness_mm/papilary_dermis", "unknown key; expected one of: stratum_corneum, epidermis"},
    {"FatBandTooShort", "areas.json", "/areas/1/thickness_mm/subcutis", "0.6",
     "/areas/1/thickness_mm/subcutis", "at least 2.5 mm below the surface"},
    {"MissingSource", "areas.json", "/areas/0/sources/0", "\"nobody2020\"",
     "/areas/0/sources/0", "unknown source \"nobody2020\""},
    {"CeilingBelowUsualRange", "areas.json", "/areas/1/ceiling_mm", "0.25",
     "/areas/1/usual_depth_mm/max", "expected at most ceiling_mm (0.25), found 0.5"},
    {"UsualMinAboveMax", "areas.json", "/areas/0/usual_depth_mm/min", "0.9",
     "/areas/0/usual_depth_mm/min", "expected at most max (0.75), found 0.9"},
    {"UsualMinZero", "areas.json", "/areas/0/usual_depth_mm/min", "0",
     "/areas/0/usual_depth_mm/min", "expected a length above 0"},
    {"CeilingAboveLongestNeedle", "areas.json", "/areas/7/ceiling_mm", "3",
     "/areas/7/ceiling_mm", "expected a number from 0 to 2.5, found 3"},
    {"DuplicateAreaId", "areas.json", "/areas/1/id", "\"forehead\"",
     "/areas/1/id", "duplicate area id \"forehead\""},
    {"AreaIdWithSpaces", "areas.json", "/areas/0/id", "\"fore head\"",
     "/areas/0/id", "expected lower-case letters, digits and _ only"},
    {"NameWithoutEnglish", "areas.json", "/areas/0/name", "{\"es\": \"Frente\"}",
     "/areas/0/name", "expected an \"en\" text"},
    {"UnknownHairKind", "areas.json", "/areas/0/drawing/hair", "\"curly\"",
     "/areas/0/drawing/hair", "expected \"vellus\" or \"terminal\", found \"curly\""},
    {"UnknownAreaKey", "areas.json", "/areas/0/ceiling", "1",
     "/areas/0/ceiling", "unknown key"},
    // structures.json
    {"UnknownLayerInStructure", "structures.json", "/structures/0/depth", "{\"layer\": \"hypodermis\"}",
     "/structures/0/depth/layer", "unknown layer \"hypodermis\"; expected one of: stratum_corneum"},
    {"UnknownLayerInFrom", "structures.json", "/structures/1/depth/from/layer", "\"dermis\"",
     "/structures/1/depth/from/layer", "unknown layer \"dermis\""},
    {"FractionAboveOne", "structures.json", "/structures/1/depth/from/at", "1.5",
     "/structures/1/depth/from/at", "expected a number from 0 to 1, found 1.5"},
    {"BottomAboveTop", "structures.json", "/structures/1/depth/to", "{\"layer\": \"stratum_corneum\", \"at\": 0}",
     "/structures/1/depth/to", "expected \"to\" at or below \"from\""},
    {"DuplicateStructureId", "structures.json", "/structures/1/id", "\"keratinocytes\"",
     "/structures/1/id", "duplicate structure id \"keratinocytes\""},
    {"EmptyCard", "structures.json", "/structures/0/card", "\"\"",
     "/structures/0/card", "expected a non-empty text"},
    {"StructureSourceMissing", "structures.json", "/structures/3/sources/0", "\"textbook\"",
     "/structures/3/sources/0", "unknown source \"textbook\""},
    {"UnknownConcernShape", "structures.json", "/concerns/0/shape", "\"crater\"",
     "/concerns/0/shape", "unknown shape \"crater\"; expected rolling, boxcar"},
    {"PigmentThatSinks", "structures.json", "/concerns/6/size/depth_mm", "0.2",
     "/concerns/6/size/depth_mm", "expected 0 (pigment does not change the surface)"},
    {"ScarWithoutDepth", "structures.json", "/concerns/0/size/depth_mm", "0",
     "/concerns/0/size/depth_mm", "expected a depth above 0"},
    {"ConcernSizeWithoutBasis", "structures.json", "/concerns/1/size", "{\"width_mm\": 4, \"depth_mm\": 0.2}",
     "/concerns/1/size", "expected \"sources\", or \"clinic_setting\": true"},
    {"FillAboveOne", "structures.json", "/concerns/2/course_fill/share", "1.5",
     "/concerns/2/course_fill/share", "expected a number from 0 to 1, found 1.5"},
    {"DuplicateConcern", "structures.json", "/concerns/1/id", "\"boxcar_scar\"",
     "/concerns/1/id", "duplicate concern id \"boxcar_scar\""},
    // devices.json
    {"UnknownMotion", "devices.json", "/devices/0/motion", "\"spin\"",
     "/devices/0/motion", "expected \"stamp\" or \"roll\", found \"spin\""},
    {"NeedleLongerThanTheLongest", "devices.json", "/needle_lengths_mm/max", "3",
     "/needle_lengths_mm/max", "expected a number from 0.05 to 2.5, found 3"},
    {"StepNotDividingTheRange", "devices.json", "/needle_lengths_mm/step", "0.3",
     "/needle_lengths_mm/step", "expected a step that divides max - min (2.25), found 0.3"},
    {"UnknownWarning", "devices.json", "/warnings/0/id", "\"too_deep\"",
     "/warnings/0/id", "unknown warning \"too_deep\"; expected one of: above_usual_range"},
    {"NoteSourceMissing", "devices.json", "/notes/1/sources/0", "\"kalluri2012\"",
     "/notes/1/sources/0", "unknown source \"kalluri2012\""},
    {"DuplicateDevice", "devices.json", "/devices/2/id", "\"pen\"",
     "/devices/2/id", "duplicate device id \"pen\""},
};

INSTANTIATE_TEST_SUITE_P(SkinContent, RejectsBadValue, ::testing::ValuesIn(kBadValues),
                         [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------------------------

TEST(SkinContent, EmptyAreaListIsRejected) {
  const auto r = load_replacing("areas.json", R"({"areas": []})");
  EXPECT_TRUE(has_error(r, "areas.json", "/areas", "expected at least one area")) << dump_errors(r);
}

TEST(SkinContent, AnAreaWithOnlyAnIdNamesEachMissingField) {
  const auto r = load_replacing("areas.json", R"({"areas": [{"id": "cheeks"}]})");
  for (const char* p : {"/areas/0/name", "/areas/0/thickness_mm", "/areas/0/usual_depth_mm", "/areas/0/ceiling_mm",
                        "/areas/0/drawing", "/areas/0/sources"})
    EXPECT_TRUE(has_error(r, "areas.json", p, "missing")) << p << "\n" << dump_errors(r);
}

TEST(SkinContent, ALiteralAreaWithSeveralMistakes) {
  const auto r = load_replacing("areas.json", R"({"areas": [{
      "id": "chin",
      "name": {"en": "Chin", "es": "Mentón"},
      "thickness_mm": {"stratum_corneum": 0.017, "epidermis": 0.05, "papillary_dermis": 0.2,
                       "reticular_dermis": 1.0, "fat": 2.0},
      "usual_depth_mm": {"min": 1.0, "max": 2.0},
      "ceiling_mm": 1.5,
      "drawing": {"hair_follicles_per_cm": 4, "hair": "vellus", "sebaceous_density": 0.5,
                  "sweat_glands_per_cm": 3, "fat_lobule_mm": 0.6, "sources": ["kanitakis2002"]},
      "sources": ["meng2022", "wikipedia"]}]})");
  EXPECT_TRUE(has_error(r, "areas.json", "/areas/0/thickness_mm/fat", "unknown key")) << dump_errors(r);
  EXPECT_TRUE(has_error(r, "areas.json", "/areas/0/thickness_mm/subcutis", "missing")) << dump_errors(r);
  EXPECT_TRUE(has_error(r, "areas.json", "/areas/0/usual_depth_mm/max", "expected at most ceiling_mm (1.5), found 2"))
      << dump_errors(r);
  EXPECT_TRUE(has_error(r, "areas.json", "/areas/0/sources/1", "unknown source \"wikipedia\"")) << dump_errors(r);
}

TEST(SkinContent, RemovingAStructureTheViewDrawsIsAnError) {
  const auto r = load_replacing("structures.json", R"({"structures": [{
      "id": "keratinocytes", "name": {"en": "Keratinocytes", "es": "Queratinocitos"},
      "card": {"en": "Skin cells.", "es": "Células de la piel."},
      "depth": {"layer": "epidermis"}, "sources": ["kanitakis2002"]}]})");
  EXPECT_TRUE(has_error(r, "structures.json", "/structures", "missing structure \"melanocytes\"")) << dump_errors(r);
  EXPECT_TRUE(has_error(r, "structures.json", "/structures", "missing structure \"fat_lobules\"")) << dump_errors(r);
  EXPECT_FALSE(has_error(r, "structures.json", "/structures", "missing structure \"keratinocytes\""));
}

TEST(SkinContent, EveryDepthWarningNeedsItsText) {
  auto files = default_files();
  auto doc = nlohmann::json::parse(files.at("devices.json"));
  doc["warnings"].erase(doc["warnings"].begin() + 2);  // into_fat
  files["devices.json"] = doc.dump();
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "devices.json", "/warnings", "missing warning \"into_fat\"")) << dump_errors(r);
}

TEST(SkinContent, MissingFileIsNamed) {
  auto files = default_files();
  files.erase("structures.json");
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "structures.json", "", "file missing")) << dump_errors(r);
}

}  // namespace
}  // namespace skindepth::content

namespace skindepth::content {
namespace {

// Issue 15, item 10: the cheek's dermis is the in-vivo ultrasound figure the file's own rule prefers
// (meng2022 over the cheekbone: 0.87 women / 1.14 men), not facial histology's 1.5 mm.
TEST(SkinContentClinical, CheekDermisIsTheUltrasoundFigure) {
  const core::BodyArea* cheeks = default_content().skin.find_area("cheeks");
  ASSERT_NE(cheeks, nullptr);
  const double dermis = cheeks->thickness_mm[2] + cheeks->thickness_mm[3];
  EXPECT_GE(dermis, 0.87);
  EXPECT_LE(dermis, 1.14);
}

// Item 3: every ceiling and usual range says where it comes from, and no ceiling reaches the fat.
TEST(SkinContentClinical, EveryLimitHasASourceOrIsTheClinicsSettingAndStaysInTheSkin) {
  for (const auto& a : default_content().skin.areas) {
    EXPECT_TRUE(a.ceiling_basis.clinic_setting || !a.ceiling_basis.sources.empty()) << a.id;
    EXPECT_TRUE(a.usual_basis.clinic_setting || !a.usual_basis.sources.empty()) << a.id;
    EXPECT_LE(a.ceiling_mm, a.skin_mm() - core::kSkinMarginMm + 1e-9) << a.id;
  }
}

TEST(SkinContentClinical, ACeilingInTheFatIsRefusedWithTheSkinsDepth) {
  auto doc = nlohmann::json::parse(default_files()["areas.json"]);
  doc["areas"][0]["ceiling_mm"] = 1.5;  // forehead: 1.067 mm of skin
  auto files = default_files();
  files["areas.json"] = doc.dump();
  const auto r = load(files);
  ASSERT_FALSE(r.ok());
  bool found = false;
  for (const auto& e : r.errors)
    found = found || (e.pointer == "/areas/0/ceiling_mm" && e.message.find("deeper reaches the fat") != std::string::npos);
  EXPECT_TRUE(found) << r.errors.front().to_string();
  doc["areas"][0]["ceiling_mm"] = 1.0;
  doc["areas"][0].erase("ceiling_basis");
  files["areas.json"] = doc.dump();
  const auto missing = load(files);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors.front().pointer, "/areas/0/ceiling_basis");
}

}  // namespace
}  // namespace skindepth::content
