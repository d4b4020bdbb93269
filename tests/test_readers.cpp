// Field readers (include/hyoka/readers.h). Regions are built the way the segmenter builds them:
// every raw OCR cell goes through hyoka::normalize_cell, the label row's cells after the label
// are joined by '\n' (Region::first), and continuation / behind rows are the joined cells of one
// row. Seed lines are quoted as `seed:line`, TAB shown as ⇥.
#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar_support.h"
#include "hyoka/grammar.h"
#include "hyoka/normalize.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

using hyoka::Region;
using nlohmann::json;

using grammar_support::opts;

namespace {

// The non-empty normalized cells of one OCR row, joined by '\n' (Row::joined).
std::string row(std::initializer_list<std::string_view> raw_cells) {
  std::string out;
  for (std::string_view raw : raw_cells) {
    const std::string c = hyoka::normalize_cell(raw);
    if (c.empty()) continue;
    if (!out.empty()) out += '\n';
    out += c;
  }
  return out;
}

Region region(std::initializer_list<std::string_view> value_cells,
              std::vector<std::string> rows = {}, std::vector<std::string> behind = {}) {
  return Region{row(value_cells), std::move(rows), std::move(behind), {}, {}};
}

json check(const char* label, json checked, json detail = nullptr) {
  return {{"label", label}, {"checked", std::move(checked)}, {"detail", std::move(detail)}};
}

const json kNull = nullptr;

}  // namespace

// ---- read_choice ----------------------------------------------------------------------------

TEST_CASE("read_choice: bracketed value with padding", "[readers]") {
  // 000:213 リスクへの対策は十分か⇥<div> <div>[          十分である          ]</div> …
  auto r = hyoka::read_choice(
      region({"<div> <div>[          十分である          ]</div> <div> <div>&lt;選択肢&gt;</div> "
              "<div> <div>1) 特に力を入れている</div> <div>2) 十分である</div> <div>3) "
              "課題が残されている</div> </div> </div> </div>"}),
      opts("ADEQ"));
  CHECK(r.value == json("十分である"));
  CHECK(r.unmatched.empty());

  // 000:40 ③対象人数⇥<div …> <span>[ (NBSP×4)  10万人以上30万人未満 (NBSP×4)  ]</span> …
  r = hyoka::read_choice(
      region({"<div style=\"display: flex; align-items: center;\"> <span>[\u00a0 \u00a0 "
              "\u00a0 \u00a0 10万人以上30万人未満\u00a0 \u00a0 \u00a0 \u00a0 ]</span> <div "
              "style=\"margin-left: 20px;\"> <p>&lt;選択肢&gt;</p> <span>1) 1,000人未満</span> "
              "<span>4) 10万人以上30万人未満</span> </div> </div>"}),
      opts("TARGET"));
  CHECK(r.value == json("10万人以上30万人未満"));

  // 003:39 ③対象人数⇥[10万人以上30万人未満] <選択肢> 1) 1,000人未満 …
  r = hyoka::read_choice(
      region({"[10万人以上30万人未満] <選択肢> 1) 1,000人未満 2) 1,000人以上1万人未満 3) "
              "1万人以上10万人未満 4) 10万人以上30万人未満"}),
      opts("TARGET"));
  CHECK(r.value == json("10万人以上30万人未満"));

  // 000:103 ⇥使用者数⇥[ 10人以上50人未満 ]⇥<選択肢> 1) 10人未満 … (value and list in two cells)
  r = hyoka::read_choice(region({"[ 10人以上50人未満 ]",
                                 "<選択肢> 1) 10人未満 2) 10人以上50人未満 3) 50人以上100人未満"}),
                         opts("STAFF6"));
  CHECK(r.value == json("10人以上50人未満"));
}

TEST_CASE("read_choice: the option number is not part of the value", "[readers]") {
  // FORMS §4.5: `1) 実施する` → `実施する`; pdftotext uses a full-width `）` (002:1099)
  auto r = hyoka::read_choice(region({"[ 1) 実施する ]"}), opts("IMPLEMENT"));
  CHECK(r.value == json("実施する"));
  CHECK(r.unmatched.empty());
  r = hyoka::read_choice(region({"[ 2） 実施しない ]"}), opts("IMPLEMENT"));
  CHECK(r.value == json("実施しない"));
}

TEST_CASE("read_choice: half-width parentheses give the canonical full-width option", "[readers]") {
  // 001:76 ①ファイルの種類 ※⇥[ システム用ファイル ] <選択肢> 1) システム用ファイル 2)
  // その他の電子ファイル(表計算ファイル等)
  auto r = hyoka::read_choice(
      region({"[ その他の電子ファイル(表計算ファイル等) ] <選択肢> 1) システム用ファイル 2) "
              "その他の電子ファイル(表計算ファイル等)"}),
      opts("FILE_KIND"));
  CHECK(r.value == json("その他の電子ファイル（表計算ファイル等）"));
  r = hyoka::read_choice(
      region({"[ 基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施) ]"}),
      opts("THRESHOLD"));
  CHECK(r.value == json("基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）"));
}

