// Rule behaviour beyond the registry examples: where a rule must stay silent (an extraction's
// uncertainty, a list in an attachment, a draft, a full revision in the change log) and the
// variants each family covers.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "grammar_support.h"
#include "hyoka/validate.h"

namespace {

using nlohmann::json;
namespace v = hyoka::validate;

std::multiset<std::string> fired(const json& doc, v::Options o = {}, const json& spans = nullptr) {
  std::multiset<std::string> out;
  o.grammars = &grammar_support::builtin_grammars();
  for (const auto& d : v::run(doc, spans, o)) out.insert(d["rule"].get<std::string>());
  return out;
}

json with(const v::Patch& p) { return v::patched(v::example_document(), p); }

json change(const char* date, const char* item, const char* after, const char* timing = "事後") {
  return {{"date", date ? json(date) : json(nullptr)},
          {"item", item},
          {"before", "x"},
          {"after", after},
          {"timing", timing ? json(timing) : json(nullptr)},
          {"reason", nullptr}};
}

}  // namespace

TEST_CASE("counts: a list in an attachment or a gap in the numbers is not a count mismatch",
          "[rules]") {
  SECTION("more listed than declared always counts") {
    json doc = with({{"/files/0/provision/provided_count", 1}});
    doc["files"][0]["provision"]["recipients"].push_back({{"number", 2}, {"name", "B市長"}});
    CHECK(fired(doc).count("CNT002") == 1);
  }
  SECTION("「別紙1 提供先一覧に記載」") {
    const json doc = with({{"/files/0/provision/provided_count", 24},
                           {"/files/0/provision/recipients/0/name", "別紙1 提供先一覧に記載"}});
    CHECK(fired(doc).count("CNT002") == 0);
  }
  SECTION("提供先2 without 提供先1 (lost page)") {
    const json doc = with(
        {{"/files/0/provision/provided_count", 2}, {"/files/0/provision/recipients/0/number", 2}});
    CHECK(fired(doc).count("CNT002") == 0);
  }
  SECTION("a count but nothing listed, in pdftotext") {
    const json doc =
        with({{"/source/layout", "pdftotext"}, {"/files/0/outsourcing/entrusts", json::array()}});
    CHECK(fired(doc).count("CNT001") == 0);
    CHECK(fired(with({{"/files/0/outsourcing/entrusts", json::array()}})).count("CNT001") == 1);
  }
  SECTION("a blank count is not reported from pdftotext") {
    CHECK(fired(with({{"/source/layout", "pdftotext"},
                      {"/files/0/outsourcing/declared_count", nullptr}}))
              .count("CNT005") == 0);
    CHECK(fired(with({{"/files/0/outsourcing/declared_count", nullptr}})).count("CNT005") == 1);
  }
  SECTION("basic form files come from Ⅰ 2: no Ⅰ/Ⅱ count") {
    CHECK(fired(with({{"/form/kind", "basic"}, {"/file_names/-", "B"}})).count("CNT004") == 0);
  }
}

TEST_CASE("choices: unknown check states never contradict", "[rules]") {
  // only QUA001 (the unknown state itself) is reported
  CHECK(fired(with({{"/files/0/provision/status/2/checked", nullptr}})) ==
        std::multiset<std::string>{"QUA001"});
  // 行っていない unknown, 提供先 listed: no CHO004 / CHO005 on a guess
  CHECK(fired(with({{"/files/0/provision/status/0/checked", nullptr},
                    {"/files/0/provision/status/2/checked", nullptr}})) ==
        std::multiset<std::string>{"QUA001"});
  CHECK(fired(with({{"/files/0/risk_measures/outsourcing/opt_outs/0/checked", nullptr}}))
            .count("CHO006") == 0);
  // II 委託しない with III box explicitly empty
  const json doc = with({{"/files/0/outsourcing/status", "委託しない"},
                         {"/files/0/outsourcing/declared_count", nullptr},
                         {"/files/0/outsourcing/entrusts", json::array()}});
  CHECK(fired(doc).count("CHO006") == 1);
  CHECK(fired(v::patched(doc, {{"/files/0/risk_measures/outsourcing/opt_outs/0/checked", true}}))
            .count("CHO006") == 0);
}

