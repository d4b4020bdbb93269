// place_detached_boxes: pdftotext check boxes whose brackets were printed apart (seed 002).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "grammar_support.h"
#include "hyoka/grammar.h"
#include "hyoka/normalize.h"
#include "hyoka/readers.h"

using nlohmann::json;

using grammar_support::opts;

namespace {

// The page's lines as the normalizer leaves them (complete boxes become ☑ / ☐).
std::vector<std::string> normalized(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& r : raw) out.push_back(hyoka::normalize_cell(r));
  return out;
}

// The states placed, in form order.
std::vector<json> place(const std::vector<std::string>& raw, const std::string& set,
                        std::size_t* placed = nullptr) {
  json checks = hyoka::default_checks(opts(set));
  const std::size_t n = hyoka::place_detached_boxes(normalized(raw), opts(set), {}, checks);
  if (placed) *placed = n;
  std::vector<json> out;
  for (const auto& c : checks) out.push_back(c["checked"]);
  return out;
}

const json kNull = nullptr;

}  // namespace

TEST_CASE("detached boxes: the opener right of a label is the next option's box", "[readers]") {
  // 002:85-137, 他のシステムとの接続: 情報提供NW | 庁内連携 / 住基NW | 既存住基 / 宛名 | 税務 /
  // その他
  std::size_t placed = 0;
  const auto states = place({"[ ] 情報提供ネットワークシステム [ ○", "[ ○ ] 宛名システム等 [",
                             "] 住民基本台帳ネットワークシステム [[", "] 庁内連携システム",
                             "] 既存住民基本台帳システム", "] 税務システム"},
                            "CONNECTIONS", &placed);
  // 庁内連携 (right of 情報提供NW, marked), 税務 (right of 宛名), 既存住基 (right of 住基NW),
  // and 住基NW by elimination: one label and one unmarked opener left
  CHECK(states == std::vector<json>{kNull, true, false, false, kNull, false, kNull});
  CHECK(placed == 4);
}

TEST_CASE("detached boxes: nothing is placed when the geometry cannot be trusted", "[readers]") {
  // a mark outside any opener (002:226 `○`) may be any box's
  CHECK(place({"[ ] 情報提供ネットワークシステム [", "] 庁内連携システム", "○"}, "CONNECTIONS") ==
        std::vector<json>(7, kNull));
  // 002:304 prints a row right to left: `] フラッシュメモリ] 電子記録媒体（…）○ ] 紙 [`
  CHECK(place({"] フラッシュメモリ] 電子記録媒体（フラッシュメモリを除く。） ] 紙 [",
               "[ ] 電子メール [ ○"},
              "ACQ_METHODS") == std::vector<json>(8, kNull));
  // the remaining openers disagree: no elimination
  std::size_t placed = 1;
  CHECK(place({"] 庁内連携システム", "] 既存住民基本台帳システム", "[ ] 宛名システム等 [ ○ ["},
              "CONNECTIONS", &placed) == std::vector<json>(7, kNull));
  CHECK(placed == 0);
  // …and agree: both detached labels take their state
  CHECK(place({"] 庁内連携システム", "] 既存住民基本台帳システム", "[ ] 宛名システム等 [ ["},
              "CONNECTIONS") == std::vector<json>{kNull, false, kNull, false, kNull, kNull, kNull});
}

TEST_CASE("detached boxes: a state already read is kept", "[readers]") {
  json checks = hyoka::default_checks(opts("PROVISION_STATUS"));
  checks[1]["checked"] = true;
  // 002:856-863: `] 移転を行っている （ ） 件` … `☐ 提供を行っている （ ） 件 [`
  hyoka::place_detached_boxes(
      normalized({"] 移転を行っている （ ） 件", "[ ] 提供を行っている （ ） 件 ["}),
      opts("PROVISION_STATUS"), {}, checks);
  CHECK(checks[1]["checked"] == true);
  json fresh = hyoka::default_checks(opts("PROVISION_STATUS"));
  CHECK(hyoka::place_detached_boxes(
            normalized({"] 移転を行っている （ ） 件", "[ ] 提供を行っている （ ） 件 ["}),
            opts("PROVISION_STATUS"), {}, fresh) == 1);
  CHECK(fresh[1]["checked"] == false);
}

TEST_CASE("detached boxes: no mark anywhere on the page leaves every detached box unchecked",
          "[readers]") {
  // 002:1135-1217: `] 委託しない` with its opener printed elsewhere, and no ○ on the page
  std::size_t placed = 0;
  CHECK(place({"] 委託しない", "[", "定めている[", "[ 再委託していない"}, "OPT_ENTRUST", &placed) ==
        std::vector<json>{false});
  CHECK(placed == 1);
  // a ○ somewhere on the page may be its box's
  CHECK(place({"] 委託しない", "[", "○"}, "OPT_ENTRUST") == std::vector<json>{kNull});
  CHECK(place({"] 委託しない", "[ ○ ] 紙"}, "OPT_ENTRUST") == std::vector<json>{kNull});
}