TEST_CASE("read_choice: empty brackets give null", "[readers]") {
  // 001:329 リスクへの対策は十分か⇥[ ]⇥<選択肢> 1) 特に力を入れている 2) 十分である 3) …
  auto r = hyoka::read_choice(
      region({"[ ]", "<選択肢> 1) 特に力を入れている      2) 十分である 3) 課題が残されている"}),
      opts("ADEQ"));
  CHECK(r.value == kNull);
  CHECK(r.unmatched.empty());
  // 003:209 …⇥[]⇥<input type="checkbox"/> <選択肢> <input type="checkbox"/> 1) 定めている 2) …
  r = hyoka::read_choice(region({"[]",
                                 "<input type=\"checkbox\"/> <選択肢> <input "
                                 "type=\"checkbox\"/> 1) 定めている 2) 定めていない"}),
                         opts("DEFINED"));
  CHECK(r.value == kNull);
  // 000:139 ④移転する情報の対象となる本人の数⇥[ ] <div style="text-align: right;">＜選択肢＞ …
  r = hyoka::read_choice(region({"[ ] <div style=\"text-align: right;\">＜選択肢＞ 1) 1万人未満 2) "
                                 "1万人以上10万人未満 3) 10万人以上100万人未満</div>"}),
                         opts("PERSONS5"));
  CHECK(r.value == kNull);
}

TEST_CASE("read_choice: a checked box before the option list", "[readers]") {
  // 001:492 従業者に対する教育・啓発⇥<input checked="" type="checkbox"/> 特に力を入れて行っている
  //         <選択肢> 1) 特に力を入れて行っている    2) 十分に行っている 3) 十分に行っていない
  auto r = hyoka::read_choice(
      region({"<input checked=\"\" type=\"checkbox\"/> 特に力を入れて行っている      <選択肢> 1) "
              "特に力を入れて行っている    2) 十分に行っている 3) 十分に行っていない"}),
      opts("DO3"));
  CHECK(r.value == json("特に力を入れて行っている"));
  // the mark on the second option of a box list
  r = hyoka::read_choice(region({"<input type=\"checkbox\"/> 委託する <input checked=\"\" "
                                 "type=\"checkbox\"/> 委託しない"}),
                         opts("ENTRUST"));
  CHECK(r.value == json("委託しない"));
}

TEST_CASE("read_choice: a mangled opening bracket", "[readers]") {
  // 001:218 ⇥使用者数⇥<input type="checkbox"/> 10人以上50人未満 ]           <選択肢> 1) 10人未満 …
  auto r = hyoka::read_choice(
      region({"<input type=\"checkbox\"/> 10人以上50人未満 ]           <選択肢> 1) 10人未満 2) "
              "10人以上50人未満 3) 50人以上100人未満"}),
      opts("STAFF6"));
  CHECK(r.value == json("10人以上50人未満"));
  // 003:105 委託の有無 ※⇥<input type="checkbox"/> 委託する] <table …
  r = hyoka::read_choice(
      region({"<input type=\"checkbox\"/> 委託する] <table border=\"0\"> <tr> <td colspan=\"2\" "
              "style=\"text-align: center;\"><選択肢></td> </tr> <tr> <td>1) 委託する</td> "
              "<td>2) 委託しない</td> </tr> </table> <input type=\"checkbox\"/> (1) 件"}),
      opts("ENTRUST"));
  CHECK(r.value == json("委託する"));
}

TEST_CASE("read_choice: a plain value echoed before the option boxes", "[readers]") {
  // 000:84 ①ファイルの種類 ※⇥<div>システム用ファイル</div> <div> <input type="checkbox"/>
  //        システム用ファイル  <input type="checkbox"/> その他の電子ファイル(表計算ファイル等)
  //        </div>
  auto r = hyoka::read_choice(
      region({"<div>システム用ファイル</div> <div> <input type=\"checkbox\"/> システム用ファイル  "
              "<input type=\"checkbox\"/> その他の電子ファイル(表計算ファイル等)         </div>"}),
      opts("FILE_KIND"));
  CHECK(r.value == json("システム用ファイル"));
  // 000:85 ②対象となる本人の数⇥<div>10万人以上100万人未満</div> <div> <input …/> 1万人未満 …
  r = hyoka::read_choice(
      region({"<div>10万人以上100万人未満</div> <div> <input type=\"checkbox\"/> 1万人未満  <input "
              "type=\"checkbox\"/> 1万人以上10万人未満  <input type=\"checkbox\"/> "
              "10万人以上100万人未満  <input type=\"checkbox\"/> 100万人以上1,000万人未満  <input "
              "type=\"checkbox\"/> 1,000万人以上         </div>"}),
      opts("PERSONS5"));
  CHECK(r.value == json("10万人以上100万人未満"));
  // the echoed value must be an option: other text before the boxes is not a value
  r = hyoka::read_choice(region({"<div>別紙参照</div> <div> <input type=\"checkbox\"/> "
                                 "システム用ファイル</div>"}),
                         opts("FILE_KIND"));
  CHECK(r.value == kNull);
}

TEST_CASE("read_choice: options as unmarked boxes only give null", "[readers]") {
  // 001:64 ①実施の有無⇥<input type="checkbox"/> 実施する <input type="checkbox"/> 実施しない
  //        <input type="checkbox"/> 未定 <small>&lt;選択肢&gt; 1) 実施する 2) 実施しない 3)
  //        未定</small>
  auto r = hyoka::read_choice(
      region({"<input type=\"checkbox\"/> 実施する <input type=\"checkbox\"/> 実施しない <input "
              "type=\"checkbox\"/> 未定 <small>&lt;選択肢&gt;            1) 実施する            "
              "2) 実施しない            3) 未定</small>"}),
      opts("IMPLEMENT"));
  CHECK(r.value == kNull);
  CHECK(r.unmatched.empty());
  // 004:194 委託の有無 ※⇥<input type="checkbox"/> 委託する <input type="checkbox"/> 委託しない ( 1
  // ) 件
  r = hyoka::read_choice(region({"<input type=\"checkbox\"/> 委託する <input type=\"checkbox\"/> "
                                 "委託しない ( 1 ) 件"}),
                         opts("ENTRUST"));
  CHECK(r.value == kNull);
  // 000:310 (value lost and option text mangled)
  r = hyoka::read_choice(
      region({"<div> <input type=\"checkbox\"/> 十分に行っている         </div> <div> <input "
              "type=\"checkbox\"/> 十分に力を入れて行っている         </div> <div> <input "
              "type=\"checkbox\"/> 十分に力を入れていない         </div>"}),
      opts("DO3"));
  CHECK(r.value == kNull);
}

