// pdftotext text boxes (issue 4): where a value's box begins and ends when pdftotext scrambles a
// page, each technique with a small hand-made page shaped like seed 002.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "document_support.h"

using namespace document_support;

namespace {

const char* const kTitle = "特定個人情報保護評価書（重点項目評価書）";

// The document: the title, then `page` lines, then enough pdftotext page breaks (three blank
// lines each) for the layout to be recognized.
Lines page_document(const Lines& page) {
  Lines out = {kTitle, "", "", ""};
  out.insert(out.end(), page.begin(), page.end());
  for (const char* filler : {"次の頁", "その次の頁"}) {
    out.insert(out.end(), {"", "", "", filler});
  }
  out.insert(out.end(), {"", "", ""});
  return out;
}

// A Ⅱ page with file (1) Aファイル before `page`, so that a Ⅲ block has its file.
Lines with_file(const Lines& page) {
  Lines out = {"Ⅱ　特定個人情報ファイルの概要",
               " １．特定個人情報ファイル名",
               "（１）Aファイル",
               "",
               "",
               ""};
  out.insert(out.end(), page.begin(), page.end());
  return out;
}

// Ⅲ of file (1) where the use section's other-risks label is followed by another field's bracket
// box (002:1154-1156).
Lines use_page_after_bracket() {
  return {"Ⅲ　リスク対策",
          " １．特定個人情報ファイル名",
          "（１）Aファイル",
          " ３．特定個人情報の使用",
          "",
          " 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置",
          "",
          "[ 再委託していない"};
}

// The document of a page: parsed, and recognized as pdftotext.
json parse_page(const Lines& page) {
  const json d = parse(page_document(page));
  REQUIRE(at(d, "/source/layout") == "pdftotext");
  return d;
}

// The document of a Ⅲ page after a Ⅱ page with its file.
json parse_file_page(const Lines& page) { return parse_page(with_file(page)); }

// Ⅲ of file (1) up to the acquisition risk's title (002:1055-1065), then `rest`.
Lines acquisition_risk_page(const Lines& rest) {
  Lines out = {"Ⅲ　リスク対策",
               " １．特定個人情報ファイル名",
               "（１）Aファイル",
               "",
               " ２．特定個人情報の入手 （情報提供ネットワークシステムを通じた入手を除く。）",
               "",
               " リスク：　目的外の入手が行われるリスク"};
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

}  // namespace

TEST_CASE("pdftotext: two labels on one line are a header row, the value follows", "[pdftotext]") {
  // 002:14-16
  const json d =
      parse(page_document({"評価書番号  評価書名", "", "6 軽自動車税に関する事務　重点項目評価書",
                           "", "特記事項 なし"}));
  REQUIRE(at(d, "/source/layout") == "pdftotext");
  CHECK(at(d, "/header/number") == "6");
  CHECK(at(d, "/header/title") == "軽自動車税に関する事務 重点項目評価書");
}

TEST_CASE("pdftotext: a choice value printed without brackets, alone in its box", "[pdftotext]") {
  // 002:145-167: `①実施の有無` … `[ ]` … option list … `実施する`
  const Lines page = {"Ⅰ　基本情報",
                      " ５．情報提供ネットワークシステムによる情報連携 ※",
                      "",
                      " ①実施の有無",
                      "",
                      "[ ]",
                      "",
                      "＜選択肢＞",
                      "1) 実施する",
                      "2) 実施しない",
                      "3) 未定",
                      "",
                      "実施する"};
  const json d = parse_page(page);
  CHECK(at(d, "/network_linkage/implementation") == "実施する");
  // an option list's rows alone are no value
  Lines no_value = page;
  no_value.pop_back();
  CHECK(at(parse(page_document(no_value)), "/network_linkage/implementation").is_null());
  // a bare option inside a longer text box is no value either
  Lines in_text = no_value;
  in_text.insert(in_text.end(), {"実施する", "予定である。"});
  CHECK(at(parse(page_document(in_text)), "/network_linkage/implementation").is_null());
}

TEST_CASE("pdftotext: a text label followed by a bracket box has lost its value", "[pdftotext]") {
  // 002:1154-1158: the text after `[ 再委託していない` is the 規定の内容 of the next risk block
  Lines page = use_page_after_bracket();
  page.insert(page.end(),
              {"", "情報システムの運用、保守等を外部委託する場合には、契約を締結している。"});
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/risk_measures/use/other_risks").is_null());
  // the same text directly under its label is its value
  Lines direct = page;
  direct.erase(direct.begin() + 7, direct.begin() + 9);
  CHECK(at(parse_file_page(direct), "/files/0/risk_measures/use/other_risks") ==
        "情報システムの運用、保守等を外部委託する場合には、契約を締結している。");
}

TEST_CASE("pdftotext: a text box ends at a choice's bracket box and at a page break",
          "[pdftotext]") {
  // 002:776-786 `情報の突合` text, then `[ 50人以上100人未満 ] 1） …`, then `）`
  const json d = parse_page({"Ⅱ　特定個人情報ファイルの概要", " １．特定個人情報ファイル名",
                             "（１）Aファイル", " ３．特定個人情報の入手・使用", " 情報の突合", "",
                             "（１）賦課額情報を突合する。", "【上記１】", "",
                             "[ 50人以上100人未満 ] 1） 10人未満 2） 10人以上50人未満", "", "）"});
  CHECK(at(d, "/files/0/matching") == "（1）賦課額情報を突合する。\n【上記1】");
  // 002:1946-1956: the last value of a page does not run into the next page's boxes
  const json p =
      parse(page_document({"Ⅳ　開示請求、問合せ", " ２．特定個人情報ファイルの取扱いに関する問合せ",
                           " ②対応方法", "問い合わせの受付時に受付票等を記載する。", "", "", "",
                           "項目", "", "しきい値判断結果の変更のた", "め"}));
  CHECK(at(p, "/disclosure/response") == "問い合わせの受付時に受付票等を記載する。");
}

TEST_CASE("pdftotext: a text box after a stray label goes to no label when several wait",
          "[pdftotext]") {
  // 002:1286-1299: その内容, リスクに対する措置の内容 and the other-risks label all wait on the
  // page; the wrapped ②過去３年以内… label of 7. comes before the text box
  const Lines page = {
      "Ⅲ　リスク対策",
      " １．特定個人情報ファイル名",
      "（１）Aファイル",
      " ６．情報提供ネットワークシステムとの接続",
      "",
      " その内容",
      "",
      " リスクに対する措置の内容",
      "",
      " 情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置",
      "",
      "＜選択肢＞",
      "",
      "2） 発生なし",
      " ②過去３年以内に、評価実施",
      "機関において、個人情報に関",
      "する重大事故が発生したか",
      "",
      "・データ入力業務において、委託業者が再委託した。"};
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/risk_measures/network/other_risks").is_null());
  CHECK(at(d, "/files/0/risk_measures/network/risks/0/measures").is_null());
}

TEST_CASE(
    "pdftotext: a shared option's complete box on the page is the set's when no other set "
    "labelled there has it",
    "[pdftotext]") {
  // 002:856-863: `[ ○ ] 行っていない` printed above 提供・移転の有無; 行っていない is also an
  // option of other sets, but none of them is labelled on this page
  const Lines page = {"Ⅱ　特定個人情報ファイルの概要",
                      " １．特定個人情報ファイル名",
                      "（１）Aファイル",
                      "",
                      "[ ○ ] 行っていない",
                      "",
                      " ５．特定個人情報の提供・移転（委託に伴うものを除く。）",
                      "",
                      " 提供・移転の有無",
                      "[ ] 提供を行っている （ ） 件"};
  const json d = parse_page(page);
  CHECK(at(d, "/files/0/provision/status/0/checked") == false);
  CHECK(at(d, "/files/0/provision/status/2/checked") == true);
}

TEST_CASE("pdftotext: a box closed after two openers has an unknown state", "[pdftotext]") {
  // 002:340 `[ [] 電子メール [ ○`: the `]` may close either opener, and a mark between may have
  // been printed elsewhere
  const json d = parse_page({"Ⅱ　特定個人情報ファイルの概要", " １．特定個人情報ファイル名",
                             "（１）Aファイル", " ３．特定個人情報の入手・使用", " ②入手方法",
                             "[ [] 電子メール [ ○", "", "[ ] 紙"});
  CHECK(at(d, "/files/0/acquisition_methods/0/checked") == false);
  CHECK(at(d, "/files/0/acquisition_methods/3/checked").is_null());
}

TEST_CASE("pdftotext: a bracketed value after another box's closer", "[pdftotext]") {
  // 002:1886-1891: `][ 基礎項目評価及び重点項目評価の実施が義務付けられる`
  const json d = parse_page({"Ⅴ　評価実施手続", " １．基礎項目評価", " ①実施日 令和6年12月25日", "",
                             " ②しきい値判断結果 ＜選択肢＞",
                             "1） 基礎項目評価及び重点項目評価の実施が義務付けられる",
                             "2） 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
                             "", "][ 基礎項目評価及び重点項目評価の実施が義務付けられる"});
  CHECK(at(d, "/procedures/basic_assessment/threshold_result") ==
        "基礎項目評価及び重点項目評価の実施が義務付けられる");
  CHECK(at(d, "/threshold/result") == "基礎項目評価及び重点項目評価の実施が義務付けられる");
}

TEST_CASE("pdftotext: a value before its bracket's closer, its opener printed elsewhere",
          "[pdftotext]") {
  // 002:825-835: `再委託しない ] 1） 再委託する 2） 再委託しない` above ④再委託の有無
  const json d =
      parse_page({"Ⅱ　特定個人情報ファイルの概要", " １．特定個人情報ファイル名", "（１）Aファイル",
                  " ４．特定個人情報ファイルの取扱いの委託", " 委託事項1", " ①委託内容 保守", "",
                  "再委託しない ] 1） 再委託する 2） 再委託しない", "", " ④再委託の有無　※"});
  CHECK(at(d, "/files/0/outsourcing/entrusts/0/subcontract") == "再委託しない");
}

TEST_CASE("pdftotext: a label printed above its section's heading takes the text box below it",
          "[pdftotext]") {
  // 002:59-80: 法令上の根拠 of Ⅰ 4 above ４．個人番号の利用, its text right below the label
  const Lines page = {"Ⅰ　基本情報",
                      " ２．特定個人情報ファイルを取り扱う事務において使用するシステム",
                      " ①システムの名称 軽自動車税システム",
                      "",
                      " 法令上の根拠",
                      "",
                      "・番号利用法第９条第１項　別表の２４の項",
                      "",
                      "・別表省令第７４条",
                      "",
                      "[ 1万人以上10万人未満",
                      "",
                      " ４．個人番号の利用 ※"};
  const json d = parse_page(page);
  CHECK(at(d, "/number_use/legal_basis") ==
        "・番号利用法第9条第1項 別表の24の項\n・別表省令第74条");
  // a box already read as another text's value is not taken again
  Lines taken = page;
  taken.insert(taken.begin() + 5, " ②システムの機能");
  const json t = parse_page(taken);
  CHECK(at(t, "/number_use/legal_basis").is_null());
}

TEST_CASE("pdftotext: a Ⅲ block's text found through another file's block of the document",
          "[pdftotext]") {
  // 002:1158 / 1603: file (1)'s 規定の内容 text, scrambled away from its label, is printed word
  // for word as file (2)'s, which is read in order
  const auto document = [](const Lines& scrambled_text) {
    Lines d = {"Ⅱ　特定個人情報ファイルの概要",
               " １．特定個人情報ファイル名",
               "（１）Aファイル",
               "",
               "",
               "",
               "Ⅱ　特定個人情報ファイルの概要",
               " １．特定個人情報ファイル名",
               "（２）Bファイル",
               "",
               "",
               "",
               ""};
    const Lines lost = use_page_after_bracket();
    d.insert(d.end(), lost.begin(), lost.end());
    d.push_back("");
    d.insert(d.end(), scrambled_text.begin(), scrambled_text.end());
    d.insert(d.end(), {"", "", "", "Ⅲ　リスク対策", " １．特定個人情報ファイル名",
                       "（２）Bファイル", " ３．特定個人情報の使用",
                       " 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置",
                       "印刷物は長時間プリンタに放置しない。", "不要になった書類は裁断する。"});
    return parse_page(d);
  };
  const json once =
      document({"印刷物は長時間プリンタに放置しない。", "", "不要になった書類は裁断する。"});
  CHECK(at(once, "/files/1/risk_measures/use/other_risks") ==
        "印刷物は長時間プリンタに放置しない。\n不要になった書類は裁断する。");
  CHECK(at(once, "/files/0/risk_measures/use/other_risks") ==
        "印刷物は長時間プリンタに放置しない。\n不要になった書類は裁断する。");
  // printed twice in the block's pages: no telling which box is the field's
  const json twice =
      document({"印刷物は長時間プリンタに放置しない。", "不要になった書類は裁断する。", "",
                "印刷物は長時間プリンタに放置しない。", "不要になった書類は裁断する。"});
  CHECK(at(twice, "/files/0/risk_measures/use/other_risks").is_null());
}

TEST_CASE("pdftotext: identical values elsewhere on the page for as many label boxes",
          "[pdftotext]") {
  // 002:1135-1217: two `リスクへの対策は十分か` of two sections on one page, two `十分である`
  // printed away from both; the label is shared by every risk of the grammar, yet it is two
  // boxes on this page
  const Lines page = {
      "Ⅲ　リスク対策",
      " １．特定個人情報ファイル名",
      "（１）Aファイル",
      " ２．特定個人情報の入手 （情報提供ネットワークシステムを通じた入手を除く。）",
      "",
      " リスク：　目的外の入手が行われるリスク",
      "",
      " リスクへの対策は十分か",
      "",
      " ３．特定個人情報の使用",
      "",
      " リスク１：　目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
      "",
      " リスクへの対策は十分か",
      "",
      "＜選択肢＞",
      "1） 特に力を入れている 2） 十分である",
      "3） 課題が残されている",
      "",
      "十分である",
      "",
      "[ 十分である"};
  const json two = parse_file_page(page);
  CHECK(at(two, "/files/0/risk_measures/acquisition/risks/0/adequacy") == "十分である");
  CHECK(at(two, "/files/0/risk_measures/use/risks/0/adequacy") == "十分である");
  // one value for two boxes: no telling whose it is (the use box reads the value under it in
  // order, the acquisition box stays empty)
  const json one = parse_file_page(Lines(page.begin(), page.end() - 2));
  CHECK(at(one, "/files/0/risk_measures/acquisition/risks/0/adequacy").is_null());
}

TEST_CASE("pdftotext: a rating label above the file's heading is its section's only risk's",
          "[pdftotext]") {
  // 002:1055-1103: Ⅲ's sections printed above `１．特定個人情報ファイル名`; the acquisition
  // rating label begins with リスク like a risk heading, and is the only risk's rating field
  const Lines page = {
      "Ⅲ　リスク対策",
      "",
      " ２．特定個人情報の入手 （情報提供ネットワークシステムを通じた入手を除く。）",
      "",
      " リスクへの対策は十分か",
      "",
      " １．特定個人情報ファイル名",
      "",
      "（１）Aファイル",
      "",
      "＜選択肢＞",
      "1） 特に力を入れている 2） 十分である",
      "3） 課題が残されている",
      "",
      "[ 十分である"};
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/risk_measures/acquisition/risks/0/adequacy") == "十分である");
  // the value is the page's: with two different ones there is no telling
  Lines two = page;
  two.insert(two.end(), {"", "[ 課題が残されている"});
  CHECK(at(parse_file_page(two), "/files/0/risk_measures/acquisition/risks/0/adequacy").is_null());
}

TEST_CASE("pdftotext: a group's label printed before its section is entered again", "[pdftotext]") {
  // 002:354-452: `①入手元` of section 3, printed below section 4's heading, leaves the 委託
  // section; `④再委託の有無` waits, and is read in 委託事項1 when `②委託先における取扱者数`
  // continues that group further down the page (after `委託の有無` has gone back to 委託)
  const Lines page = {" ３．特定個人情報の入手・使用",
                      "",
                      " 委託事項1",
                      "",
                      " ①委託内容 A保守",
                      "",
                      " ４．特定個人情報ファイルの取扱いの委託",
                      "",
                      " ①入手元　※",
                      "",
                      "再委託しない",
                      "",
                      " ④再委託の有無　※",
                      "",
                      " 委託の有無　※",
                      "",
                      " ②委託先における取扱者数",
                      "",
                      "1） 再委託する 2） 再委託しない"};
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/outsourcing/entrusts/0/content") == "A保守");
  CHECK(at(d, "/files/0/outsourcing/entrusts/0/subcontract") == "再委託しない");
  CHECK(at(d, "/files/0/outsourcing/entrusts").size() == 1);
}

TEST_CASE("pdftotext: a count number printed as its own box away from its closer", "[pdftotext]") {
  // 002:400-454: `委託の有無` with `）　件` on one line and `76,386` alone further down
  const Lines page = {" ４．特定個人情報ファイルの取扱いの委託",
                      "",
                      " 委託の有無　※",
                      "",
                      "）　件",
                      "",
                      "＜選択肢＞",
                      "1） 委託する 2） 委託しない",
                      "",
                      "[ 委託する",
                      "",
                      "76,386"};
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/outsourcing/declared_count") == 76386);
  // two bare numbers on the page: no telling which is the count
  Lines two = page;
  two.insert(two.end(), {"", "12"});
  CHECK(at(parse_file_page(two), "/files/0/outsourcing/declared_count").is_null());
  // no closer without its number: a bare number is no count
  Lines closed = page;
  closed[4] = "（ ） 人";
  CHECK(at(parse_file_page(closed), "/files/0/outsourcing/declared_count").is_null());
}

TEST_CASE("pdftotext: a section heading that is also its choice's label is no rival box",
          "[pdftotext]") {
  // 002:1425-1460: `９．従業者に対する教育・啓発` and `従業者に対する教育・啓発` both write the
  // training level; the value `][ 十分に行っている` is the only one on the page
  const json d =
      parse_file_page({"Ⅲ　リスク対策", " １．特定個人情報ファイル名", "（１）Aファイル", "",
                       " ９．従業者に対する教育・啓発", "", " 従業者に対する教育・啓発", "",
                       " 具体的な方法", "", "・研修を実施している。", "", "＜選択肢＞",
                       "1） 特に力を入れて行っている 2） 十分に行っている",
                       "3） 十分に行っていない", "", "][ 十分に行っている"});
  CHECK(at(d, "/files/0/risk_measures/training/level") == "十分に行っている");
}

TEST_CASE("pdftotext: a value before another box's opener", "[pdftotext]") {
  // 002:1150 `定めている[`: the inside of the 規定 bracket, glued to the next box's `[`
  const json d = parse_file_page({"Ⅲ　リスク対策", " １．特定個人情報ファイル名", "（１）Aファイル",
                                  "", " ４．特定個人情報ファイルの取扱いの委託", "",
                                  " リスク：　委託先における不正な使用等のリスク", "",
                                  " 委託契約書中の特定個人情報ファイルの取扱いに関する規定", "",
                                  "]", "＜選択肢＞", "1） 定めている 2） 定めていない", "",
                                  "定めている[", "", " 規定の内容"});
  CHECK(at(d, "/files/0/risk_measures/outsourcing/risks/0/controls/0/value") == "定めている");
}

TEST_CASE("pdftotext: a text box of bracket pieces around another set's option is no value",
          "[pdftotext]") {
  // 002:512-564: `③提供する情報` followed by the pieces `（ ] 移転を行っている （` of the
  // 提供・移転の有無 row
  const json d = parse_file_page({" ５．特定個人情報の提供・移転（委託に伴うものを除く。）", "",
                                  " 提供先1", "", " ③提供する情報", "", "（ ] 移転を行っている （",
                                  "", "[ ○", "", "] 行っていない"});
  CHECK(at(d, "/files/0/provision/recipients") == json::array());
}

TEST_CASE("pdftotext: the second line of a wrapped label is no value of it", "[pdftotext]") {
  // 002:480-499: `⑤移転する情報の対象となる` read with its second line `本人の範囲` as value
  const json d =
      parse_file_page({" ４．特定個人情報ファイルの取扱いの委託", "", " ⑥移転方法", "",
                       " ⑤移転する情報の対象となる", "本人の範囲", "", "] 庁内連携システム", "",
                       "] 電子メール", "", "[ ] その他 （", "", "] 紙", "", " 移転先1", "", "[ ○"});
  CHECK(at(d, "/files/0/provision/destinations") == json::array());
}

namespace {

// Ⅲ 7 of file (1) with the two texts under their labels, a page of Ⅴ, then the 変更箇所 page
// printed box by box as 002:1953-2021 prints it: the rows of the two sublabels above the caption,
// the row of 変更前/変更後/提出時期 on one line below it; `prevention` is the 変更後 text of the
// 再発防止策の内容 row.
json changes_document(const std::string& prevention) {
  const Lines d = {"Ⅲ　リスク対策",
                   " １．特定個人情報ファイル名",
                   "（１）Aファイル",
                   " ７．特定個人情報の保管・消去",
                   "",
                   " リスク：　特定個人情報の漏えい・滅失・毀損リスク",
                   "",
                   " その内容",
                   "",
                   "・委託先が無断で再委託した。",
                   "",
                   " 再発防止策の内容",
                   "",
                   "・再委託は書面で申請させる。",
                   "",
                   "",
                   "",
                   "Ⅴ　評価実施手続",
                   " １．基礎項目評価",
                   "",
                   " ①実施日 令和6年12月25日",
                   "",
                   "",
                   "",
                   "項目",
                   "",
                   "変更のため",
                   "",
                   "Ⅲ　リスク対策（１）",
                   "７．重大事故が発生したか",
                   "",
                   "再発防止策の内容",
                   "",
                   prevention,
                   "",
                   "Ⅲ　リスク対策（１）",
                   "７．重大事故が発生したか",
                   "",
                   "その内容",
                   "",
                   "・委託先が無断で再委",
                   "託した。",
                   "",
                   "事後",
                   "",
                   "事後",
                   "変更のため",
                   "",
                   "（別添２）変更箇所",
                   "提出時期に係る説明",
                   "",
                   "Ⅲ　リスク対策（１）",
                   "７．重大事故が発生したか",
                   "",
                   "発生なし 発生あり 事後",
                   "変更のため",
                   "",
                   "変更前の記載 変更後の記載 提出時期変更日",
                   "",
                   "令和7年5月30日",
                   "",
                   "令和7年5月30日",
                   "",
                   "令和7年5月30日"};
  // the annex is the last page, as in 002: the pages that make the layout pdftotext come first
  Lines document = {kTitle, "", "", "", "次の頁", "", "", "", "その次の頁", "", "", ""};
  const Lines pages = with_file(d);
  document.insert(document.end(), pages.begin(), pages.end());
  hyoka::ParseOptions options;
  options.spans = true;
  const json parsed = parse(document, options);
  REQUIRE(at(parsed, "/source/layout") == "pdftotext");
  return parsed;
}

}  // namespace

TEST_CASE("pdftotext: the 変更箇所 rows where every box of the page finds its place",
          "[pdftotext]") {
  // 002:1953-2021: date, timing, explanation and item alike in the three rows; 変更前/変更後 of
  // the first printed beside its timing, the others' 変更後 under a sublabel of the item whose
  // text the document prints under that label
  const json d = changes_document("・再委託は書面で申請させる。");
  REQUIRE(at(d, "/changes").size() == 3);
  CHECK(diagnostics_with_rule(d, "REC009").empty());
  const std::string item = "Ⅲ リスク対策（1）\n7．重大事故が発生したか";
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string row = "/changes/" + std::to_string(i);
    CHECK(at(d, row + "/date") == "2025-05-30");
    CHECK(at(d, row + "/timing") == "事後");
    CHECK(at(d, row + "/reason") == "変更のため");
  }
  CHECK(at(d, "/changes/0/item") == item);
  CHECK(at(d, "/changes/0/before") == "発生なし");
  CHECK(at(d, "/changes/0/after") == "発生あり");
  CHECK(at(d, "/changes/1/item") == item + "\nその内容");
  CHECK(at(d, "/changes/1/before").is_null());
  CHECK(at(d, "/changes/1/after") == "・委託先が無断で再委\n託した。");
  CHECK(at(d, "/changes/2/item") == item + "\n再発防止策の内容");
  CHECK(at(d, "/changes/2/after") == "・再委託は書面で申請させる。");
  CHECK(at(d, "/spans/~1changes~12~1after") == json::array({52, 52}));
  // a 変更後 text the document does not print under its sublabel: no row is guessed
  const json other = changes_document("・再委託は禁止する。");
  CHECK(at(other, "/changes").empty());
  CHECK(diagnostics_with_rule(other, "REC009").size() == 1);
}

