// The change log (変更箇所) read against the body: which field a row's 項目 names, and the
// latest 変更後の記載 for each such field.
#pragma once

#include <string>
#include <vector>

#include "rules/context.h"

namespace hyoka::validate::ruleset {

enum class ChangeKind { Choice, Count, Date, Text };

struct ChangeTarget {
  ChangeKind kind = ChangeKind::Text;
  std::string field;                  // Japanese name for messages
  std::vector<std::string> pointers;  // candidate body values (one per file when the row does
                                      // not say which file)
  std::vector<std::string> options;   // Choice: the field's options
};

struct LatestChange {
  std::size_t row = 0;  // index in /changes
  ChangeTarget target;
  std::string after;
};

// For every field some row resolves to, the latest row (by 変更日, then by order); computed once
// per Context (CHG001 and CHG002 both read it).
const std::vector<LatestChange>& latest_changes(const Context& c);

}  // namespace hyoka::validate::ruleset
