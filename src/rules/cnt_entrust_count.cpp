// CNT001: the declared 委託 count against the 委託事項 listed.
#include "rules/cnt_listed_count.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

Rule cnt001() {
  return {"CNT001",
          "counts",
          "error",
          "委託の件数と記載された委託事項の数が一致しない",
          R"(Ⅱ 4 委託の有無の「（ N ）件」は、その下に記載する委託事項1…N の数です。件数と
委託事項の数が違う場合、どちらかが誤っています（件数欄に対象人数を書いた、委託事項を
追加・削除したときに件数を直し忘れた、など）。
委託事項の記載が「別紙のとおり」のように別の箇所を指している場合と、委託事項の番号が
飛んでいる（ページの欠落。REC008 が報告します）場合は、報告しません。
直し方: 件数を記載した委託事項の数に合わせるか、漏れている委託事項を記載します。)",
          {{"/files/0/outsourcing/declared_count", 3}},
          {{"/files/0/outsourcing/declared_count", 1}},
          [](const Context& c, Findings& out) {
            check_listed_count(
                c, out,
                {"/outsourcing/declared_count", "/outsourcing/entrusts", "委託", "委託事項"});
          }};
}

}  // namespace hyoka::validate::ruleset
