// `hyoka batch` and `hyoka export` end to end: every input kind (file, directory, zip, tar.gz,
// list, stdin list), error records and exit codes, input order, resume after a real interrupt,
// the union of two shards run by GNU parallel, and CSV/SQLite row counts against the JSON Lines.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/batch_internal.h"
#include "batch_support.h"
#include "hyoka/batch.h"
#include "hyoka/export.h"

namespace {

using namespace batch_support;

}  // namespace

TEST_CASE("batch of one file writes the record parse writes") {
  Scratch s;
  copy_seed(kSeed003, s / "a.txt");
  REQUIRE(shell(s.dir, kHyoka + " batch a.txt -o out.jsonl").code == 0);
  const Outcome parsed = shell(s.dir, kHyoka + " parse --jsonl a.txt");
  CHECK(slurp(s / "out.jsonl") == parsed.out);
  CHECK_FALSE(fs::exists(s / "out.jsonl.tmp"));
}

TEST_CASE("batch reads a directory recursively in name order with include and exclude globs") {
  Scratch s;
  copy_seed(kSeed003, s / "in/b/z.txt");
  copy_seed(kBasic, s / "in/a.txt");
  copy_seed(kBasic, s / "in/b/skip.txt");
  std::ofstream(s / "in/notes.md") << "メモ";
  const Outcome o =
      shell(s.dir, kHyoka + " batch in --include '*.txt' --exclude 'skip*' -o out.jsonl -q");
  CHECK(o.code == 0);
  CHECK(paths_of(records(s / "out.jsonl")) == std::vector<std::string>{"in/a.txt", "in/b/z.txt"});
}

TEST_CASE("batch skips hidden files and directories in directories and archives unless --hidden") {
  Scratch s;
  copy_seed(kBasic, s / "in/a.txt");
  copy_seed(kBasic, s / "in/.draft.txt");
  copy_seed(kBasic, s / "in/.git/objects/x.txt");
  copy_seed(kBasic, s / "in/sub/.b.txt");
  REQUIRE(shell(s.dir,
                "python3 -c \"import zipfile\n"
                "z = zipfile.ZipFile('in/d.zip', 'w')\n"
                "z.write('in/a.txt', 'a.txt'); z.write('in/a.txt', '__MACOSX/._a.txt'); "
                "z.close()\"")
              .code == 0);
  CHECK(shell(s.dir, kHyoka + " batch in -o out.jsonl -q").code == 0);
  CHECK(paths_of(records(s / "out.jsonl")) ==
        std::vector<std::string>{"in/a.txt", "in/d.zip!/a.txt"});
  CHECK(shell(s.dir, kHyoka + " batch in --hidden -o all.jsonl -q").code == 0);
  CHECK(paths_of(records(s / "all.jsonl")) ==
        std::vector<std::string>{"in/.draft.txt", "in/.git/objects/x.txt", "in/a.txt",
                                 "in/d.zip!/a.txt", "in/d.zip!/__MACOSX/._a.txt", "in/sub/.b.txt"});
  // named explicitly, a hidden file is read
  CHECK(shell(s.dir, kHyoka + " batch in/.draft.txt -o one.jsonl -q").code == 0);
  CHECK(paths_of(records(s / "one.jsonl")) == std::vector<std::string>{"in/.draft.txt"});
}

