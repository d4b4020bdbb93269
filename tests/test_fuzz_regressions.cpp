// Inputs that fuzzing found (fixtures/fuzz/TARGET/, one file per finding, named after what it
// broke) and the small hostile inputs (fixtures/hostile/) replayed through exactly what each
// libFuzzer target does (fuzz/fuzz_bodies.h). Each must return normally: the documented
// rejections are outcomes, any other exception is a failure here, and in the sanitizer build of
// CI a memory error, leak or undefined behaviour stops the test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../fuzz/fuzz_bodies.h"

namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::function<void(std::string_view)>>& bodies() {
  static const std::map<std::string, std::function<void(std::string_view)>> b = {
      {"decode", hyoka::fuzz::decode_one},
      {"normalize", hyoka::fuzz::normalize_one},
      {"html_cell", hyoka::fuzz::html_cell_one},
      {"segment", hyoka::fuzz::segment_one},
      {"parse", hyoka::fuzz::parse_one}};
  return b;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  REQUIRE(f);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: every finding replays through its target without failing", "[fuzz]") {
  const fs::path root = fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "fuzz";
  REQUIRE(fs::is_directory(root));
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string target = dir.path().filename().string();
    INFO("fixtures/fuzz/" << target << ": a directory per fuzz target");
    REQUIRE(bodies().count(target) == 1);
    for (const auto& input : files_in(dir.path())) {
      INFO("input: " << input.string());
      const std::string bytes = slurp(input);
      CHECK_NOTHROW(bodies().at(target)(bytes));
    }
  }
}

TEST_CASE("fuzz regressions: every small hostile input goes through every target", "[fuzz]") {
  const auto inputs = files_in(fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "hostile");
  REQUIRE(inputs.size() >= 5);
  for (const auto& input : inputs) {
    if (input.extension() == ".json") continue;
    const std::string bytes = slurp(input);
    for (const auto& [target, body] : bodies()) {
      INFO(target << " on " << input.string());
      CHECK_NOTHROW(body(bytes));
    }
  }
}
