// The list of content parts, in parse order (see parts.h).
#include "content/parts.h"

namespace skindepth::content {

const std::vector<ContentPart>& content_parts() {
  static const std::vector<ContentPart> kParts = {
      skin_areas_part(),
      skin_structures_part(),
      skin_devices_part(),
      timeline_part(),
      questionnaire_part(),
      review_part(),
  };
  return kParts;
}

}  // namespace skindepth::content
