// CHG002: the latest 変更後の記載 of a name or department is not what the body says.
#include "rules/change_items.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

bool describes_edit(const std::string& after) {
  // 「削除」「追加」「（全文を修正）」: an instruction, not the new value
  for (const char* w : {"削除", "追加", "修正", "記載なし", "のとおり", "の通り"}) {
    if (after.find(w) != std::string::npos) return true;
  }
  return false;
}

void check(const Context& c, Findings& out) {
  for (const auto& ch : latest_changes(c)) {
    if (ch.target.kind != ChangeKind::Text || describes_edit(ch.after)) continue;
    const std::string a = name_key(ch.after);
    if (a.empty() || a.size() > 240) continue;
    bool any_known = false;
    bool any_agrees = false;
    std::string body_text;
    for (const auto& p : ch.target.pointers) {
      const auto body = c.str(p);
      if (!body) continue;
      any_known = true;
      if (body_text.empty()) body_text = *body;
      const std::string b = name_key(*body);
      if (b.find(a) != std::string::npos || a.find(b) != std::string::npos) any_agrees = true;
    }
    if (!any_known || any_agrees) continue;
    out.push_back({"変更箇所 " + std::to_string(ch.row + 1) + " 行目は" + ch.target.field + "を「" +
                       ch.after + "」に変更したとしていますが、本文は「" + body_text + "」です。",
                   {"/changes/" + std::to_string(ch.row) + "/after", ch.target.pointers.front()}});
  }
}

}  // namespace

Rule chg002() {
  return {"CHG002",
          "changes",
          "warning",
          "変更箇所の最新の変更後の記載と本文の名称・部署が食い違う",
          R"(項目が名称や部署（評価実施機関名、担当部署、所属長の役職名、事務担当部署、使用部署、
システムの名称、事務の名称）を指す変更箇所の行のうち最新のものについて、変更後の記載が本文に
含まれているかを確かめます（部署の一部だけを記載した行もあるため、含まれていれば一致とします）。
「削除」「追加」など変更の指示を書いた行は比べません。
日付のある行で評価書の内容全部を改めた（「本評価書のとおり」）場合、それより前の行は比べません。
直し方: 本文を変更後の記載に合わせるか、変更箇所を直します。)",
          {{"/changes/0/after", "市民生活部戸籍住民課"}},
          {{"/changes/0/after", "市民生活部市民課"}},
          check};
}

}  // namespace hyoka::validate::ruleset
