// render_simple_html (include/hyoka/html_cell.h) renders the cells it accepts exactly as gumbo's
// tree renders them: every HTML cell of the seed fixtures, hand-written edge cases, and cells
// made at random from the tokens OCR extractions use.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "hyoka/html_cell.h"

namespace {

namespace fs = std::filesystem;

// True when the shortcut took the cell; then its text must be gumbo's.
bool agrees(const std::string& cell) {
  std::string fast;
  if (!hyoka::render_simple_html(cell, fast)) return false;
  INFO("cell: " << cell);
  CHECK(fast == hyoka::render_html_cell_parsed(cell));
  return true;
}

}  // namespace

TEST_CASE("the HTML shortcut renders every HTML cell of the seeds as gumbo does") {
  std::size_t html = 0;
  std::size_t taken = 0;
  for (const auto& e : fs::directory_iterator(fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds")) {
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream text;
    text << f.rdbuf();
    std::string line;
    while (std::getline(text, line)) {
      std::stringstream cells(line);
      std::string cell;
      while (std::getline(cells, cell, '\t')) {
        if (!hyoka::looks_like_html(cell)) continue;
        ++html;
        taken += agrees(cell) ? 1 : 0;
      }
    }
  }
  // the shortcut is worth having: it takes most cells (tables and the like go to gumbo)
  CHECK(html > 100);
  CHECK(taken * 10 >= html * 8);
}

TEST_CASE("the HTML shortcut leaves to gumbo what tree construction would rearrange") {
  std::string out;
  for (const char* cell :
       {"<table><tr><td>a</td></tr></table>", "<p>a<div>b</div></p>", "<p>a<p>b", "<li>a<li>b",
        "<b>a<p>b</b>c</p>", "</div>a", "<p>a</div>", "<!-- x -->a", "<P>a</P>", "&nbsp;a",
        "&#12354;", "a\rb", " <p>a</p>", "<p a = \"b\">x</p>", "<a href=\"x\">y</a>", "<p>\x80</p>",
        "<input type=\"checkbox\""}) {
    INFO("cell: " << cell);
    CHECK_FALSE(hyoka::render_simple_html(cell, out));
  }
}

TEST_CASE("the HTML shortcut agrees with gumbo on hand-written cells") {
  for (const char* cell :
       {"<p>a</p><p>b</p>", "<div> <div>[ 十分である ]</div> <div>&lt;選択肢&gt;</div></div>",
        "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>", "a<br>b<br/>c<br />d",
        "<input type=\"checkbox\"/> 紙 <input checked=\"\" type=\"checkbox\"/> 電子",
        "<input type=\"radio\"/>x<input type='radio' type=\"checkbox\">",
        "<div style=\"display: flex; gap: 20px;\"><span>a</span><b>b</b></div>",
        "<ol style=\"list-style-type: none\"><li>1) a</li></ol>", "<選択肢> A & B < C",
        "<p>a<b>b</b><small>c</small></p>x", "<li><p>a</p><div>b</div></li>", "a &amp; b &quot;",
        "<div>a", "<b><b><b><b>x</b></b></b></b>y", "<p>a</p>\n<p>b</p>", "x<", "x&",
        "<p class=x>a</p>", "<p>a"}) {
    CHECK(agrees(cell));
  }
}

TEST_CASE("the HTML shortcut agrees with gumbo on random cells of OCR tokens") {
  const std::vector<std::string> tokens = {"<p>",
                                           "</p>",
                                           "<div>",
                                           "</div>",
                                           "<li>",
                                           "</li>",
                                           "<ul>",
                                           "</ul>",
                                           "<ol>",
                                           "</ol>",
                                           "<b>",
                                           "</b>",
                                           "<span>",
                                           "</span>",
                                           "<small>",
                                           "</small>",
                                           "<br>",
                                           "<br/>",
                                           "</br>",
                                           "<td>",
                                           "</td>",
                                           "<table>",
                                           "<tr>",
                                           "&lt;",
                                           "&amp;",
                                           "& ",
                                           "&gt;",
                                           "<選択肢>",
                                           "<",
                                           ">",
                                           " ",
                                           "\n",
                                           "\t",
                                           "文字",
                                           "abc",
                                           "[ ]",
                                           "<input type=\"checkbox\"/>",
                                           "<input checked=\"\" type=\"radio\"/>",
                                           "<div style=\"margin-left: 20px;\">",
                                           "<p style='x'>"};
  std::mt19937 rng(6);
  std::size_t taken = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string cell;
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < len; ++k) cell += tokens[rng() % tokens.size()];
    taken += agrees(cell) ? 1 : 0;
  }
  CHECK(taken > 1000);  // enough cells of every shape went through the shortcut
}
