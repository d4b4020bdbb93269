// CNT004: the number of file names in Ⅰ 3 against the files described in Ⅱ.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.form() == "basic") return;  // 様式2 has no Ⅱ per file: its files are Ⅰ 2's names
  const json& names = c.at("/file_names");
  const json& files = c.at("/files");
  if (!names.is_array() || !files.is_array() || names.empty() || files.empty()) return;
  if (names.size() == files.size()) return;
  out.push_back({"Ⅰ 3 特定個人情報ファイル名には " + std::to_string(names.size()) +
                     " ファイルが記載されていますが、Ⅱ には " + std::to_string(files.size()) +
                     " ファイルの概要があります。",
                 {"/file_names", "/files"}});
}

}  // namespace

Rule cnt004() {
  return {"CNT004",
          "counts",
          "warning",
          "Ⅰ 3 のファイル名の数と Ⅱ のファイルの数が一致しない",
          R"(Ⅰ 3 特定個人情報ファイル名には事務で取り扱うファイルをすべて記載し、Ⅱ ではその
ファイルごとに概要を記載します。数が違う場合、ファイルの記載漏れか、ページの欠落です。
直し方: Ⅰ 3 と Ⅱ の両方に同じファイルを同じ数だけ記載します。)",
          {{"/file_names/-", "送付先情報ファイル"}},
          {{"/file_names", json::array({"住民基本台帳ファイル"})}},
          check};
}

}  // namespace hyoka::validate::ruleset
