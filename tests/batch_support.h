// Helpers shared by the batch tests: scratch directories, running the hyoka binary through the
// shell, reading JSON Lines back, and seed-based documents.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace batch_support {

namespace fs = std::filesystem;
using nlohmann::json;

inline const fs::path kSeeds = fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds";

// A scratch directory (mkdtemp), removed at the end of the test.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "hyoka_batch_XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

struct Outcome {
  int code = -1;
  std::string out;
};

// Runs a shell command line in `cwd`; stdout captured, stderr discarded.
inline Outcome shell(const fs::path& cwd, const std::string& command) {
  const std::string full = "cd '" + cwd.string() + "' && ( " + command + " ) 2>/dev/null";
  Outcome o;
  FILE* p = ::popen(full.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = ::pclose(p);
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

inline const std::string kHyoka = std::string("'") + HYOKA_BINARY + "'";

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

inline std::vector<json> records(const std::string& path) {
  std::vector<json> out;
  for (const auto& line : lines_of(slurp(path))) out.push_back(json::parse(line));
  return out;
}

inline std::vector<std::string> paths_of(const std::vector<json>& recs) {
  std::vector<std::string> out;
  for (const auto& r : recs) out.push_back(r["source"]["path"].get<std::string>());
  return out;
}

inline void copy_seed(const std::string& seed, const std::string& to) {
  fs::create_directories(fs::path(to).parent_path());
  fs::copy_file(kSeeds / seed, to, fs::copy_options::overwrite_existing);
}

inline constexpr const char* kSeed003 = "003_6edb3ad0aa6a4351.txt";
inline constexpr const char* kBasic = "basic_plain.txt";

// n distinct documents (a seed with a numbered line appended) in dir/NNN.txt
inline void make_documents(const std::string& dir, int n) {
  fs::create_directories(dir);
  const std::string base = slurp((kSeeds / kSeed003).string());
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/%03d.txt", i);
    std::ofstream(dir + name, std::ios::binary) << base << "\n備考 " << i << "\n";
  }
}

}  // namespace batch_support