TEST_CASE("read_choice: a bracketed value that is not an option", "[readers]") {
  // 004:39 <p style="text-align: center;">[ 30万人以上 ]</p> — not an option of 様式3's ③対象人数
  auto r = hyoka::read_choice(region({"<p style=\"text-align: center;\">[ 30万人以上 ]</p>"}),
                              opts("TARGET"));
  CHECK(r.value == kNull);
  CHECK(r.unmatched == "30万人以上");
  r = hyoka::read_choice(region({"[ 検討中 ]", "<選択肢> 1) 実施する 2) 実施しない 3) 未定"}),
                         opts("IMPLEMENT"));
  CHECK(r.value == kNull);
  CHECK(r.unmatched == "検討中");
}

TEST_CASE("read_choice: an option list alone gives null", "[readers]") {
  // 000:69 shape without the bracketed value
  auto r =
      hyoka::read_choice(region({"<選択肢> 1) 実施する 2) 実施しない 3) 未定"}), opts("IMPLEMENT"));
  CHECK(r.value == kNull);
  CHECK(r.unmatched.empty());
  // the list as blocks, one option per line, no caption
  r = hyoka::read_choice(
      region({"<div>1) 実施する</div> <div>2) 実施しない</div> <div>3) 未定</div>"}),
      opts("IMPLEMENT"));
  CHECK(r.value == kNull);
  // entity caption, full-width caption
  r = hyoka::read_choice(region({"&lt;選択肢&gt; 1) 定めている 2) 定めていない"}), opts("DEFINED"));
  CHECK(r.value == kNull);
  r = hyoka::read_choice(region({"＜選択肢＞ 1) 定めている 2) 定めていない"}), opts("DEFINED"));
  CHECK(r.value == kNull);
}

TEST_CASE("read_choice: value on a continuation row when the label row is empty", "[readers]") {
  // a label on its own line, the bracketed value on the next row
  const Region r{"",
                 {"", row({"[ 十分である ]", "<選択肢> 1) 特に力を入れている 2) 十分である"})},
                 {},
                 {},
                 {}};
  CHECK(hyoka::read_choice(r, opts("ADEQ")).value == json("十分である"));
}

// ---- read_checks ----------------------------------------------------------------------------

TEST_CASE("read_checks: one Check per option in form order (column-major layout)", "[readers]") {
  // 000:48 ③他のシステムとの接続⇥<input type="checkbox"/> 情報提供ネットワークシステム <input
  // type="checkbox"/> 住民基本台帳ネットワークシステム <input checked="" type="checkbox"/>
  // 宛名システム等 <input type="checkbox"/> その他（⇥<input checked="" type="checkbox"/>
  // 庁内連携システム <input type="checkbox"/> 既存住民基本台帳システム <input checked=""
  // type="checkbox"/> 税務システム
  const auto res = hyoka::read_checks(
      region({"<input type=\"checkbox\"/> 情報提供ネットワークシステム <input type=\"checkbox\"/> "
              "住民基本台帳ネットワークシステム <input checked=\"\" type=\"checkbox\"/> "
              "宛名システム等 <input type=\"checkbox\"/> その他（",
              "<input checked=\"\" type=\"checkbox\"/> 庁内連携システム <input "
              "type=\"checkbox\"/> 既存住民基本台帳システム <input checked=\"\" "
              "type=\"checkbox\"/> 税務システム"}),
      opts("CONNECTIONS"));
  const json expected = json::array({
      check("情報提供ネットワークシステム", nullptr), check("庁内連携システム", true),
      check("住民基本台帳ネットワークシステム", nullptr),
      check("既存住民基本台帳システム", nullptr), check("宛名システム等", true),
      check("税務システム", true), check("その他", nullptr),  // unclosed `その他（`: no detail
  });
  CHECK(res.checks == expected);
  CHECK(res.unknown == 4);
}

TEST_CASE("read_checks: marks that mean checked and unchecked", "[readers]") {
  // [○] (003:58), [O] (003:215), 〔○〕 (004:514), radio with or without `checked` (000:129,
  // 003:45), <input checked …> (001:56); [ ], [], [     ] are explicit empty boxes.
  const auto res = hyoka::read_checks(
      region({"[○] 紙 [ O ] 電子記録媒体(フラッシュメモリを除く。) 〔○〕フラッシュメモリ "
              "[<input type=\"radio\"/>] 電子メール <input checked=\"\" type=\"radio\"/> 専用線 "
              "[ ] 庁内連携システム [] 情報提供ネットワークシステム [     ] その他 ( )"}),
      opts("ACQ_METHODS"));
  const json expected = json::array({
      check("紙", true),
      check("電子記録媒体（フラッシュメモリを除く。）", true),
      check("フラッシュメモリ", true),
      check("電子メール", true),
      check("専用線", true),
      check("庁内連携システム", false),
      check("情報提供ネットワークシステム", false),
      check("その他", false),
  });
  CHECK(res.checks == expected);
  CHECK(res.unknown == 0);

  // 003:237 実施の有無⇥[<input checked="" type="checkbox"/>] 自己点検 [] 内部監査 [] 外部監査
  const auto audit = hyoka::read_checks(
      region({"[<input checked=\"\" type=\"checkbox\"/>] 自己点検 [] 内部監査 [] 外部監査"}),
      opts("AUDIT"));
  CHECK(audit.checks ==
        json::array({check("自己点検", true), check("内部監査", false), check("外部監査", false)}));
}

