// Unit tests for hyoka::looks_like_html / hyoka::render_html_cell (include/hyoka/html_cell.h).
// Expected behaviour: docs/output-conventions.md §2 and FORMS.md §4.12. Inputs are small
// hand-made cells modelled on fixtures/seeds (the seed line is quoted where a case comes from one).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hyoka/html_cell.h"
#include "hyoka/text.h"

using hyoka::looks_like_html;
using hyoka::render_html_cell;
using hyoka::text::kChecked;
using hyoka::text::kUnknown;

namespace {

std::string tok(std::string_view t) { return std::string(t); }

// The rendered cell as lines: whitespace runs collapsed to one space, lines trimmed, empty lines
// dropped (what tidy()/render_free_text do downstream; output-conventions §2.3).
std::vector<std::string> lines(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool space = false;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
    space = false;
  };
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t b = pos;
    const char32_t cp = hyoka::text::next_cp(s, pos);
    if (cp == '\n') {
      flush();
    } else if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == 0xA0) {
      space = !cur.empty();
    } else {
      if (space) cur += ' ';
      space = false;
      cur.append(s.substr(b, pos - b));
    }
  }
  flush();
  return out;
}

using Lines = std::vector<std::string>;

std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string_view::npos;
       p = hay.find(needle, p + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("looks_like_html detects tags and entities", "[html]") {
  CHECK(looks_like_html("<p>令和4年4月1日</p>"));
  CHECK(looks_like_html("税の徴収 <br>続き"));
  CHECK(looks_like_html("</div>"));
  CHECK(looks_like_html("<!-- comment -->"));
  CHECK(looks_like_html("<input type=\"checkbox\"/> 実施する"));
  // seed 000:213 `&lt;選択肢&gt;`
  CHECK(looks_like_html("&lt;選択肢&gt;"));
  CHECK(looks_like_html("&#12354;"));
}

TEST_CASE("looks_like_html ignores plain text and pseudo-tags", "[html]") {
  // seed 000:69 `<選択肢> 1) 実施する 2) 実施しない 3) 未定`
  CHECK_FALSE(looks_like_html("<選択肢> 1) 実施する 2) 実施しない 3) 未定"));
  CHECK_FALSE(looks_like_html("<さいたま市における措置>"));
  CHECK_FALSE(looks_like_html("＜選択肢＞ 1) 1万人未満"));
  CHECK_FALSE(looks_like_html("税の徴収に関する事務"));
  CHECK_FALSE(looks_like_html("a < b"));
  CHECK_FALSE(looks_like_html(""));
  CHECK_FALSE(looks_like_html("<"));
  CHECK_FALSE(looks_like_html("&"));
}

TEST_CASE("render_html_cell returns non-HTML cells unchanged", "[html]") {
  const std::string cell = "<選択肢> 1) 実施する 2) 実施しない 3) 未定";
  CHECK(render_html_cell(cell) == cell);
  CHECK(render_html_cell("税の徴収に関する事務") == "税の徴収に関する事務");
  CHECK(render_html_cell("") == "");
}

TEST_CASE("block elements become line breaks", "[html]") {
  SECTION("<p>") {
    // seed 004:59 `<p>団体内統合宛名システムは…`
    CHECK(lines(render_html_cell("<p>団体内統合宛名システムは</p><p>各業務システムにおいて</p>")) ==
          Lines{"団体内統合宛名システムは", "各業務システムにおいて"});
  }
  SECTION("<div>") {
    CHECK(lines(render_html_cell("<div>システム用ファイル</div> <div>その他</div>")) ==
          Lines{"システム用ファイル", "その他"});
  }
  SECTION("<br> and <br/>") {
    const std::string out = render_html_cell("一行目<br>二行目<br/>三行目");
    CHECK(lines(out) == Lines{"一行目", "二行目", "三行目"});
    CHECK(count(out, "\n") >= 2);
  }
  SECTION("<li>") {
    // seed 000:47 `<ul style="list-style-type: none"> <li>・納税義務者…</li> <li>・再発行…</li>`
    CHECK(lines(render_html_cell("<ul style=\"list-style-type: none\"> <li>・納税義務者</li> "
                                 "<li>・再発行納付書の発行。</li> </ul>")) ==
          Lines{"・納税義務者", "・再発行納付書の発行。"});
  }
  SECTION("text before a list stays on its own line") {
    // seed 000:231 `…概要は以下の通り。 <ul …> <li>・個人情報保護に関する規程、…`
    CHECK(lines(render_html_cell("概要は以下の通り。 <ul><li>・規程</li><li>・体制</li></ul>")) ==
          Lines{"概要は以下の通り。", "・規程", "・体制"});
  }
  SECTION("inline elements do not break lines") {
    // seed 001:435 `<p><b>4. 特定個人情報ファイルの取扱いの委託</b> <span …>[    ]
    // 委託しない</span></p>`
    CHECK(lines(render_html_cell("<p><b>4. 特定個人情報ファイルの取扱いの委託</b> <span "
                                 "style=\"float: right;\">[    ] 委託しない</span></p>")) ==
          Lines{"4. 特定個人情報ファイルの取扱いの委託 [ ] 委託しない"});
  }
}

TEST_CASE("tables become rows with cells separated by spaces", "[html]") {
  SECTION("colspan") {
    // seed 003:105 `<table border="0"> <tr> <td colspan="2" …><選択肢></td> </tr> <tr> <td>1)
    // 委託する</td> <td>2) 委託しない</td> </tr> </table>`
    const std::string cell =
        "<table border=\"0\"><tr><td colspan=\"2\" style=\"text-align: center;\">&lt;選択肢&gt;"
        "</td></tr><tr><td>1) 委託する</td><td>2) 委託しない</td></tr></table>";
    CHECK(lines(render_html_cell(cell)) == Lines{"<選択肢>", "1) 委託する 2) 委託しない"});
  }
  SECTION("adjacent cells without whitespace between them are still separated") {
    CHECK(lines(render_html_cell("<table><tr><td>A</td><td>B</td><td>C</td></tr></table>")) ==
          Lines{"A B C"});
  }
  SECTION("rowspan") {
    const std::string cell =
        "<table><tr><td rowspan=\"2\">期間</td><td>1) 1年未満</td></tr>"
        "<tr><td>2) 1年</td></tr></table>";
    CHECK(lines(render_html_cell(cell)) == Lines{"期間 1) 1年未満", "2) 1年"});
  }
  SECTION("th cells and text after the table") {
    const std::string cell =
        "<table><tr><th>変更日</th><th>項目</th></tr><tr><td>令和4年4月1日</td><td>I 基本情報"
        "</td></tr></table>後続";
    CHECK(lines(render_html_cell(cell)) ==
          Lines{"変更日 項目", "令和4年4月1日 I 基本情報", "後続"});
  }
  SECTION("table inside a cell with data-bbox attributes") {
    // seed 004:224 `<table border="1"> <tr> <td data-bbox="330 1037 467 1182"> <p>期間</p> </td>`
    const std::string cell =
        "<table border=\"1\"> <tr> <td data-bbox=\"330 1037 467 1182\"> <p>期間</p> </td> "
        "<td data-bbox=\"467 1037 1530 1182\"> <p>20年</p> </td> </tr> </table>";
    const Lines got = lines(render_html_cell(cell));
    REQUIRE(!got.empty());
    CHECK(got.front() == "期間");
    CHECK(got.back() == "20年");
    CHECK(render_html_cell(cell).find("bbox") == std::string::npos);
  }
}

TEST_CASE("a list-style ul without li keeps its bullets as one text", "[html]") {
  // seed 003:217 `<p><さいたま市における措置></p> <ul style="list-style-type: none">
  // ・番号連携サーバ…`
  const std::string cell =
      "<p><さいたま市における措置></p> <ul style=\"list-style-type: none\"> ・番号連携サーバ"
      "において照会する ・中間サーバの措置に従う</ul>";
  CHECK(lines(render_html_cell(cell)) ==
        Lines{"<さいたま市における措置>",
              "・番号連携サーバにおいて照会する ・中間サーバの措置に従う"});
}

TEST_CASE("entities are decoded", "[html]") {
  // seed 000:213 `<div>&lt;選択肢&gt;</div>`, seed 000:388 `&lt;焼津市における措置&gt;`
  CHECK(lines(render_html_cell("<div>&lt;選択肢&gt;</div>")) == Lines{"<選択肢>"});
  CHECK(lines(render_html_cell("&lt;焼津市における措置&gt;")) == Lines{"<焼津市における措置>"});
  CHECK(lines(render_html_cell("<p>A &amp; B</p>")) == Lines{"A & B"});
  CHECK(lines(render_html_cell("<p>&quot;引用&quot; &apos;x&apos;</p>")) == Lines{"\"引用\" 'x'"});
  // numeric entities, decimal and hexadecimal
  CHECK(lines(render_html_cell("<p>&#12354;&#x3044;&#X3046;</p>")) == Lines{"あいう"});
  CHECK(lines(render_html_cell("&#9675;")) == Lines{"○"});
}

TEST_CASE("pseudo-tags are kept as text", "[html]") {
  // seed 000:69 `<選択肢>`, seed 003:217 `<さいたま市における措置>`, 001:408
  CHECK(lines(render_html_cell("<p><選択肢> 1) 実施する 2) 実施しない</p>")) ==
        Lines{"<選択肢> 1) 実施する 2) 実施しない"});
  CHECK(lines(render_html_cell("<p><さいたま市における措置></p><p>本文</p>")) ==
        Lines{"<さいたま市における措置>", "本文"});
  CHECK(lines(render_html_cell("<div><ガバメントクラウドにおける措置></div>")) ==
        Lines{"<ガバメントクラウドにおける措置>"});
  // seed 003:105 `<td colspan="2" style="text-align: center;"><選択肢></td>`
  CHECK(lines(render_html_cell("<table><tr><td colspan=\"2\"><選択肢></td></tr></table>")) ==
        Lines{"<選択肢>"});
}

TEST_CASE("inputs become check-box tokens", "[html]") {
  SECTION("checked checkbox") {
    // seed 001:56 `<input checked="" type="checkbox"/> 既存住民基本台帳システム`
    const std::string out =
        render_html_cell("<input checked=\"\" type=\"checkbox\"/> 既存住民基本台帳システム");
    CHECK(lines(out) == Lines{tok(kChecked) + " 既存住民基本台帳システム"});
  }
  SECTION("radio without checked is the OCR's rendering of a printed ○") {
    // seed 003:45 `[<input type="radio"/>] 庁内連携システム`
    const std::string out = render_html_cell("[<input type=\"radio\"/>] 庁内連携システム");
    CHECK(lines(out) == Lines{"[ " + tok(kChecked) + " ] 庁内連携システム"});
  }
  SECTION("radio with a bare checked attribute") {
    const std::string out = render_html_cell("<input checked type=\"radio\"/> 紙");
    CHECK(lines(out) == Lines{tok(kChecked) + " 紙"});
  }
  SECTION("radio with checked=\"\"") {
    // seed 000:129 `[ <input checked="" type="radio"/> ] 紙`
    const std::string out = render_html_cell("[ <input checked=\"\" type=\"radio\"/> ] 紙");
    CHECK(lines(out) == Lines{"[ " + tok(kChecked) + " ] 紙"});
  }
  SECTION("unchecked checkbox: the state was lost") {
    // seed 001:64 `<input type="checkbox"/> 実施する <input type="checkbox"/> 実施しない`
    const std::string out = render_html_cell(
        "<input type=\"checkbox\"/> 実施する <input type=\"checkbox\"/> 実施しない");
    CHECK(lines(out) == Lines{tok(kUnknown) + " 実施する " + tok(kUnknown) + " 実施しない"});
    CHECK(count(out, kChecked) == 0);
  }
  SECTION("attribute order and case do not matter") {
    CHECK(lines(render_html_cell("<INPUT TYPE=\"checkbox\" CHECKED> 紙")) ==
          Lines{tok(kChecked) + " 紙"});
    CHECK(lines(render_html_cell("<input type=\"checkbox\" checked=\"checked\"/> 紙")) ==
          Lines{tok(kChecked) + " 紙"});
  }
  SECTION("mixed group in a table") {
    // seed 001:37 `<table border="0"> <tr> <td><input type="checkbox"/> 情報提供…</td> …`
    const std::string out = render_html_cell(
        "<table border=\"0\"><tr><td><input type=\"checkbox\"/> 情報提供ネットワークシステム</td>"
        "<td><input checked=\"\" type=\"checkbox\"/> 庁内連携システム</td></tr></table>");
    CHECK(lines(out) == Lines{tok(kUnknown) + " 情報提供ネットワークシステム " + tok(kChecked) +
                              " 庁内連携システム"});
  }
}

TEST_CASE("script and style content is dropped", "[html]") {
  CHECK(lines(render_html_cell("<p>本文</p><style>p{color:red}</style><script>x=1</script>")) ==
        Lines{"本文"});
}

TEST_CASE("deep nesting finishes and keeps the text", "[html]") {
  SECTION("10,000 nested <div>") {
    std::string cell;
    for (int i = 0; i < 10000; ++i) cell += "<div>";
    cell += "深い本文";
    for (int i = 0; i < 10000; ++i) cell += "</div>";
    const std::string out = render_html_cell(cell);
    CHECK(lines(out) == Lines{"深い本文"});
  }
  SECTION("10,000 nested <span>, unclosed") {
    std::string cell;
    for (int i = 0; i < 10000; ++i) cell += "<span>";
    cell += "末尾";
    CHECK(lines(render_html_cell(cell)) == Lines{"末尾"});
  }
  SECTION("text before, inside and after a deep subtree with a small max_depth") {
    hyoka::HtmlLimits limits;
    limits.max_depth = 8;
    std::string cell = "<p>前</p>";
    for (int i = 0; i < 20; ++i) cell += "<div>";
    cell += "中";
    for (int i = 0; i < 20; ++i) cell += "</div>";
    cell += "<p>後</p>";
    CHECK(lines(render_html_cell(cell, limits)) == Lines{"前", "中", "後"});
  }
}

TEST_CASE("the deep-nesting fallback keeps inputs, pseudo-tags, entities and blocks", "[html]") {
  // seed 000:213 `<div> <div>[ 十分である ]</div> <div> <div>&lt;選択肢&gt;</div> …`, nested deep
  std::string cell;
  for (int i = 0; i < 1000; ++i) cell += "<div>";
  cell +=
      "<p>[ <input type=\"checkbox\"/> ] 紙 <input checked=\"\" type=\"checkbox\"/> 電子 "
      "<input type=\"radio\"/> 専用線</p><p>&lt;選択肢&gt; <選択肢> A &amp; B</p>";
  for (int i = 0; i < 1000; ++i) cell += "</div>";
  CHECK(lines(render_html_cell(cell)) == Lines{"[ " + tok(kUnknown) + " ] 紙 " + tok(kChecked) +
                                                   " 電子 " + tok(kChecked) + " 専用線",
                                               "<選択肢> <選択肢> A & B"});
}

TEST_CASE("the deep-nesting fallback decodes numeric and named entities", "[html]") {
  // FORMS §4.12: "decode all named and numeric entities anyway"
  std::string cell;
  for (int i = 0; i < 1000; ++i) cell += "<div>";
  cell += "&#12354;&#x3044; &quot;x&quot;";
  for (int i = 0; i < 1000; ++i) cell += "</div>";
  CHECK(lines(render_html_cell(cell)) == Lines{"あい \"x\""});
}

namespace {

std::string whole_cell(std::string_view cell) {
  hyoka::HtmlLimits limits;
  limits.compact_text = false;
  return render_html_cell(cell, limits);
}

}  // namespace

TEST_CASE("compacting text runs renders every seed cell as gumbo does with the whole cell",
          "[html]") {
  std::size_t html_cells = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds")) {
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::istringstream lines_in(ss.str());
    for (std::string line; std::getline(lines_in, line);) {
      std::istringstream cells_in(line);
      for (std::string cell; std::getline(cells_in, cell, '\t');) {
        if (!looks_like_html(cell)) continue;
        ++html_cells;
        INFO(entry.path().filename().string() << ": " << cell);
        CHECK(render_html_cell(cell) == whole_cell(cell));
      }
    }
  }
  CHECK(html_cells > 100);
}

