#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/input.h"
#include "cli/report_formats.h"
#include "hyoka/validate.h"

namespace hyoka::cli {

using nlohmann::json;

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::string cur;
    for (char ch : item + ",") {
      if (ch == ',') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else if (ch != ' ') {
        cur += ch;
      }
    }
  }
  return out;
}

// An input that is already a v1 document (an archive's JSON) is validated as it is.
bool is_v1_document(const std::string& bytes, json& doc) {
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || bytes[first] != '{') return false;
  doc = json::parse(bytes, nullptr, false);
  return doc.is_object() && doc.value("schema_version", json()) == "1" && doc.contains("files");
}

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

int write_text(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kOk : kInternal;
  }
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    std::cerr << "hyoka: 出力ファイル " << path << " に書き込めません\n";
    return kUnreadable;
  }
  return kOk;
}

}  // namespace

void CheckCommand::attach(CLI::App& app) {
  app_ = app.add_subcommand("check",
                            "評価書を読み取って整合性を検査し、問題をコンパイラ形式で表示します");
  app_->add_option("FILE", files_,
                   "入力ファイル（評価書のテキスト、または hyoka parse の JSON。- で標準入力）")
      ->required();
  app_->add_option("--format", format_, "出力形式: text（既定）, json, sarif, github, junit");
  app_->add_option("--fail-on", fail_on_,
                   "終了コード 1 にする重大度: error（既定）, warning, never");
  app_->add_option("--select", select_,
                   "検査する規則（コード、CNT などの接頭辞、counts などの分類。カンマ区切り可）")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app_->add_option("--ignore", ignore_, "検査しない規則（--select と同じ書き方）")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app_->add_flag("--draft", draft_,
                 "下書きとして検査します（公表日・承認日などの空欄を問題にしません）");
  app_->add_option("--config", config_,
                   "設定ファイル（省略時はカレントディレクトリから上へ .hyoka.json を探します）");
  app_->add_flag("--no-config", no_config_, "設定ファイルを読みません");
  app_->add_option("-o,--output", output_, "出力先ファイル（省略時は標準出力）");
  app_->add_option("--encoding", encoding_, "入力の文字コード（省略時は自動判定）");
  app_->add_option(
      "--max-bytes", limits_.max_bytes,
      "入力の最大バイト数（超えると終了コード 5。既定 " + std::to_string(limits_.max_bytes) + "）");
}

