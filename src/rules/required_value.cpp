#include "rules/required_value.h"

namespace hyoka::validate::ruleset {

bool report_blank(const Context& c, Findings& out, const RequiredValue& v) {
  if (!c.blank_in_document(v.pointer, v.part)) return false;
  out.push_back({v.label + "が記載されていません。", {v.pointer}});
  return true;
}

std::vector<RequiredValue> document_required_values(const Context& c) {
  const bool basic = c.form() == "basic";
  std::vector<RequiredValue> out = {
      {"/affair/name", "/affair", "事務の名称"},
      {"/header/organization", "/header", "評価実施機関名"},
      {"/header/published_on", "/header", "公表日"},
      {basic ? "/threshold/result" : "/procedures/basic_assessment/threshold_result",
       basic ? "/threshold" : "/procedures", "しきい値判断結果"}};
  if (!basic)
    out.push_back({"/procedures/basic_assessment/date", "/procedures", "基礎項目評価の実施日"});
  for (std::size_t i = 0; i < c.file_count(); ++i)
    out.push_back({Context::file(i) + "/name", Context::file(i), "特定個人情報ファイル名"});
  return out;
}

}  // namespace hyoka::validate::ruleset
