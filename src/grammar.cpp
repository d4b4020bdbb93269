#include "hyoka/grammar.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "embedded_grammars.h"
#include "hyoka/text.h"

namespace hyoka {

namespace {

using nlohmann::json;

std::vector<std::string> strings_of(const json& j, const char* name) {
  std::vector<std::string> out;
  if (!j.contains(name)) return out;
  for (const auto& s : j.at(name)) out.push_back(s.get<std::string>());
  return out;
}

OptionList parse_options(const json& list) {
  OptionList out;
  for (const auto& o : list) {
    Option opt;
    if (o.is_string()) {
      opt.label = o.get<std::string>();
    } else {
      opt.label = o.at("label").get<std::string>();
      opt.detail = o.value("detail", false);
      opt.as_printed = o.value("as_printed", false);
    }
    opt.printed.push_back(opt.label);
    if (o.is_object()) {
      for (auto& v : strings_of(o, "variants")) opt.printed.push_back(v);
    }
    for (const auto& p : opt.printed) opt.keys.push_back(text::key(p));
    out.push_back(std::move(opt));
  }
  return out;
}

ReadType read_type(const std::string& t) {
  static const std::map<std::string, ReadType> kTypes = {{"text", ReadType::Text},
                                                         {"choice", ReadType::Choice},
                                                         {"checks", ReadType::Checks},
                                                         {"date", ReadType::Date},
                                                         {"period", ReadType::Period},
                                                         {"count", ReadType::Count},
                                                         {"names", ReadType::Names},
                                                         {"number_title", ReadType::NumberTitle},
                                                         {"file_name", ReadType::FileName},
                                                         {"bind_name", ReadType::BindName},
                                                         {"system_list", ReadType::SystemList},
                                                         {"paren_after", ReadType::ParenAfter}};
  const auto it = kTypes.find(t);
  if (it == kTypes.end()) throw GrammarError("unknown read type: " + t);
  return it->second;
}

class Loader {
 public:
  explicit Loader(Grammar& g) : g_(g) {}

  const OptionList* options(const json& j) {
    if (!j.contains("options")) return nullptr;
    const json& o = j.at("options");
    if (o.is_string()) {
      const auto it = g_.options.find(o.get<std::string>());
      if (it == g_.options.end())
        throw GrammarError("unknown option list: " + o.get<std::string>());
      return &it->second;
    }
    inline_options_.push_back(std::make_unique<OptionList>(parse_options(o)));
    return inline_options_.back().get();
  }

  Read read(const json& j) {
    Read r;
    r.type = read_type(j.at("type").get<std::string>());
    r.path = j.value("path", "");
    r.options = options(j);
    if (j.contains("after")) r.after_key = text::key(j.at("after").get<std::string>());
    r.marker = j.value("marker", "");
    if ((r.type == ReadType::Choice || r.type == ReadType::Checks) && r.options == nullptr) {
      throw GrammarError("choice/checks read without options");
    }
    return r;
  }

  Field field(const json& j) {
    Field f;
    f.label = j.at("label").get<std::string>();
    f.control_label = j.value("control_label", printed_label(f.label));
    if (j.contains("spill_to")) f.spill_key = text::label_key(j.at("spill_to").get<std::string>());
    f.keys.push_back(text::label_key(f.label));
    for (const auto& v : strings_of(j, "variants")) f.keys.push_back(text::label_key(v));
    f.numbered = j.value("numbered", false);
    f.control = j.value("control", false);
    f.role = j.value("role", "");
    if (j.contains("shape")) {
      const std::string shape = j.at("shape").get<std::string>();
      if (shape == "organization") {
        f.shape = TextShape::Organization;
      } else if (shape == "annex_reference") {
        f.shape = TextShape::AnnexReference;
      } else {
        throw GrammarError("unknown text shape: " + shape);
      }
    }
    for (const auto& c : strings_of(j, "box_captions"))
      f.box_captions.push_back(text::label_key(c));
    if (j.contains("reads")) {
      for (const auto& r : j.at("reads")) f.reads.push_back(read(r));
    } else if (j.contains("type")) {
      f.reads.push_back(read(j));
    }
    return f;
  }

  // The canonical Control.label: circled marker, number and ※ removed, full width kept.
  static std::string printed_label(const std::string& label) {
    std::string s = label;
    // drop a leading circled number (U+2460..U+2473)
    if (s.size() >= 3) {
      std::size_t p = 0;
      const char32_t cp = text::next_cp(s, p);
      if (cp >= 0x2460 && cp <= 0x2473) s.erase(0, p);
    }
    if (const std::size_t m = s.find("\u203B"); m != std::string::npos) s.erase(m);
    return text::trim(s);
  }