TEST_CASE("choices: 「なし」 and placeholders are not details", "[rules]") {
  CHECK(fired(with({{"/files/0/outsourcing/entrusts/0/subcontract_items", "なし"}}))
            .count("CHO002") == 0);
  CHECK(
      fired(with({{"/files/0/outsourcing/entrusts/0/subcontract_items", "－"}})).count("CHO002") ==
      0);
  CHECK(fired(with({{"/files/0/outsourcing/entrusts/0/subcontract_items", "保守の一部"}}))
            .count("CHO002") == 1);
}

TEST_CASE("choices: 重大事故 details, ratings and measures", "[rules]") {
  const std::string storage = "/files/0/risk_measures/storage/risks/0";
  SECTION("発生あり with only その内容") {
    const json doc =
        with({{storage + "/controls/1/value", "発生あり"}, {storage + "/controls/2/text", "紛失"}});
    const auto d = v::run(doc, nullptr, {});
    REQUIRE(d.size() == 1);
    CHECK(d[0]["rule"] == "CHO010");
    CHECK(d[0]["message"].get<std::string>().find("再発防止策") != std::string::npos);
  }
  SECTION("a chosen measure is a measure (CHO011), the incident answer is not") {
    json doc = with({{"/files/0/risk_measures/use/risks/1/controls/1/text", nullptr}});
    CHECK(fired(doc).count("CHO011") == 0);  // ユーザ認証の管理「行っている」
    doc = with({{storage + "/controls/0/value", nullptr}, {storage + "/controls/4/text", nullptr}});
    CHECK(fired(doc).count("CHO011") == 1);
  }
  SECTION("an opted-out section needs no rating") {
    const json doc = with({{"/files/0/risk_measures/network/opt_outs/0/checked", true},
                           {"/files/0/acquisition_methods/6/checked", false},
                           {"/files/0/risk_measures/network/risks/0/adequacy", nullptr}});
    const auto f = fired(doc);
    CHECK(f.count("CHO012") == 0);
    CHECK(f.count("REQ008") == 0);
  }
  SECTION("情報連携 実施しない against a system connected to the network") {
    const json doc = with({{"/network_linkage/implementation", "実施しない"},
                           {"/files/0/acquisition_methods/6/checked", false},
                           {"/files/0/risk_measures/network/opt_outs/0/checked", true},
                           {"/files/0/risk_measures/network/opt_outs/1/checked", true},
                           {"/files/0/provision/recipients/0/methods/0/checked", false}});
    CHECK(fired(doc).count("CHO013") == 1);  // システム1 connects to 情報提供ネットワークシステム
    CHECK(fired(v::patched(doc, {{"/systems/0/connections/0/checked", false}})).count("CHO013") ==
          0);
  }
}

TEST_CASE("names: spacing and 中黒 do not make names differ", "[rules]") {
  CHECK(fired(with({{"/file_names/0", "住民基本台帳 ファイル"}})).count("NAM002") == 0);
  CHECK(fired(with({{"/file_names/0", "住民基本台帳・ファイル"}})).count("NAM002") == 0);
  CHECK(fired(with({{"/file_names/0", "住民票ファイル"}})).count("NAM002") == 1);
}

TEST_CASE("options: each form has its own options", "[rules]") {
  // 30万人以上 exists in 様式4 only
  CHECK(fired(with({{"/form/kind", "full"},
                    {"/affair/target_population", "30万人以上"},
                    {"/threshold/target_population", "30万人以上"},
                    {"/threshold/result", "基礎項目評価及び全項目評価の実施が義務付けられる"},
                    {"/procedures/basic_assessment/threshold_result",
                     "基礎項目評価及び全項目評価の実施が義務付けられる"}}))
            .count("OPT001") == 0);
  // a control's value against the options of its row
  const std::string ctl = "/files/0/risk_measures/use/risks/1/controls/0/value";
  CHECK(fired(with({{ctl, "十分である"}})).count("OPT001") == 1);
}

