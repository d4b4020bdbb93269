// End-to-end tests of the `hyoka` command line: exit codes, output shapes, stdin, -o, the
// normalize and schema subcommands, and that stdout carries nothing but the requested output.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "hyoka/parse.h"

namespace {

namespace fs = std::filesystem;
using namespace hyoka_test;
using nlohmann::json;

constexpr const char* kNotAssessmentMessage = "特定個人情報保護評価書ではありません";
constexpr const char* kCannotOpenMessage = "ファイルを開けません";

std::vector<std::string> seed_paths() {
  std::vector<std::string> seeds;
  const fs::path dir = fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      seeds.push_back(entry.path().string());
    }
  }
  std::sort(seeds.begin(), seeds.end());
  REQUIRE(seeds.size() >= 3);
  return seeds;
}

// Parses the whole of stdout as one JSON value (trailing garbage or chatter makes this fail).
json parse_stdout(const RunResult& r) {
  INFO("stdout (first 300 bytes): " << r.out.substr(0, 300));
  INFO("stderr: " << r.err);
  json j;
  REQUIRE_NOTHROW(j = json::parse(r.out));
  return j;
}

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// True if the UTF-8 text contains a kana or CJK ideograph.
bool contains_japanese(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
      const char32_t cp =
          (static_cast<char32_t>(c & 0x0F) << 12) |
          (static_cast<char32_t>(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
          static_cast<char32_t>(static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF)) return true;
      i += 3;
      continue;
    }
    ++i;
  }
  return false;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::size_t count_input_lines(const std::string& text) {
  std::size_t n = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

const std::string kProse =
    "今日は朝から雨が降っていたので、図書館へ行って本を読みました。\n"
    "帰り道に商店街でコロッケを買い、家族と一緒に夕食を食べました。\n"
    "明日は晴れるそうなので、公園を散歩する予定です。\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Exit codes

TEST_CASE("cli: a readable assessment exits 0 with exactly one JSON document", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const RunResult r = run_hyoka(tmp, {"parse", seed});
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  const json doc = parse_stdout(r);
  REQUIRE(doc.is_object());
  REQUIRE(doc.contains("source"));
  CHECK(doc["source"]["path"] == seed);
}

TEST_CASE("cli: no subcommand is a usage error (2)", "[cli]") {
  TempDir tmp;
  const RunResult r = run_hyoka(tmp, {});
  CHECK(r.code == 2);
  CHECK(is_blank(r.out));
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("cli: an unknown option is a usage error (2)", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const RunResult r = run_hyoka(tmp, {"parse", "--no-such-option", seed});
  CHECK(r.code == 2);
  CHECK(is_blank(r.out));
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("cli: an unknown subcommand is a usage error (2)", "[cli]") {
  TempDir tmp;
  const RunResult r = run_hyoka(tmp, {"frobnicate"});
  CHECK(r.code == 2);
  CHECK(is_blank(r.out));
}

TEST_CASE("cli: a missing option argument is a usage error (2)", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  SECTION("-o without a path") {
    const RunResult r = run_hyoka(tmp, {"parse", seed, "-o"});
    CHECK(r.code == 2);
    CHECK(is_blank(r.out));
    CHECK_FALSE(r.err.empty());
  }
  SECTION("parse without FILE") {
    const RunResult r = run_hyoka(tmp, {"parse"});
    CHECK(r.code == 2);
    CHECK(is_blank(r.out));
    CHECK_FALSE(r.err.empty());
  }
  SECTION("normalize without FILE") {
    const RunResult r = run_hyoka(tmp, {"normalize"});
    CHECK(r.code == 2);
    CHECK(is_blank(r.out));
  }
}

TEST_CASE("cli: usage errors are reported in Japanese on stderr", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const std::vector<std::vector<std::string>> cases = {
      {}, {"parse", "--no-such-option", seed}, {"parse", seed, "-o"}, {"parse"}};
  for (const auto& args : cases) {
    const RunResult r = run_hyoka(tmp, args);
    INFO("args: " << (args.empty() ? std::string("(none)") : args.front()) << " ... ("
                  << args.size() << " args)");
    INFO("stderr: " << r.err);
    CHECK(r.code == 2);
    CHECK(contains_japanese(r.err));
  }
}

TEST_CASE("cli: a missing file is unreadable input (3) and is named on stderr", "[cli]") {
  TempDir tmp;
  const std::string missing = (tmp / "does-not-exist.txt").string();
  const RunResult r = run_hyoka(tmp, {"parse", missing});
  INFO("stderr: " << r.err);
  CHECK(r.code == 3);
  CHECK(contains(r.err, missing));
  CHECK(contains(r.err, kCannotOpenMessage));
  CHECK(is_blank(r.out));
}

TEST_CASE("cli: a directory is unreadable input (3) and is named on stderr", "[cli]") {
  TempDir tmp;
  const fs::path dir = tmp / "a-directory";
  fs::create_directory(dir);
  const RunResult r = run_hyoka(tmp, {"parse", dir.string()});
  INFO("stderr: " << r.err);
  CHECK(r.code == 3);
  CHECK(contains(r.err, dir.string()));
  CHECK(contains_japanese(r.err));
  CHECK(is_blank(r.out));
}

TEST_CASE("cli: ordinary Japanese prose is not an assessment (4)", "[cli]") {
  TempDir tmp;
  const fs::path prose = tmp / "prose.txt";
  write_file(prose, kProse);
  const RunResult r = run_hyoka(tmp, {"parse", prose.string()});
  INFO("stderr: " << r.err);
  CHECK(r.code == 4);
  CHECK(contains(r.err, prose.string()));
  CHECK(contains(r.err, kNotAssessmentMessage));
  CHECK(is_blank(r.out));
}

TEST_CASE("cli: an empty file is not an assessment (4)", "[cli]") {
  TempDir tmp;
  const fs::path empty = tmp / "empty.txt";
  write_file(empty, "");
  const RunResult r = run_hyoka(tmp, {"parse", empty.string()});
  INFO("stderr: " << r.err);
  CHECK(r.code == 4);
  CHECK(contains(r.err, empty.string()));
  CHECK(contains(r.err, kNotAssessmentMessage));
  CHECK(is_blank(r.out));
}

TEST_CASE("cli: failing to write the output is an internal error (70)", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  SECTION("stdout closed") {
    const RunResult r = run_hyoka(tmp, {"parse", seed}, ">&-");
    INFO("stderr: " << r.err);
    CHECK(r.code == 70);
  }
  if (fs::exists("/dev/full")) {
    SECTION("stdout is /dev/full") {
      const RunResult r = run_hyoka(tmp, {"parse", seed}, ">/dev/full");
      INFO("stderr: " << r.err);
      CHECK(r.code == 70);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// --help and --version

TEST_CASE("cli: --help exits 0 and describes the subcommands on stdout", "[cli]") {
  TempDir tmp;
  const RunResult r = run_hyoka(tmp, {"--help"});
  CHECK(r.code == 0);
  CHECK(contains(r.out, "parse"));
  CHECK(contains(r.out, "normalize"));
  CHECK(contains(r.out, "schema"));
}

TEST_CASE("cli: --version exits 0 and prints the library version", "[cli]") {
  TempDir tmp;
  const RunResult r = run_hyoka(tmp, {"--version"});
  CHECK(r.code == 0);
  const std::string version(hyoka::Parser::version());
  REQUIRE_FALSE(version.empty());
  CHECK(contains(r.out, version));
}

// ---------------------------------------------------------------------------------------------
// One vs several inputs, --jsonl, --pretty, --spans

TEST_CASE("cli: one input gives an object, several give an array in input order", "[cli]") {
  TempDir tmp;
  const auto seeds = seed_paths();

  const RunResult one = run_hyoka(tmp, {"parse", seeds[0]});
  CHECK(one.code == 0);
  CHECK(parse_stdout(one).is_object());

  std::vector<std::string> args = {"parse"};
  args.insert(args.end(), seeds.begin(), seeds.end());
  const RunResult many = run_hyoka(tmp, args);
  INFO("stderr: " << many.err);
  CHECK(many.code == 0);
  const json arr = parse_stdout(many);
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == seeds.size());
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    REQUIRE(arr[i].is_object());
    CHECK(arr[i]["source"]["path"] == seeds[i]);
  }
  // The single-input document is the same as its element in the array.
  CHECK(arr[0] == parse_stdout(one));
}

TEST_CASE("cli: --jsonl prints one JSON object per line", "[cli]") {
  TempDir tmp;
  const auto seeds = seed_paths();
  std::vector<std::string> args = {"parse", "--jsonl"};
  args.insert(args.end(), seeds.begin(), seeds.end());
  const RunResult r = run_hyoka(tmp, args);
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  REQUIRE_FALSE(r.out.empty());
  CHECK(r.out.back() == '\n');
  const auto lines = split_lines(r.out);
  REQUIRE(lines.size() == seeds.size());

  std::vector<std::string> array_args = {"parse"};
  array_args.insert(array_args.end(), seeds.begin(), seeds.end());
  const json arr = parse_stdout(run_hyoka(tmp, array_args));
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == seeds.size());

  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i + 1);
    json doc;
    REQUIRE_NOTHROW(doc = json::parse(lines[i]));
    REQUIRE(doc.is_object());
    CHECK(doc["source"]["path"] == seeds[i]);
    CHECK(doc == arr[i]);
  }

  SECTION("a single input with --jsonl is one line") {
    const RunResult single = run_hyoka(tmp, {"parse", "--jsonl", seeds[0]});
    CHECK(single.code == 0);
    const auto single_lines = split_lines(single.out);
    REQUIRE(single_lines.size() == 1);
    json doc;
    REQUIRE_NOTHROW(doc = json::parse(single_lines[0]));
    CHECK(doc.is_object());
  }
}

TEST_CASE("cli: --pretty output parses, is indented, and equals the compact document", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const RunResult compact = run_hyoka(tmp, {"parse", seed});
  const RunResult pretty = run_hyoka(tmp, {"parse", "--pretty", seed});
  CHECK(compact.code == 0);
  CHECK(pretty.code == 0);
  const json doc = parse_stdout(pretty);
  CHECK(doc.is_object());
  CHECK(doc == parse_stdout(compact));
  // Indented: the object opens on its own line and members are indented.
  CHECK(pretty.out.rfind("{\n", 0) == 0);
  CHECK(contains(pretty.out, "\n  \""));
  CHECK(split_lines(pretty.out).size() > 10);
  // The compact form is a single line.
  CHECK(split_lines(compact.out).size() == 1);
}

TEST_CASE("cli: --spans adds a spans object of input line ranges", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const std::size_t input_lines = count_input_lines(read_file(seed));
  const RunResult plain = run_hyoka(tmp, {"parse", seed});
  const RunResult with_spans = run_hyoka(tmp, {"parse", "--spans", seed});
  CHECK(plain.code == 0);
  CHECK(with_spans.code == 0);
  const json plain_doc = parse_stdout(plain);
  json doc = parse_stdout(with_spans);

  CHECK_FALSE(plain_doc.contains("spans"));
  REQUIRE(doc.contains("spans"));
  const json spans = doc["spans"];
  REQUIRE(spans.is_object());
  CHECK_FALSE(spans.empty());
  for (const auto& [pointer, range] : spans.items()) {
    INFO("span " << pointer << " = " << range.dump());
    CHECK(pointer.rfind("/", 0) == 0);
    REQUIRE(range.is_array());
    REQUIRE(range.size() == 2);
    REQUIRE(range[0].is_number_integer());
    REQUIRE(range[1].is_number_integer());
    const auto first = range[0].get<long long>();
    const auto last = range[1].get<long long>();
    CHECK(first >= 1);
    CHECK(first <= last);
    CHECK(last <= static_cast<long long>(input_lines));
  }
  // --spans only adds: everything else is unchanged.
  doc.erase("spans");
  CHECK(doc == plain_doc);
}

// ---------------------------------------------------------------------------------------------
// stdin and -o

TEST_CASE("cli: '-' reads stdin and gives the same document with a null source.path", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const RunResult from_file = run_hyoka(tmp, {"parse", seed});
  const RunResult from_stdin = run_hyoka(tmp, {"parse", "-"}, stdin_from(seed));
  INFO("stderr: " << from_stdin.err);
  CHECK(from_file.code == 0);
  CHECK(from_stdin.code == 0);
  json file_doc = parse_stdout(from_file);
  json stdin_doc = parse_stdout(from_stdin);
  REQUIRE(file_doc.is_object());
  REQUIRE(stdin_doc.is_object());
  CHECK(file_doc["source"]["path"] == seed);
  REQUIRE(stdin_doc["source"].contains("path"));
  CHECK(stdin_doc["source"]["path"].is_null());

  file_doc["source"].erase("path");
  stdin_doc["source"].erase("path");
  CHECK(stdin_doc == file_doc);
}

TEST_CASE("cli: -o writes the same bytes as stdout and leaves no .tmp file", "[cli]") {
  TempDir tmp;
  const auto seeds = seed_paths();
  const fs::path out_dir = tmp / "out";
  fs::create_directory(out_dir);
  const fs::path out = out_dir / "result.json";

  SECTION("one input") {
    const RunResult to_stdout = run_hyoka(tmp, {"parse", seeds[0]});
    const RunResult to_file = run_hyoka(tmp, {"parse", seeds[0], "-o", out.string()});
    INFO("stderr: " << to_file.err);
    CHECK(to_stdout.code == 0);
    CHECK(to_file.code == 0);
    CHECK(to_file.out.empty());
    REQUIRE(fs::exists(out));
    CHECK(read_file(out) == to_stdout.out);
  }
  SECTION("several inputs, --pretty, overwriting an existing file") {
    write_file(out, "stale content\n");
    const RunResult to_stdout = run_hyoka(tmp, {"parse", "--pretty", seeds[0], seeds[1]});
    const RunResult to_file =
        run_hyoka(tmp, {"parse", "--pretty", seeds[0], seeds[1], "--output", out.string()});
    INFO("stderr: " << to_file.err);
    CHECK(to_stdout.code == 0);
    CHECK(to_file.code == 0);
    CHECK(to_file.out.empty());
    REQUIRE(fs::exists(out));
    CHECK(read_file(out) == to_stdout.out);
  }

  CHECK_FALSE(fs::exists(out.string() + ".tmp"));
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(out_dir)) {
    names.push_back(entry.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"result.json"});
}

