// Grammar loading: the built-in grammars (grammars/*.json compiled in) and load_grammar's
// error reporting.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hyoka/grammar.h"
#include "hyoka/text.h"

using hyoka::Grammar;
using hyoka::GrammarError;
using hyoka::GrammarSet;
using hyoka::load_grammar;
using hyoka::ReadType;
using hyoka::Scope;

namespace {

const GrammarSet& builtin() {
  static const GrammarSet set;
  return set;
}

const Grammar& focused() {
  const Grammar* g = builtin().find("focused");
  REQUIRE(g != nullptr);
  return *g;
}

const Scope* scope_by_id(const Grammar& g, const std::string& id) {
  for (const Scope* s : g.scopes) {
    if (s->id == id) return s;
  }
  return nullptr;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("grammar: the built-in set loads and has the focused form", "[grammar]") {
  REQUIRE_NOTHROW(GrammarSet{});
  const Grammar& g = focused();
  CHECK(g.form == "focused");
  CHECK(g.name == "重点項目評価書（様式3）");
  CHECK(g.stamp_form_number == 3);
  REQUIRE(g.title_keys.size() == 1);
  CHECK(g.title_keys[0] == "重点項目評価書");
  CHECK(builtin().find("no-such-form") == nullptr);
  CHECK_FALSE(builtin().all().empty());
}

TEST_CASE("grammar: the built-in focused grammar equals grammars/focused.json", "[grammar]") {
  const std::string text = read_file(std::string(HYOKA_SOURCE_DIR) + "/grammars/focused.json");
  REQUIRE_FALSE(text.empty());
  const auto g = load_grammar(text);
  REQUIRE(g != nullptr);
  CHECK(g->form == "focused");
  CHECK(g->scopes.size() == focused().scopes.size());
  CHECK(g->options.size() == focused().options.size());
}

TEST_CASE("grammar: every field has a key and every read is complete", "[grammar]") {
  const Grammar& g = focused();
  REQUIRE(g.root != nullptr);
  REQUIRE_FALSE(g.scopes.empty());
  CHECK(g.scopes.front() == g.root.get());
  std::size_t fields = 0;
  for (const Scope* s : g.scopes) {
    for (const auto& f : s->fields) {
      ++fields;
      INFO("scope " << s->id << ", field " << f.label);
      REQUIRE_FALSE(f.keys.empty());
      for (const auto& k : f.keys) CHECK_FALSE(k.empty());
      CHECK_FALSE(f.reads.empty());
      for (const auto& r : f.reads) {
        if (r.type == ReadType::Choice || r.type == ReadType::Checks) {
          REQUIRE(r.options != nullptr);
          CHECK_FALSE(r.options->empty());
        }
      }
    }
  }
  CHECK(fields > 80);  // 様式3 has about a hundred labelled rows
}

TEST_CASE("grammar: every scope below the root can be entered", "[grammar]") {
  for (const Scope* s : focused().scopes) {
    if (s->parent == nullptr) continue;
    INFO("scope " << s->id);
    const bool reachable = !s->heading_keys.empty() || s->pattern != nullptr || s->risk.has_value();
    CHECK(reachable);
  }
}

TEST_CASE("grammar: option lists", "[grammar]") {
  const Grammar& g = focused();
  for (const auto& [name, list] : g.options) {
    INFO("option list " << name);
    CHECK_FALSE(list.empty());
    for (const auto& o : list) {
      CHECK_FALSE(o.label.empty());
      REQUIRE_FALSE(o.printed.empty());
      CHECK(o.printed.front() == o.label);
      CHECK(o.keys.size() == o.printed.size());
    }
  }
  const auto& target = g.options.at("TARGET");
  REQUIRE(target.size() == 4);
  CHECK(target[0].label == "1,000人未満");
  CHECK(target[3].label == "10万人以上30万人未満");

  // FORMS §0: canonical strings keep full-width （）; keys are NFKC folded, whitespace removed.
  const auto& kind = g.options.at("FILE_KIND");
  REQUIRE(kind.size() == 2);
  CHECK(kind[1].label == "その他の電子ファイル（表計算ファイル等）");
  CHECK(kind[1].keys[0] == hyoka::text::key("その他の電子ファイル(表計算ファイル等)"));

  // 庁内連携システム: the OCR's 片内連携システム is repaired through the OCR skeleton, not a
  // listed variant (readers: read_checks repairs OCR-confused characters)
  const auto& conn = g.options.at("CONNECTIONS");
  REQUIRE(conn.size() == 7);
  CHECK(conn[1].label == "庁内連携システム");
  CHECK(hyoka::text::ocr_skeleton(hyoka::text::key("片内連携システム")) ==
        hyoka::text::ocr_skeleton(conn[1].keys[0]));
  CHECK(conn[6].label == "その他");
  CHECK(conn[6].detail);

  // 4情報 / 5情報: emitted as printed
  const auto& items = g.options.at("MAIN_ITEMS");
  REQUIRE(items.size() == 19);
  CHECK(items[3].as_printed);
  CHECK(items[3].label == "4情報（氏名、性別、生年月日、住所）");
  REQUIRE(items[3].printed.size() == 2);
  CHECK(items[3].printed[1] == "5情報（氏名、氏名の振り仮名、性別、生年月日、住所）");
}

TEST_CASE("grammar: structure of the focused form", "[grammar]") {
  const Grammar& g = focused();
  const Scope* system = scope_by_id(g, "system");
  REQUIRE(system != nullptr);
  CHECK(system->pattern != nullptr);
  CHECK(system->owner == hyoka::Owner::Array);
  CHECK(system->drop_if_blank);
  CHECK(system->path == "/systems");

  const Scope* riskfile = scope_by_id(g, "riskfile");
  REQUIRE(riskfile != nullptr);
  CHECK(riskfile->owner == hyoka::Owner::BindFile);

  const Scope* toc = scope_by_id(g, "toc");
  REQUIRE(toc != nullptr);
  CHECK(toc->mode == hyoka::ScopeMode::ConsumeBlock);

  // Control rows of a risk are written into controls[i] in form order.
  const Scope* r2 = scope_by_id(g, "III.3.r2");
  REQUIRE(r2 != nullptr);
  REQUIRE(r2->risk.has_value());
  CHECK(r2->risk->number == 2);
  REQUIRE(r2->fields.size() == 4);
  CHECK(r2->fields[0].control);
  CHECK(r2->fields[0].control_label == "ユーザ認証の管理");
  REQUIRE(r2->fields[0].reads.size() == 1);
  CHECK(r2->fields[0].reads[0].path == "/controls/0/value");
  CHECK(r2->fields[1].reads[0].path == "/controls/1/text");
  CHECK(r2->fields[2].reads[0].path == "/controls/2/text");
  CHECK_FALSE(r2->fields[3].control);
  CHECK(r2->fields[3].reads[0].path == "/adequacy");

  // Control.label drops the circled marker and ※ (FORMS §0)
  const Scope* r7 = scope_by_id(g, "III.7.r");
  REQUIRE(r7 != nullptr);
  REQUIRE(r7->fields.size() >= 2);
  CHECK(r7->fields[0].control_label == "事故発生時手順の策定・周知");
  CHECK(r7->fields[1].control_label ==
        "過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか");
  CHECK(r7->fields[1].role == "serious_incident");

  // the count after 移転を行っている
  const Scope* ii5 = scope_by_id(g, "II.5");
  REQUIRE(ii5 != nullptr);
  REQUIRE(ii5->fields.size() == 1);
  REQUIRE(ii5->fields[0].reads.size() == 3);
  CHECK(ii5->fields[0].reads[2].type == ReadType::Count);
  CHECK(ii5->fields[0].reads[2].after_key == "移転を行っている");
}

TEST_CASE("grammar: a minimal grammar loads", "[grammar]") {
  const auto g = load_grammar(R"({"form": "t", "options": {"YN": ["はい", "いいえ"]},
    "root": {"id": "r", "fields": [{"label": "①質問 ※", "type": "choice", "options": "YN",
                                    "path": "/a"}]}})");
  REQUIRE(g != nullptr);
  CHECK(g->form == "t");
  CHECK(g->name == "t");
  REQUIRE(g->scopes.size() == 1);
  REQUIRE(g->root->fields.size() == 1);
  const auto& f = g->root->fields[0];
  REQUIRE(f.keys.size() == 1);
  CHECK(f.keys[0] == "質問");  // label_key: marker and ※ removed
  REQUIRE(f.reads.size() == 1);
  CHECK(f.reads[0].type == ReadType::Choice);
  CHECK(f.reads[0].options == &g->options.at("YN"));
}

TEST_CASE("grammar: broken grammars throw GrammarError", "[grammar]") {
  SECTION("not JSON") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {)"), GrammarError);
    CHECK_THROWS_AS(load_grammar(""), GrammarError);
  }
  SECTION("required keys missing") {
    CHECK_THROWS_AS(load_grammar(R"({"options": {}, "root": {"id": "r"}})"), GrammarError);
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}})"), GrammarError);
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"type": "text", "path": "/a"}]}})"),
                    GrammarError);  // field without a label
  }
  SECTION("unknown option list") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {"YN": ["はい"]}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "choice", "options": "NOPE", "path": "/a"}]}})"),
                    GrammarError);
  }
  SECTION("unknown read type") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "telepathy", "path": "/a"}]}})"),
                    GrammarError);
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "reads": [{"type": "text"}, {"type": "guess"}]}]}})"),
                    GrammarError);
  }
  SECTION("unknown text shape") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "text", "shape": "poem", "path": "/a"}]}})"),
                    GrammarError);
    const auto g = load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "text", "shape": "organization", "path": "/a"}]}})");
    CHECK(g->root->fields.at(0).shape == hyoka::TextShape::Organization);
    const auto a = load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "text", "shape": "annex_reference", "path": "/a"}]}})");
    CHECK(a->root->fields.at(0).shape == hyoka::TextShape::AnnexReference);
  }
  SECTION("captions a field's box prints") {
    const auto g = load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "text", "box_captions": ["・識別情報"], "path": "/a"}]}})");
    CHECK(g->root->fields.at(0).box_captions ==
          std::vector<std::string>{hyoka::text::label_key("・識別情報")});
  }
  SECTION("choice or checks without options") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "fields": [{"label": "a", "type": "checks", "path": "/a"}]}})"),
                    GrammarError);
  }
  SECTION("a pattern that is not a regular expression") {
    CHECK_THROWS_AS(load_grammar(R"({"form": "t", "options": {}, "root": {"id": "r",
      "children": [{"id": "s", "pattern": "^システム([0-9]+$"}]}})"),
                    GrammarError);
  }
}