  std::unique_ptr<Scope> scope(const json& j, const Scope* parent, int part_index) {
    auto s = std::make_unique<Scope>();
    s->parent = parent;
    s->id = j.value("id", "");
    s->title = j.value("title", s->id);
    s->part_index = part_index;
    for (const auto& h : strings_of(j, "headings")) s->heading_keys.push_back(text::label_key(h));
    for (const auto& h : strings_of(j, "variants")) s->heading_keys.push_back(text::label_key(h));
    if (j.contains("pattern")) {
      s->pattern = std::make_shared<re2::RE2>(j.at("pattern").get<std::string>());
      if (!s->pattern->ok()) throw GrammarError("bad pattern in " + s->id);
    }
    if (j.contains("risk")) {
      const json& r = j.at("risk");
      RiskSpec spec;
      if (r.contains("number") && !r.at("number").is_null())
        spec.number = r.at("number").get<int>();
      std::vector<std::string> titles = strings_of(r, "titles");
      if (titles.empty()) titles.push_back(r.at("title").get<std::string>());
      for (const auto& t : titles) {
        spec.title += (spec.title.empty() ? "" : "\n") + t;
        spec.keys.push_back(text::key(t));
      }
      for (const auto& v : strings_of(r, "variants")) spec.keys.push_back(text::key(v));
      spec.by_title = r.value("by_title", titles.size() > 1);
      s->risk = spec;
    }
    s->path = j.value("path", "");
    const std::string owner = j.value("owner", "");
    s->owner = owner == "array"       ? Owner::Array
               : owner == "bind_file" ? Owner::BindFile
                                      : Owner::None;
    s->skeleton = j.value("skeleton", "");
    s->drop_if_blank = j.value("drop_if_blank", false);
    s->expect = j.value("expect", false);
    const std::string mode = j.value("mode", "normal");
    s->mode = mode == "raw"             ? ScopeMode::Raw
              : mode == "consume_block" ? ScopeMode::ConsumeBlock
                                        : ScopeMode::Normal;
    s->reader = j.value("reader", "");
    s->controls_path = j.value("controls", j.contains("risk") ? "/controls" : "");
    if (j.contains("heading_reads")) {
      for (const auto& r : j.at("heading_reads")) s->heading_reads.push_back(read(r));
    }
    if (j.contains("fields")) {
      for (const auto& f : j.at("fields")) s->fields.push_back(field(f));
    }
    if (j.contains("captions")) {
      for (const auto& c : j.at("captions")) {
        Caption cap;
        if (c.is_string()) {
          cap.keys.push_back(text::label_key(c.get<std::string>()));
        } else {
          cap.keys.push_back(text::label_key(c.at("label").get<std::string>()));
          for (const auto& v : strings_of(c, "variants")) cap.keys.push_back(text::label_key(v));
          cap.numbered = c.value("numbered", false);
        }
        s->captions.push_back(std::move(cap));
      }
    }
    for (const auto& p : strings_of(j, "caption_patterns")) {
      auto re = std::make_shared<re2::RE2>(p);
      if (!re->ok()) throw GrammarError("bad caption pattern in " + s->id);
      s->caption_patterns.push_back(std::move(re));
    }
    if (j.contains("children")) {
      int index = 0;
      int risk_index = 0;
      for (const auto& c : j.at("children")) {
        auto child = scope(c, s.get(), parent == nullptr ? index : part_index);
        if (child->risk) child->risk_index = risk_index++;
        s->children.push_back(std::move(child));
        ++index;
      }
    }
    // Control rows write into controls[i] (a risk's, or a scope's `controls` list).
    int ci = 0;
    for (auto& f : s->fields) {
      if (!f.control) continue;
      if (s->controls_path.empty())
        throw GrammarError("control outside a risk or controls scope: " + f.label);
      for (auto& r : f.reads) {
        r.path = s->controls_path + "/" + std::to_string(ci) +
                 (r.type == ReadType::Choice ? "/value" : "/text");
      }
      ++ci;
    }
    return s;
  }

