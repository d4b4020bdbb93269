// Unit tests for the normalizer (include/hyoka/normalize.h) and the decoder
// (include/hyoka/decode.h). Expected behaviour: FORMS.md §4.1, §4.11, §4.12, §4.16 and
// docs/output-conventions.md §2. Inputs are small hand-made strings modelled on fixtures/seeds
// (the seed line is quoted where a case comes from one; ⇥ = TAB).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "hyoka/decode.h"
#include "hyoka/normalize.h"
#include "hyoka/text.h"

using hyoka::decode;
using hyoka::detect_layout;
using hyoka::normalize;
using hyoka::normalize_cell;
using Cells = std::vector<std::string>;

#include "token_support.h"

using namespace token_support;

namespace {

// `body` followed by a pdftotext page break (exactly three empty lines).
std::string page(const std::string& body) { return body + "\n\n\n\n"; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// normalize_cell

TEST_CASE("normalize_cell strips markdown headings and reports the level", "[normalize]") {
  int level = 0;
  // seed 000:44 `## システム1`
  CHECK(normalize_cell("## システム1", &level) == "システム1");
  CHECK(level == 2);
  // seed 000:62 `#### 4. 個人番号の利用 ※`
  level = 0;
  CHECK(normalize_cell("#### 4. 個人番号の利用 ※", &level) == "4. 個人番号の利用 ※");
  CHECK(level == 4);
  // seed 000:3 `# 特定個人情報保護評価書(重点項目評価書)`
  level = 0;
  CHECK(normalize_cell("# 特定個人情報保護評価書(重点項目評価書)", &level) ==
        "特定個人情報保護評価書(重点項目評価書)");
  CHECK(level == 1);
  // seed 001:153 `### <栃木市における措置>`: the pseudo-tag survives
  level = 0;
  CHECK(normalize_cell("### <栃木市における措置>", &level) == "<栃木市における措置>");
  CHECK(level == 3);
  // no heading: the level stays 0; a `#` without a following space is text
  level = 0;
  CHECK(normalize_cell("税の徴収に関する事務", &level) == "税の徴収に関する事務");
  CHECK(level == 0);
  CHECK(normalize_cell("#1の項", &level) == "#1の項");
  CHECK(level == 0);
  // the pointer is optional
  CHECK(normalize_cell("## システム2") == "システム2");
}

TEST_CASE("normalize_cell removes bold and backslash escapes", "[normalize]") {
  // seed 004:406 `**7. …**`
  CHECK(normalize_cell("**7. 特定個人情報の保管・消去**") == "7. 特定個人情報の保管・消去");
  // seed 004:256 `調査結果回答\_temp`
  CHECK(normalize_cell("調査結果回答\\_temp") == "調査結果回答_temp");
  // seed 000:107 `<b>…</b>`
  CHECK(normalize_cell("<b>1. 特定個人情報ファイル名</b>") == "1. 特定個人情報ファイル名");
}

TEST_CASE("normalize_cell turns markdown table rules into empty cells", "[normalize]") {
  // seed 000:65 `--------⇥----------------------`
  CHECK(normalize_cell("--------") == "");
  CHECK(normalize_cell("----------------------") == "");
  CHECK(normalize_cell("|:---|---:|") == "");
  CHECK(normalize_cell("---") == "");
  // a placeholder dash is content, not a rule (FORMS §4.15, seed 003:202 `-`, 003:73 `—`)
  CHECK(normalize_cell("-") == "-");
  CHECK(normalize_cell("\u2014") == "\u2014");
  CHECK(normalize_cell("第6-7") == "第6-7");
}

TEST_CASE("normalize_cell folds full-width ASCII and collapses whitespace", "[normalize]") {
  // seed 002:2 `[令和６年10月　様式３]` (without its brackets)
  CHECK(normalize_cell("令和６年10月\u3000様式３") == "令和6年10月 様式3");
  CHECK(normalize_cell("ＤＶストーカー\u3000\u3000支援") == "DVストーカー 支援");
  CHECK(normalize_cell("  委託先を選定する際、   委託先の \t 情報保護  ") ==
        "委託先を選定する際、 委託先の 情報保護");
  // other full-width punctuation stays (output-conventions §2.4)
  CHECK(normalize_cell("（１）軽自動車税賦課情報ファイル") == "（1）軽自動車税賦課情報ファイル");
  CHECK(normalize_cell("") == "");
  CHECK(normalize_cell("   ") == "");
}

TEST_CASE("normalize_cell renders HTML and canonicalizes marks", "[normalize]") {
  // seed 000:40 `<span>[      10万人以上30万人未満      ]</span>`
  CHECK(normalize_cell("<span>[      10万人以上30万人未満      ]</span>") ==
        choice("10万人以上30万人未満"));
  // seed 004:39 `<p style="text-align: center;">[ 30万人以上 ]</p>`
  CHECK(normalize_cell("<p style=\"text-align: center;\">[ 30万人以上 ]</p>") ==
        choice("30万人以上"));
  // seed 000:97 `[ <input type="checkbox"/> ] 紙`
  CHECK(normalize_cell("[ <input type=\"checkbox\"/> ] 紙") == kBoxed + " 紙");
  // seed 000:129 `[ <input checked="" type="radio"/> ] 紙 [ ] その他 ( )`
  CHECK(normalize_cell("[ <input checked=\"\" type=\"radio\"/> ] 紙 [ ] その他 ( )") ==
        kOn + " 紙 " + kOff + " その他 ( )");
  // seed 001:218 `<input type="checkbox"/> 10人以上50人未満 ]`
  CHECK(normalize_cell("<input type=\"checkbox\"/> 10人以上50人未満 ]") ==
        choice("10人以上50人未満"));
  // seed 003:105 `<input type="checkbox"/> 委託する]`
  CHECK(normalize_cell("<input type=\"checkbox\"/> 委託する]") == choice("委託する"));
  // seed 001:64 bare unchecked inputs stay ⬚
  CHECK(
      normalize_cell("<input type=\"checkbox\"/> 実施する <input type=\"checkbox\"/> 実施しない") ==
      kLost + " 実施する " + kLost + " 実施しない");
  // seed 000:213 a bracketed value, then the option list in <div>s, one per line
  CHECK(normalize_cell("<div> <div>[          十分である          ]</div> <div> "
                       "<div>&lt;選択肢&gt;</div> <div> <div>1) 特に力を入れている</div> "
                       "<div>2) 十分である</div> </div> </div> </div>") ==
        choice("十分である") + "\n<選択肢>\n1) 特に力を入れている\n2) 十分である");
  // seed 001:435 `<span style="float: right;">[    ] 委託しない</span>`
  CHECK(normalize_cell("<span style=\"float: right;\">[    ] 委託しない</span>") ==
        kOff + " 委託しない");
  // seed 003:237 `[<input checked="" type="checkbox"/>] 自己点検 [] 内部監査 [] 外部監査`
  CHECK(normalize_cell(
            "[<input checked=\"\" type=\"checkbox\"/>] 自己点検 [] 内部監査 [] 外部監査") ==
        kOn + " 自己点検 " + kOff + " 内部監査 " + kOff + " 外部監査");
  // seed 001:123 `[ <input type="radio"/> ] 移転を行っている ( 24 ) 件 [ ] 行っていない`
  CHECK(normalize_cell("[ <input type=\"radio\"/> ] 移転を行っている ( 24 ) 件 [ ] 行っていない") ==
        kOn + " 移転を行っている ( 24 ) 件 " + kOff + " 行っていない");
  // seed 000:388 `&lt;焼津市における措置&gt;`; output-conventions §2.5 `＜焼津市における措置＞`
  // kept
  CHECK(normalize_cell("<p>&lt;焼津市における措置&gt;</p>") == "<焼津市における措置>");
  CHECK(normalize_cell("＜焼津市における措置＞") == "＜焼津市における措置＞");
  // full-width brackets and digits together: ［ ３年 ］
  CHECK(normalize_cell("［ ３年 ］") == choice("3年"));
}

// ---------------------------------------------------------------------------------------------
// normalize

TEST_CASE("normalize splits TAB cells in the ocr-html layout", "[normalize]") {
  // seed 000:38 `①事務の名称⇥税の徴収に関する事務`; seed 001:92 `⇥使用者数⇥[ 50人以上100人未満 ] …`
  const std::string text =
      "①事務の名称\t税の徴収に関する事務\n"
      "\t使用者数\t[ 50人以上100人未満 ]\n";
  const hyoka::Normalized n = normalize(text);
  CHECK(n.layout == "ocr-html");
  REQUIRE(n.rows.size() == 2);
  CHECK(n.rows[0].line == 1);
  CHECK(n.rows[0].cells == Cells{"①事務の名称", "税の徴収に関する事務"});
  CHECK(n.rows[1].line == 2);
  CHECK(n.rows[1].cells == Cells{"", "使用者数", choice("50人以上100人未満")});
  CHECK(n.rows[1].joined(" | ") == "使用者数 | " + choice("50人以上100人未満"));
  CHECK(n.lines_total == 2);
}

TEST_CASE("normalize drops trailing empty cells", "[normalize]") {
  // seed 001:87 `3. 特定個人情報の入手・使用⇥⇥⇥⇥⇥⇥⇥⇥⇥`
  const hyoka::Normalized n =
      normalize("3. 特定個人情報の入手・使用\t\t\t\t\t\t\t\t\t\n① 入手元\t[ ] 本人\t  \t\n");
  REQUIRE(n.rows.size() == 2);
  CHECK(n.rows[0].cells == Cells{"3. 特定個人情報の入手・使用"});
  CHECK(n.rows[1].cells == Cells{"① 入手元", kOff + " 本人"});
  // seed 000:65 a table rule row becomes a blank row
  const hyoka::Normalized rule = normalize("a\tb\n--------\t----------------------\nc\td\n");
  REQUIRE(rule.rows.size() == 3);
  CHECK(rule.rows[1].blank());
  CHECK(rule.rows[1].line == 2);
  CHECK(rule.lines_total == 2);
}

TEST_CASE("normalize keeps 1-based line numbers including blank lines", "[normalize]") {
  // seed 001:151-153 `保管場所 ※` + blank + `### <栃木市における措置>`
  const std::string text =
      "①保管場所 ※\tx\n"
      "\n"
      "### <栃木市における措置>\n"
      "   \n"
      "本文\t\n";
  const hyoka::Normalized n = normalize(text);
  REQUIRE(n.rows.size() == 5);
  for (std::size_t i = 0; i < n.rows.size(); ++i) CHECK(n.rows[i].line == static_cast<int>(i + 1));
  CHECK(n.rows[1].blank());
  CHECK(n.rows[3].blank());
  CHECK(n.rows[2].cells == Cells{"<栃木市における措置>"});
  CHECK(n.rows[2].heading_level == 3);
  CHECK(n.rows[0].heading_level == 0);
  CHECK(n.rows[4].cells == Cells{"本文"});
  CHECK(n.lines_total == 3);
}

TEST_CASE("normalize without a final newline keeps the last line", "[normalize]") {
  const hyoka::Normalized n = normalize("a\tb\n\nc\td");
  REQUIRE(n.rows.size() == 3);
  CHECK(n.rows[2].line == 3);
  CHECK(n.rows[2].cells == Cells{"c", "d"});
  CHECK(n.lines_total == 2);
}

TEST_CASE("normalize handles CRLF line ends", "[normalize]") {
  const hyoka::Normalized lf =
      normalize("①事務の名称\t税の徴収\n\n② 事務の内容\t<p>A</p><p>B</p>\n");
  const hyoka::Normalized crlf =
      normalize("①事務の名称\t税の徴収\r\n\r\n② 事務の内容\t<p>A</p><p>B</p>\r\n");
  CHECK(crlf.layout == "ocr-html");
  REQUIRE(crlf.rows.size() == 3);
  REQUIRE(lf.rows.size() == 3);
  for (std::size_t i = 0; i < crlf.rows.size(); ++i) {
    CHECK(crlf.rows[i].line == lf.rows[i].line);
    CHECK(crlf.rows[i].cells == lf.rows[i].cells);
  }
  CHECK(crlf.rows[0].cells == Cells{"①事務の名称", "税の徴収"});
  CHECK(crlf.rows[1].blank());
  CHECK(crlf.rows[2].cells == Cells{"② 事務の内容", "A\nB"});
  CHECK(crlf.lines_total == 2);
  // CR does not leak into the last cell of a plain-layout line either
  const hyoka::Normalized plain = normalize("特記事項 なし\r\n");
  REQUIRE(plain.rows.size() == 1);
  CHECK(plain.rows[0].cells == Cells{"特記事項 なし"});
}

TEST_CASE("normalize keeps a plain line as one cell", "[normalize]") {
  // seed 002:61 ` ①システムの名称 軽自動車税システム` (pdftotext: no tabs, leading space)
  const hyoka::Normalized n = normalize(" ①システムの名称 軽自動車税システム\n特記事項 なし\n");
  CHECK(n.layout == "plain");
  REQUIRE(n.rows.size() == 2);
  CHECK(n.rows[0].cells == Cells{"①システムの名称 軽自動車税システム"});
  CHECK(n.rows[1].cells == Cells{"特記事項 なし"});
  CHECK(n.lines_total == 2);
}

TEST_CASE("normalize of empty input", "[normalize]") {
  const hyoka::Normalized n = normalize("");
  CHECK(n.lines_total == 0);
  CHECK(n.layout == "plain");
  for (const auto& r : n.rows) CHECK(r.blank());
}

// ---------------------------------------------------------------------------------------------
// detect_layout

TEST_CASE("detect_layout recognizes ocr-html by tabs or HTML", "[normalize]") {
  CHECK(detect_layout("①事務の名称\t税の徴収に関する事務\n②事務の内容\t賦課\n") == "ocr-html");
  CHECK(detect_layout("# 特定個人情報保護評価書\n<p>令和4年4月1日</p>\n本文\n") == "ocr-html");
}

TEST_CASE("detect_layout recognizes pdftotext by runs of three blank lines", "[normalize]") {
  // FORMS §4.16: page break = exactly three empty lines (seed 002:27-29), no tabs
  const std::string text = page("[令和６年10月\u3000様式３]\n評価書番号") +
                           page(" ①事務の名称 税") + page(" ②事務の内容 賦課") + "特記事項 なし\n";
  CHECK(detect_layout(text) == "pdftotext");
  CHECK(normalize(text).layout == "pdftotext");
}

TEST_CASE("detect_layout falls back to plain", "[normalize]") {
  CHECK(detect_layout("") == "plain");
  CHECK(detect_layout("特記事項 なし\n評価書番号 1\n") == "plain");
  // single blank lines are block separators, not page breaks
  CHECK(detect_layout("a\n\nb\n\nc\n\nd\n\ne\n") == "plain");
  // pseudo-tags are not HTML
  CHECK(detect_layout("<選択肢>\n1) 実施する\n") == "plain");
}

// ---------------------------------------------------------------------------------------------
// dump

TEST_CASE("dump shows line numbers, headings and cells", "[normalize]") {
  const hyoka::Normalized n =
      normalize("## システム1\n\n①事務の名称\t税の徴収\n② 事務の内容\t<p>A</p><p>B</p>\n");
  const std::string d = hyoka::dump(n);
  CHECK(d.find("     1: ## システム1\n") != std::string::npos);
  CHECK(d.find("     2: \n") != std::string::npos);
  CHECK(d.find("     3: ①事務の名称 \u2502 税の徴収\n") != std::string::npos);
  CHECK(d.find("     4: ") != std::string::npos);
  CHECK(d.find("A \u23CE B") != std::string::npos);
  CHECK(d.find("     5: ") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// decode

TEST_CASE("decode removes and reports a UTF-8 BOM", "[normalize]") {
  const hyoka::Decoded d = decode("\xEF\xBB\xBF# 特定個人情報保護評価書\n");
  CHECK(d.had_bom);
  CHECK(d.encoding.rfind("UTF-8", 0) == 0);
  CHECK(d.text == "# 特定個人情報保護評価書\n");
  CHECK(d.invalid_sequences == 0);
  CHECK(d.first_invalid_line == 0);

  const hyoka::Decoded plain = decode("# 特定個人情報保護評価書\n");
  CHECK_FALSE(plain.had_bom);
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.text == "# 特定個人情報保護評価書\n");
}

TEST_CASE("decode replaces invalid bytes by U+FFFD and counts them", "[normalize]") {
  // line 3 holds a stray 0xFF and a stray 0xFE
  const std::string bytes =
      "①事務の名称\t税\n"
      "②事務の内容\t賦課\n"
      "③対象\xFF人数\xFE\n"
      "\x80\n";
  const hyoka::Decoded d = decode(bytes);
  CHECK(d.text == "①事務の名称\t税\n②事務の内容\t賦課\n③対象\uFFFD人数\uFFFD\n\uFFFD\n");
  CHECK(d.invalid_sequences == 3);
  CHECK(d.first_invalid_line == 3);
  CHECK_FALSE(d.had_bom);
}

TEST_CASE("decode does not count a literal U+FFFD as invalid", "[normalize]") {
  // seed 003:45 ends in `（番号�` (the extraction already holds U+FFFD)
  const hyoka::Decoded d = decode("その他 （番号\xEF\xBF\xBD\n");
  CHECK(d.text == "その他 （番号\uFFFD\n");
  CHECK(d.invalid_sequences == 0);
  CHECK(d.first_invalid_line == 0);
}

TEST_CASE("decode with a BOM and invalid bytes counts lines after the BOM", "[normalize]") {
  const hyoka::Decoded d = decode(
      "\xEF\xBB\xBF"
      "a\n\xC0\xAF\n");
  CHECK(d.had_bom);
  // an overlong `C0 AF` is two invalid bytes (neither starts a valid sequence)
  CHECK(d.text == "a\n\uFFFD\uFFFD\n");
  CHECK(d.invalid_sequences == 2);
  CHECK(d.first_invalid_line == 2);
}

TEST_CASE("decode output feeds normalize", "[normalize]") {
  const hyoka::Decoded d = decode("\xEF\xBB\xBF①事務の名称\t税\r\n");
  const hyoka::Normalized n = normalize(d.text);
  REQUIRE(n.rows.size() == 1);
  CHECK(n.rows[0].cells == Cells{"①事務の名称", "税"});
}

TEST_CASE("normalize_cell resets the heading level and accepts U+3000 after #", "[normalize]") {
  int level = 7;
  hyoka::normalize_cell("本文", &level);
  CHECK(level == 0);
  CHECK(hyoka::normalize_cell("###\u3000特記事項", &level) == "特記事項");
  CHECK(level == 3);
}

TEST_CASE("page furniture: footers, page-of-pages lines and running headers", "[normalize]") {
  const std::vector<std::string> lines = {
      "宮崎市税務部市民税課",  // running header of page 1
      "①事務の名称",
      "個人住民税に関する事務",
      "- 1 -",
      "\f宮崎市税務部市民税課",  // page 2 starts after a form feed
      "②事務の内容",
      "1 / 38 宮崎市税務部市民税課",
      "本文",
  };
  const auto drop = hyoka::page_furniture(lines);
  CHECK(drop == std::vector<std::size_t>{0, 3, 4, 6});
  // a label that recurs inside pages is not a running header
  CHECK(
      hyoka::page_furniture({"リスクへの対策は十分か", "本文", "リスクへの対策は十分か"}).empty());
  // numbers in prose are not footers
  CHECK(hyoka::page_furniture({"令和6年 - 12 - 時点", "12 / 38 件のうち"}).size() == 1);
}

TEST_CASE("doubled overlay text collapses to one copy", "[normalize]") {
  CHECK(hyoka::collapse_doubled(
            "特定個人情報保護評価書( 特定個人情報保護評価書(全項目評価書) 全項目評価書)") ==
        "特定個人情報保護評価書(全項目評価書)");
  // a doubled heading whose first half contains a blank
  CHECK(hyoka::collapse_doubled("Ⅰ 基本 Ⅰ 基本情報 情報") == "Ⅰ 基本情報");
  CHECK(hyoka::collapse_doubled("7. 他の 7. 他の評価実施機関 評価実施機関") ==
        "7. 他の評価実施機関");
  // the doubled part followed by more text
  CHECK(hyoka::collapse_doubled(
            "4. 特定個人情報フ 4. 特定個人情報ファイルの取扱いの委託 ァイルの取扱いの委託 □ "
            "委託しない") == "4. 特定個人情報ファイルの取扱いの委託 □ 委託しない");
  CHECK(hyoka::collapse_doubled("本文 は そのまま") == "本文 は そのまま");
  const auto n = hyoka::normalize(
      "- 1 -\n特定個人情報保護評価書( 特定個人情報保護評価書(重点項目評価書) "
      "重点項目評価書)\n\n\n\n本文\n");
  CHECK(n.furniture_lines == 1);
  CHECK(n.doubled_collapsed == 1);
  CHECK(n.rows[1].cells[0] == "特定個人情報保護評価書(重点項目評価書)");
}
