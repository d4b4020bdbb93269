// REQ003: a file described in Ⅱ without its name.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    if (!c.blank_in_document(f + "/name", f)) continue;
    out.push_back(
        {"ファイル" + std::to_string(i + 1) + " の特定個人情報ファイル名が記載されていません。",
         {f + "/name"}});
  }
}

}  // namespace

Rule req003() {
  return {
      "REQ003",
      "required",
      "error",
      "特定個人情報ファイル名が空欄",
      R"(Ⅱ は特定個人情報ファイルごとに「1. 特定個人情報ファイル名」で始まります。ファイル名が空欄では
Ⅱ・別添・Ⅲ のどの記載がどのファイルのものか分かりません。pdftotext の抽出で読めなかった場合は
報告しません（QUA003）。
直し方: ファイル名を Ⅰ 3 と同じ名称で記載します。)",
      {{"/files/0/name", nullptr}},
      {{"/files/0/name", "住民基本台帳ファイル"}},
      check};
}

}  // namespace hyoka::validate::ruleset
