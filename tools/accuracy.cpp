// Field-level accuracy of the current build against the hand-written expected outputs:
// per document and per section. Usage:
//   hyoka-accuracy [--diff] [--fixtures DIR]
// DIR defaults to ./fixtures; every expected/NAME.json is compared with the parse of
// seeds/NAME.txt.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <string>

#include "hyoka/compare.h"
#include "hyoka/parse.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  bool diff = false;
  fs::path fixtures = "fixtures";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--diff") {
      diff = true;
    } else if (a == "--fixtures" && i + 1 < argc) {
      fixtures = argv[++i];
    } else {
      std::cerr << "usage: hyoka-accuracy [--diff] [--fixtures DIR]\n";
      return 2;
    }
  }
  const hyoka::Parser parser;
  std::size_t total = 0;
  std::size_t matched = 0;
  std::vector<fs::path> expected;
  std::error_code ec;
  if (!fs::is_directory(fixtures / "expected", ec)) {
    std::cerr
        << "hyoka-accuracy: " << (fixtures / "expected").string()
        << " がありません。リポジトリの最上位で実行するか --fixtures DIR を指定してください\n";
    return 2;
  }
  for (const auto& e : fs::directory_iterator(fixtures / "expected")) {
    if (e.path().extension() == ".json") expected.push_back(e.path());
  }
  std::sort(expected.begin(), expected.end());
  for (const auto& path : expected) {
    const fs::path input = fixtures / "seeds" / (path.stem().string() + ".txt");
    std::ifstream ein(path);
    std::ifstream tin(input, std::ios::binary);
    if (!ein || !tin) {
      std::cerr << "missing input for " << path << "\n";
      continue;
    }
    const nlohmann::json exp = nlohmann::json::parse(ein);
    const std::string bytes((std::istreambuf_iterator<char>(tin)),
                            std::istreambuf_iterator<char>());
    const nlohmann::json act = parser.parse(bytes, {});
    const hyoka::Comparison c = hyoka::compare_documents(exp, act);
    std::cout << path.stem().string() << "  (" << act["source"]["layout"].get<std::string>() << ", "
              << act["form"]["kind"].get<std::string>() << ")  " << c.matched << "/" << c.leaves
              << " = " << std::fixed << std::setprecision(1)
              << (c.leaves ? 100.0 * c.matched / c.leaves : 0.0) << "%\n";
    for (const auto& [section, sc] : c.sections) {
      std::cout << "    " << std::setw(24) << std::left << section << std::right << std::setw(5)
                << sc.matched << "/" << std::setw(5) << std::left << sc.leaves << std::right << "  "
                << std::setw(5) << std::setprecision(1)
                << (sc.leaves ? 100.0 * sc.matched / sc.leaves : 0.0) << "%\n";
    }
    if (diff) std::cout << hyoka::format_differences(c, 1000);
    total += c.leaves;
    matched += c.matched;
  }
  std::cout << "TOTAL " << matched << "/" << total << " = " << std::fixed << std::setprecision(1)
            << (total ? 100.0 * matched / total : 0.0) << "%\n";
  return 0;
}
