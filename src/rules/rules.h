// The rule factories, one per file under src/rules/ (family_name.cpp). registry.cpp lists them.
#pragma once

#include "hyoka/validate.h"

namespace hyoka::validate::ruleset {

// reading diagnostics emitted by the parser (documented here, checked in the recognizers)
std::vector<Rule> reading();

// counts
Rule cnt001();
Rule cnt002();
Rule cnt003();
Rule cnt004();
Rule cnt005();
// choices vs details
Rule cho001();
Rule cho002();
Rule cho003();
Rule cho004();
Rule cho005();
Rule cho006();
Rule cho007();
Rule cho008();
Rule cho009();
Rule cho010();
Rule cho011();
Rule cho012();
Rule cho013();
// names
Rule nam002();
Rule nam003();
// options
Rule opt001();
// ranges
Rule rng001();
Rule rng002();
Rule rng003();
Rule rng004();
// dates
Rule dat001();
Rule dat002();
Rule dat003();
Rule dat004();
Rule dat005();
Rule dat006();
// change log vs body
Rule chg001();
Rule chg002();
Rule chg003();
// completeness
Rule req001();
Rule req002();
Rule req003();
Rule req004();
Rule req005();
Rule req006();
Rule req007();
Rule req008();
// extraction quality
Rule qua001();
Rule qua002();
Rule qua003();

}  // namespace hyoka::validate::ruleset