namespace {

// The details after place_detached_detail on a page labelling 入手元 and 入手方法 (002:720-746),
// 入手元's states as read from its own boxes.
std::vector<json> place_detail(const std::vector<std::string>& raw, bool* placed = nullptr) {
  json checks = hyoka::default_checks(opts("SOURCES"));
  checks[1]["checked"] = true;
  checks[3]["checked"] = true;
  const bool p = hyoka::place_detached_detail(
      normalized(raw), {&opts("SOURCES"), &opts("ACQ_METHODS")}, opts("SOURCES"), checks);
  if (placed) *placed = p;
  std::vector<json> out;
  for (const auto& c : checks) out.push_back(c["detail"]);
  return out;
}

}  // namespace

TEST_CASE("detached details: a lone detail goes to the only checked box printed without one",
          "[readers]") {
  // 002:720-746: `（ 市民税課 ）` at the top of the page; 地方公共団体 prints its (empty) detail,
  // 評価実施機関内の他部署 prints none
  const std::vector<std::string> page = {"（ 市民税課 ）",
                                         "[ ] 行政機関・独立行政法人等 （ ）",
                                         "[ ] 本人又は本人の代理人",
                                         "[ ○ ] 評価実施機関内の他部署",
                                         "[ ] その他 （ ）",
                                         "[ ○ ] 地方公共団体・地方独立行政法人 （ ）",
                                         "[ ] 紙 [",
                                         "[ ] その他 （"};
  bool placed = false;
  CHECK(place_detail(page, &placed) ==
        std::vector<json>{kNull, "市民税課", kNull, kNull, kNull, kNull});
  CHECK(placed);
  // a second box without its detail that could be checked: no telling whose the detail is
  std::vector<std::string> unknown = page;
  unknown.push_back("[ ] 本人又は本人の代理人 ] 民間事業者");
  CHECK(place_detail(unknown) == std::vector<json>(6, kNull));
  // two lone details
  std::vector<std::string> two = page;
  two.push_back("（ 納税課 ）");
  CHECK(place_detail(two) == std::vector<json>(6, kNull));
  // the checked box prints its detail: the lone one is nobody's this rule can name
  std::vector<std::string> printed = page;
  printed[3] = "[ ○ ] 評価実施機関内の他部署 （ 税務課 ）";
  CHECK(place_detail(printed) == std::vector<json>(6, kNull));
}

namespace {

// The states check_by_mark_count leaves for `set` on a page labelling the opt-outs of 提供・移転
// and 情報提供ネットワークシステムとの接続, after those read from complete boxes.
std::vector<json> by_marks(const std::vector<std::string>& raw, const std::string& set,
                           json checks) {
  hyoka::check_by_mark_count(normalized(raw), {&opts("OPT_PROVISION"), &opts("OPT_NETWORK")},
                             opts(set), {}, checks);
  std::vector<json> out;
  for (const auto& c : checks) out.push_back(c["checked"]);
  return out;
}

}  // namespace

TEST_CASE("detached boxes: as many stray marks as boxes of lost state on the page check them all",
          "[readers]") {
  // 002:1221-1283: `] 提供・移転しない` and `] 接続しない（提供）` with their openers elsewhere,
  // two marks outside any complete box (`○`, `[ ○`), `接続しない（入手）` in a complete box
  const std::vector<std::string> page = {"]",   "] 提供・移転しない",
                                         "○",   "] 接続しない（提供）[ ○ ] 接続しない（入手）",
                                         "]",   "[",
                                         "[ ○", "["};
  json network = hyoka::default_checks(opts("OPT_NETWORK"));
  network[0]["checked"] = true;
  CHECK(by_marks(page, "OPT_PROVISION", hyoka::default_checks(opts("OPT_PROVISION"))) ==
        std::vector<json>{true});
  CHECK(by_marks(page, "OPT_NETWORK", network) == std::vector<json>{true, true});
  // one mark for two boxes: no telling which is checked
  std::vector<std::string> one = page;
  one.erase(one.begin() + 2);
  CHECK(by_marks(one, "OPT_NETWORK", network) == std::vector<json>{true, kNull});
  // a third mark: the count says nothing
  std::vector<std::string> three = page;
  three.push_back("○");
  CHECK(by_marks(three, "OPT_PROVISION", hyoka::default_checks(opts("OPT_PROVISION"))) ==
        std::vector<json>{kNull});
  // an opener right of a label on its line is that row's next box, whatever it holds
  std::vector<std::string> row = page;
  row[1] = "] 提供・移転しない [";
  CHECK(by_marks(row, "OPT_PROVISION", hyoka::default_checks(opts("OPT_PROVISION"))) ==
        std::vector<json>{kNull});
}
