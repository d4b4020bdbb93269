// REQ005: 様式4 of a national body without 個人情報保護委員会 承認日.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

// 承認日 is 【行政機関等のみ】: local governments (…市長, …町長, …知事, …広域連合, …) leave it
// blank.
bool local_government(const std::string& organization) {
  for (const char* w : {"市", "町", "村", "区長", "知事", "都", "道", "府", "県", "広域連合",
                        "組合", "教育委員会", "地方独立行政法人"}) {
    if (organization.find(w) != std::string::npos) return true;
  }
  return false;
}

void check(const Context& c, Findings& out) {
  if (c.options().draft || c.form() != "full") return;
  const auto org = c.str("/header/organization");
  if (!org || local_government(*org)) return;
  if (!c.blank_in_document("/header/approved_on", "/header")) return;
  out.push_back({"行政機関等（" + *org +
                     "）の全項目評価書ですが、個人情報保護委員会の承認日が記載されていません。",
                 {"/header/approved_on", "/header/organization"}});
}

}  // namespace

Rule req005() {
  return {
      "REQ005",
      "required",
      "warning",
      "行政機関等の全項目評価書に個人情報保護委員会の承認日がない",
      R"(全項目評価書の表紙の「個人情報保護委員会 承認日【行政機関等のみ】」は、国の行政機関等が
委員会の承認を受けた日です。評価実施機関名が地方公共団体（市・町・村・都道府県・広域連合 など）で
ない全項目評価書で空欄なのは、記入漏れです。下書き（--draft）では報告しません。
直し方: 承認日を記載します。)",
      {{"/form/kind", "full"}, {"/header/organization", "A省"}, {"/header/approved_on", nullptr}},
      {{"/header/approved_on", "2024-05-20"}},
      check};
}

}  // namespace hyoka::validate::ruleset
