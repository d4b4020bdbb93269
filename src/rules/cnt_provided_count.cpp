// CNT002: the declared 提供 count against the 提供先 listed.
#include "rules/cnt_listed_count.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

Rule cnt002() {
  return {"CNT002",
          "counts",
          "error",
          "提供の件数と記載された提供先の数が一致しない",
          R"(Ⅱ 5 提供・移転の有無の「提供を行っている（ N ）件」は、記載する提供先1…N の数です。
件数と提供先の数が違う場合、どちらかが誤っています。
提供先の記載が「別紙1 提供先一覧に記載」のように別の箇所を指している場合と、提供先の番号が
飛んでいる（ページの欠落。REC008 が報告します）場合は、報告しません。
直し方: 件数を記載した提供先の数に合わせるか、漏れている提供先を記載します。)",
          {{"/files/0/provision/provided_count", 2}},
          {{"/files/0/provision/provided_count", 1}},
          [](const Context& c, Findings& out) {
            check_listed_count(
                c, out, {"/provision/provided_count", "/provision/recipients", "提供", "提供先"});
          }};
}

}  // namespace hyoka::validate::ruleset