TEST_CASE("read_checks: a bare unchecked input is unknown", "[readers]") {
  // 000:308 実施の有無⇥<input type="checkbox"/> 自己点検 <input type="checkbox"/> 内部監査 …
  const auto res = hyoka::read_checks(
      region({"<input type=\"checkbox\"/> 自己点検 <input type=\"checkbox\"/> 内部監査 <input "
              "type=\"checkbox\"/> 外部監査"}),
      opts("AUDIT"));
  CHECK(res.checks == json::array({check("自己点検", nullptr), check("内部監査", nullptr),
                                   check("外部監査", nullptr)}));
  CHECK(res.unknown == 3);
  // 001:488 no boxes at all
  const auto none = hyoka::read_checks(
      region({"実施の有無       自己点検       内部監査       外部監査"}), opts("AUDIT"));
  CHECK(none.unknown == 3);
}

TEST_CASE("read_checks: a bracketed unchecked input is a mark only next to an explicit empty box",
          "[readers]") {
  // 001:89 ②入手方法⇥<input type="checkbox"/> 紙 [ ] 電子記録媒体(フラッシュメモリを除く。) [ ]
  // フラッシュメモリ <input type="checkbox"/> 電子メール [ ] 専用線 [ <input type="checkbox"/> ]
  // 庁内連携システム <input type="checkbox"/> 情報提供ネットワークシステム <input
  // type="checkbox"/> その他 ( 住民基本台帳ネットワークシステム )
  const auto res = hyoka::read_checks(
      region({"<input type=\"checkbox\"/> 紙 [ ] 電子記録媒体(フラッシュメモリを除く。) [ ] "
              "フラッシュメモリ <input type=\"checkbox\"/> 電子メール [ ] 専用線 [ <input "
              "type=\"checkbox\"/> ] 庁内連携システム <input type=\"checkbox\"/> "
              "情報提供ネットワークシステム <input type=\"checkbox\"/> その他 ( "
              "住民基本台帳ネットワークシステム )"}),
      opts("ACQ_METHODS"));
  const json expected = json::array({
      check("紙", nullptr),
      check("電子記録媒体（フラッシュメモリを除く。）", false),
      check("フラッシュメモリ", false),
      check("電子メール", nullptr),
      check("専用線", false),
      check("庁内連携システム", true),
      check("情報提供ネットワークシステム", nullptr),
      check("その他", nullptr, "住民基本台帳ネットワークシステム"),
  });
  CHECK(res.checks == expected);
  CHECK(res.unknown == 4);

  // 000:97-100: every box is `[ <input type="checkbox"/> ]` (no explicit empty box) except the
  // two radios → the bracketed inputs stay null.
  //   ⇥⇥[ <input type="checkbox"/> ] 紙⇥[ <input type="checkbox"/> ] 電子記録媒体(…)⇥[ … ]
  //   フラッシュメモリ ②入手方法⇥⇥[ <input type="checkbox"/> ] 電子メール⇥[ … ] 専用線⇥[ <input
  //   checked="" type="radio"/> ] 庁内連携システム ⇥⇥[ <input checked="" type="radio"/> ]
  //   情報提供ネットワークシステム⇥⇥ ⇥⇥[ <input type="checkbox"/> ] その他⇥(⇥)
  const Region r{
      row({"", "[ <input type=\"checkbox\"/> ] 電子メール", "[ <input type=\"checkbox\"/> ] 専用線",
           "[ <input checked=\"\" type=\"radio\"/> ] 庁内連携システム"}),
      {row({"", "", "[ <input checked=\"\" type=\"radio\"/> ] 情報提供ネットワークシステム"}),
       row({"", "", "[ <input type=\"checkbox\"/> ] その他", "(", ")"})},
      {row({"", "", "[ <input type=\"checkbox\"/> ] 紙",
            "[ <input type=\"checkbox\"/> ] 電子記録媒体(フラッシュメモリを除く。)",
            "[ <input type=\"checkbox\"/> ] フラッシュメモリ"})},
      {},
      {}};
  const auto lost = hyoka::read_checks(r, opts("ACQ_METHODS"));
  const json expected_lost = json::array({
      check("紙", nullptr),
      check("電子記録媒体（フラッシュメモリを除く。）", nullptr),
      check("フラッシュメモリ", nullptr),
      check("電子メール", nullptr),
      check("専用線", nullptr),
      check("庁内連携システム", true),
      check("情報提供ネットワークシステム", true),
      check("その他", nullptr),
  });
  CHECK(lost.checks == expected_lost);
  CHECK(lost.unknown == 6);

  // 000:122 提供・移転の有無⇥[ <input type="checkbox"/> ] 提供を行っている ( ) 件 [ ]
  // 移転を行っている ( ) 件 [ ] 行っていない
  const auto status = hyoka::read_checks(
      region({"[ <input type=\"checkbox\"/> ] 提供を行っている ( ) 件 [ ] 移転を行っている ( ) 件 "
              "[ ] 行っていない"}),
      opts("PROVISION_STATUS"));
  CHECK(status.checks ==
        json::array({check("提供を行っている", true), check("移転を行っている", false),
                     check("行っていない", false)}));
}

