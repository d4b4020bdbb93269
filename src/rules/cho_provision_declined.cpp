// CHO004: 行っていない checked, yet 提供先 / 移転先 or counts are filled.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i) + "/provision";
    const json& status = c.at(f + "/status");
    if (checked(status, "行っていない") != true) continue;
    const std::string box = check_pointer(status, f + "/status", "行っていない");
    const std::pair<const char*, const char*> lists[] = {{"/recipients", "提供先"},
                                                         {"/destinations", "移転先"}};
    for (const auto& [list, what] : lists) {
      const json& items = c.at(f + list);
      if (items.is_array() && !items.empty()) {
        out.push_back({file_label(c, i) +
                           " は提供・移転を「行っていない」にチェックがありますが、" + what +
                           "が " + std::to_string(items.size()) + " 件記載されています。",
                       {box, f + list}});
      }
    }
    for (const char* count : {"/provided_count", "/transferred_count"}) {
      const auto n = c.integer(f + count);
      if (n && *n > 0) {
        out.push_back({file_label(c, i) +
                           " は提供・移転を「行っていない」にチェックがありますが、件数が（" +
                           std::to_string(*n) + "）件です。",
                       {box, f + count}});
      }
    }
  }
}

}  // namespace

Rule cho004() {
  return {"CHO004",
          "choices",
          "error",
          "提供・移転を「行っていない」のに提供先・移転先や件数が記載されている",
          R"(Ⅱ 5 提供・移転の有無で「行っていない」にチェックした場合、提供先・移転先と件数は
空欄のはずです。両方があるのは、チェックの誤りか、提供をやめたときの消し忘れです。
直し方: 提供・移転しているなら「提供を行っている」「移転を行っている」にチェックし、
していないなら提供先・移転先と件数を削除します。)",
          {{"/files/0/provision/status/0/checked", false},
           {"/files/0/provision/status/2/checked", true},
           {"/files/0/provision/provided_count", nullptr}},
          {{"/files/0/provision/recipients", json::array()}},
          check};
}

}  // namespace hyoka::validate::ruleset
