// Matching a text's key against a grammar's option keys.
#include "option_match.h"

namespace hyoka {

// Index of the option whose key equals k, else -1.
int exact_option(const OptionList& options, std::string_view k, std::size_t* variant) {
  for (std::size_t i = 0; i < options.size(); ++i) {
    for (std::size_t v = 0; v < options[i].keys.size(); ++v) {
      if (options[i].keys[v] == k) {
        if (variant) *variant = v;
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

// Index of the option whose key is the longest prefix of k, else -1.
int prefix_option(const OptionList& options, std::string_view k, std::size_t* variant,
                  std::size_t* length) {
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < options.size(); ++i) {
    for (std::size_t v = 0; v < options[i].keys.size(); ++v) {
      const std::string& ok = options[i].keys[v];
      if (!ok.empty() && ok.size() > best_len && k.substr(0, ok.size()) == ok) {
        best = static_cast<int>(i);
        best_len = ok.size();
        if (variant) *variant = v;
      }
    }
  }
  if (length) *length = best_len;
  return best;
}

}  // namespace hyoka
