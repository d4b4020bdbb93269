// Reading the command line's inputs: a file, or stdin for "-". Errors are values (Japanese).
#pragma once

#include <cstddef>
#include <string>

#include "hyoka/limits.h"

namespace hyoka::cli {

struct Input {
  std::string name;  // as given ("-" for stdin)
  std::string bytes;
  bool ok = false;
  std::string error;
};

// Reads at most `max_bytes` + 1 bytes, so that an input past the limit is rejected (LIM001)
// without holding the rest of it.
Input read_input(const std::string& name, std::size_t max_bytes);
std::string display_name(const std::string& name);

// The message of an input past a hard limit, on stderr (exit code kLimit).
void report_limit(const std::string& name, const LimitExceeded& e);

}  // namespace hyoka::cli
