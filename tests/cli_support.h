// Running the `hyoka` binary from tests: a scratch directory, shell quoting, and run_hyoka()
// returning exit code, stdout and stderr. Shared by the CLI test files.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace hyoka_test {

namespace fs = std::filesystem;

// A unique directory under the system temp dir, removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path candidate =
          fs::temp_directory_path() / ("hyoka_cli_test_" + std::to_string(::getpid()) + "_" +
                                       std::to_string(counter++) + "_" + std::to_string(rd()));
      std::error_code ec;
      if (fs::create_directory(candidate, ec) && !ec) {
        path_ = candidate;
        return;
      }
    }
    FAIL("could not create a temporary directory");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

// A shell redirection of stdin from `path`.
inline std::string stdin_from(const std::string& path) {
  std::string redirect = "<";
  redirect += shell_quote(path);
  return redirect;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

inline void write_file(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  REQUIRE(f.good());
}

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs `hyoka ARGS...` through the shell. `redirects` is appended verbatim to the command line
// (e.g. "< file" or "> /dev/full"); stderr always goes to a file in `scratch`.
inline RunResult run_hyoka(const TempDir& scratch, const std::vector<std::string>& args,
                           const std::string& redirects = "") {
  static std::atomic<unsigned> counter{0};
  const fs::path err_path = scratch / ("stderr_" + std::to_string(counter++) + ".txt");
  std::string cmd = shell_quote(HYOKA_BINARY);
  // (appending piecewise: GCC 12's -Wrestrict misfires on `"literal" + std::string&&`, bug 105329)
  for (const auto& a : args) {
    cmd += ' ';
    cmd += shell_quote(a);
  }
  cmd += " 2>";
  cmd += shell_quote(err_path.string());
  if (!redirects.empty()) cmd += " " + redirects;

  RunResult r;
  std::fflush(nullptr);
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  INFO("command: " << cmd);
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  r.code = WEXITSTATUS(status);
  r.err = read_file(err_path);
  std::error_code ec;
  fs::remove(err_path, ec);
  return r;
}

}  // namespace hyoka_test
