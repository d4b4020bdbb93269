// CHG003: a change-log row without 提出時期.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;
  const json& changes = c.at("/changes");
  if (!changes.is_array()) return;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const json& row = changes[k];
    if (!member(row, "timing").is_null()) continue;
    if (!substantive(member(row, "item"))) continue;
    // rows of one date share a merged 提出時期 cell that the extraction gives to one row only
    bool merged = false;
    for (std::size_t j = 0; j < changes.size() && !merged; ++j) {
      merged = j != k && member(changes[j], "date") == member(row, "date") &&
               !member(changes[j], "timing").is_null();
    }
    if (merged) continue;
    out.push_back(
        {"変更箇所の " + std::to_string(k + 1) + " 行目に提出時期（事前 / 事後）がありません。",
         {"/changes/" + std::to_string(k) + "/timing"}});
  }
}

}  // namespace

Rule chg003() {
  return {
      "CHG003",
      "changes",
      "warning",
      "変更箇所の行に提出時期（事前 / 事後）がない",
      R"(変更箇所の各行には、変更後の評価書を変更の前に提出したか（事前）、後に提出したか（事後）
を記載します。重要な変更を事後に提出した場合はその説明も必要なので、空欄は記載漏れです。
同じ変更日の別の行に提出時期がある場合は、結合されたセルの抽出によるものとして報告しません。
直し方: 提出時期を記載します。)",
      {{"/changes/0/timing", nullptr}},
      {{"/changes/0/timing", "事後"}},
      check};
}

}  // namespace hyoka::validate::ruleset
