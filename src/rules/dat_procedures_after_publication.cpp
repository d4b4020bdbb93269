// DAT005: 意見聴取, 第三者点検 or 委員会の承認 dated after 公表日.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const auto published = iso(c.at("/header/published_on"));
  if (!published) return;
  const std::pair<const char*, const char*> steps[] = {
      {"/procedures/public_comment/period", "国民・住民等からの意見の聴取"},
      {"/procedures/third_party_review/date", "第三者点検"},
      {"/procedures/ppc_approval/submitted_on", "個人情報保護委員会への提出"},
      {"/header/approved_on", "個人情報保護委員会の承認"}};
  for (const auto& [pointer, what] : steps) {
    const auto d = iso(c.at(pointer));
    if (!d || month_of(*d) < month_of(*published)) continue;
    if (d->size() == published->size() ? *d <= *published : month_of(*d) <= month_of(*published))
      continue;
    out.push_back(
        {std::string(what) + "の日付（" + *d + "）が公表日（" + *published + "）より後です。",
         {pointer, "/header/published_on"}});
  }
}

}  // namespace

Rule dat005() {
  return {"DAT005",
          "dates",
          "error",
          "評価の手続の日付が公表日より後",
          R"(意見の聴取、第三者点検、個人情報保護委員会の承認は、評価書を公表する前に行う手続です。
その日付が公表日より後なのは、日付の誤りか、手続前の評価書に公表日を記載したものです。
意見の聴取の期間は開始日で比べます。
直し方: 日付を確かめて直します。下書きなら公表日は空欄にしておきます。)",
          {{"/procedures/third_party_review/date", "2024-09-01"}},
          {{"/procedures/third_party_review/date", "2024-04-15"}},
          check};
}

}  // namespace hyoka::validate::ruleset
