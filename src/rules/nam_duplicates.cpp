// NAM003: two files, or two systems, with the same name.
#include <map>

#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void duplicates(const Context& c, Findings& out, const std::string& list, const char* what) {
  const json& items = c.at(list);
  if (!items.is_array()) return;
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json& name = member(items[i], "name");
    if (!substantive(name)) continue;
    const auto [it, inserted] = first.emplace(name_key(name.get<std::string>()), i);
    if (inserted) continue;
    out.push_back({std::string(what) +
                       items[it->second].value("number", json(it->second + 1)).dump() + " と " +
                       what + items[i].value("number", json(i + 1)).dump() + " が同じ名称「" +
                       name.get<std::string>() + "」です。",
                   {list + "/" + std::to_string(i) + "/name",
                    list + "/" + std::to_string(it->second) + "/name"}});
  }
}

void check(const Context& c, Findings& out) {
  duplicates(c, out, "/systems", "システム");
  if (c.form() != "basic") duplicates(c, out, "/files", "ファイル");
}

}  // namespace

Rule nam003() {
  return {"NAM003",
          "names",
          "warning",
          "同じ名称のシステムまたはファイルが二つある",
          R"(Ⅰ 2 のシステム、Ⅱ の特定個人情報ファイルは、それぞれ別のものを記載します。同じ名称が
二度あるのは、複写したブロックの名称の直し忘れか、同じものの重複記載です。
直し方: それぞれの正しい名称を記載するか、重複したブロックを削除します。)",
          {{"/systems/-",
            {{"number", 2},
             {"name", "住民記録システム"},
             {"functions", "証明書の発行"},
             {"connections", json::array()}}}},
          {{"/systems/1/name", "証明書コンビニ交付システム"}},
          check};
}

}  // namespace hyoka::validate::ruleset