// ---------------------------------------------------------------------------------------------
// Several inputs with failures: the highest code wins, readable inputs are still converted

TEST_CASE("cli: one good seed and one missing file exits 3 and prints the good document", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const std::string missing = (tmp / "missing.txt").string();

  for (const auto& order : {std::vector<std::string>{"parse", seed, missing},
                            std::vector<std::string>{"parse", missing, seed}}) {
    const RunResult r = run_hyoka(tmp, order);
    INFO("order: " << order[1] << " then " << order[2]);
    INFO("stderr: " << r.err);
    CHECK(r.code == 3);
    CHECK(contains(r.err, missing));
    CHECK(contains(r.err, kCannotOpenMessage));
    const json arr = parse_stdout(r);
    REQUIRE(arr.is_array());
    REQUIRE(arr.size() == 1);
    CHECK(arr[0]["source"]["path"] == seed);
  }
}

TEST_CASE("cli: one good seed and a directory exits 3 and prints the good document", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const fs::path dir = tmp / "a-directory";
  fs::create_directory(dir);
  const RunResult r = run_hyoka(tmp, {"parse", seed, dir.string()});
  INFO("stderr: " << r.err);
  CHECK(r.code == 3);
  CHECK(contains(r.err, dir.string()));
  const json arr = parse_stdout(r);
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == 1);
  CHECK(arr[0]["source"]["path"] == seed);
}

