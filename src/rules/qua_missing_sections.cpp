// QUA002: parts and sections of the form never seen in the text.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const json& missing = c.at("/quality/sections_missing");
  if (!missing.is_array()) return;
  std::string list;
  for (const auto& m : missing) {
    if (!m.is_string()) continue;
    const std::string s = m.get<std::string>();
    // lost members of a numbered group (システム2, 提供先1…) are REC008's finding
    const auto last = s.find_last_not_of("0123456789");
    if (last != std::string::npos && last + 1 < s.size()) continue;
    if (s.find("（") != std::string::npos && s.find("）") == s.size() - std::string("）").size())
      continue;
    list += (list.empty() ? "" : "、") + s;
  }
  if (list.empty()) return;
  out.push_back({"様式の " + list +
                     " が抽出結果に見つかりません（ページの欠落の可能性）。その部分の値は空欄とみな"
                     "さず、検査していません。",
                 {"/quality/sections_missing"}});
}

}  // namespace

Rule qua002() {
  return {"QUA002",
          "quality",
          "info",
          "様式の部分が抽出結果に見つからない",
          R"(様式にあるはずの部分（Ⅰ 1 など）の見出しも値も抽出結果にない場合、ページが抽出の段階で
欠けた可能性が高く、その部分の値が null なのは文書の空欄ではありません。そうした値について
必須項目の規則（REQ）は報告しません。番号付きの繰り返し（システムN など）の欠落は REC008 が
報告します。
直し方: 文書の修正は不要です。元の PDF の該当ページを確かめます。)",
          {{"/quality/sections_missing", json::array({"Ⅰ 1. 特定個人情報ファイルを取り扱う事務"})}},
          {{"/quality/sections_missing", json::array()}},
          check};
}

}  // namespace hyoka::validate::ruleset