TEST_CASE("batch reads zip and tar.gz archives in place, entries in stored order") {
  Scratch s;
  copy_seed(kSeed003, s / "src/x.txt");
  copy_seed(kBasic, s / "src/y.txt");
  REQUIRE(shell(s.dir,
                "python3 -c \"import zipfile, tarfile\n"
                "z = zipfile.ZipFile('d.zip', 'w', zipfile.ZIP_DEFLATED)\n"
                "z.write('src/y.txt', 'y.txt'); z.write('src/x.txt', 'sub/x.txt'); z.close()\n"
                "t = tarfile.open('d.tar.gz', 'w:gz')\n"
                "t.add('src/x.txt', 'x.txt'); t.add('src/y.txt', 'y.txt'); t.close()\"")
              .code == 0);
  const Outcome o = shell(s.dir, kHyoka + " batch d.zip d.tar.gz -o out.jsonl -q");
  CHECK(o.code == 0);
  const auto recs = records(s / "out.jsonl");
  CHECK(paths_of(recs) == std::vector<std::string>{"d.zip!/y.txt", "d.zip!/sub/x.txt",
                                                   "d.tar.gz!/x.txt", "d.tar.gz!/y.txt"});
  // the same bytes as the files they were made from
  CHECK(recs[1]["source"]["sha256"] == recs[2]["source"]["sha256"]);
  CHECK(recs[1]["form"]["kind"] == "focused");
  CHECK(recs[0]["form"]["kind"] == "basic");
}

TEST_CASE("batch reads the list of --files-from, from a file or from stdin, in list order") {
  Scratch s;
  copy_seed(kSeed003, s / "one.txt");
  copy_seed(kBasic, s / "two.txt");
  std::ofstream(s / "list.txt") << "two.txt\n\none.txt\n";
  CHECK(shell(s.dir, kHyoka + " batch --files-from list.txt -o a.jsonl -q").code == 0);
  CHECK(paths_of(records(s / "a.jsonl")) == std::vector<std::string>{"two.txt", "one.txt"});
  // a pure stdin-to-stdout filter
  const Outcome o =
      shell(s.dir, "printf 'two.txt\\none.txt\\n' | " + kHyoka + " batch --files-from - -o - -q");
  CHECK(o.code == 0);
  CHECK(o.out == slurp(s / "a.jsonl"));
  CHECK(shell(s.dir, kHyoka + " batch --files-from missing.list -o b.jsonl -q").code == 3);
}

TEST_CASE("a document that cannot be converted becomes an error record and the batch goes on") {
  Scratch s;
  copy_seed(kSeed003, s / "good.txt");
  std::ofstream(s / "letter.txt") << "拝啓\nこれは評価書ではありません。\n";
  const Outcome o = shell(s.dir, kHyoka + " batch letter.txt missing.txt good.txt -o out.jsonl -q");
  CHECK(o.code == 5);
  const auto recs = records(s / "out.jsonl");
  REQUIRE(recs.size() == 3);
  CHECK(recs[0]["error"]["kind"] == "not_an_assessment");
  CHECK(recs[0]["source"]["sha256"].is_string());
  CHECK(recs[1]["error"]["kind"] == "io");
  CHECK(recs[1]["source"]["path"] == "missing.txt");
  CHECK(recs[1]["source"]["sha256"].is_null());
  CHECK_FALSE(recs[1]["error"]["message"].get<std::string>().empty());
  CHECK(recs[2]["form"]["kind"] == "focused");
  CHECK(shell(s.dir, kHyoka + " batch good.txt -o /nonexistent-dir/out.jsonl -q").code == 3);
  CHECK(shell(s.dir, kHyoka + " batch good.txt -o x.jsonl --shard 3/2").code == 2);
  CHECK(shell(s.dir, kHyoka + " batch good.txt -o - --resume").code == 2);
}

TEST_CASE("the summary on stderr counts documents, failures, diagnostics and forms") {
  Scratch s;
  copy_seed(kSeed003, s / "good.txt");
  std::ofstream(s / "bad.txt") << "no";
  const Outcome o = shell(s.dir, kHyoka + " batch good.txt bad.txt -o out.jsonl 2>&1 >/dev/null");
  CHECK(o.out.find("文書: 2（成功 1、失敗 1）") != std::string::npos);
  CHECK(o.out.find("not_an_assessment=1") != std::string::npos);
  CHECK(o.out.find("focused=1") != std::string::npos);
  CHECK(o.out.find("文書/秒") != std::string::npos);
  // not a terminal: no progress bar (no carriage returns)
  CHECK(o.out.find('\r') == std::string::npos);
  CHECK(shell(s.dir, kHyoka + " batch good.txt -o out.jsonl -q 2>&1 >/dev/null").out.empty());
}