TEST_CASE("read_checks: the explicit empty box may be on a behind row of the same field",
          "[readers]") {
  // a group is the value of one field, all its rows
  const Region r{
      row({"[ <input type=\"checkbox\"/> ] 電子メール"}), {}, {row({"[ ] 紙 [ ] 専用線"})}, {}, {}};
  const auto res = hyoka::read_checks(r, opts("ACQ_METHODS"));
  CHECK(res.checks[0] == check("紙", false));
  CHECK(res.checks[3] == check("電子メール", true));
  CHECK(res.checks[4] == check("専用線", false));
}

TEST_CASE("read_checks: details from the option's parentheses", "[readers]") {
  // 000:95 ①入手元 ※⇥<div> <input type="checkbox"/> 本人又は本人の代理人 </div> <div> <input
  // type="checkbox"/> 評価実施機関内の他部署 (市民課) </div> <div> … 行政機関・独立行政法人等
  // (デジタル庁) … 地方公共団体・地方独立行政法人 ( ) … 民間事業者 ( ) … その他 ( ) </div>
  const auto res = hyoka::read_checks(
      region({"<div> <input type=\"checkbox\"/> 本人又は本人の代理人         </div> <div> <input "
              "type=\"checkbox\"/> 評価実施機関内の他部署 (市民課)         </div> <div> <input "
              "type=\"checkbox\"/> 行政機関・独立行政法人等 (デジタル庁)         </div> <div> "
              "<input type=\"checkbox\"/> 地方公共団体・地方独立行政法人 ( )         </div> "
              "<div> <input type=\"checkbox\"/> 民間事業者 ( )         </div> <div> <input "
              "type=\"checkbox\"/> その他 ( )         </div>"}),
      opts("SOURCES"));
  const json expected = json::array({
      check("本人又は本人の代理人", nullptr),
      check("評価実施機関内の他部署", nullptr, "市民課"),
      check("行政機関・独立行政法人等", nullptr, "デジタル庁"),
      check("地方公共団体・地方独立行政法人", nullptr),
      check("民間事業者", nullptr),
      check("その他", nullptr),
  });
  CHECK(res.checks == expected);
  CHECK(res.unknown == 6);

  // 003:45 …[<input type="radio"/>] その他 （番号連携サーバを利用する全てのシステム）</p>
  const auto conn = hyoka::read_checks(
      region({"<p>[] 情報提供ネットワークシステム [<input type=\"radio\"/>] 庁内連携システム</p> "
              "<p>[] 宛名システム等 [<input type=\"radio\"/>] その他 "
              "（番号連携サーバを利用する全てのシステム）</p>"}),
      opts("CONNECTIONS"));
  CHECK(conn.checks[0] == check("情報提供ネットワークシステム", false));
  CHECK(conn.checks[1] == check("庁内連携システム", true));
  CHECK(conn.checks[4] == check("宛名システム等", false));
  CHECK(conn.checks[6] == check("その他", true, "番号連携サーバを利用する全てのシステム"));

  // an unclosed `その他（` takes no detail
  const auto open = hyoka::read_checks(region({"[ ] 紙 [○] その他（"}), opts("ACQ_METHODS"));
  CHECK(open.checks[7] == check("その他", true));
}

TEST_CASE("read_checks: OCR variant 片内連携システム", "[readers]") {
  // 003:146 ⑥移転方法⇥[] 片内連携システム [] 専用線 [] 電子メール [] 電子記録媒体(…) []
  // フラッシュメモリ [] 紙 [] その他 ()
  const auto res = hyoka::read_checks(
      region(
          {"[] 片内連携システム [] 専用線 [] 電子メール [] 電子記録媒体(フラッシュメモリを除く。) "
           "[] フラッシュメモリ [] 紙 [] その他 ()"}),
      opts("TRANSFER_METHODS"));
  const json expected = json::array({
      check("庁内連携システム", false),
      check("専用線", false),
      check("電子メール", false),
      check("電子記録媒体（フラッシュメモリを除く。）", false),
      check("フラッシュメモリ", false),
      check("紙", false),
      check("その他", false),
  });
  CHECK(res.checks == expected);
  CHECK(res.unknown == 0);
  const auto checked = hyoka::read_checks(region({"[○] 片内連携システム"}), opts("ACQ_METHODS"));
  CHECK(checked.checks[5] == check("庁内連携システム", true));
}

