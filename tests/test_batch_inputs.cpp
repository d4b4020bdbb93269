// What `hyoka batch` reads: never its own outputs (OUT, OUT.tmp, the tables), a --files-from list
// on stdin that stays open does not keep an interrupted batch waiting, and counting documents for
// the progress bar does not decompress compressed archives.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "batch_support.h"
#include "hyoka/batch.h"

namespace {

using namespace batch_support;

// Waits for the child at most `seconds`; kills it when it is still running. Its exit code, or -1.
int wait_for(pid_t pid, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -1;
}

}  // namespace

TEST_CASE("batch never reads its own output, its temporary file or its tables as inputs") {
  Scratch s;
  make_documents(s / "docs", 3);
  // what a killed run left behind
  std::ofstream(s / "docs/out.jsonl.tmp") << "{\"source\": {\"path\": \"docs/000.txt\"}}\n";
  const std::string cmd =
      kHyoka + " batch docs -o docs/out.jsonl --sqlite docs/t.sqlite --csv docs/tables -q";
  for (int run = 1; run <= 2; ++run) {  // the second run finds the first one's outputs in docs/
    INFO("run " << run);
    REQUIRE(shell(s.dir, cmd).code == 0);
    const auto recs = records(s / "docs/out.jsonl");
    CHECK(paths_of(recs) ==
          std::vector<std::string>{"docs/000.txt", "docs/001.txt", "docs/002.txt"});
  }
  CHECK(fs::exists(s / "docs/tables/documents.csv"));
  // named explicitly too (a shell glob over the directory)
  REQUIRE(shell(s.dir, kHyoka + " batch docs/000.txt docs/out.jsonl -o docs/out.jsonl -q").code ==
          0);
  CHECK(paths_of(records(s / "docs/out.jsonl")) == std::vector<std::string>{"docs/000.txt"});
}

TEST_CASE("an interrupted --files-from - batch ends although stdin stays open") {
  Scratch s;
  make_documents(s / "docs", 1);
  int in[2];
  REQUIRE(::pipe(in) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::close(in[0]);
    ::close(in[1]);
    if (::chdir(s.dir.c_str()) != 0) std::_Exit(127);
    ::execl(HYOKA_BINARY, HYOKA_BINARY, "batch", "--files-from", "-", "-o", "out.jsonl", "-j", "1",
            "-q", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  ::close(in[0]);
  const std::string list = "docs/000.txt\n";
  REQUIRE(::write(in[1], list.data(), list.size()) == static_cast<ssize_t>(list.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ::kill(pid, SIGINT);  // the write end stays open: the list never ends
  const int code = wait_for(pid, 30);
  ::close(in[1]);
  CHECK(code == 130);
  // a valid prefix of the list's records
  const auto recs = records(s / "out.jsonl");
  CHECK(recs.size() <= 1);
  for (const auto& r : recs) CHECK(r["source"]["path"] == "docs/000.txt");
}

TEST_CASE("counting documents does not decompress compressed archives, reading does") {
  Scratch s;
  copy_seed(kSeed003, s / "src/x.txt");
  REQUIRE(shell(s.dir,
                "python3 -c \"import zipfile, tarfile\n"
                "z = zipfile.ZipFile('d.zip', 'w', zipfile.ZIP_DEFLATED)\n"
                "z.write('src/x.txt', 'x.txt'); z.close()\n"
                "t = tarfile.open('d.tar.gz', 'w:gz')\n"
                "t.add('src/x.txt', 'x.txt'); t.add('src/x.txt', 'y.txt'); t.close()\"")
              .code == 0);
  hyoka::batch::InputOptions in;
  in.paths = {s / "d.zip", s / "d.tar.gz"};
  auto list = [&](hyoka::batch::Reading reading) {
    std::vector<std::string> seen;
    hyoka::batch::for_each_document(in, reading, [&](hyoka::batch::Document&& d) {
      const std::string name = d.source.substr(s.dir.string().size() + 1);
      seen.push_back(name + (d.unopened ? " unopened" : "") + (d.bytes.empty() ? "" : " read"));
      return true;
    });
    return seen;
  };
  CHECK(list(hyoka::batch::Reading::Names) ==
        std::vector<std::string>{"d.zip!/x.txt", "d.tar.gz unopened"});
  CHECK(list(hyoka::batch::Reading::Bytes) == std::vector<std::string>{"d.zip!/x.txt read",
                                                                       "d.tar.gz!/x.txt read",
                                                                       "d.tar.gz!/y.txt read"});
  CHECK(hyoka::batch::is_compressed_archive_name("A.TGZ"));
  CHECK_FALSE(hyoka::batch::is_compressed_archive_name("a.zip"));
}
