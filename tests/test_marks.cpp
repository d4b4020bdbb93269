// Unit tests for hyoka::canonicalize_marks (include/hyoka/marks.h). It runs on already-rendered
// text (HTML inputs are already ☑/⬚ tokens). Expected behaviour: FORMS.md §4.2–4.5 and
// docs/output-conventions.md §3–4. Inputs are small hand-made strings modelled on fixtures/seeds
// (the seed line is quoted where a case comes from one).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "hyoka/marks.h"
#include "hyoka/text.h"
#include "token_support.h"

using hyoka::canonicalize_marks;
using namespace token_support;

TEST_CASE("checked boxes become ☑", "[marks]") {
  // seed 003:58 `[○] 既存住民基本台帳システム`
  CHECK(canonicalize_marks("[○] 既存住民基本台帳システム") == kOn + " 既存住民基本台帳システム");
  // seed 001:326 `[ ○ ] 接続しない(入手)`
  CHECK(canonicalize_marks("[ ○ ] 接続しない(入手)") == kOn + " 接続しない(入手)");
  // seed 001:394 `[ O ] 接続しない(入手)`; seed 003:215 `[O] 接続しない(提供)`
  CHECK(canonicalize_marks("[ O ] 接続しない(入手)") == kOn + " 接続しない(入手)");
  CHECK(canonicalize_marks("[O] 接続しない(提供)") == kOn + " 接続しない(提供)");
  // output-conventions §4: `[◯]`, `[〇]`
  CHECK(canonicalize_marks("[〇] 紙") == kOn + " 紙");
  CHECK(canonicalize_marks("[◯] 紙") == kOn + " 紙");
  // seed 004:514 `〔○〕提供・移転しない`
  CHECK(canonicalize_marks("〔○〕提供・移転しない") == kOn + "提供・移転しない");
  // U+3000 padding
  CHECK(canonicalize_marks("[\u3000○\u3000] 紙") == kOn + " 紙");
}

TEST_CASE("a bracketed ☑ (from a checked or radio input) is ☑", "[marks]") {
  // seed 003:237 `[<input checked="" type="checkbox"/>] 自己点検` rendered as `[ ☑ ]`
  CHECK(canonicalize_marks("[ " + kOn + " ] 自己点検") == kOn + " 自己点検");
  CHECK(canonicalize_marks("[" + kOn + "] 自己点検") == kOn + " 自己点検");
}

TEST_CASE("empty boxes become ☐", "[marks]") {
  // seed 000:129 `[ ] 情報提供ネットワークシステム`; seed 003:127 `[] 提供を行っている`;
  // seed 000:226 `[     ] 委託しない`
  CHECK(canonicalize_marks("[ ] 情報提供ネットワークシステム") ==
        kOff + " 情報提供ネットワークシステム");
  CHECK(canonicalize_marks("[] 提供を行っている") == kOff + " 提供を行っている");
  CHECK(canonicalize_marks("[     ] 委託しない") == kOff + " 委託しない");
  // seed 004:514 `〔 〕提供・移転しない`
  CHECK(canonicalize_marks("〔 〕提供・移転しない") == kOff + "提供・移転しない");
  CHECK(canonicalize_marks("［\u3000］") == kOff);
}

TEST_CASE("a bracketed lost box becomes ⊡", "[marks]") {
  // seed 000:97 `[ <input type="checkbox"/> ] 紙` rendered as `[ ⬚ ] 紙`
  CHECK(canonicalize_marks("[ " + kLost + " ] 紙") == kBoxed + " 紙");
  CHECK(canonicalize_marks("[" + kLost + "] 紙") == kBoxed + " 紙");
  // a bare ⬚ stays ⬚ (bare `<input type="checkbox"/>`, output-conventions §4: null)
  CHECK(canonicalize_marks(kLost + " 個人番号 " + kLost + " 個人番号対応符号") ==
        kLost + " 個人番号 " + kLost + " 個人番号対応符号");
}

TEST_CASE("a bracketed value becomes a single-choice token", "[marks]") {
  // seed 001:343 `[ 十分である ] &lt;選択肢&gt;`; seed 000:213 `[          十分である          ]`
  CHECK(canonicalize_marks("[ 十分である ]") == choice("十分である"));
  CHECK(canonicalize_marks("[          十分である          ]") == choice("十分である"));
  // seed 003:39 `[10万人以上30万人未満]`
  CHECK(canonicalize_marks("[10万人以上30万人未満]") == choice("10万人以上30万人未満"));
  // the value keeps its inner spaces; text around the brackets stays
  CHECK(canonicalize_marks("値 [ 令和6年10月 様式3 ] 後") ==
        "値 " + choice("令和6年10月 様式3") + " 後");
  CHECK(canonicalize_marks("[ 十分である ] <選択肢> 1) 特に力を入れている") ==
        choice("十分である") + " <選択肢> 1) 特に力を入れている");
}

TEST_CASE("full-width brackets are brackets", "[marks]") {
  CHECK(canonicalize_marks("［ 十分である ］") == choice("十分である"));
  CHECK(canonicalize_marks("［○］ 紙") == kOn + " 紙");
  CHECK(canonicalize_marks("［ ］ 紙") == kOff + " 紙");
}

