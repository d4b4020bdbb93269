// QUA001: check boxes whose state the extraction lost.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

// `pointer` is v's JSON Pointer, extended and cut back in place on the way down (this rule visits
// every value of the files and systems).
void collect(const json& v, std::string& pointer, std::vector<std::string>& out) {
  const std::size_t length = pointer.size();
  if (v.is_object()) {
    const auto checked = v.find("checked");
    if (checked != v.end() && checked->is_null() && v.contains("label"))
      out.push_back(pointer + "/checked");
    for (const auto& [k, child] : v.items()) {
      pointer.append("/").append(k);
      collect(child, pointer, out);
      pointer.resize(length);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      pointer.append("/").append(std::to_string(i));
      collect(v[i], pointer, out);
      pointer.resize(length);
    }
  }
}

void check(const Context& c, Findings& out) {
  std::vector<std::string> unknown;
  for (std::string pointer : {"/systems", "/files"}) collect(c.at(pointer), pointer, unknown);
  if (unknown.empty()) return;
  const std::size_t n = unknown.size();
  if (unknown.size() > 20) unknown.resize(20);
  out.push_back({"チェック欄 " + std::to_string(n) +
                     " か所の状態が抽出結果から読み取れません（null）。これらに関わる食い違いは検査"
                     "していません。",
                 unknown});
}

}  // namespace

Rule qua001() {
  return {
      "QUA001",
      "quality",
      "info",
      "状態の読み取れないチェック欄がある",
      R"(OCR がチェック欄の ○ を失った（<input type="checkbox"/> だけが残った）場合や、pdftotext で
チェックの位置が崩れた場合、チェックの状態は null になります。これは文書の誤りではなく、抽出の
不確かさです。状態が null のチェックに関わる規則（CHO004 など）はそのチェックを確かめません。
paths には最初の 20 か所を挙げます。
直し方: 文書の修正は不要です。確かめたい場合は元の PDF を見るか、よりよい抽出結果を使います。)",
      {{"/files/0/main_items/0/checked", nullptr}},
      {{"/files/0/main_items/0/checked", true}},
      check};
}

}  // namespace hyoka::validate::ruleset
