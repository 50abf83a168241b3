// The questionnaire's answer vocabulary (a public interface shared with the host page, the command
// line and the tests: see issue 5) and its strict parser. Unknown keys or values are errors that
// name the key, never silently dropped: a typo in "pregnant_or_breastfeeding" must not read as "no".
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::core {

enum class Concern : std::uint8_t {
  FineLines, Wrinkles, AcneScars, SurgicalScars, StretchMarks, EnlargedPores, Pigmentation, Melasma,
  Texture, Dullness, Laxity, HairLoss, ProductAbsorption
};
inline constexpr int kConcernCount = 13;

enum class Area : std::uint8_t {
  Forehead, AroundEyes, Cheeks, Nose, UpperLip, Neck, Decolletage, Abdomen, Thighs, Scalp
};
inline constexpr int kAreaCount = 10;

enum class Severity : std::uint8_t { Mild, Moderate, Severe };
inline constexpr int kSeverityCount = 3;

// The yes/no answers: those of issue 5 first, then the wider screening of the clinical review.
enum class Flag : std::uint8_t {
  PregnantOrBreastfeeding, ActiveInfection, OpenWounds, ActiveAcneOnArea, EczemaOrPsoriasisOnArea,
  RosaceaFlare, KeloidHistory, BloodThinnersOrBleedingDisorder, CancerTreatmentNow, Diabetes,
  IsotretinoinLast6Months, RetinoidLast7Days, SunburnOrTanLast7Days, HairLossDiagnosed,
  ColdSoresHistory, Immunosuppressed, AutoimmuneOrConnectiveTissueDisease, SkinCancerOrChangingMoleOnArea,
  MetalOrNumbingCreamAllergy, KoebnerCondition, HypertrophicScarHistory, PrescribedRetinoid,
  InjectablesLast2Weeks, LaserOrPeelLast4Weeks, TattooOrPermanentMakeupOnArea
};
inline constexpr int kFlagCount = 25;

// The other single-choice answers with a fixed vocabulary, beyond area, severity and skin type.
enum class Choice : std::uint8_t { ScarType, HairLossType };
inline constexpr int kChoiceCount = 2;
enum class ScarType : std::uint8_t { Atrophic, Raised, NotSure };
enum class HairLossType : std::uint8_t { Pattern, AlopeciaAreata, Other, NotSure };

// Every answer key, by index: the five of the first questionnaire, the flags, then the choices.
// Used for "which keys were left unanswered" masks and for questionnaire checks.
enum class AnswerKey : std::uint8_t { Concerns, Area, Severity, Fitzpatrick, Age, FirstFlag };
inline constexpr int kFirstChoiceKey = 5 + kFlagCount;
inline constexpr int kAnswerKeyCount = kFirstChoiceKey + kChoiceCount;
static_assert(kAnswerKeyCount <= 64, "answer key masks are 64 bits");
using KeyMask = std::uint64_t;
// How a key is answered; a question of the questionnaire asks its key in this form.
enum class AnswerKind : std::uint8_t { MultiChoice, SingleChoice, Number, YesNo };
std::string_view concern_id(Concern c);
std::optional<Concern> concern_from_id(std::string_view id);
std::string_view area_id(Area a);
std::optional<Area> area_from_id(std::string_view id);
std::string_view severity_id(Severity s);
std::optional<Severity> severity_from_id(std::string_view id);
std::string_view flag_id(Flag f);
std::optional<Flag> flag_from_id(std::string_view id);
std::string_view choice_key_id(Choice c);                 // "scar_type", "hair_loss_type"
std::optional<Choice> choice_from_key(std::string_view key);
int choice_value_count(Choice c);
std::string_view choice_value_id(Choice c, int value);  // "atrophic", "alopecia_areata"...
std::optional<int> choice_value_from_id(Choice c, std::string_view id);
// Answer keys by index 0..kAnswerKeyCount-1 ("concerns", "area", ..., then the 14 flags).
std::string_view answer_key_id(int index);
std::optional<int> answer_key_from_id(std::string_view id);
AnswerKind answer_key_kind(int index);
inline int flag_key_index(Flag f) { return static_cast<int>(AnswerKey::FirstFlag) + static_cast<int>(f); }
inline int choice_key_index(Choice c) { return kFirstChoiceKey + static_cast<int>(c); }

inline std::uint32_t bit(Concern c) { return 1u << static_cast<int>(c); }
inline std::uint32_t bit(Area a) { return 1u << static_cast<int>(a); }
inline std::uint32_t bit(Severity s) { return 1u << static_cast<int>(s); }

struct Answers {
  std::vector<Concern> concerns;  // as given (order kept for the echo), no duplicates, never empty
  Area area = Area::Forehead;
  std::optional<Severity> severity;
  std::optional<int> fitzpatrick;  // 1..6
  std::optional<double> age;       // years, 0..120
  std::array<std::optional<bool>, kFlagCount> flags{};  // nullopt: not answered
  std::array<std::optional<int>, kChoiceCount> choices{};  // index into the choice's values

  std::uint32_t concern_mask() const;
  std::optional<bool> flag(Flag f) const { return flags[static_cast<int>(f)]; }
  void set(Flag f, bool value) { flags[static_cast<int>(f)] = value; }
  std::optional<int> choice(Choice c) const { return choices[static_cast<int>(c)]; }
  void set(ScarType t) { choices[static_cast<int>(Choice::ScarType)] = static_cast<int>(t); }
  void set(HairLossType t) { choices[static_cast<int>(Choice::HairLossType)] = static_cast<int>(t); }
  bool answered(int key_index) const;
  bool operator==(const Answers&) const = default;
};

// The answers as a patient gives them, one at a time: any key may be missing, including the
// concerns and the area (the plan needs both). The questionnaire panel, the page's mirror, the JS API
// and the command line all write it through set_answer(), the one validator of the vocabulary.
struct AnswerSheet {
  Answers values;         // concerns may be empty; `area` counts only when has_area
  bool has_area = false;

  bool answered(int key_index) const;
  // Concerns and area given: the rules and conditions can be evaluated.
  bool ready() const { return !values.concerns.empty() && has_area; }
  bool empty() const;
  bool operator==(const AnswerSheet&) const = default;
};

// Sets one answer after checking it against the vocabulary: "" when it was set, else one line that
// starts with the key ("fitzpatrick: expected an integer from 1 to 6, found 7") and the sheet is
// unchanged. An empty list of concerns is refused: clear_answer() forgets them.
std::string set_answer(AnswerSheet& sheet, std::string_view key, const nlohmann::json& value);
// Forgets one answer; false for a key that is not in the vocabulary.
bool clear_answer(AnswerSheet& sheet, std::string_view key);
// One answer as JSON (null when unanswered), in the vocabulary's form.
nlohmann::json answer_value(const AnswerSheet& sheet, std::string_view key);
// The answered keys as a JSON object (the inverse of set_answer on each key).
nlohmann::json sheet_to_json(const AnswerSheet& sheet);

struct AnswersResult {
  std::optional<Answers> answers;
  std::string key;    // the offending key ("" when the text is not a JSON object)
  std::string error;  // one line, starts with the key: "fitzpatrick: expected an integer from 1 to 6, found 7"
  bool ok() const { return answers.has_value(); }
};

AnswersResult parse_answers(std::string_view json);

// The answers as JSON text (only the answered keys), the inverse of parse_answers.
std::string answers_to_json(const Answers& answers);

}  // namespace skindepth::core
