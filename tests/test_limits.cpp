// Hard limits for hostile input (include/hyoka/limits.h, issue 7): each limit rejects or truncates
// with the LIM diagnostic that names it, and input under the limit is read as before.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "document_support.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"
#include "hyoka/parse.h"

using namespace document_support;

namespace {

const char* const kTitle = "# 特定個人情報保護評価書(重点項目評価書)";

}  // namespace

TEST_CASE("limits: max_bytes rejects a larger input with LIM001 and accepts the limit itself",
          "[limits]") {
  hyoka::Limits limits;
  limits.max_bytes = 10;
  CHECK_NOTHROW(hyoka::check_input_size(10, limits));
  try {
    hyoka::check_input_size(11, limits);
    FAIL("no LimitExceeded");
  } catch (const hyoka::LimitExceeded& e) {
    CHECK(e.code() == "LIM001");
    CHECK(e.limit() == "max_bytes");
    CHECK(std::string(e.what()).find("LIM001 max_bytes") != std::string::npos);
    CHECK(std::string(e.what()).find("入力が大きすぎます") != std::string::npos);
  }
  hyoka::ParseOptions options;
  options.limits.max_bytes = 64;
  const std::string doc = text({kTitle, "## I 基本情報", "## Ⅱ 特定個人情報ファイルの概要"});
  REQUIRE(doc.size() > 64);
  CHECK_THROWS_AS(parser().parse(doc, options), hyoka::LimitExceeded);
  CHECK_THROWS_AS(parser().normalize_text(doc, {}, options.limits), hyoka::LimitExceeded);
  options.limits.max_bytes = doc.size();
  CHECK(parser().parse(doc, options).at("form").at("kind") == "focused");
}

TEST_CASE("limits: long lines are cut on a UTF-8 boundary, one LIM002 note for all", "[limits]") {
  hyoka::Limits limits;
  limits.max_line_bytes = 7;
  std::string storage;
  std::vector<hyoka::LimitNote> notes;
  const std::string text = "ab\nあいうえ\nshort\nかきく\n";  // lines 2 and 4: 12 and 9 bytes
  const std::string_view cut = hyoka::cut_long_lines(text, limits, storage, notes);
  CHECK(cut == "ab\nあい\nshort\nかき\n");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].code == "LIM002");
  CHECK(notes[0].line == 2);
  CHECK(notes[0].message.find("2 行") != std::string::npos);
  CHECK(notes[0].message.find("LIM002 max_line_bytes") != std::string::npos);

  notes.clear();
  const std::string fine = "abc\ndef";
  const std::string_view same = hyoka::cut_long_lines(fine, limits, storage, notes);
  CHECK(same.data() == fine.data());  // nothing to cut: no copy
  CHECK(notes.empty());

  // the last line, without a newline
  CHECK(hyoka::cut_long_lines("x\n0123456789", limits, storage, notes) == "x\n0123456");
}