TEST_CASE("pdftotext: a risk's text printed right under its title, its label elsewhere",
          "[pdftotext]") {
  // 002:1055-1082: the two `リスクに対する措置の内容` printed together, each risk's text right
  // under the risk's title
  const Lines page = acquisition_risk_page(
      {"", "収集する情報の種類を制限している。", "", " ３．特定個人情報の使用", "",
       " リスクに対する措置の内容", "", " リスクに対する措置の内容", "",
       " リスク１：　目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク", "",
       "担当外の情報は取得できない。", "必要のない紐付けはできない。"});
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/risk_measures/acquisition/risks/0/measures") ==
        "収集する情報の種類を制限している。");
  CHECK(at(d, "/files/0/risk_measures/use/risks/0/measures") ==
        "担当外の情報は取得できない。\n必要のない紐付けはできない。");
  hyoka::ParseOptions with_spans;
  with_spans.spans = true;
  const json spans = parse(page_document(with_file(page)), with_spans);
  CHECK(at(spans, "/spans").contains("/files/0/risk_measures/use/risks/0/measures"));
  // one label left without a value for two boxes: no telling which box is a risk's text
  Lines one = page;
  one.erase(one.begin() + 13, one.begin() + 15);
  const json o = parse_file_page(one);
  CHECK(at(o, "/files/0/risk_measures/acquisition/risks/0/measures").is_null());
  CHECK(at(o, "/files/0/risk_measures/use/risks/0/measures").is_null());
  // no label of the field on the page: the texts may be anything
  Lines none = page;
  none.erase(none.begin() + 11, none.begin() + 15);
  const json n = parse_file_page(none);
  CHECK(at(n, "/files/0/risk_measures/acquisition/risks/0/measures").is_null());
  CHECK(at(n, "/files/0/risk_measures/use/risks/0/measures").is_null());
  // a risk with several text fields (the use section's second risk) takes no box
  Lines second = page;
  second[16] =
      " リスク２：　権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク";
  const json s = parse_file_page(second);
  CHECK(at(s, "/files/0/risk_measures/use/risks/1/controls/1/text").is_null());
  CHECK(at(s, "/files/0/risk_measures/use/risks/0/measures").is_null());
}

