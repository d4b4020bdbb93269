// Shared by the completeness rules: a value the form requires, left blank by the document.
#pragma once

#include "rules/context.h"

namespace hyoka::validate::ruleset {

struct RequiredValue {
  std::string pointer;
  std::string part;   // a value under this part was read: the part is in the text
  std::string label;  // the form's label
};

// Reports `value` when the document itself left it blank (not a scrambled extraction, its part
// seen). Returns whether it did.
bool report_blank(const Context& c, Findings& out, const RequiredValue& value);

// The completeness checks that --draft relaxes, and the values QUA003 watches.
std::vector<RequiredValue> document_required_values(const Context& c);

}  // namespace hyoka::validate::ruleset
