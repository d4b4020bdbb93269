// CHO005: 行っていない checked together with 提供を行っている / 移転を行っている.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i) + "/provision/status";
    const json& status = c.at(f);
    if (checked(status, "行っていない") != true) continue;
    for (const char* label : {"提供を行っている", "移転を行っている"}) {
      if (checked(status, label) != true) continue;
      out.push_back({file_label(c, i) + " は提供・移転の有無で「行っていない」と「" +
                         std::string(label) + "」の両方にチェックがあります。",
                     {check_pointer(status, f, "行っていない"), check_pointer(status, f, label)}});
    }
  }
}

}  // namespace

Rule cho005() {
  return {"CHO005",
          "choices",
          "error",
          "提供・移転の有無で「行っていない」と「行っている」の両方にチェックがある",
          R"(Ⅱ 5 提供・移転の有無の「行っていない」は、「提供を行っている」「移転を行っている」と
同時には選べません。
直し方: 実態に合う方だけにチェックします。)",
          {{"/files/0/provision/status/2/checked", true}},
          {{"/files/0/provision/status/2/checked", false}},
          check};
}

}  // namespace hyoka::validate::ruleset