TEST_CASE("pdftotext: the rating label of a section's only risk, read as its heading, is its field",
          "[pdftotext]") {
  // 002:1366-1421: `リスクへの対策は十分か` after the storage section's other-risks text begins
  // with リスク and enters the section's only risk; it is that risk's rating label too, its value
  // `[ 十分である` printed above it on the page
  const auto page = [](const std::string& section, const std::string& other) {
    return Lines{"Ⅲ　リスク対策",
                 " １．特定個人情報ファイル名",
                 "（１）Aファイル",
                 "",
                 " ８．監査",
                 "",
                 "[ 十分である",
                 "",
                 section,
                 "",
                 other,
                 "",
                 "・古い情報は届出に基づき更新している。",
                 "",
                 "＜選択肢＞",
                 "1） 特に力を入れている 2） 十分である",
                 "",
                 "3） 課題が残されている",
                 "",
                 " リスクへの対策は十分か"};
  };
  const json d = parse_file_page(
      page(" ７．特定個人情報の保管・消去",
           " 特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置"));
  CHECK(at(d, "/files/0/risk_measures/storage/risks/0/adequacy") == "十分である");
  // a section of two risks: the label enters no risk, and no telling whose rating it is
  const json two =
      parse_file_page(page(" ３．特定個人情報の使用",
                           " 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置"));
  CHECK(at(two, "/files/0/risk_measures/use/risks/0/adequacy").is_null());
  CHECK(at(two, "/files/0/risk_measures/use/risks/1/adequacy").is_null());
}

