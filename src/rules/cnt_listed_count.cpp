#include "rules/cnt_listed_count.h"

#include <set>

namespace hyoka::validate::ruleset {

void check_listed_count(const Context& c, Findings& out, const ListedCount& spec) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const auto declared = c.integer(f + spec.count_pointer);
    const json& list = c.at(f + spec.list_pointer);
    if (!declared || !list.is_array()) continue;
    const long long listed = static_cast<long long>(list.size());
    if (*declared == listed) continue;
    if (listed == 0) {
      // nothing listed at all: in a scrambled extraction the blocks may just be unread
      if (c.scrambled() || *declared == 0) continue;
    }
    if (*declared > listed) {
      bool elsewhere = false;  // 「別紙1 提供先一覧に記載」: the list lives in an attachment
      std::set<long long> numbers;
      for (const auto& item : list) {
        for (const char* k : {"title", "name", "content", "legal_basis", "purpose"}) {
          if (item.contains(k) && refers_elsewhere(item[k])) elsewhere = true;
        }
        if (item.contains("number") && item["number"].is_number_integer())
          numbers.insert(item["number"].get<long long>());
      }
      // numbers with a gap: pages were lost (REC008 says so), the count may well be right
      const bool gap =
          !numbers.empty() && *numbers.rbegin() > static_cast<long long>(numbers.size());
      if (elsewhere || gap) continue;
    }
    out.push_back({file_label(c, i) + " の" + spec.what + "の件数は（" + std::to_string(*declared) +
                       "）件ですが、" + spec.item + "は " + std::to_string(listed) +
                       " 件記載されています。",
                   {f + spec.count_pointer, f + spec.list_pointer}});
  }
}

}  // namespace hyoka::validate::ruleset