TEST_CASE("read_checks: 4情報 / 5情報 emitted as printed", "[readers]") {
  // 000:89 主な記録項目 ※⇥・識別情報 <div> <input type="checkbox"/> 個人番号 … ・連絡先等情報 <div>
  // <input type="checkbox"/> 5情報(氏名、氏名の振り仮名、性別、生年月日、住所) <input
  // type="checkbox"/> 連絡先(電話番号等) </div> … その他
  // (滞納者に関する記事、口座登録・連携ファイル関係情報)
  const auto five = hyoka::read_checks(
      region({"・識別情報 <div> <input type=\"checkbox\"/> 個人番号           <input "
              "type=\"checkbox\"/> 個人番号対応符号           <input type=\"checkbox\"/> "
              "その他識別情報(内部番号)         </div> ・連絡先等情報 <div> <input "
              "type=\"checkbox\"/> 5情報(氏名、氏名の振り仮名、性別、生年月日、住所)           "
              "<input type=\"checkbox\"/> 連絡先(電話番号等)         </div> <div> <input "
              "type=\"checkbox\"/> その他住民票関係情報         </div> ・業務関係情報 <div> "
              "<input checked=\"\" type=\"checkbox\"/> 地方税関係情報 </div> <div> <input "
              "type=\"checkbox\"/> その他 (滞納者に関する記事、口座登録・連携ファイル関係情報) "
              "</div>"}),
      opts("MAIN_ITEMS"));
  REQUIRE(five.checks.size() == 19);
  CHECK(five.checks[0] == check("個人番号", nullptr));
  CHECK(five.checks[2] == check("その他識別情報（内部番号）", nullptr));
  CHECK(five.checks[3] == check("5情報（氏名、氏名の振り仮名、性別、生年月日、住所）", nullptr));
  CHECK(five.checks[4] == check("連絡先（電話番号等）", nullptr));
  CHECK(five.checks[5] == check("その他住民票関係情報", nullptr));
  CHECK(five.checks[7] == check("地方税関係情報", true));
  CHECK(five.checks[18] ==
        check("その他", nullptr, "滞納者に関する記事、口座登録・連携ファイル関係情報"));
  CHECK(five.unknown == 18);

  // 001:81 … [ <input type="checkbox"/> ] 4情報(氏名、性別、生年月日、住所) …
  const auto four = hyoka::read_checks(
      region({"[ ] 個人番号 [○] 4情報(氏名、性別、生年月日、住所)"}), opts("MAIN_ITEMS"));
  CHECK(four.checks[3] == check("4情報（氏名、性別、生年月日、住所）", true));
  // an option absent from the text keeps the canonical label
  const auto absent = hyoka::read_checks(region({"[ ] 個人番号"}), opts("MAIN_ITEMS"));
  CHECK(absent.checks[3] == check("4情報（氏名、性別、生年月日、住所）", nullptr));
}

TEST_CASE("read_checks: behind rows are considered after the field's own rows", "[readers]") {
  // own rows win for an option printed twice; options only behind are read from there
  const Region r{row({"[○] 紙"}), {row({"[ ] 専用線"})}, {row({"[ ] 紙 [○] 電子メール"})}, {}, {}};
  const auto res = hyoka::read_checks(r, opts("ACQ_METHODS"));
  CHECK(res.checks[0] == check("紙", true));
  CHECK(res.checks[3] == check("電子メール", true));
  CHECK(res.checks[4] == check("専用線", false));
  CHECK(res.unknown == 5);
}

TEST_CASE("read_checks: default_checks", "[readers]") {
  const json d = hyoka::default_checks(opts("AUDIT"));
  CHECK(d == json::array({check("自己点検", nullptr), check("内部監査", nullptr),
                          check("外部監査", nullptr)}));
  const auto empty = hyoka::read_checks(Region{}, opts("AUDIT"));
  CHECK(empty.checks == d);
  CHECK(empty.unknown == 3);
}

// ---- read_count -----------------------------------------------------------------------------

TEST_CASE("read_count: ( N ) 件", "[readers]") {
  // 000:108 委託の有無 ※⇥⇥[ 委託する ]⇥<選択肢> 1) 委託する      2) 委託しない ( 1 ) 件⇥
  CHECK(hyoka::read_count(region(
            {"[ 委託する ]", "<選択肢> 1) 委託する      2) 委託しない ( 1 ) 件"})) == json(1));
  // 003:105 … <input type="checkbox"/> (1) 件
  CHECK(hyoka::read_count(region({"<input type=\"checkbox\"/> (1) 件"})) == json(1));
  // 002:806 （ 75,424 ）　件 (pdftotext, full-width)
  CHECK(hyoka::read_count(region({"（ 75,424 ）\u3000件"})) == json(75424));
  CHECK(hyoka::read_count(region({"( 24 ) 件"})) == json(24));
}

TEST_CASE("read_count: blank count is null", "[readers]") {
  // 000:122 / 003:127
  CHECK(hyoka::read_count(region({"( ) 件"})) == kNull);
  CHECK(hyoka::read_count(region({"() 件"})) == kNull);
  CHECK(hyoka::read_count(region({"[ 委託しない ]"})) == kNull);
  CHECK(hyoka::read_count(Region{}) == kNull);
}

TEST_CASE("read_count: after_key selects the count of one option", "[readers]") {
  // 001:123 提供・移転の有無⇥[ <input type="radio"/> ] 提供を行っている ( ) 件 [ <input
  // type="radio"/> ] 移転を行っている ( 24 ) 件 [ ] 行っていない
  const Region r =
      region({"[ <input type=\"radio\"/> ] 提供を行っている ( ) 件 [ <input "
              "type=\"radio\"/> ] 移転を行っている ( 24 ) 件 [ ] 行っていない"});
  const std::string provided = hyoka::text::key("提供を行っている");
  const std::string transferred = hyoka::text::key("移転を行っている");
  CHECK(hyoka::read_count(r, transferred) == json(24));
  CHECK(hyoka::read_count(r, provided) == kNull);  // its own count is blank
  const Region both =
      region({"[○] 提供を行っている ( 3 ) 件 [ ] 移転を行っている ( ) 件 [ ] 行っていない"});
  CHECK(hyoka::read_count(both, provided) == json(3));
  CHECK(hyoka::read_count(both, transferred) == kNull);
  // the option is not printed at all
  CHECK(hyoka::read_count(region({"( 5 ) 件"}), transferred) == kNull);
}

// ---- read_text ------------------------------------------------------------------------------