TEST_CASE("ranges: the threshold table of FORMS.md", "[rules]") {
  auto result_for = [](const char* population, const char* result, const char* form = "focused") {
    return with({{"/form/kind", form},
                 {"/affair/target_population", population},
                 {"/threshold/target_population", population},
                 {"/threshold/result", result},
                 {"/procedures/basic_assessment/threshold_result", result}});
  };
  CHECK(
      fired(result_for("1万人以上10万人未満", "基礎項目評価及び重点項目評価の実施が義務付けられる"))
          .count("RNG002") == 0);
  CHECK(fired(result_for("1万人以上10万人未満",
                         "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）"))
            .count("RNG002") == 0);
  CHECK(fired(result_for("1,000人以上1万人未満",
                         "基礎項目評価及び重点項目評価の実施が義務付けられる"))
            .count("RNG002") == 1);
  // 様式2 decides with 取扱者数 and 重大事故 too
  json basic = result_for("1万人以上10万人未満", "基礎項目評価の実施が義務付けられる", "basic");
  basic["threshold"]["handler_count"] = "500人未満";
  basic["threshold"]["serious_incident"] = "発生あり";
  CHECK(fired(basic).count("RNG002") == 1);
  basic["threshold"]["serious_incident"] = "発生なし";
  CHECK(fired(basic).count("RNG002") == 0);
  // 様式2 submitting less than required
  basic["threshold"]["result"] = "基礎項目評価及び重点項目評価の実施が義務付けられる";
  basic["threshold"]["handler_count"] = "500人以上";
  basic["risk_summary"] = {{"report_kind", "基礎項目評価書"}};
  CHECK(fired(basic).count("RNG003") == 1);
  basic["risk_summary"]["report_kind"] = "基礎項目評価書及び重点項目評価書";
  CHECK(fired(basic).count("RNG003") == 0);
  // 別添 items listed twice count once
  json doc = with({{"/files/0/item_count", "10項目未満"}});
  CHECK(fired(doc).count("RNG001") == 1);
  doc["files"][0]["record_items"] = json::array({{{"group", "A"}, {"items", {"氏名", "住所"}}},
                                                 {{"group", "B"}, {"items", {"氏名", "住所"}}}});
  CHECK(fired(doc).count("RNG001") == 0);
}

TEST_CASE("dates: order, publication and plausibility", "[rules]") {
  CHECK(fired(with({{"/header/published_on", "2024-05"},
                    {"/procedures/basic_assessment/date", "2024-05-20"}}))
            .count("DAT001") == 0);
  CHECK(fired(with({{"/files/0/retention_start", "2014-04"}})).count("DAT004") == 1);
  CHECK(fired(with({{"/procedures/public_comment/period", "2024-07-01/2024-07-31"}}))
            .count("DAT005") == 1);
  CHECK(fired(with({{"/procedures/public_comment/period", "2024-04-01/2024-04-30"}}))
            .count("DAT005") == 0);
  SECTION("a draft may leave the pending row's date empty") {
    const json doc =
        with({{"/changes/-", change(nullptr, "評価書の内容全部", "本評価書のとおり")}});
    CHECK(fired(doc).count("DAT006") == 1);
    v::Options draft;
    draft.draft = true;
    CHECK(fired(doc, draft).count("DAT006") == 0);
  }
}