int CheckCommand::run(const Parser& parser) {
  CheckSettings s;
  try {
    const std::string config = !config_.empty() ? config_ : no_config_ ? "" : find_config(".");
    if (!config.empty()) load_config(config, s);
    if (!format_.empty()) s.format = format_;
    if (!fail_on_.empty()) s.fail_on = fail_on_;
    if (!select_.empty()) s.select = split_list(select_);
    if (!ignore_.empty()) s.ignore = split_list(ignore_);
    s.select = split_list(s.select);
    s.ignore = split_list(s.ignore);
    if (draft_) s.draft = true;
    if (!encoding_.empty()) s.encoding = encoding_;
    validate_settings(s);
  } catch (const ConfigError& e) {
    std::cerr << "hyoka: " << e.what() << "\n";
    return kUsage;
  }

  int code = kOk;
  std::vector<CheckedFile> checked;
  for (const auto& name : files_) {
    const Input in = read_input(name, limits_.max_bytes);
    if (!in.ok) {
      std::cerr << "hyoka: " << display_name(name) << ": " << in.error << "\n";
      code = std::max(code, kUnreadable);
      continue;
    }
    json doc;
    try {
      if (is_v1_document(in.bytes, doc)) {
        validate::Options vo;
        vo.draft = s.draft;
        vo.grammars = &parser.grammars();
        const json spans = doc.value("spans", json());
        validate::apply(doc, spans, vo);
      } else {
        ParseOptions opt;
        opt.path = name == "-" ? std::string() : name;
        opt.encoding = s.encoding;
        opt.draft = s.draft;
        opt.limits = limits_;
        doc = parser.parse(in.bytes, opt);
      }
    } catch (const LimitExceeded& e) {
      report_limit(name, e);
      code = std::max(code, kLimit);
      continue;
    } catch (const NotAnAssessment& e) {
      std::cerr << "hyoka: " << display_name(name)
                << ": 特定個人情報保護評価書ではありません: " << e.what() << "\n";
      code = std::max(code, kNotAssessment);
      continue;
    }
    CheckedFile f{name, json::array()};
    for (auto& d : doc["diagnostics"]) {
      const std::string rule = d.value("rule", "");
      if (!selected(s, rule)) continue;
      if (const auto it = s.severity.find(rule); it != s.severity.end()) d["severity"] = it->second;
      f.diagnostics.push_back(std::move(d));
    }
    // compiler order: by input line, findings without a line last
    std::stable_sort(f.diagnostics.begin(), f.diagnostics.end(), [](const json& a, const json& b) {
      const int la = a["line"].is_number_integer() && a["line"].get<int>() > 0
                         ? a["line"].get<int>()
                         : INT32_MAX;
      const int lb = b["line"].is_number_integer() && b["line"].get<int>() > 0
                         ? b["line"].get<int>()
                         : INT32_MAX;
      return la < lb;
    });
    checked.push_back(std::move(f));
  }

  std::vector<std::string> codes;
  for (const auto& r : validate::rules()) {
    if (selected(s, r.code)) codes.push_back(r.code);
  }
  const std::string version(Parser::version());
  std::string text;
  if (s.format == "json")
    text = render_json(checked, version);
  else if (s.format == "sarif")
    text = render_sarif(checked, codes, version);
  else if (s.format == "github")
    text = render_github(checked);
  else if (s.format == "junit")
    text = render_junit(checked, s.fail_on);
  else
    text = render_text(checked, output_.empty() && use_color());
  code = std::max(code, write_text(output_, text));

  const Totals t = totals(checked);
  if (s.format == "text") {
    std::cerr << "hyoka: " << checked.size() << " ファイルを検査しました: エラー " << t.error
              << " 件、警告 " << t.warning << " 件、情報 " << t.info << " 件\n";
  }
  const bool failed = (s.fail_on == "error" && t.error > 0) ||
                      (s.fail_on == "warning" && (t.error > 0 || t.warning > 0));
  if (failed) code = std::max(code, kCheckFailed);
  return code;
}

void RulesCommand::attach(CLI::App& app) {
  app_ = app.add_subcommand("rules", "検査規則の一覧、または 1 つの規則の説明を表示します");
  app_->add_option("CODE", code_, "規則のコード（例: CNT001）");
  app_->add_option("--format", format_, "出力形式: text（既定）, markdown, json");
}

int RulesCommand::run() {
  if (format_ != "text" && format_ != "markdown" && format_ != "json") {
    std::cerr << "hyoka: 不明な出力形式です: " << format_ << "（text, markdown, json）\n";
    return kUsage;
  }
  std::vector<const validate::Rule*> chosen;
  if (!code_.empty()) {
    const validate::Rule* r = validate::find_rule(code_);
    if (r == nullptr) {
      std::cerr << "hyoka: 規則 " << code_ << " はありません（hyoka rules で一覧を表示します）\n";
      return kUsage;
    }
    chosen.push_back(r);
  } else {
    for (const auto& r : validate::rules()) chosen.push_back(&r);
  }
  std::string out;
  if (format_ == "json") {
    json arr = json::array();
    for (const auto* r : chosen) {
      arr.push_back({{"code", r->code},
                     {"family", r->family},
                     {"severity", r->severity},
                     {"summary", r->summary},
                     {"explanation", r->explanation},
                     {"emitted_by", r->check == nullptr ? "parse" : "validate"}});
    }
    out = arr.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  } else if (format_ == "markdown") {
    for (const auto* r : chosen) out += validate::describe_markdown(*r);
  } else if (!code_.empty()) {
    out = validate::describe(*chosen.front());
  } else {
    for (const auto* r : chosen) {
      std::string sev = r->severity;
      sev.resize(7, ' ');
      std::string fam = r->family;
      fam.resize(9, ' ');
      out += r->code + "  " + sev + "  " + fam + "  " + r->summary + "\n";
    }
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? kOk : kInternal;
}

}  // namespace hyoka::cli
