// QUA003: required values that are null because the extraction could not be read.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  std::vector<std::string> paths;
  std::string labels;
  for (const auto& v : document_required_values(c)) {
    if (!c.at(v.pointer).is_null() || c.blank_in_document(v.pointer, v.part)) continue;
    if (v.pointer == "/header/published_on" && c.options().draft) continue;
    paths.push_back(v.pointer);
    if (labels.find(v.label) == std::string::npos) labels += (labels.empty() ? "" : "、") + v.label;
  }
  if (paths.empty()) return;
  out.push_back({"必須の記載（" + labels + "）が抽出結果から読み取れません" +
                     (c.scrambled() ? "（pdftotext の読み順の崩れ）" : "（ページの欠落の可能性）") +
                     "。文書の空欄かどうかは判断していません。",
                 paths});
}

}  // namespace

Rule qua003() {
  return {
      "QUA003",
      "quality",
      "info",
      "必須の記載が抽出結果から読み取れない",
      R"(事務の名称、評価実施機関名、公表日、しきい値判断結果、ファイル名などの必須の記載が null でも、
pdftotext の読み順が崩れている場合や、その部分のページが抽出で欠けている場合は、文書の空欄とは
限りません。そのときは必須項目の規則（REQ）の代わりにこの info を出し、ツールの不確かさであることを
伝えます。
直し方: 文書の修正は不要です。元の PDF で記載を確かめます。)",
      {{"/source/layout", "pdftotext"}, {"/affair/name", nullptr}},
      {{"/affair/name", "住民基本台帳に関する事務"}},
      check};
}

}  // namespace hyoka::validate::ruleset