TEST_CASE("limits: cells past max_cells_per_row are dropped without being split", "[limits]") {
  hyoka::Limits limits;
  limits.max_cells_per_row = 3;
  bool dropped = false;
  CHECK(hyoka::split_cells("a\tb", limits, dropped) == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(dropped);
  CHECK(hyoka::split_cells("a\tb\tc", limits, dropped) == std::vector<std::string>{"a", "b", "c"});
  CHECK_FALSE(dropped);
  CHECK(hyoka::split_cells("a\tb\tc\t\t\td", limits, dropped) ==
        std::vector<std::string>{"a", "b", "c"});
  CHECK(dropped);
  CHECK(hyoka::split_cells("", limits, dropped) == std::vector<std::string>{""});
  CHECK_FALSE(dropped);
}

TEST_CASE("limits: normalize reports cut rows (LIM004) and flattened markup (LIM003)", "[limits]") {
  hyoka::Limits limits;
  limits.max_cells_per_row = 2;
  limits.max_html_depth = 3;
  const std::string input =
      "a\tb\tc\td\n"
      "<div><div><div><div>深い</div></div></div></div>\tx\n"
      "e\tf\tg\n";
  const hyoka::Normalized n = hyoka::normalize(input, limits);
  REQUIRE(n.rows.size() == 3);
  CHECK(n.rows[0].cells == std::vector<std::string>{"a", "b"});
  CHECK(n.rows[1].cells == std::vector<std::string>{"深い", "x"});
  REQUIRE(n.limits_hit.size() == 2);
  CHECK(n.limits_hit[0].code == "LIM003");
  CHECK(n.limits_hit[0].line == 2);
  CHECK(n.limits_hit[1].code == "LIM004");
  CHECK(n.limits_hit[1].line == 1);
  CHECK(n.limits_hit[1].message.find("2 行") != std::string::npos);
  CHECK(hyoka::normalize(input).limits_hit.empty());  // the defaults are far above
}

TEST_CASE("limits: past max_group_instances the extra groups are skipped, the rest is read",
          "[limits]") {
  Lines lines = {kTitle, "## I 基本情報",
                 "2. 特定個人情報ファイルを取り扱う事務において使用するシステム"};
  for (int i = 1; i <= 10; ++i) {
    lines.push_back("システム" + std::to_string(i));
    lines.push_back("①システムの名称⇥名称" + std::to_string(i));
  }
  // after the groups past the limit: a section that opens no group, still read
  lines.push_back("4. 個人番号の利用 ※");
  lines.push_back("法令上の根拠⇥番号法第9条");
  hyoka::ParseOptions options;
  options.limits.max_group_instances = 4;
  const json limited = parse(lines, options);
  const auto lim005 = diagnostics_with_rule(limited, "LIM005");
  REQUIRE(lim005.size() == 1);
  CHECK(lim005[0].at("severity") == "warning");
  CHECK(lim005[0].at("line") == line_of(lines, "システム5"));  // the first group skipped
  const std::string message = lim005[0].at("message").get<std::string>();
  CHECK(message.find("上限 4 個") != std::string::npos);
  CHECK(message.find("超えた 6 個を読み飛ばしました") != std::string::npos);
  CHECK(message.find("LIM005 max_group_instances") != std::string::npos);
  // the systems kept are the first four, each with its own name: a skipped system's fields go
  // nowhere, not into the last system kept
  REQUIRE(at(limited, "/systems").size() == 4);
  for (int i = 0; i < 4; ++i)
    CHECK(at(limited, "/systems").at(i).at("name") == "名称" + std::to_string(i + 1));
  CHECK(at(limited, "/number_use/legal_basis") == "番号法第9条");
  const json whole = parse(lines);
  CHECK(at(whole, "/systems").size() == 10);
  CHECK(at(whole, "/number_use/legal_basis") == "番号法第9条");
  CHECK(diagnostics_with_rule(whole, "LIM005").empty());
}

TEST_CASE("limits: a count that overflows is null with LIM006, an impossible date null with REC002",
          "[limits]") {
  const Lines lines = {
      kTitle,
      "## Ⅱ 特定個人情報ファイルの概要",
      "1. 特定個人情報ファイル名⇥",
      "収納・滞納情報ファイル⇥",
      "2. 基本情報⇥",
      "⑤保有開始日⇥令和999年13月45日",
      "#### 4. 特定個人情報ファイルの取扱いの委託",
      "委託の有無 ※⇥[ 委託する ]⇥<選択肢> 1) 委託する 2) 委託しない ( 99999999999999999999 ) 件",
  };
  const json d = parse(lines);
  CHECK(at(d, "/files/0/outsourcing/declared_count") == nullptr);
  CHECK(at(d, "/files/0/outsourcing/status") == "委託する");
  const auto lim006 = diagnostics_with_rule(d, "LIM006");
  REQUIRE(lim006.size() == 1);
  CHECK(lim006[0].at("paths") == json::array({"/files/0/outsourcing/declared_count"}));
  CHECK(lim006[0].at("line") == line_of(lines, "委託の有無"));
  CHECK(at(d, "/files/0/retention_start") == nullptr);
  const auto rec002 = diagnostics_with_rule(d, "REC002");
  REQUIRE(rec002.size() == 1);
  CHECK(rec002[0].at("line") == line_of(lines, "⑤保有開始日"));

  // fifteen digits are still a number
  Lines fits = lines;
  fits.back() =
      "委託の有無 ※⇥[ 委託する ]⇥<選択肢> 1) 委託する 2) 委託しない ( 999,999,999,999,999 ) 件";
  CHECK(at(parse(fits), "/files/0/outsourcing/declared_count") == 999999999999999LL);
}
