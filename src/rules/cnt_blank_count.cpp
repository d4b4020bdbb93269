// CNT005: 委託する / 提供を行っている / 移転を行っている chosen, but the （ ）件 left blank.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;  // a count detached from its box is often unread in pdftotext
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    if (c.str(f + "/outsourcing/status") == "委託する" &&
        c.at(f + "/outsourcing/declared_count").is_null()) {
      out.push_back({file_label(c, i) + " は「委託する」ですが、委託の件数（ ）件が空欄です。",
                     {f + "/outsourcing/declared_count", f + "/outsourcing/status"}});
    }
    const json& status = c.at(f + "/provision/status");
    const std::pair<const char*, const char*> kinds[] = {
        {"提供を行っている", "/provided_count"}, {"移転を行っている", "/transferred_count"}};
    for (const auto& [label, count] : kinds) {
      if (checked(status, label) != true) continue;
      if (!c.at(f + "/provision" + count).is_null()) continue;
      out.push_back(
          {file_label(c, i) + " は「" + label + "」にチェックがありますが、件数（ ）件が空欄です。",
           {f + "/provision" + count, check_pointer(status, f + "/provision/status", label)}});
    }
  }
}

}  // namespace

Rule cnt005() {
  return {"CNT005",
          "counts",
          "warning",
          "委託・提供・移転を行うとしているのに件数が空欄",
          R"(委託の有無で「委託する」を選んだとき、また提供・移転の有無で「提供を行っている」
「移転を行っている」にチェックしたときは、その横の（ ）件に件数を記載します。
空欄のままだと、委託事項・提供先・移転先の記載が揃っているかを確かめられません。
pdftotext の抽出では件数が枠から離れて読めないことが多いため、報告しません。
直し方: 件数を記載します。)",
          {{"/files/0/provision/provided_count", nullptr}},
          {{"/files/0/provision/provided_count", 1}},
          check};
}

}  // namespace hyoka::validate::ruleset