TEST_CASE("cli: a not-an-assessment input among good ones exits 4, good ones converted", "[cli]") {
  TempDir tmp;
  const auto seeds = seed_paths();
  const fs::path prose = tmp / "prose.txt";
  write_file(prose, kProse);
  const RunResult r = run_hyoka(tmp, {"parse", seeds[0], prose.string(), seeds[1]});
  INFO("stderr: " << r.err);
  CHECK(r.code == 4);
  CHECK(contains(r.err, prose.string()));
  CHECK(contains(r.err, kNotAssessmentMessage));
  const json arr = parse_stdout(r);
  REQUIRE(arr.is_array());
  std::vector<std::string> paths;
  for (const auto& d : arr) {
    if (d.is_object() && d.contains("source") && d["source"]["path"].is_string()) {
      paths.push_back(d["source"]["path"].get<std::string>());
    }
  }
  CHECK(paths == std::vector<std::string>{seeds[0], seeds[1]});
}

TEST_CASE("cli: with several failures the highest exit code wins", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const fs::path prose = tmp / "prose.txt";
  write_file(prose, kProse);
  const std::string missing = (tmp / "missing.txt").string();

  SECTION("missing (3) before not-an-assessment (4)") {
    const RunResult r = run_hyoka(tmp, {"parse", missing, seed, prose.string()});
    INFO("stderr: " << r.err);
    CHECK(r.code == 4);
    CHECK(contains(r.err, missing));
    CHECK(contains(r.err, prose.string()));
    const json arr = parse_stdout(r);
    REQUIRE(arr.is_array());
    REQUIRE(arr.size() == 1);
    CHECK(arr[0]["source"]["path"] == seed);
  }
  SECTION("not-an-assessment (4) before missing (3)") {
    const RunResult r = run_hyoka(tmp, {"parse", prose.string(), missing, seed});
    INFO("stderr: " << r.err);
    CHECK(r.code == 4);
    const json arr = parse_stdout(r);
    REQUIRE(arr.is_array());
    REQUIRE(arr.size() == 1);
    CHECK(arr[0]["source"]["path"] == seed);
  }
  SECTION("--jsonl keeps the good document and the highest code") {
    const RunResult r = run_hyoka(tmp, {"parse", "--jsonl", missing, seed, prose.string()});
    INFO("stderr: " << r.err);
    CHECK(r.code == 4);
    const auto lines = split_lines(r.out);
    REQUIRE(lines.size() == 1);
    json doc;
    REQUIRE_NOTHROW(doc = json::parse(lines[0]));
    CHECK(doc["source"]["path"] == seed);
  }
}

