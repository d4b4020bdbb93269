// The built-in grammars loaded once, and the 様式3 grammar's option lists by name, for tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "hyoka/grammar.h"

namespace grammar_support {

// Loaded once for the test binary (validate::Options::grammars, the Parser's in production).
inline const hyoka::GrammarSet& builtin_grammars() {
  static const hyoka::GrammarSet set;
  return set;
}

inline const hyoka::OptionList& opts(const std::string& name) {
  const hyoka::Grammar* g = builtin_grammars().find("focused");
  REQUIRE(g != nullptr);
  return g->options.at(name);
}

}  // namespace grammar_support
