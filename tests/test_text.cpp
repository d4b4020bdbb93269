// Unit tests for hyoka::text (include/hyoka/text.h): UTF-8 iteration, width folding, match keys,
// label keys, free-text rendering and placeholders. Inputs are small hand-made strings modelled on
// fixtures/seeds (the seed line is quoted where a case comes from one).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "hyoka/text.h"

using hyoka::text::first_token;
using hyoka::text::fold_width;
using hyoka::text::is_placeholder;
using hyoka::text::key;
using hyoka::text::label_key;
using hyoka::text::next_cp;
using hyoka::text::render_free_text;
using namespace std::string_literals;

namespace {

std::string tok(std::string_view t) { return std::string(t); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// next_cp

TEST_CASE("next_cp decodes valid UTF-8 of every length", "[text]") {
  const std::string s = "a\u00E9\u3042\U0001F600";  // 1, 2, 3 and 4 bytes
  std::size_t pos = 0;
  CHECK(next_cp(s, pos) == U'a');
  CHECK(pos == 1);
  CHECK(next_cp(s, pos) == U'\u00E9');
  CHECK(pos == 3);
  CHECK(next_cp(s, pos) == U'\u3042');
  CHECK(pos == 6);
  CHECK(next_cp(s, pos) == U'\U0001F600');
  CHECK(pos == 10);
  CHECK(pos == s.size());
}

TEST_CASE("next_cp yields U+FFFD and advances by one byte on invalid UTF-8", "[text]") {
  SECTION("stray byte 0xFF") {
    const std::string s =
        "\xFF"
        "b";
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
    CHECK(next_cp(s, pos) == U'b');
    CHECK(pos == 2);
  }
  SECTION("lone continuation byte") {
    const std::string s = "\x81";
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
  }
  SECTION("truncated 3-byte sequence at the end") {
    const std::string s = "\xE3\x81";  // first two bytes of あ
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
  }
  SECTION("lead byte followed by a non-continuation byte") {
    const std::string s =
        "\xE3"
        "ab";
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
    CHECK(next_cp(s, pos) == U'a');
  }
  SECTION("overlong encoding of '/'") {
    const std::string s = "\xC0\xAF";
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
  }
  SECTION("UTF-16 surrogate encoded in UTF-8") {
    const std::string s = "\xED\xA0\x80";
    std::size_t pos = 0;
    CHECK(next_cp(s, pos) == U'\uFFFD');
    CHECK(pos == 1);
  }
  SECTION("a loop over garbage always terminates, one step per byte") {
    const std::string s =
        "\xF0\x9F\x98"
        "\xFE\xC3";
    std::size_t pos = 0;
    int steps = 0;
    while (pos < s.size()) {
      CHECK(next_cp(s, pos) == U'\uFFFD');
      ++steps;
    }
    CHECK(steps == 5);
  }
}

// ---------------------------------------------------------------------------------------------
// fold_width

TEST_CASE("fold_width folds full-width letters, digits and U+3000", "[text]") {
  // seed 002:2 `[令和６年10月　様式３]`
  CHECK(fold_width("[令和６年10月\u3000様式３]") == "[令和6年10月 様式3]");
  CHECK(fold_width("ＡＢＣＸＹＺ") == "ABCXYZ");
  CHECK(fold_width("ａｂｃｘｙｚ") == "abcxyz");
  CHECK(fold_width("０１２３４５６７８９") == "0123456789");
  // seed 002:1500 `リスク１：　`
  CHECK(fold_width("リスク１：\u3000") == "リスク1： ");
}

TEST_CASE("fold_width keeps other full-width characters as printed", "[text]") {
  // output-conventions §2.4: `（）`, `：`, `、`, `・`, `①`, `＜…＞`, `【…】` stay
  const std::string kept = "（）：、・①＜選択肢＞【任意】～－［］。";
  CHECK(fold_width(kept) == kept);
  // seed 002:806 `（ 75,424 ）　件`
  CHECK(fold_width("（ ７５，４２４ ）\u3000件") == "（ 75，424 ） 件");
  // half-width katakana and ASCII untouched
  CHECK(fold_width("ｶﾅ abc 123") == "ｶﾅ abc 123");
}

TEST_CASE("fold_width replaces invalid bytes by U+FFFD", "[text]") {
  // cut three-byte characters of the ranges it skips without decoding
  CHECK(fold_width("漢\xE4\xB8") == "漢\uFFFD\uFFFD");
  CHECK(fold_width("\xE3\x80"
                   "a\xE3\x80\x80") == "\uFFFD\uFFFDa ");
  CHECK(fold_width("\xE6\xBC\xE6\xBC\xA2") == "\uFFFD\uFFFD漢");
  CHECK(fold_width("a\xFF"
                   "Ｂ") == "a\uFFFDB");
}

TEST_CASE("fold_and_tidy_lines is tidy_lines of fold_width with blanks and invalid bytes too",
          "[text]") {
  using hyoka::text::fold_and_tidy_lines;
  using hyoka::text::tidy_lines;
  for (const std::string& s : {
           std::string("\u3000\u3000ＡＢＣ１２３\u3000 ｘ\t\u00A0y\n\n  \u3000\n- 行\r\n"),
           std::string("\xE3 \xE3\x80 \xE3\x80\x80\xE3\xE3\x80\x80ａ\n\xC2\xC2\xA0\xF0\x9F"),
           std::string("\xEF\xBC\xA1\xEF\xBC \xFF\xFE\n\xED\xA0\x80 \xC0\xAF\x80"),
           std::string(""),
           std::string("\n\n"),
       }) {
    CHECK(fold_and_tidy_lines(s) == tidy_lines(fold_width(s)));
  }
}

// ---------------------------------------------------------------------------------------------
// key

TEST_CASE("key applies NFKC and removes all whitespace", "[text]") {
  // FORMS §0 matching: `（`→`(`, `：`→`:`, `［`→`[`, `＜`→`<`, `１`→`1`, `⑴`→`(1)`
  CHECK(key("（１）") == "(1)");
  CHECK(key("：") == ":");
  CHECK(key("［ ］") == "[]");
  CHECK(key("＜選択肢＞") == "<選択肢>");
  CHECK(key("⑴軽自動車税賦課情報ファイル") == "(1)軽自動車税賦課情報ファイル");
  // seed 002:48 `Ⅰ　基本情報` (U+3000); pdftotext breaks labels mid-word (newline)
  CHECK(key("Ⅰ\u3000基本情報") == "I基本情報");
  CHECK(key(" ④提供する情報の対象となる\n本人の数 ") == "4提供する情報の対象となる本人の数");
  CHECK(key("a \t b\r\n c\u00A0d") == "abcd");
}

TEST_CASE("key keeps kana and ideographs but what NFKC changes next to them", "[text]") {
  // U+3099 (combining voiced mark) and ㈱ sit between ranges key() keeps without decoding
  CHECK(key("カ\u3099ブ㈱　漢字ゔゟヿ") ==
        "ガブ(株)漢字ゔより"
        "コト");
  CHECK(key("\u3040\u3097\u309F") == key("\u3040\u3097") + "より");
}

TEST_CASE("key unifies tildes", "[text]") {
  // FORMS §4.9: `システム2～5` uses U+FF5E; accept `〜` U+301C and `~` too
  const std::string expected = "システム2~5";
  CHECK(key("システム２～５") == expected);
  CHECK(key("システム2〜5") == expected);
  CHECK(key("システム2~5") == expected);
  CHECK(key("システム2 ～ 5") == expected);
}

TEST_CASE("key maps Roman numerals and circled numbers", "[text]") {
  CHECK(key("Ⅲ リスク対策") == "IIIリスク対策");
  CHECK(key("Ⅱ") == "II");
  CHECK(key("Ⅳ") == "IV");
  CHECK(key("Ⅵ") == "VI");
  CHECK(key("①事務の名称") == "1事務の名称");
  CHECK(key("⑦使用の主体") == "7使用の主体");
  // Ⅲ and III give the same key (FORMS §4.9 `IIIリスク管理` vs `Ⅲ リスク対策`)
  CHECK(key("Ⅲ リスク対策") == key("III リスク対策"));
}

TEST_CASE("key removes markdown emphasis and heading marks", "[text]") {
  // seed 004:406 `**7. …**`, seed 000:62 `#### 4. 個人番号の利用 ※`
  CHECK(key("**7. 特定個人情報の保管・消去**") == "7.特定個人情報の保管・消去");
  CHECK(key("#### 4. 個人番号の利用 ※") == "4.個人番号の利用※");
}

// ---------------------------------------------------------------------------------------------
// label_key

TEST_CASE("label_key strips a circled marker", "[text]") {
  // seed 000:38 `①事務の名称⇥税の徴収に関する事務`
  bool had_number = true;
  CHECK(label_key("①事務の名称", &had_number) == "事務の名称");
  CHECK_FALSE(had_number);  // a circled marker is not a section number
  CHECK(label_key("⑦使用の主体") == "使用の主体");
}

TEST_CASE("label_key strips section numbers and reports had_number", "[text]") {
  bool had_number = false;
  // seed 000:62 `#### 4. 個人番号の利用 ※`
  CHECK(label_key("#### 4. 個人番号の利用 ※", &had_number) == "個人番号の利用");
  CHECK(had_number);

  had_number = false;
  CHECK(label_key("1. 特定個人情報ファイル名", &had_number) == "特定個人情報ファイル名");
  CHECK(had_number);

  had_number = false;
  // seed 002:49 ` １．特定個人情報ファイルを取り扱う事務`
  CHECK(label_key(" １．特定個人情報ファイルを取り扱う事務", &had_number) ==
        "特定個人情報ファイルを取り扱う事務");
  CHECK(had_number);

  had_number = false;
  // seed 002:82 `（１）軽自動車税賦課情報ファイル`
  CHECK(label_key("（１）軽自動車税賦課情報ファイル", &had_number) == "軽自動車税賦課情報ファイル");
  CHECK(had_number);

  had_number = false;
  CHECK(label_key("(1) 軽自動車税賦課情報ファイル", &had_number) == "軽自動車税賦課情報ファイル");
  CHECK(had_number);

  had_number = true;
  CHECK(label_key("事務の名称", &had_number) == "事務の名称");
  CHECK_FALSE(had_number);
}

TEST_CASE("label_key without had_number pointer", "[text]") {
  CHECK(label_key("9. 規則") == "規則");
  CHECK(label_key("## システム1") == "システム1");
}

TEST_CASE("label_key strips trailing ※ markers", "[text]") {
  // seed 000:113 `④再委託の有無 ※`
  CHECK(label_key("④再委託の有無 ※") == "再委託の有無");
  // FORMS §1.5: `※（7．②を除く。）` after the III title; seed 000:214 half-width variant
  CHECK(label_key("Ⅲ リスク対策 ※（7．②を除く。）") == "IIIリスク対策");
  CHECK(label_key("### Ⅲ リスク対策 ※(7. ②を除く。)") == "IIIリスク対策");
  CHECK(label_key("Ⅲ リスク対策 ※（7．リスク1⑨を除く。）") == "IIIリスク対策");
}

TEST_CASE("label_key strips 【任意】 and 【行政機関等のみ】", "[text]") {
  // FORMS §4.9: `国民・住民等からの意見の聴取　【任意】` (seed 002:1884)
  CHECK(label_key("2. 国民・住民等からの意見の聴取\u3000【任意】") ==
        "国民・住民等からの意見の聴取");
  CHECK(label_key("4. 個人情報保護委員会の承認【行政機関等のみ】") == "個人情報保護委員会の承認");
  // 【再掲】 is part of the label (FORMS §1.5)
  CHECK(label_key("【再掲】重大事故") == "【再掲】重大事故");
}

TEST_CASE("label_key drops trailing colons", "[text]") {
  // FORMS §4.9: `リスク1:` (seed 000:244), `リスク１：　` (seed 002:1500)
  CHECK(label_key("リスク1:") == "リスク1");
  CHECK(label_key("リスク１：\u3000") == "リスク1");
  CHECK(label_key("リスク：") == "リスク");
}

// ---------------------------------------------------------------------------------------------
// first_token

TEST_CASE("first_token finds the first internal token", "[text]") {
  using hyoka::text::kBracketedUnknown;
  using hyoka::text::kChecked;
  using hyoka::text::kChoiceClose;
  using hyoka::text::kChoiceOpen;
  using hyoka::text::kUnchecked;
  using hyoka::text::kUnknown;
  CHECK(first_token("使用者数") == std::string_view::npos);
  CHECK(first_token("") == std::string_view::npos);
  CHECK(first_token("ab" + tok(kChecked) + "x") == 2);
  CHECK(first_token("ab" + tok(kUnchecked)) == 2);
  CHECK(first_token("abc" + tok(kUnknown)) == 3);
  CHECK(first_token(tok(kBracketedUnknown) + " 紙") == 0);
  CHECK(first_token("値" + tok(kChoiceOpen) + "十分である" + tok(kChoiceClose)) == 3);
  // the earliest of several tokens wins
  CHECK(first_token("提供" + tok(kUnchecked) + "a" + tok(kChecked)) == 6);
  // a closing choice bracket alone is not a token start
  CHECK(first_token("x" + tok(kChoiceClose)) == std::string_view::npos);
}

// ---------------------------------------------------------------------------------------------
// render_free_text

TEST_CASE("render_free_text turns tokens back into brackets", "[text]") {
  using hyoka::text::kBracketedUnknown;
  using hyoka::text::kChecked;
  using hyoka::text::kChoiceClose;
  using hyoka::text::kChoiceOpen;
  using hyoka::text::kUnchecked;
  using hyoka::text::kUnknown;
  // output-conventions §2.7: `[○]地方税関係情報 [ ]紙`
  CHECK(render_free_text(tok(kChecked) + "地方税関係情報 " + tok(kUnchecked) + "紙") ==
        "[○]地方税関係情報 [ ]紙");
  CHECK(render_free_text(tok(kUnknown) + " 専用線") == "[?] 専用線");
  CHECK(render_free_text(tok(kBracketedUnknown) + " 紙") == "[?] 紙");
  CHECK(render_free_text(tok(kChoiceOpen) + "十分である" + tok(kChoiceClose)) == "[十分である]");
}

TEST_CASE("render_free_text collapses whitespace and drops empty lines", "[text]") {
  CHECK(render_free_text("  委託先を選定する際、   委託先の\t\t情報保護\u3000\u3000管理体制  ") ==
        "委託先を選定する際、 委託先の 情報保護 管理体制");
  CHECK(render_free_text("一行目\n\n   \n\t\n二行目\n") == "一行目\n二行目");
  CHECK(render_free_text("\n\n") == "");
  CHECK(render_free_text("") == "");
  CHECK(render_free_text("a\r\nb") == "a\nb");
}

TEST_CASE("render_free_text removes markdown bullets", "[text]") {
  // seed 000:271 `- ・ISO/IEC27017…`, seed 004:105 `- A-① 口座振替依頼書申込み・通知`
  CHECK(render_free_text("- ・ISO/IEC27017\n- A-① 口座振替依頼書申込み・通知") ==
        "・ISO/IEC27017\nA-① 口座振替依頼書申込み・通知");
  // a hyphen inside a line is text
  CHECK(render_free_text("第6-7") == "第6-7");
  CHECK(render_free_text("A - B") == "A - B");
}

// ---------------------------------------------------------------------------------------------
// is_placeholder

TEST_CASE("is_placeholder accepts the nothing-to-declare dashes", "[text]") {
  // FORMS §4.15: `—` (seed 003:73, 004:274), `――` (004:284), `－` (002:143), `-` (003:202)
  CHECK(is_placeholder("\u2014"));
  CHECK(is_placeholder("\u2015\u2015"));
  CHECK(is_placeholder("\uFF0D"));
  CHECK(is_placeholder("-"));
  CHECK(is_placeholder("\u30FC"));
  CHECK(is_placeholder("  \u2014  "));
}

TEST_CASE("is_placeholder rejects real text", "[text]") {
  // FORMS §4.15: `なし` (seed 002:26) is text
  CHECK_FALSE(is_placeholder("なし"));
  CHECK_FALSE(is_placeholder("該当なし"));
  CHECK_FALSE(is_placeholder("-1"));
  CHECK_FALSE(is_placeholder("第6ー7"));
  CHECK_FALSE(is_placeholder("— 委託しない"));
}

// ---------------------------------------------------------------------------------------------
// trim / split / starts_with

TEST_CASE("trim, split and starts_with", "[text]") {
  CHECK(hyoka::text::trim(" \t\u3000値\u3000 \r\n") == "値");
  CHECK(hyoka::text::trim("") == "");
  CHECK(hyoka::text::split("a\t\tb", '\t') == std::vector<std::string>{"a", "", "b"});
  CHECK(hyoka::text::split("", '\t') == std::vector<std::string>{""});
  CHECK(hyoka::text::starts_with("- ・ISO", "- "));
  CHECK_FALSE(hyoka::text::starts_with("-", "- "));
}

TEST_CASE("label_key keeps digits that belong to the label", "[text]") {
  bool had = true;
  CHECK(label_key("5情報(氏名、氏名の振り仮名、性別、生年月日、住所)", &had) ==
        "5情報(氏名、氏名の振り仮名、性別、生年月日、住所)");
  CHECK_FALSE(had);
  CHECK(label_key("②過去3年以内に、評価実施機関において") == "過去3年以内に、評価実施機関において");
  CHECK(label_key("### ①事務の名称") == "事務の名称");
  CHECK(label_key("10. その他のリスク対策", &had) == "その他のリスク対策");
  CHECK(had);
}
