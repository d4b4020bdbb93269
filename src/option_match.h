// Matching a text's key (text::key) against a grammar's option keys (internal).
#pragma once

#include <cstddef>
#include <string_view>

#include "hyoka/grammar.h"

namespace hyoka {

// Index of the option whose key equals k, else -1.
int exact_option(const OptionList& options, std::string_view k, std::size_t* variant = nullptr);

// Index of the option whose key is the longest prefix of k, else -1; `length` gets that key's
// length in bytes.
int prefix_option(const OptionList& options, std::string_view k, std::size_t* variant,
                  std::size_t* length);

}  // namespace hyoka