TEST_CASE("pdftotext: a risk titled above a later risk on its page has its rating on that page",
          "[pdftotext]") {
  // 002:1464-1526: the acquisition risk and the use section's first risk titled on one page; the
  // acquisition rating label is one of the page's two, both valued 十分である
  const auto page = [](const std::string& second_value) {
    return acquisition_risk_page(
        {"", " ３．特定個人情報の使用", "",
         " リスク１：　目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク", "",
         " リスクへの対策は十分か", "[ 十分である ]", "", " リスクへの対策は十分か",
         "[ " + second_value + " ]"});
  };
  const json d = parse_file_page(page("十分である"));
  CHECK(at(d, "/files/0/risk_measures/acquisition/risks/0/adequacy") == "十分である");
  // two different values: no telling which label is the acquisition risk's
  const json two = parse_file_page(page("課題が残されている"));
  CHECK(at(two, "/files/0/risk_measures/acquisition/risks/0/adequacy").is_null());
  // the acquisition risk titled alone on the page before: its rows may go on over both pages
  Lines last = page("十分である");
  last.insert(last.begin() + 8, {"", ""});
  const json l = parse_file_page(last);
  CHECK(at(l, "/files/0/risk_measures/acquisition/risks/0/adequacy").is_null());
}

TEST_CASE("pdftotext: a text the grammar shapes as an organization's name, its box apart",
          "[pdftotext]") {
  // 002:318-418: `③委託先名` at the top of the page, `株式会社ジーシーシー` a box of its own among
  // boxes no label claimed (the 委託事項's title among them)
  const Lines page = {" ４．特定個人情報ファイルの取扱いの委託",
                      "",
                      " ③委託先名",
                      "",
                      " 委託事項1",
                      "",
                      " ①委託内容 A保守",
                      "",
                      "A保守運用業務",
                      "",
                      "株式会社エービー",
                      "",
                      "＜選択肢＞",
                      "1） 再委託する 2） 再委託しない"};
  const json d = parse_file_page(page);
  CHECK(at(d, "/files/0/outsourcing/entrusts/0/contractor") == "株式会社エービー");
  CHECK(at(d, "/files/0/outsourcing/entrusts/0/title").is_null());
  // two names on the page: no telling which is the contractor
  Lines two = page;
  two.insert(two.begin() + 10, {"Bシステム（株）", ""});
  CHECK(at(parse_file_page(two), "/files/0/outsourcing/entrusts/0/contractor").is_null());
  // no label of the field on the page: the name may be anything's
  Lines unlabelled = page;
  unlabelled.erase(unlabelled.begin() + 2, unlabelled.begin() + 4);
  CHECK(at(parse_file_page(unlabelled), "/files/0/outsourcing/entrusts/0/contractor").is_null());
}

