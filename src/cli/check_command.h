// `hyoka check FILE...` and `hyoka rules [CODE]`: parse, validate, report, exit code.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/check_config.h"
#include "hyoka/limits.h"
#include "hyoka/parse.h"

namespace hyoka::cli {

class CheckCommand {
 public:
  void attach(CLI::App& app);
  bool parsed() const { return app_ != nullptr && app_->parsed(); }
  int run(const Parser& parser);

 private:
  CLI::App* app_ = nullptr;
  std::vector<std::string> files_;
  std::string format_, fail_on_, config_, output_, encoding_;
  Limits limits_;
  std::vector<std::string> select_, ignore_;
  bool draft_ = false;
  bool no_config_ = false;
};

class RulesCommand {
 public:
  void attach(CLI::App& app);
  bool parsed() const { return app_ != nullptr && app_->parsed(); }
  int run();

 private:
  CLI::App* app_ = nullptr;
  std::string code_;
  std::string format_ = "text";
};

}  // namespace hyoka::cli