TEST_CASE("changes: the latest row per field is compared with the body", "[rules]") {
  const char* dept = "Ⅰ 基本情報 6. 評価実施機関における担当部署 ①部署";
  SECTION("an older row disagreeing is history, not a contradiction") {
    json doc = v::example_document();
    doc["changes"] = json::array({change("2018-04-01", dept, "市民部戸籍課"),
                                  change("2020-04-01", dept, "市民生活部市民課")});
    CHECK(fired(doc).count("CHG002") == 0);
    // the latest by 変更日, not by position: still 市民生活部市民課 (and DAT003 notes the order)
    std::swap(doc["changes"][0], doc["changes"][1]);
    CHECK(fired(doc).count("CHG002") == 0);
    CHECK(fired(doc).count("DAT003") == 1);
    doc["changes"][0]["after"] = "市民部戸籍課";
    CHECK(fired(doc).count("CHG002") == 1);
  }
  SECTION("counts and dates") {
    json doc = v::example_document();
    doc["changes"].push_back(
        change("2021-04-01", "Ⅱ 4. 特定個人情報ファイルの取扱いの委託 委託の有無", "2件"));
    CHECK(fired(doc).count("CHG001") == 1);
    doc["changes"][1]["after"] = "1件";
    CHECK(fired(doc).count("CHG001") == 0);
    doc["changes"].push_back(
        change("2022-04-01", "Ⅴ 評価実施手続 1. 基礎項目評価 ①実施日", "令和6年5月1日"));
    CHECK(fired(doc).count("CHG001") == 0);
    doc["changes"][2]["after"] = "令和5年5月1日";
    CHECK(fired(doc).count("CHG001") == 1);
  }
  SECTION("a dated full revision supersedes earlier rows") {
    json doc = v::example_document();
    doc["changes"].push_back(change(
        "2021-04-01", "Ⅰ 5. 情報提供ネットワークシステムによる情報連携 ①実施の有無", "実施しない"));
    CHECK(fired(doc).count("CHG001") == 1);
    doc["changes"].push_back(change("2022-04-01", "評価書の内容全部", "本評価書のとおり"));
    CHECK(fired(doc).count("CHG001") == 0);
  }
  SECTION("a 提出時期 cell merged over rows of one date") {
    json doc = v::example_document();
    doc["changes"].push_back(
        change("2020-04-01", "Ⅰ 基本情報 6. ②所属長の役職名", "市民課長", nullptr));
    CHECK(fired(doc).count("CHG003") == 0);
    doc["changes"][1]["date"] = "2021-04-01";
    CHECK(fired(doc).count("CHG003") == 1);
  }
}

TEST_CASE("required: extraction losses are info, the document's blanks are findings", "[rules]") {
  const json blank = with({{"/affair/name", nullptr}});
  SECTION("ocr-html, part seen") {
    const auto f = fired(blank, {}, json{{"/affair/description", {30, 30}}});
    CHECK(f.count("REQ001") == 1);
    CHECK(f.count("QUA003") == 0);
  }
  SECTION("part never seen (lost page)") {
    const auto f = fired(blank, {}, json{{"/header/organization", {3, 3}}});
    CHECK(f.count("REQ001") == 0);
    CHECK(f.count("QUA003") == 1);
  }
  SECTION("pdftotext") {
    const auto f = fired(v::patched(blank, {{"/source/layout", "pdftotext"}}));
    CHECK(f.count("REQ001") == 0);
    CHECK(f.count("QUA003") == 1);
  }
  SECTION("--draft relaxes 公表日, 承認日 and the assessment date") {
    v::Options draft;
    draft.draft = true;
    const json doc =
        with({{"/header/published_on", nullptr}, {"/procedures/basic_assessment/date", nullptr}});
    CHECK(fired(doc).count("REQ004") == 1);
    CHECK(fired(doc).count("REQ007") == 1);
    CHECK(fired(doc, draft).count("REQ004") == 0);
    CHECK(fired(doc, draft).count("REQ007") == 0);
    CHECK(fired(doc, draft).count("QUA003") == 0);
  }
  SECTION("承認日 only for national bodies") {
    CHECK(fired(with({{"/form/kind", "full"}, {"/header/organization", "新潟市長"}}))
              .count("REQ005") == 0);
    CHECK(fired(with({{"/form/kind", "full"}, {"/header/organization", "デジタル庁"}}))
              .count("REQ005") == 1);
  }
}
