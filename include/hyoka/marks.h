// Canonicalizes every check-box and bracket representation of the OCR text into the internal
// tokens of text.h: ☑ (checked), ☐ (explicit empty box), ⬚ (state lost), ⊡ (`[ <input/> ]`,
// decided by the field's group) and ⟦value⟧ (a single-choice value, also the mangled
// `⬚ value ]` form).
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

std::string canonicalize_marks(std::string_view s);
// Whether canonicalize_marks(s) may differ from s (an opening bracket or a ⬚ in it).
bool has_marks(std::string_view s);

}  // namespace hyoka