// ---------------------------------------------------------------------------------------------
// stdout carries only the requested output

TEST_CASE("cli: diagnostics never appear on stdout", "[cli]") {
  TempDir tmp;
  const auto seed = seed_paths().front();
  const fs::path prose = tmp / "prose.txt";
  write_file(prose, kProse);
  const std::string missing = (tmp / "missing.txt").string();

  const RunResult r = run_hyoka(tmp, {"parse", seed, missing, prose.string()});
  INFO("stderr: " << r.err);
  CHECK_FALSE(contains(r.out, "hyoka:"));
  CHECK_FALSE(contains(r.out, kCannotOpenMessage));
  CHECK_FALSE(contains(r.out, kNotAssessmentMessage));
  CHECK_FALSE(contains(r.out, missing));
  CHECK_FALSE(contains(r.out, prose.string()));
  // and what is there is exactly one JSON value
  CHECK(parse_stdout(r).is_array());
  // while the messages are on stderr
  CHECK(contains(r.err, kCannotOpenMessage));
  CHECK(contains(r.err, kNotAssessmentMessage));

  const RunResult ok = run_hyoka(tmp, {"parse", seed});
  CHECK(ok.code == 0);
  CHECK(parse_stdout(ok).is_object());
  REQUIRE_FALSE(ok.out.empty());
  CHECK(ok.out.front() == '{');
}