TEST_CASE("read_text: placeholders and empty values are null", "[readers]") {
  // FORMS §4.15: — (003:73), ―― (004:284), － (002:143), - (003:202), ー
  for (const char* p : {"—", "――", "－", "-", "ー", "", "   ", "\u3000"}) {
    INFO("placeholder " << p);
    CHECK(hyoka::read_text(region({p})) == kNull);
  }
  CHECK(hyoka::read_text(Region{}) == kNull);
  CHECK(hyoka::read_text(region({"なし"})) == json("なし"));  // 002:26: text, not a placeholder
}

TEST_CASE("read_text: whitespace rules", "[readers]") {
  // runs of ASCII space, TAB and U+3000 collapse to one space; lines are trimmed, empty lines
  // dropped, lines joined with '\n'
  CHECK(hyoka::read_text(Region{"  株式会社 \u3000 SBS情報システム  ", {}, {}, {}, {}}) ==
        json("株式会社 SBS情報システム"));
  CHECK(hyoka::read_text(Region{"一行目\n\n   \n  二行目 ", {"", "三行目"}, {}, {}, {}}) ==
        json("一行目\n二行目\n三行目"));
  // HTML blocks become lines; full-width letters and digits are folded; （）stay
  CHECK(hyoka::read_text(region({"<p>ＩＳＯ／ＩＥＣ２７００１（認証）</p> <p>第２条</p>"})) ==
        json("ISO／IEC27001（認証）\n第2条"));
  // markdown list bullets and bold are removed
  CHECK(
      hyoka::read_text(Region{row({"- ・ISO/IEC27017の認証"}), {row({"**注意**"})}, {}, {}, {}}) ==
      json("・ISO/IEC27017の認証\n注意"));
  // pseudo-tags that are text are kept (000:388)
  CHECK(hyoka::read_text(region({"&lt;焼津市における措置&gt; 保管"})) ==
        json("<焼津市における措置> 保管"));
}

TEST_CASE("read_text: check boxes inside free text", "[readers]") {
  // 000:369 ⇥[○]地方税関係情報 [○]その他(滞納者に関する記事)⇥; 001:568 [O]; a lost box is [?]
  CHECK(hyoka::read_text(region({"[○]地方税関係情報 [ ]紙"})) == json("[○]地方税関係情報 [ ]紙"));
  CHECK(hyoka::read_text(region({"[O]情報提供ネットワークシステム []紙"})) ==
        json("[○]情報提供ネットワークシステム [ ]紙"));
  CHECK(hyoka::read_text(region({"〔○〕提供・移転しない"})) == json("[○]提供・移転しない"));
  CHECK(hyoka::read_text(region({"<input type=\"checkbox\"/> 紙"})) == json("[?] 紙"));
}

// ---- split_names / split_numbered_name ------------------------------------------------------

TEST_CASE("split_names: file-name lists", "[readers]") {
  using V = std::vector<std::string>;
  // 001:60 1. 既存住民基本台帳ファイル 2. 本人確認情報ファイル 3. 送付先情報ファイル⇥
  CHECK(hyoka::split_names(
            "1. 既存住民基本台帳ファイル 2. 本人確認情報ファイル 3. 送付先情報ファイル") ==
        V{"既存住民基本台帳ファイル", "本人確認情報ファイル", "送付先情報ファイル"});
  // 002:82-83 （１）軽自動車税賦課情報ファイル / （２）収納管理ファイル
  CHECK(hyoka::split_names("（１）軽自動車税賦課情報ファイル") == V{"軽自動車税賦課情報ファイル"});
  CHECK(hyoka::split_names("（１）軽自動車税賦課情報ファイル\n（２）収納管理ファイル") ==
        V{"軽自動車税賦課情報ファイル", "収納管理ファイル"});
  // 002:981 ⑴軽自動車税賦課情報ファイル
  CHECK(hyoka::split_names("⑴軽自動車税賦課情報ファイル ⑵収納管理ファイル") ==
        V{"軽自動車税賦課情報ファイル", "収納管理ファイル"});
  // 000:60 徴収・滞納整理関係情報ファイル (no numbering)
  CHECK(hyoka::split_names("徴収・滞納整理関係情報ファイル") ==
        V{"徴収・滞納整理関係情報ファイル"});
  CHECK(hyoka::split_names("").empty());
  CHECK(hyoka::split_names("—").empty());
}

TEST_CASE("split_numbered_name: the prefix number of a file name", "[readers]") {
  // 001:74 1. 住民基本台帳ファイル⇥
  auto nn = hyoka::split_numbered_name("1. 住民基本台帳ファイル");
  CHECK(nn.number == 1);
  CHECK(nn.name == "住民基本台帳ファイル");
  // 001:239 3. 送付先情報ファイル (no space variant as well)
  nn = hyoka::split_numbered_name("3.送付先情報ファイル");
  CHECK(nn.number == 3);
  CHECK(nn.name == "送付先情報ファイル");
  // 002:82 （１）軽自動車税賦課情報ファイル (as printed, full-width digit)
  nn = hyoka::split_numbered_name("（１）軽自動車税賦課情報ファイル");
  CHECK(nn.number == 1);
  CHECK(nn.name == "軽自動車税賦課情報ファイル");
  // the same after the normalizer folded the digit
  nn = hyoka::split_numbered_name(hyoka::normalize_cell("（２）収納管理ファイル"));
  CHECK(nn.number == 2);
  CHECK(nn.name == "収納管理ファイル");
  // 002:981 ⑴軽自動車税賦課情報ファイル
  nn = hyoka::split_numbered_name("⑴軽自動車税賦課情報ファイル");
  CHECK(nn.number == 1);
  CHECK(nn.name == "軽自動車税賦課情報ファイル");
  nn = hyoka::split_numbered_name("⑿収納管理ファイル");
  CHECK(nn.number == 12);
  CHECK(nn.name == "収納管理ファイル");
  // 000:82 徴収・滞納整理関係情報ファイル⇥ (no number)
  nn = hyoka::split_numbered_name("徴収・滞納整理関係情報ファイル");
  CHECK_FALSE(nn.number.has_value());
  CHECK(nn.name == "徴収・滞納整理関係情報ファイル");
}