TEST_CASE("compacting text runs keeps gumbo's reading of tricky cells", "[html]") {
  for (std::string_view cell : {
           "<table>前の文<tr><td>セル 一</td></tr>後の文</table>",  // foster parenting
           "<table> <tr> <td>a b</td> </tr> </table> 残り",
           "&lt;選択肢&gt; &lt選択肢 &notit; &amp&amp; 株式会社&copy2024",
           "<a href=\"x>y\">リンク<b>太字</a>続き</b>",  // adoption agency, '>' in a value
           "<p>文<!-- コメント -->文</p>",               // comment: whole cell
           "<p>文&#xE000;文&#12354;</p>",                // numeric entities: whole cell
           "<p>\xEE\x80\x80私用文字</p>",                // private use: whole cell
           "<p>行\r\n行\0空</p><br/>&#;<選択肢>１）はい",
           "<textarea><p>生の</p></textarea>",  // RCDATA: whole cell
           "<p a=b>値</p><p a = \"b\">値</p><p a=\"b\"c>値</p>",
           "<ul><li>一<li>二</ul></div></span>余り <  p>  </p x>",
           "<input type=\"checkbox\" checked/>実施する <input type='radio'>しない",
           "\xFF\xFE壊れた<p>バイト\xC3</p>",
       }) {
    INFO(cell);
    CHECK(render_html_cell(cell) == whole_cell(cell));
  }
}