// ---------------------------------------------------------------------------------------------
// normalize and schema

TEST_CASE("cli: normalize prints the layout and rows numbered by input line", "[cli]") {
  TempDir tmp;
  const auto seeds = seed_paths();
  const std::string seed = seeds.front();
  const std::string input = read_file(seed);
  const auto input_lines = split_lines(input);
  const RunResult r = run_hyoka(tmp, {"normalize", seed});
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  const auto lines = split_lines(r.out);
  REQUIRE(lines.size() >= 2);

  // First line: the layout, the same one parse reports.
  const std::string prefix = "# layout: ";
  REQUIRE(lines[0].rfind(prefix, 0) == 0);
  const std::string layout = lines[0].substr(prefix.size());
  CHECK_FALSE(layout.empty());
  const json doc = parse_stdout(run_hyoka(tmp, {"parse", seed}));
  CHECK(doc["source"]["layout"] == layout);

  // Then rows "   N: text" with 1-based, non-decreasing input line numbers (read by hand: the
  // project uses no std::regex, whose GCC 12 headers also warn falsely under ASan).
  const auto split_row = [](const std::string& row, long long& number, std::string& text) {
    std::size_t i = row.find_first_not_of(' ');
    const std::size_t digits = i;
    while (i < row.size() && row[i] >= '0' && row[i] <= '9') ++i;
    if (i == digits || i >= row.size() || row[i] != ':' || i - digits > 18) return false;
    number = std::stoll(row.substr(digits, i - digits));
    text = row.substr(i + 1 < row.size() && row[i + 1] == ' ' ? i + 2 : i + 1);
    return true;
  };
  long long previous = 0;
  bool saw_marker = false;
  const std::string marker = "評価書番号";
  std::size_t marker_line = 0;
  for (std::size_t i = 0; i < input_lines.size(); ++i) {
    if (contains(input_lines[i], marker)) {
      marker_line = i + 1;
      break;
    }
  }
  REQUIRE(marker_line > 0);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    long long n = 0;
    std::string text;
    INFO("row " << i << ": " << lines[i].substr(0, 120));
    REQUIRE(split_row(lines[i], n, text));
    CHECK(n >= 1);
    CHECK(n >= previous);
    CHECK(n <= static_cast<long long>(input_lines.size()));
    previous = n;
    if (n == static_cast<long long>(marker_line) && contains(text, marker)) {
      saw_marker = true;
    }
  }
  CHECK(saw_marker);

  SECTION("normalize reads stdin with '-'") {
    const RunResult from_stdin = run_hyoka(tmp, {"normalize", "-"}, stdin_from(seed));
    CHECK(from_stdin.code == 0);
    CHECK(from_stdin.out == r.out);
  }
  SECTION("normalize of a missing file exits 3") {
    const std::string missing = (tmp / "missing.txt").string();
    const RunResult bad = run_hyoka(tmp, {"normalize", missing});
    CHECK(bad.code == 3);
    CHECK(contains(bad.err, missing));
    CHECK(contains(bad.err, kCannotOpenMessage));
    CHECK(is_blank(bad.out));
  }
}