TEST_CASE("records come out in input order whatever the number of jobs") {
  Scratch s;
  make_documents(s / "docs", 24);
  REQUIRE(shell(s.dir, kHyoka + " batch docs -o one.jsonl -j 1 -q").code == 0);
  REQUIRE(shell(s.dir, kHyoka + " batch docs -o four.jsonl -j 4 -q").code == 0);
  CHECK(slurp(s / "one.jsonl") == slurp(s / "four.jsonl"));
  const auto paths = paths_of(records(s / "one.jsonl"));
  CHECK(paths.size() == 24);
  CHECK(std::is_sorted(paths.begin(), paths.end()));
}

TEST_CASE("an interrupted batch leaves a valid prefix and --resume ends with the full output") {
  Scratch s;
  make_documents(s / "docs", 150);
  REQUIRE(shell(s.dir, kHyoka + " batch docs -o full.jsonl -j 1 -q").code == 0);
  const auto full = lines_of(slurp(s / "full.jsonl"));
  REQUIRE(full.size() == 150);

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    REQUIRE(::chdir(s.dir.c_str()) == 0);
    ::execl(HYOKA_BINARY, HYOKA_BINARY, "batch", "docs", "-o", "part.jsonl", "-j", "1", "-q",
            static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  // interrupt once records have reached the temporary file
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::error_code ec;
  auto written = [&] {
    const auto size = fs::file_size(s / "part.jsonl.tmp", ec);
    return !ec && size > 0;
  };
  while (std::chrono::steady_clock::now() < deadline && !written()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  const auto part = lines_of(slurp(s / "part.jsonl"));
  CHECK(part.size() < full.size());
  for (std::size_t i = 0; i < part.size(); ++i) CHECK(part[i] == full[i]);

  const Outcome resumed = shell(s.dir, kHyoka + " batch docs -o part.jsonl -j 2 --resume -q");
  CHECK(resumed.code == 0);
  CHECK(slurp(s / "part.jsonl") == slurp(s / "full.jsonl"));
}

TEST_CASE("resume takes over the records already written, matched by content hash") {
  Scratch s;
  make_documents(s / "docs", 6);
  REQUIRE(shell(s.dir, kHyoka + " batch docs -o full.jsonl -q").code == 0);
  const auto full = lines_of(slurp(s / "full.jsonl"));
  // a previous run that got through three documents
  std::ofstream(s / "out.jsonl") << full[0] << "\n" << full[1] << "\n" << full[2] << "\n";
  const Outcome o = shell(s.dir, kHyoka + " batch docs -o out.jsonl --resume 2>&1 >/dev/null");
  CHECK(o.code == 0);
  CHECK(o.out.find("前回の出力から引き継ぎ 3") != std::string::npos);
  CHECK(slurp(s / "out.jsonl") == slurp(s / "full.jsonl"));
}

TEST_CASE("two shards run by GNU parallel give together exactly the records of one run") {
  Scratch s;
  make_documents(s / "docs", 20);
  REQUIRE(shell(s.dir, kHyoka + " batch docs -o all.jsonl -q").code == 0);
  // the README's recipe; without GNU parallel the two shards run one after the other
  const bool have_parallel = shell(s.dir, "command -v parallel").code == 0;
  const std::string run = have_parallel ? "parallel --will-cite " + kHyoka +
                                              " batch docs --shard {}/2 -o part{}.jsonl -q ::: 1 2"
                                        : kHyoka + " batch docs --shard 1/2 -o part1.jsonl -q && " +
                                              kHyoka + " batch docs --shard 2/2 -o part2.jsonl -q";
  if (!have_parallel) WARN("GNU parallel not installed: shards run sequentially");
  REQUIRE(shell(s.dir, run).code == 0);
  const auto one = lines_of(slurp(s / "part1.jsonl"));
  const auto two = lines_of(slurp(s / "part2.jsonl"));
  CHECK_FALSE(one.empty());
  CHECK_FALSE(two.empty());
  std::vector<std::string> both = one;
  both.insert(both.end(), two.begin(), two.end());
  auto all = lines_of(slurp(s / "all.jsonl"));
  std::sort(both.begin(), both.end());
  std::sort(all.begin(), all.end());
  CHECK(both == all);
}

namespace {

// Rows of an RFC 4180 file (quoted fields may hold newlines), header excluded.
std::size_t csv_rows(const std::string& path, bool* bom = nullptr) {
  const std::string text = slurp(path);
  if (bom != nullptr) *bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
  std::size_t rows = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++rows;
  }
  return rows - 1;
}

std::size_t sqlite_count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const auto n = static_cast<std::size_t>(sqlite3_column_int64(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

// What each table must hold, counted from the JSON Lines records themselves.
std::map<std::string, std::size_t> expected_counts(const std::vector<json>& recs) {
  std::map<std::string, std::size_t> n;
  for (const auto& r : recs) {
    ++n["documents"];
    if (r.contains("error")) continue;
    n["systems"] += r["systems"].size();
    n["changes"] += r["changes"].size();
    n["diagnostics"] += r["diagnostics"].size();
    if (r["other_risk_measures"].is_object())
      n["controls"] += r["other_risk_measures"]["audit"].size();
    for (const auto& f : r["files"]) {
      ++n["files"];
      n["entrusts"] += f["outsourcing"]["entrusts"].size();
      n["recipients"] +=
          f["provision"]["recipients"].size() + f["provision"]["destinations"].size();
      if (!f["risk_measures"].is_object()) continue;
      for (const auto& [name, section] : f["risk_measures"].items()) {
        if (!section.is_object() || !section.contains("risks")) continue;
        for (const auto& risk : section["risks"]) {
          ++n["risks"];
          n["controls"] += risk["controls"].size();
        }
      }
    }
  }
  return n;
}

}  // namespace

TEST_CASE("CSV and SQLite exports hold as many rows as the JSON Lines records say") {
  Scratch s;
  for (const auto& e : fs::directory_iterator(kSeeds))
    copy_seed(e.path().filename(), s / ("in/" + e.path().filename().string()));
  std::ofstream(s / "in/zz_letter.txt") << "拝啓";
  const Outcome o =
      shell(s.dir, kHyoka + " batch in -o out.jsonl --csv csv --excel --sqlite db.sqlite -q");
  CHECK(o.code == 5);
  const auto recs = records(s / "out.jsonl");
  const auto expected = expected_counts(recs);
  CHECK(expected.at("controls") > 100);
  CHECK(expected.at("entrusts") > 0);
  CHECK(expected.at("recipients") > 0);
  for (const auto& table : hyoka::exporter::tables()) {
    INFO(table.name);
    const std::size_t want = expected.count(table.name) ? expected.at(table.name) : 0;
    bool bom = false;
    CHECK(csv_rows(s / ("csv/" + table.name + ".csv"), &bom) == want);
    CHECK(bom);
    CHECK(sqlite_count(s / "db.sqlite", "SELECT count(*) FROM " + table.name) == want);
  }
  CHECK(sqlite_count(s / "db.sqlite", "SELECT count(*) FROM documents WHERE status = 'error'") ==
        1);
  CHECK(sqlite_count(s / "db.sqlite", "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(sqlite_count(s / "db.sqlite",
                     "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                     "'entrusts_contractor'") == 1);

  // hyoka export from the JSON Lines file writes the same tables
  CHECK(shell(s.dir, kHyoka + " export out.jsonl --csv csv2 --sqlite db2.sqlite").code == 0);
  for (const auto& table : hyoka::exporter::tables()) {
    INFO(table.name);
    CHECK(slurp(s / ("csv2/" + table.name + ".csv")) ==
          slurp(s / ("csv/" + table.name + ".csv")).substr(3));  // no BOM without --excel
  }
  CHECK(sqlite_count(s / "db2.sqlite", "SELECT count(*) FROM controls") == expected.at("controls"));
  CHECK(shell(s.dir, kHyoka + " export out.jsonl").code == 2);
}

TEST_CASE("every exported row has one value per column, keyed by document id and pointer") {
  const std::string text = slurp((kSeeds / "004_93c291e82691a3a8.txt").string());
  const hyoka::Parser parser;
  const json doc = parser.parse(text);
  const auto rows = hyoka::exporter::rows_of(doc);
  REQUIRE(rows.size() > 50);
  for (const auto& row : rows) {
    CHECK(row.values.size() == hyoka::exporter::tables()[row.table].columns.size());
    CHECK(std::get<std::string>(row.values[0]) == doc["source"]["sha256"]);
    if (row.table == 0) continue;
    const std::string pointer = std::get<std::string>(row.values[1]);
    CHECK(doc.contains(json::json_pointer(pointer)));
  }
  const json err = hyoka::batch::error_record("x.txt", nullptr, "io", "読めません");
  const auto err_rows = hyoka::exporter::rows_of(err);
  REQUIRE(err_rows.size() == 1);
  CHECK(std::get<std::string>(err_rows[0].values[0]).rfind("unread:", 0) == 0);
  CHECK(err_rows[0].values.size() == hyoka::exporter::tables()[0].columns.size());
}

TEST_CASE("CSV fields are quoted as RFC 4180 says") {
  using hyoka::exporter::csv_field;
  CHECK(csv_field(std::string("plain")) == "plain");
  CHECK(csv_field(std::string("a,b")) == "\"a,b\"");
  CHECK(csv_field(std::string("say \"hi\"")) == "\"say \"\"hi\"\"\"");
  CHECK(csv_field(std::string("two\nlines")) == "\"two\nlines\"");
  CHECK(csv_field(42LL) == "42");
  CHECK(csv_field(std::monostate{}).empty());
}

TEST_CASE("shards partition documents by content hash, deterministically") {
  using hyoka::batch::shard_of;
  CHECK(shard_of("ffffffffffffffff", 1) == 0);
  std::vector<std::size_t> seen(3, 0);
  const char* hashes[] = {"00", "01", "02", "0a", "ff", "7c", "31", "c4", "5d"};
  for (const char* h : hashes) {
    const std::size_t k = shard_of(std::string(h) + "0000000000000", 3);
    CHECK(k < 3);
    CHECK(k == shard_of(std::string(h) + "0000000000000", 3));
    ++seen[k];
  }
  CHECK(std::count(seen.begin(), seen.end(), 0) == 0);
}

TEST_CASE("the source of a written line is found without reading the whole record") {
  using hyoka::batch::record_source;
  const json s =
      record_source(R"({"a":"\"source\":{x","source":{"path":"a}b\"c","sha256":"00"},"z":1})");
  REQUIRE(s.is_object());
  CHECK(s["path"] == "a}b\"c");
  CHECK(s["sha256"] == "00");
  CHECK(record_source(R"({"sources":[]})").is_null());
  CHECK(record_source(R"({"source":{"path":"cut sho)").is_null());
}

TEST_CASE("batch writes JSON byte for byte as nlohmann's dump with replacement does") {
  const json j = {{"text", "改行\nタブ\t\"引用\" \\ \x01\x1f\x7f"},
                  {"bad", std::string("ok\xff\xfe end \xe3\x81")},
                  // escapes written before the invalid byte is met; a surrogate, an overlong
                  // and a cut 4-byte sequence
                  {"bad2", std::string("q\"\n\xed\xa0\x80 \xc0\xaf \xf0\x9f")},
                  {"bad3", std::string("\xf4\x90\x80\x80 \xe0\x80\xaf ok")},
                  {"numbers", {0, -5, 18446744073709551615ULL, 1.5}},
                  {"nested", {{"b", nullptr}, {"a", true}, {"list", json::array()}}},
                  {"empty", json::object()}};
  CHECK(hyoka::batch::json_line(j) == j.dump(-1, ' ', false, json::error_handler_t::replace));
}
