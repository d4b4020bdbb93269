// hyoka command line: a thin layer over the library. Messages to end users are Japanese.
//
// Exit codes (README, cli/exit_codes.h): 0 success, 1 check found problems, 2 usage error,
// 3 unreadable input, 4 input that is not an assessment, 5 input past a hard limit (limits.h,
// --max-bytes), 70 internal error. With several inputs the highest code wins; every readable
// input is still converted.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "batch_command.h"
#include "cli/check_command.h"
#include "cli/exit_codes.h"
#include "cli/input.h"
#include "hyoka/decode.h"
#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/parse.h"

namespace {

using hyoka::cli::display_name;
using hyoka::cli::Input;
using hyoka::cli::read_input;
using hyoka::cli::report_limit;

using hyoka::cli::kInternal;
using hyoka::cli::kLimit;
using hyoka::cli::kNotAssessment;
using hyoka::cli::kOk;
using hyoka::cli::kUnreadable;
using hyoka::cli::kUsage;

int write_output(const std::string& out_path, const std::string& text) {
  if (out_path.empty() || out_path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "hyoka: 標準出力に書き込めません\n";
      return kInternal;
    }
    return kOk;
  }
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << text;
    if (!f) {
      std::cerr << "hyoka: 出力ファイル " << out_path << " に書き込めません\n";
      return kUnreadable;
    }
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    std::cerr << "hyoka: 出力ファイル " << out_path << " に書き込めません\n";
    return kUnreadable;
  }
  return kOk;
}