TEST_CASE("cli: schema prints a draft 2020-12 JSON Schema", "[cli]") {
  TempDir tmp;
  const RunResult r = run_hyoka(tmp, {"schema"});
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  const json schema = parse_stdout(r);
  REQUIRE(schema.is_object());
  REQUIRE(schema.contains("$schema"));
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(r.err.empty());
}

// ---- hard limits (issue 7) ------------------------------------------------------------------

TEST_CASE("cli: an input past --max-bytes exits 5 naming LIM001, from a file or stdin", "[cli]") {
  TempDir tmp;
  const std::string seed = seed_paths().front();
  const std::size_t size = fs::file_size(seed);
  const std::string limit = std::to_string(size - 1);
  for (const auto& [args, redirect] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"parse", "--max-bytes", limit, seed}, ""},
           {{"parse", "--max-bytes", limit, "-"}, stdin_from(seed)},
           {{"normalize", "--max-bytes", limit, seed}, ""}}) {
    const RunResult r = run_hyoka(tmp, args, redirect);
    INFO("args: " << args[0] << " " << args.back() << " stderr: " << r.err);
    CHECK(r.code == 5);
    CHECK(is_blank(r.out));
    CHECK(contains(r.err, "LIM001 max_bytes"));
    CHECK(contains(r.err, "--max-bytes"));
    CHECK(contains(r.err, args.back() == "-" ? "<標準入力>" : seed));
    CHECK(contains_japanese(r.err));
  }
  // exactly the limit is read
  const RunResult fits = run_hyoka(tmp, {"parse", "--max-bytes", std::to_string(size), seed});
  CHECK(fits.code == 0);
  CHECK(parse_stdout(fits).at("source").at("bytes") == size);
}

TEST_CASE("cli: a limit among good inputs exits 5 and the good ones are converted", "[cli]") {
  TempDir tmp;
  const std::vector<std::string> seeds = seed_paths();
  const fs::path big = tmp / "big.txt";
  write_file(big, read_file(seeds.front()) + read_file(seeds.front()));
  const std::string limit = std::to_string(fs::file_size(seeds.front()) + 1);
  const RunResult r =
      run_hyoka(tmp, {"parse", "--jsonl", "--max-bytes", limit, seeds.front(), big.string()});
  CHECK(r.code == 5);
  CHECK(contains(r.err, big.string()));
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("cli: --max-bytes must be a positive number (usage error 2)", "[cli]") {
  TempDir tmp;
  const std::string seed = seed_paths().front();
  for (const char* bad : {"0", "-5", "many"}) {
    const RunResult r = run_hyoka(tmp, {"parse", "--max-bytes", bad, seed});
    INFO("--max-bytes " << bad << " stderr: " << r.err);
    CHECK(r.code == 2);
    CHECK(is_blank(r.out));
  }
}
