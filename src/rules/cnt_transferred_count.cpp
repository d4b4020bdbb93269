// CNT003: the declared 移転 count against the 移転先 listed.
#include "rules/cnt_listed_count.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

Rule cnt003() {
  return {"CNT003",
          "counts",
          "error",
          "移転の件数と記載された移転先の数が一致しない",
          R"(Ⅱ 5 提供・移転の有無の「移転を行っている（ N ）件」は、記載する移転先1…N の数です。
件数と移転先の数が違う場合、どちらかが誤っています。
移転先の記載が「別紙2 移転先一覧に記載」のように別の箇所を指している場合と、移転先の番号が
飛んでいる場合は、報告しません。
直し方: 件数を記載した移転先の数に合わせるか、漏れている移転先を記載します。)",
          {{"/files/0/provision/status/1/checked", true},
           {"/files/0/provision/transferred_count", 2},
           {"/files/0/provision/destinations/-", {{"number", 1}, {"name", "市民課"}}}},
          {{"/files/0/provision/transferred_count", 1}},
          [](const Context& c, Findings& out) {
            check_listed_count(
                c, out,
                {"/provision/transferred_count", "/provision/destinations", "移転", "移転先"});
          }};
}

}  // namespace hyoka::validate::ruleset
