// The example document the rules' examples patch: a small 様式3 document, consistent in every
// respect the rules look at (tests/test_rules.cpp checks that no rule fires on it).
#include "hyoka/model.h"
#include "hyoka/validate.h"

namespace hyoka::validate {

using nlohmann::json;

namespace {

json checks(std::initializer_list<std::pair<const char*, bool>> items) {
  json out = json::array();
  for (const auto& [label, on] : items)
    out.push_back({{"label", label}, {"checked", on}, {"detail", nullptr}});
  return out;
}

json control(const char* label, json value, json text) {
  return {{"label", label}, {"value", std::move(value)}, {"text", std::move(text)}};
}

json risk(json number, const char* title, json measures, json controls, const char* adequacy) {
  return {{"number", std::move(number)},
          {"title", title},
          {"measures", std::move(measures)},
          {"controls", std::move(controls)},
          {"adequacy", adequacy}};
}

json section(json opt_outs, json risks) {
  return {{"opt_outs", std::move(opt_outs)}, {"risks", std::move(risks)}, {"other_risks", nullptr}};
}

}  // namespace

json example_document() {
  json doc = model::document();
  doc["source"]["layout"] = "ocr-html";
  doc["form"] = {{"kind", "focused"}, {"version", "令和6年10月 様式3"}};
  doc["header"]["number"] = "1";
  doc["header"]["title"] = "住民基本台帳に関する事務 重点項目評価書";
  doc["header"]["organization"] = "A市長";
  doc["header"]["published_on"] = "2024-06-01";
  doc["affair"] = {{"name", "住民基本台帳に関する事務"},
                   {"description", "住民基本台帳法に基づく住民の記録の管理"},
                   {"target_population", "10万人以上30万人未満"},
                   {"flow", nullptr}};
  json system = model::system();
  system["number"] = 1;
  system["name"] = "住民記録システム";
  system["functions"] = "住民票の記載、証明書の発行";
  system["connections"] = checks({{"情報提供ネットワークシステム", true},
                                  {"庁内連携システム", true},
                                  {"住民基本台帳ネットワークシステム", true},
                                  {"既存住民基本台帳システム", false},
                                  {"宛名システム等", true},
                                  {"税務システム", false},
                                  {"その他", false}});
  doc["systems"].push_back(system);
  doc["file_names"] = json::array({"住民基本台帳ファイル"});
  doc["network_linkage"] = {{"implementation", "実施する"}, {"legal_basis", "番号法第19条第8号"}};
  doc["department"] = {{"name", "市民生活部市民課"}, {"head_title", "市民課長"}};
  doc["serious_incident"] = "発生なし";
  doc["procedures"]["basic_assessment"] = {
      {"date", "2024-05-01"},
      {"threshold_result", "基礎項目評価及び重点項目評価の実施が義務付けられる"}};
  doc["threshold"]["target_population"] = "10万人以上30万人未満";
  doc["threshold"]["serious_incident"] = "発生なし";
  doc["threshold"]["result"] = "基礎項目評価及び重点項目評価の実施が義務付けられる";

  json f = model::file();
  f["number"] = 1;
  f["name"] = "住民基本台帳ファイル";
  f["kind"] = "システム用ファイル";
  f["subject_count"] = "10万人以上100万人未満";
  f["subject_scope"] = "住民基本台帳に記録された住民";
  f["item_count"] = "10項目以上50項目未満";
  f["main_items"] = checks(
      {{"個人番号", true}, {"4情報（氏名、性別、生年月日、住所）", true}, {"その他", false}});
  f["retention_start"] = "2015-10";
  f["department"] = "市民生活部市民課";
  f["sources"] = checks({{"本人又は本人の代理人", true}, {"その他", false}});
  f["acquisition_methods"] = checks({{"紙", true},
                                     {"電子記録媒体（フラッシュメモリを除く。）", false},
                                     {"フラッシュメモリ", false},
                                     {"電子メール", false},
                                     {"専用線", false},
                                     {"庁内連携システム", true},
                                     {"情報提供ネットワークシステム", true},
                                     {"その他", false}});
  f["purpose"] = "住民基本台帳の記録";
  f["user_departments"] = "市民生活部市民課";
  f["user_count"] = "10人以上50人未満";
  f["use_start"] = "2016-01-01";
  json entrust = model::entrust();
  entrust["number"] = 1;
  entrust["title"] = "住民記録システムの保守";
  entrust["content"] = "システムの保守";
  entrust["handler_count"] = "10人未満";
  entrust["contractor"] = "株式会社B";
  entrust["subcontract"] = "再委託しない";
  f["outsourcing"] = {
      {"status", "委託する"}, {"declared_count", 1}, {"entrusts", json::array({entrust})}};
  json recipient = model::recipient();
  recipient["number"] = 1;
  recipient["name"] = "都道府県知事";
  recipient["legal_basis"] = "番号法第19条第8号";
  recipient["methods"] = checks({{"情報提供ネットワークシステム", true},
                                 {"専用線", false},
                                 {"電子メール", false},
                                 {"電子記録媒体（フラッシュメモリを除く。）", false},
                                 {"フラッシュメモリ", false},
                                 {"紙", false},
                                 {"その他", false}});
  f["provision"] = {
      {"status",
       checks({{"提供を行っている", true}, {"移転を行っている", false}, {"行っていない", false}})},
      {"provided_count", 1},
      {"transferred_count", nullptr},
      {"recipients", json::array({recipient})},
      {"destinations", json::array()}};
  json items = json::array();
  for (const char* item :
       {"個人番号", "氏名", "性別", "生年月日", "住所", "世帯番号", "続柄", "住民となった日",
        "転入前住所", "転出先住所", "住民票コード", "異動事由"})
    items.push_back(item);
  f["record_items"] = json::array({{{"group", nullptr}, {"items", items}}});
  const char* measures = "本人確認書類により確認する。";
  f["risk_measures"] = {
      {"acquisition",
       section(json::array(), json::array({risk(nullptr, "目的外の入手が行われるリスク", measures,
                                                json::array(), "十分である")}))},
      {"use",
       section(json::array(),
               json::array(
                   {risk(1, "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
                         "アクセス制御を行う。", json::array(), "十分である"),
                    risk(2,
                         "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用される"
                         "リスク",
                         nullptr,
                         json::array(
                             {control("ユーザ認証の管理", "行っている", nullptr),
                              control("具体的な管理方法", nullptr, "ID とパスワードで認証する。"),
                              control("その他の措置の内容", nullptr, nullptr)}),
                         "十分である")}))},
      {"outsourcing",
       section(checks({{"委託しない", false}}),
               json::array({risk(
                   nullptr, "委託先における不正な使用等のリスク", nullptr,
                   json::array({control("委託契約書中の特定個人情報ファイルの取扱いに関する規定",
                                        "定めている", nullptr),
                                control("規定の内容", nullptr, "目的外利用の禁止"),
                                control("再委託先による特定個人情報ファイルの適切な取扱いの担保",
                                        "再委託していない", nullptr),
                                control("具体的な方法", nullptr, nullptr),
                                control("その他の措置の内容", nullptr, nullptr)}),
                   "十分である")}))},
      {"provision",
       section(checks({{"提供・移転しない", false}}),
               json::array({risk(nullptr, "不正な提供・移転が行われるリスク", nullptr,
                                 json::array({control("特定個人情報の提供・移転に関するルール",
                                                      "定めている", nullptr),
                                              control("ルールの内容及びルール遵守の確認方法",
                                                      nullptr, "番号法の規定による提供に限る。"),
                                              control("その他の措置の内容", nullptr, nullptr)}),
                                 "十分である")}))},
      {"network",
       section(checks({{"接続しない（入手）", false}, {"接続しない（提供）", false}}),
               json::array({risk(1, "目的外の入手が行われるリスク",
                                 "中間サーバーで照会を制御する。", json::array(), "十分である"),
                            risk(2, "不正な提供が行われるリスク", "中間サーバーで提供を制御する。",
                                 json::array(), "十分である")}))},
      {"storage",
       section(
           json::array(),
           json::array({risk(
               nullptr, "特定個人情報の漏えい・滅失・毀損リスク", nullptr,
               json::array(
                   {control("事故発生時手順の策定・周知", "十分に行っている", nullptr),
                    control(
                        "過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                        "発生なし", nullptr),
                    control("その内容", nullptr, nullptr),
                    control("再発防止策の内容", nullptr, nullptr),
                    control("その他の措置の内容", nullptr, "サーバ室の入退室を管理する。")}),
               "十分である")}))},
      {"audit", checks({{"自己点検", true}, {"内部監査", false}, {"外部監査", false}})},
      {"training", {{"level", "十分に行っている"}, {"method", "年1回研修を行う。"}}},
      {"other", nullptr}};
  doc["files"].push_back(f);
  json change = model::change();
  change["date"] = "2020-04-01";
  change["item"] = "Ⅰ 基本情報 6. 評価実施機関における担当部署 ①部署";
  change["before"] = "市民部市民課";
  change["after"] = "市民生活部市民課";
  change["timing"] = "事後";
  change["reason"] = "組織改正による";
  doc["changes"].push_back(change);
  doc["quality"]["lines_total"] = 300;
  doc["quality"]["lines_recognized"] = 300;
  return doc;
}

}  // namespace hyoka::validate