TEST_CASE("pdftotext: a text the grammar shapes as a reference to an annex, its box apart",
          "[pdftotext]") {
  // 002:168-286: `全ての記録項目` and `その妥当性` printed together, `別添１を参照。` a box of its
  // own further down the page, the rationale's text elsewhere
  const Lines page = {"Ⅱ　特定個人情報ファイルの概要",
                      " １．特定個人情報ファイル名",
                      "（１）Aファイル",
                      "",
                      "個人番号：個人を正確に特定するため保有する",
                      "",
                      " ２．基本情報",
                      "",
                      " 全ての記録項目",
                      "",
                      " その妥当性",
                      "",
                      " ⑥事務担当部署 総務部市民税課",
                      "",
                      "別添１を参照。"};
  const json d = parse_page(page);
  CHECK(at(d, "/files/0/all_items_ref") == "別添1を参照。");
  // その妥当性, the page's one label left without a value, and the page's one free box
  CHECK(at(d, "/files/0/items_rationale") == "個人番号：個人を正確に特定するため保有する");
  // two references on the page: no telling which is the field's
  Lines two = page;
  two.insert(two.end(), {"", "別添２を参照。"});
  CHECK(at(parse_page(two), "/files/0/all_items_ref").is_null());
}

TEST_CASE("pdftotext: a page's only label without its value and only box without its label",
          "[pdftotext]") {
  // 002:171-300: `その妥当性` among the labels of its page, its text a box of its own above them;
  // the other boxes are read by values, brackets, or captions the form prints in 主な記録項目
  const Lines page = {"Ⅱ　特定個人情報ファイルの概要",
                      " １．特定個人情報ファイル名",
                      "（１）Aファイル",
                      "",
                      "個人番号：個人を特定するため",
                      "その他：税の賦課のため",
                      "",
                      " ２．基本情報",
                      "",
                      "・識別情報",
                      "",
                      "○",
                      "",
                      " その妥当性",
                      "",
                      " ⑥事務担当部署 総務部市民税課",
                      "",
                      "[ ] 個人番号対応符号 ○"};
  const json d = parse_page(page);
  CHECK(at(d, "/files/0/items_rationale") ==
        "個人番号：個人を特定するため\nその他：税の賦課のため");
  CHECK(at(d, "/files/0/department") == "総務部市民税課");
  // two free boxes: no telling which is the label's
  Lines two = page;
  two.insert(two.end(), {"", "ほかの説明文です。"});
  CHECK(at(parse_page(two), "/files/0/items_rationale").is_null());
  // two labels without their values: no telling whose the box is
  Lines labels = page;
  labels.insert(labels.begin() + 13, {" 全ての記録項目", ""});
  const json both = parse_page(labels);
  CHECK(at(both, "/files/0/items_rationale").is_null());
  CHECK(at(both, "/files/0/all_items_ref").is_null());
}
