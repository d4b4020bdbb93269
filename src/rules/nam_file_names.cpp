// NAM002: a file named one way in Ⅰ 3 and another in Ⅱ 1 (NAM001, from the parser, compares Ⅱ
// with Ⅲ).
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.form() == "basic") return;  // 様式2's files are Ⅰ 2's names
  const json& names = c.at("/file_names");
  if (!names.is_array() || names.size() != c.file_count()) return;  // CNT004's finding
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto ii = c.str(Context::file(i) + "/name");
    if (!names[i].is_string() || !ii) continue;
    const std::string i3 = names[i].get<std::string>();
    if (name_key(i3) == name_key(*ii)) continue;
    out.push_back({"Ⅰ 3 の " + std::to_string(i + 1) + " 番目のファイル名「" + i3 +
                       "」が Ⅱ 1 の「" + *ii + "」と一致しません。",
                   {"/file_names/" + std::to_string(i), Context::file(i) + "/name"}});
  }
}

}  // namespace

Rule nam002() {
  return {"NAM002",
          "names",
          "warning",
          "Ⅰ 3 と Ⅱ 1 でファイル名が違う",
          R"(Ⅰ 3 特定個人情報ファイル名に記載したファイルは、同じ順に Ⅱ 1 特定個人情報ファイル名で
概要を記載します。名称が違うと、どのファイルの概要なのか読み手が迷い、名称を変えたときの
直し漏れの疑いもあります。空白・中黒・句読点の違いは無視します。Ⅱ と Ⅲ の名称の違いは
NAM001（読み取り時の診断）が報告します。
直し方: 両方を同じ名称にそろえます。)",
          {{"/file_names/0", "既存住民基本台帳ファイル"}},
          {{"/file_names/0", "住民基本台帳ファイル"}},
          check};
}

}  // namespace hyoka::validate::ruleset