TEST_CASE("read_checks: a bare circle directly before an option is a mark", "[readers]") {
  // 002:420 `○ 住民基本台帳ネットワークシステム ）` (the box lost, the printed ○ kept)
  const auto r = hyoka::read_checks(
      region({"○ 住民基本台帳ネットワークシステム 〇 税務システム ◯ 宛名システム等"}),
      opts("CONNECTIONS"));
  CHECK(r.checks[2] == check("住民基本台帳ネットワークシステム", true));
  CHECK(r.checks[4] == check("宛名システム等", true));
  CHECK(r.checks[5] == check("税務システム", true));
  CHECK(r.checks[0] == check("情報提供ネットワークシステム", kNull));
}

TEST_CASE("read_checks: a circle that is not before an option stays text", "[readers]") {
  // ○○市 in a detail must neither become a mark nor cut the detail short
  const auto r = hyoka::read_checks(region({"[○] その他 (○○市システム)"}), opts("CONNECTIONS"));
  CHECK(r.checks[6] == check("その他", true, "○○市システム"));
}

TEST_CASE("read_choice: one boxed option and no other option is the value", "[readers]") {
  // 004:197 ②取扱いを委託する特定個人情報ファイルの範囲⇥<input type="checkbox"/>
  // 特定個人情報ファイルの全体
  const hyoka::OptionList scope = {{"特定個人情報ファイルの全体",
                                    {"特定個人情報ファイルの全体"},
                                    {hyoka::text::key("特定個人情報ファイルの全体")},
                                    false,
                                    false},
                                   {"特定個人情報ファイルの一部",
                                    {"特定個人情報ファイルの一部"},
                                    {hyoka::text::key("特定個人情報ファイルの一部")},
                                    false,
                                    false}};
  CHECK(hyoka::read_choice(region({"<input type=\"checkbox\"/> 特定個人情報ファイルの全体"}), scope)
            .value == json("特定個人情報ファイルの全体"));
  // 004:216 the single boxed value before the option list
  CHECK(hyoka::read_choice(region({"<input type=\"checkbox\"/> 10万人以上100万人未満 <選択肢> 1) "
                                   "1万人未満 2) 1万人以上10万人未満"}),
                           opts("PERSONS5"))
            .value == json("10万人以上100万人未満"));
  // 000:310 three boxes, texts mangled: the mark was lost
  CHECK(hyoka::read_choice(region({"<div> <input type=\"checkbox\"/> 十分に行っている </div> <div> "
                                   "<input type=\"checkbox\"/> 十分に力を入れて行っている </div>"}),
                           opts("DO3"))
            .value == kNull);
}

TEST_CASE("choice_spill and paren_after", "[readers]") {
  // 004:414 text of the next row fused after the option list
  const Region fused = region({"[ 十分に行っている ]",
                               "<選択肢> 1) 特に力を入れて行っている 2) 十分に行っている "
                               "3) 十分に行っていない ■新潟市における措置 施錠管理"});
  CHECK(hyoka::choice_spill(fused, opts("DO3")) == "■新潟市における措置 施錠管理");
  CHECK(hyoka::choice_spill(region({"[ 十分である ] <選択肢> 1) 特に力を入れている 2) 十分である "
                                    "3) 課題が残されている"}),
                            opts("ADEQ"))
            .empty());
  // 004:460 the fee detail in parentheses after its caption
  CHECK(hyoka::paren_after(
            "[ 無料 ] <選択肢> 1) 有料 2) 無料 (手数料額、納付方法: 写しは1枚10円(白黒))",
            "手数料額、納付方法") == "写しは1枚10円(白黒)");
  CHECK(hyoka::paren_after("(手数料額、納付方法: )", "手数料額、納付方法").empty());
}

TEST_CASE(
    "read_checks and read_choice: OCR-confused characters in options are repaired and counted",
    "[readers]") {
  // 003:146 `[] 片内連携システム` for 庁内連携システム
  const auto r =
      hyoka::read_checks(region({"[] 片内連携システム [○] 専用線"}), opts("TRANSFER_METHODS"));
  CHECK(r.checks[0] == check("庁内連携システム", false));
  CHECK(r.checks[1] == check("専用線", true));
  CHECK(r.repaired == 1);
  // ロ for 口 is no repair when no option has it: the text stays unmatched
  const auto c = hyoka::read_choice(region({"[ 十分に行つている ]"}), opts("DO3"));
  CHECK(c.value == kNull);
  const auto t = hyoka::read_choice(region({"[ 定めてい一 ]"}), opts("DEFINED"));
  CHECK(t.value == kNull);  // a dropped character is not a confusion
}

TEST_CASE("read_text: pieces of the page layout are not text", "[readers]") {
  // 002:322-324 the vertical caption 再 / 委 / 託; 002:85 a detached `[ ○`
  CHECK(hyoka::read_text(region({"再"}, {"委", "託"})) == kNull);
  CHECK(hyoka::read_text(region({"[ ○"})) == kNull);
  CHECK(hyoka::read_text(region({"定めている["}, {"十分である"})) == json("十分である"));
  // one character on one line is text (a single-kanji value)
  CHECK(hyoka::read_text(region({"有"})) == json("有"));
}