int run_parse(const hyoka::Parser& parser, const std::vector<std::string>& files,
              const std::string& out_path, bool pretty, bool spans, bool jsonl,
              const std::string& encoding, bool draft, bool no_validate,
              const hyoka::Limits& limits) {
  int code = kOk;
  std::vector<nlohmann::json> docs;
  for (const auto& name : files) {
    Input in = read_input(name, limits.max_bytes);
    if (!in.ok) {
      std::cerr << "hyoka: " << display_name(name) << ": " << in.error << "\n";
      code = std::max(code, kUnreadable);
      continue;
    }
    try {
      hyoka::ParseOptions opt;
      opt.path = name == "-" ? std::string() : name;
      opt.spans = spans;
      opt.encoding = encoding;
      opt.draft = draft;
      opt.validate = !no_validate;
      opt.limits = limits;
      docs.push_back(parser.parse(in.bytes, opt));
    } catch (const hyoka::NotAnAssessment& e) {
      std::cerr << "hyoka: " << display_name(name)
                << ": 特定個人情報保護評価書ではありません: " << e.what() << "\n";
      code = std::max(code, kNotAssessment);
    } catch (const hyoka::LimitExceeded& e) {
      report_limit(name, e);
      code = std::max(code, kLimit);
    }
  }
  std::string text;
  const int indent = pretty ? 2 : -1;
  auto dump = [&](const nlohmann::json& j) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  if (jsonl) {
    for (const auto& d : docs)
      text += d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (files.size() == 1) {
    if (!docs.empty()) text = dump(docs.front()) + "\n";
  } else {
    text = dump(nlohmann::json(docs)) + "\n";
  }
  if (!text.empty()) code = std::max(code, write_output(out_path, text));
  return code;
}

int run_normalize(const hyoka::Parser& parser, const std::string& file, const std::string& out_path,
                  const std::string& encoding, const hyoka::Limits& limits) {
  Input in = read_input(file, limits.max_bytes);
  if (!in.ok) {
    std::cerr << "hyoka: " << display_name(file) << ": " << in.error << "\n";
    return kUnreadable;
  }
  hyoka::Normalized n;
  try {
    n = parser.normalize_text(in.bytes, encoding, limits);
  } catch (const hyoka::LimitExceeded& e) {
    report_limit(file, e);
    return kLimit;
  }
  for (const auto& note : n.limits_hit) {
    std::cerr << "hyoka: " << display_name(file) << ":" << note.line << ": " << note.message
              << "\n";
  }
  std::string text = "# layout: " + n.layout + "\n" + hyoka::dump(n);
  return write_output(out_path, text);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hyoka — 特定個人情報保護評価書のテキストを構造化データに変換します", "hyoka"};
  app.set_version_flag("--version", std::string(hyoka::Parser::version()));
  app.require_subcommand(1);

  std::vector<std::string> parse_files;
  std::string out_path;
  bool pretty = false;
  bool spans = false;
  bool jsonl = false;
  CLI::App* parse = app.add_subcommand("parse", "評価書を v1 JSON に変換します");
  parse->add_option("FILE", parse_files, "入力ファイル（- で標準入力）")->required();
  parse->add_option("-o,--output", out_path, "出力先ファイル（省略時は標準出力）");
  parse->add_flag("--pretty", pretty, "インデントして出力します");
  parse->add_flag("--spans", spans, "各値の入力行範囲（spans）を追加します");
  parse->add_flag("--jsonl", jsonl, "1 行 1 文書の JSON Lines で出力します");
  bool draft = false;
  bool no_validate = false;
  parse->add_flag("--draft", draft,
                  "下書きとして検査します（公表日・承認日などの空欄を診断しません）");
  parse->add_flag("--no-validate", no_validate,
                  "整合性の検査をせず、読み取り時の診断だけを含めます");
  std::string encoding;
  auto check_encoding = [](const std::string& name) -> std::string {
    if (hyoka::is_supported_encoding(name)) return {};
    std::string list;
    for (const auto& e : hyoka::supported_encodings()) list += (list.empty() ? "" : ", ") + e;
    return "未対応の文字コードです: " + name + "（対応: " + list + "）";
  };
  parse->add_option("--encoding", encoding, "入力の文字コード（省略時は自動判定）")
      ->check(check_encoding);
  hyoka::Limits limits;
  const std::string max_bytes_help =
      "入力の最大バイト数（超えると終了コード 5。既定 " + std::to_string(limits.max_bytes) + "）";
  parse->add_option("--max-bytes", limits.max_bytes, max_bytes_help)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));

  std::string normalize_file;
  CLI::App* normalize =
      app.add_subcommand("normalize", "認識器が見る正規化済みテキストを表示します");
  normalize->add_option("FILE", normalize_file, "入力ファイル（- で標準入力）")->required();
  normalize->add_option("-o,--output", out_path, "出力先ファイル");
  normalize->add_option("--encoding", encoding, "入力の文字コード（省略時は自動判定）")
      ->check(check_encoding);
  normalize->add_option("--max-bytes", limits.max_bytes, max_bytes_help)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));

  CLI::App* schema = app.add_subcommand("schema", "出力 JSON の JSON Schema を表示します");
  const auto batch = hyoka::cli::add_batch_commands(app);
  hyoka::cli::CheckCommand check;
  check.attach(app);
  hyoka::cli::RulesCommand rules;
  rules.attach(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "hyoka: 使い方が正しくありません: " << e.what()
              << "\n詳しくは hyoka --help を参照してください。\n";
    return kUsage;
  }

  try {
    if (schema->parsed()) {
      std::cout << hyoka::Parser::schema();
      return kOk;
    }
    if (rules.parsed()) return rules.run();
    const hyoka::Parser parser;
    if (parse->parsed()) {
      return run_parse(parser, parse_files, out_path, pretty, spans, jsonl, encoding, draft,
                       no_validate, limits);
    }
    if (check.parsed()) return check.run(parser);
    if (normalize->parsed()) {
      return run_normalize(parser, normalize_file, out_path, encoding, limits);
    }
    if (batch->parsed()) return batch->run(parser);
  } catch (const hyoka::GrammarError& e) {
    std::cerr << "hyoka: 内部エラー（文法ファイル）: " << e.what() << "\n";
    return kInternal;
  } catch (const std::exception& e) {
    std::cerr << "hyoka: 内部エラー: " << e.what() << "\n";
    return kInternal;
  }
  return kUsage;
}
