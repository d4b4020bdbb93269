// `hyoka check` settings: defaults, then the config file (.hyoka.json, found in the current
// directory or a parent), then the command line.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hyoka::cli {

struct CheckSettings {
  std::string format = "text";      // text / json / sarif / github / junit
  std::string fail_on = "error";    // error / warning / never
  std::vector<std::string> select;  // codes, code prefixes (CNT) or family names (counts)
  std::vector<std::string> ignore;
  bool draft = false;
  std::map<std::string, std::string> severity;  // code → error / warning / info
  std::string encoding;
  std::string config_path;  // the file the settings came from, if any
};

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kConfigName = ".hyoka.json";

// The nearest .hyoka.json from `start` upwards, or "".
std::string find_config(const std::string& start);
// Reads a config file into `s` (throws ConfigError with a Japanese message and the file name).
void load_config(const std::string& path, CheckSettings& s);
// Checks the values of `s` (formats, levels, selectors, severities); throws ConfigError.
void validate_settings(const CheckSettings& s);
// Whether a rule code is selected by `s` (select empty = all; ignore wins).
bool selected(const CheckSettings& s, const std::string& code);

}  // namespace hyoka::cli
