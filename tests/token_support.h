// The normalizer's internal tokens (include/hyoka/text.h) as strings, for building expectations.
#pragma once

#include <string>
#include <string_view>

#include "hyoka/text.h"

namespace token_support {

inline const std::string kOn(hyoka::text::kChecked);              // ☑
inline const std::string kOff(hyoka::text::kUnchecked);           // ☐
inline const std::string kLost(hyoka::text::kUnknown);            // ⬚
inline const std::string kBoxed(hyoka::text::kBracketedUnknown);  // ⊡

// ⟦v⟧: a single-choice value
inline std::string choice(std::string_view v) {
  return std::string(hyoka::text::kChoiceOpen) + std::string(v) +
         std::string(hyoka::text::kChoiceClose);
}

}  // namespace token_support
