// DAT004: 保有開始日 / 使用開始日 that cannot be right.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

// 番号法 was promulgated in May 2013; numbers were first assigned in October 2015.
constexpr const char* kEarliest = "2015-01";

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const auto held = iso(c.at(f + "/retention_start"));
    const auto used = iso(c.at(f + "/use_start"));
    const std::pair<const std::optional<std::string>*, const char*> dates[] = {
        {&held, "retention_start"}, {&used, "use_start"}};
    for (const auto& [d, key] : dates) {
      if (*d && month_of(**d) < kEarliest) {
        out.push_back({file_label(c, i) + " の" +
                           (std::string(key) == "use_start" ? "使用開始日" : "保有開始日") + "（" +
                           **d + "）が番号法による個人番号の利用より前です。",
                       {f + "/" + key}});
      }
    }
    if (held && used && month_of(*used) < month_of(*held)) {
      out.push_back({file_label(c, i) + " の使用開始日（" + *used + "）が保有開始日（" + *held +
                         "）より前です。",
                     {f + "/use_start", f + "/retention_start"}});
    }
  }
}

}  // namespace

Rule dat004() {
  return {"DAT004",
          "dates",
          "warning",
          "保有開始日・使用開始日がありえない日付",
          R"(Ⅱ 2 ⑤保有開始日と Ⅱ 3 使用開始日は、特定個人情報（個人番号を含む情報）を保有・使用し
始めた日です。個人番号の付番は平成27年10月に始まったため、平成27年（2015年）より前の日付は
和暦の換算や年の誤りです。また、保有していないファイルは使用できないので、使用開始日が保有開始日
より前（月単位で比べます）なのも誤りです。
直し方: 日付を確かめて直します。)",
          {{"/files/0/use_start", "2015-06-01"}},
          {{"/files/0/use_start", "2016-01-01"}},
          check};
}

}  // namespace hyoka::validate::ruleset
