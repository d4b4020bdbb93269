// Reading the command line's inputs: a file, or stdin for "-". Errors are values (Japanese).
#pragma once

#include <string>

namespace hyoka::cli {

struct Input {
  std::string name;  // as given ("-" for stdin)
  std::string bytes;
  bool ok = false;
  std::string error;
};

Input read_input(const std::string& name);
std::string display_name(const std::string& name);

}  // namespace hyoka::cli