 private:
  Grammar& g_;
  std::vector<std::unique_ptr<OptionList>> inline_options_;
};

void compute_prefixes(Scope& s, const std::string& inherited) {
  if (s.owner != Owner::None || s.parent == nullptr) {
    s.prefix.clear();
  } else if (s.risk) {
    s.prefix = inherited + "/risks/" + std::to_string(s.risk_index);
  } else {
    s.prefix = inherited + s.path;
  }
  for (auto& c : s.children) compute_prefixes(*c, s.prefix);
}

void canonicalize_keys(Scope& s, const Grammar& g) {
  for (auto& k : s.heading_keys) k = g.canonical(k);
  for (auto& f : s.fields) {
    for (auto& k : f.keys) k = g.canonical(k);
    if (!f.spill_key.empty()) f.spill_key = g.canonical(f.spill_key);
  }
  for (auto& c : s.captions) {
    for (auto& k : c.keys) k = g.canonical(k);
  }
  if (s.risk) {
    for (auto& k : s.risk->keys) k = g.canonical(k);
  }
  for (auto& c : s.children) canonicalize_keys(*c, g);
}

void collect(const Scope& s, std::vector<const Scope*>& out) {
  out.push_back(&s);
  for (const auto& c : s.children) collect(*c, out);
}

}  // namespace

namespace {

void index_labels(Grammar& g) {
  Grammar::LabelIndex& ix = g.labels;
  for (const Scope* s : g.scopes) {
    auto add = [&](const std::vector<std::string>& keys) {
      for (const auto& k : keys) {
        if (k.size() >= Grammar::LabelIndex::kMinPrefix) ix.prefixes.push_back(k);
      }
      ix.all.insert(keys.begin(), keys.end());
    };
    add(s->heading_keys);
    for (const auto& f : s->fields) add(f.keys);
    for (const auto& c : s->captions) add(c.keys);
    if (s->pattern) ix.patterns.push_back(s->pattern.get());
    for (const auto& r : s->heading_reads) {
      if (r.type != ReadType::Checks) continue;
      for (const auto& k : s->heading_keys) ix.heading_checks[k].push_back(r.options);
    }
    for (const auto& f : s->fields) {
      for (const auto& r : f.reads) {
        if (r.type == ReadType::Checks) {
          for (const auto& k : f.keys) ix.checks[k].emplace_back(&f, r.options);
        }
        if (r.type != ReadType::Choice) continue;
        for (const auto& k : f.keys) ix.choices[k].emplace_back(&f, r.options);
      }
    }
    for (const auto& p : s->caption_patterns) ix.patterns.push_back(p.get());
  }
  std::sort(ix.prefixes.begin(), ix.prefixes.end());
}

}  // namespace

std::unique_ptr<Grammar> load_grammar(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {
    throw GrammarError(std::string("grammar is not valid JSON: ") + e.what());
  }
  auto g = std::make_unique<Grammar>();
  try {
    g->form = j.at("form").get<std::string>();
    g->name = j.value("name", g->form);
    for (const auto& t : strings_of(j, "title_keys")) g->title_keys.push_back(text::key(t));
    g->stamp_form_number = j.value("stamp_form_number", 0);
    for (const auto& [name, list] : j.at("options").items()) g->options[name] = parse_options(list);
    // options whose label stands in several lists cannot tell their field by themselves
    std::map<std::string, int> lists_with;
    for (const auto& [name, list] : g->options) {
      std::set<std::string> keys;
      for (const auto& o : list) keys.insert(o.keys.begin(), o.keys.end());
      for (const auto& k : keys) ++lists_with[k];
    }
    for (auto& [name, list] : g->options) {
      for (auto& o : list) {
        for (const auto& k : o.keys) o.shared = o.shared || lists_with[k] > 1;
      }
    }
    if (j.contains("synonyms")) {
      for (const auto& pair : j.at("synonyms")) {
        g->synonyms.emplace_back(text::key(pair.at(0).get<std::string>()),
                                 text::key(pair.at(1).get<std::string>()));
      }
    }
    Loader loader(*g);
    g->root = loader.scope(j.at("root"), nullptr, -1);
  } catch (const json::exception& e) {
    throw GrammarError(std::string("grammar is malformed: ") + e.what());
  }
  compute_prefixes(*g->root, "");
  collect(*g->root, g->scopes);
  canonicalize_keys(*g->root, *g);
  index_labels(*g);
  return g;
}

namespace {
// era, year, month, then 様式 and its number, as a match key (NFKC, no blanks); `[ ]` may have
// become `⟦ ⟧` in normalized text
constexpr std::string_view kStampBody = R"(((?:令和|平成|昭和)(?:元|[0-9]+)年[0-9]+月)様式([0-9]))";
}  // namespace

std::optional<TemplateStamp> find_template_stamp(std::string_view line) {
  static const re2::RE2 kStamp(std::string(R"((?:\[|⟦))") + std::string(kStampBody) +
                               R"((?:\]|⟧))");
  if (line.find("様式") == std::string_view::npos) return std::nullopt;  // NFKC keeps 様式
  std::string when;
  int number = 0;
  if (!re2::RE2::PartialMatch(text::key(line), kStamp, &when, &number)) return std::nullopt;
  return TemplateStamp{when + " 様式" + std::to_string(number), number};
}

bool is_template_stamp_line(std::string_view line) {
  static const re2::RE2 kStamp(std::string(R"(^(?:\[|⟦)?)") + std::string(kStampBody) +
                               R"((?:\]|⟧)?$)");
  if (line.find("様式") == std::string_view::npos) return false;
  return re2::RE2::FullMatch(text::key(line), kStamp);
}

std::string Grammar::canonical(std::string k) const {
  for (const auto& [from, to] : synonyms) {
    for (std::size_t p = k.find(from); p != std::string::npos; p = k.find(from, p + to.size())) {
      k.replace(p, from.size(), to);
    }
  }
  return k;
}

GrammarSet::GrammarSet() {
  for (const auto& src : embedded::grammars()) grammars_.push_back(load_grammar(src.text));
}

const Grammar* GrammarSet::find(std::string_view form) const {
  for (const auto& g : grammars_) {
    if (g->form == form) return g.get();
  }
  return nullptr;
}

}  // namespace hyoka
