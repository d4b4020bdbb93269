// CHG001: the latest 変更後の記載 of a choice, count or date disagrees with the body.
#include <re2/re2.h>

#include "hyoka/era_date.h"
#include "hyoka/text.h"
#include "rules/change_items.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

// What the row says the value now is, as the body would write it; "" when it cannot tell.
std::string stated(const LatestChange& ch) {
  const std::string a = hyoka::text::key(ch.after);
  switch (ch.target.kind) {
    case ChangeKind::Choice: {
      std::string best;
      for (const auto& o : ch.target.options) {
        const std::string ok = hyoka::text::key(o);
        if (a.find(ok) != std::string::npos && ok.size() > hyoka::text::key(best).size()) best = o;
      }
      return best;
    }
    case ChangeKind::Count: {
      std::string digits;
      static const re2::RE2 kCount(R"(([0-9,]+)件)");
      if (!re2::RE2::PartialMatch(a, kCount, &digits)) return "";
      std::string d;
      for (char ch2 : digits) {
        if (ch2 != ',') d += ch2;
      }
      return d.empty() || d.size() > 9 ? "" : std::to_string(std::stoll(d));
    }
    case ChangeKind::Date: {
      if (const auto p = hyoka::parse_period(ch.after)) return *p;
      return "";
    }
    case ChangeKind::Text:
      return "";
  }
  return "";
}

bool agrees(const json& body, const std::string& value, ChangeKind kind) {
  if (kind == ChangeKind::Count)
    return body.is_number_integer() && std::to_string(body.get<long long>()) == value;
  if (!body.is_string()) return false;
  const std::string b = body.get<std::string>();
  if (kind == ChangeKind::Date) {
    // compare at the precision both give (a period by its start when the body has one date)
    const std::string vs = value.substr(0, value.find('/'));
    const std::string bs = b.substr(0, b.find('/'));
    const std::size_t n = std::min(vs.size(), bs.size());
    return vs.compare(0, n, bs, 0, n) == 0;
  }
  return b == value;
}

void check(const Context& c, Findings& out) {
  for (const auto& ch : latest_changes(c)) {
    if (ch.target.kind == ChangeKind::Text) continue;
    const std::string value = stated(ch);
    if (value.empty()) continue;
    bool any_known = false;
    bool any_agrees = false;
    for (const auto& p : ch.target.pointers) {
      const json& body = c.at(p);
      if (body.is_null()) continue;
      any_known = true;
      if (agrees(body, value, ch.target.kind)) any_agrees = true;
    }
    if (!any_known || any_agrees) continue;
    const std::string& p = ch.target.pointers.front();
    std::string body_text;
    for (const auto& q : ch.target.pointers) {
      const json& b = c.at(q);
      if (b.is_null()) continue;
      body_text = b.is_string() ? b.get<std::string>() : b.dump();
      break;
    }
    out.push_back({"変更箇所 " + std::to_string(ch.row + 1) + " 行目は" + ch.target.field + "を「" +
                       value + "」に変更したとしていますが、本文は「" + body_text + "」です。",
                   {"/changes/" + std::to_string(ch.row) + "/after", p}});
  }
}

}  // namespace

Rule chg001() {
  return {
      "CHG001",
      "changes",
      "error",
      "変更箇所の最新の変更後の記載と本文の選択・件数・日付が食い違う",
      R"(変更箇所の各行は、項目の記載を「変更前」から「変更後」に改めたことを示します。項目が本文の
選択式の項目（情報連携の実施の有無、委託の有無、使用者数、対象人数 など）、件数、日付（基礎項目評価の
実施日 など）を指すとき、その項目の最新の行の変更後の記載は本文の値と一致するはずです。違う場合、
本文の直し漏れか、変更箇所の誤りです。項目を特定できない行、本文の値が読み取れない場合は報告しません。
日付のある行で評価書の内容全部を改めた（「本評価書のとおり」）場合、それより前の行は比べません。
直し方: 本文を変更後の記載に合わせるか、変更箇所を直します。)",
      {{"/changes/0/item", "Ⅰ 基本情報 5. 情報提供ネットワークシステムによる情報連携 ①実施の有無"},
       {"/changes/0/before", "実施しない"},
       {"/changes/0/after", "実施しない"}},
      {{"/changes/0/after", "実施する"}},
      check};
}

}  // namespace hyoka::validate::ruleset