TEST_CASE("the mangled single choice (box, value, closing bracket) is a choice value", "[marks]") {
  // seed 001:218 `<input type="checkbox"/> 10人以上50人未満 ]           <選択肢> 1) 10人未満 …`
  CHECK(canonicalize_marks(kLost + " 10人以上50人未満 ]") == choice("10人以上50人未満"));
  CHECK(canonicalize_marks(kLost + " 10人以上50人未満 ]           <選択肢> 1) 10人未満") ==
        choice("10人以上50人未満") + "           <選択肢> 1) 10人未満");
  // seed 003:105 `<input type="checkbox"/> 委託する] <table …`
  CHECK(canonicalize_marks(kLost + " 委託する]") == choice("委託する"));
  CHECK(canonicalize_marks(kLost + " 委託する] (1) 件") == choice("委託する") + " (1) 件");
}

TEST_CASE("a ⬚ followed by another box before the closing bracket is not a mangled choice",
          "[marks]") {
  const std::string in = kLost + " 実施する " + kLost + " 実施しない";
  CHECK(canonicalize_marks(in) == in);
  // ⬚ with only blanks before `]` has no value
  CHECK(canonicalize_marks(kLost + "  ]") == kLost + "  ]");
}

TEST_CASE("several boxes on one line", "[marks]") {
  // seed 003:58 `[] 情報提供ネットワークシステム [] 庁内連携システム … [○]
  // 既存住民基本台帳システム`
  CHECK(canonicalize_marks("[] 情報提供ネットワークシステム [] 庁内連携システム [○] "
                           "既存住民基本台帳システム") == kOff + " 情報提供ネットワークシステム " +
                                                              kOff + " 庁内連携システム " + kOn +
                                                              " 既存住民基本台帳システム");
  // seed 001:568 `[ ]情報提供ネットワークシステム [O]庁内連携システム`
  CHECK(canonicalize_marks("[ ]情報提供ネットワークシステム [O]庁内連携システム") ==
        kOff + "情報提供ネットワークシステム " + kOn + "庁内連携システム");
  // seed 001:123 `[ ☑ ] 提供を行っている ( ) 件 … [ ] 行っていない`
  CHECK(canonicalize_marks("[ " + kOn + " ] 提供を行っている ( ) 件 [ ] 行っていない") ==
        kOn + " 提供を行っている ( ) 件 " + kOff + " 行っていない");
}

TEST_CASE("an unclosed bracket stays text", "[marks]") {
  // seed 002:76 `[ 1万人以上10万人未満`; seed 002:1150 `定めている[`
  CHECK(canonicalize_marks("[ 1万人以上10万人未満") == "[ 1万人以上10万人未満");
  CHECK(canonicalize_marks("定めている[") == "定めている[");
  // seed 002:1460 `][ 十分に行っている`
  CHECK(canonicalize_marks("][ 十分に行っている") == "][ 十分に行っている");
  // an opener followed by a closed pair: only the pair is converted
  CHECK(canonicalize_marks("[ [○] 紙") == "[ " + kOn + " 紙");
}

TEST_CASE("a bracket pair spanning a newline is not joined", "[marks]") {
  // seed 002:85 `[ ○` at line end, the `]` on a later line
  CHECK(canonicalize_marks("[ ○\n] 住民基本台帳ネットワークシステム") ==
        "[ ○\n] 住民基本台帳ネットワークシステム");
  CHECK(canonicalize_marks("[ 十分である\n]") == "[ 十分である\n]");
  CHECK(canonicalize_marks(kLost + " 委託する\n]") == kLost + " 委託する\n]");
}

TEST_CASE("brackets holding several tokens are left as text", "[marks]") {
  // `[ <input type="radio"/> 紙 <input type="radio"/> 電子 ]` rendered
  const std::string in = "[ " + kOn + " 紙 " + kOn + " 電子 ]";
  CHECK(canonicalize_marks(in) == in);
}

TEST_CASE("text without brackets is unchanged", "[marks]") {
  CHECK(canonicalize_marks("") == "");
  CHECK(canonicalize_marks("税の徴収に関する事務") == "税の徴収に関する事務");
  CHECK(canonicalize_marks("( 1 ) 件") == "( 1 ) 件");
  CHECK(canonicalize_marks("（ 75,424 ）　件") == "（ 75,424 ）　件");
  // a lone ○ is not a box (FORMS §4.16: detached marks are paired by the reader, not here)
  CHECK(canonicalize_marks("○ 住民基本台帳ネットワークシステム ）") ==
        "○ 住民基本台帳ネットワークシステム ）");
}

TEST_CASE("unchecked boxes inside one bracket pair are not a mangled choice", "[marks]") {
  // A bracket that holds several boxes is left as written; the second box must not be read as
  // the mangled `⬚ value ]` single-choice form.
  const std::string in = "[ " + std::string(hyoka::text::kUnknown) + " 紙 " +
                         std::string(hyoka::text::kUnknown) + " 電子 ]";
  const std::string out = canonicalize_marks(in);
  CHECK(out.find(hyoka::text::kChoiceOpen) == std::string::npos);
  CHECK(out == in);
}
