// Shared by the three count rules (CNT001–CNT003): a declared （N）件 against the items listed.
#pragma once

#include "rules/context.h"

namespace hyoka::validate::ruleset {

struct ListedCount {
  std::string count_pointer;  // relative to the file: "/outsourcing/declared_count"
  std::string list_pointer;   // relative to the file: "/outsourcing/entrusts"
  std::string what;           // 委託, 提供, 移転
  std::string item;           // 委託事項, 提供先, 移転先
};

void check_listed_count(const Context& c, Findings& out, const ListedCount& spec);

}  // namespace hyoka::validate::ruleset
