// The built-in 様式3 grammar's option lists, by name, for reader tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "hyoka/grammar.h"

namespace grammar_support {

inline const hyoka::OptionList& opts(const std::string& name) {
  static const hyoka::GrammarSet set;
  const hyoka::Grammar* g = set.find("focused");
  REQUIRE(g != nullptr);
  return g->options.at(name);
}

}  // namespace grammar_support
