// The records of a batch: error records, what the summary counts, the source of a written line,
// the shard of a document, and the summary itself.
#include <cstdio>
#include <new>
#include <sstream>

#include "hyoka/batch.h"
#include "hyoka/decode.h"
#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/sha256.h"

namespace hyoka::batch {

using nlohmann::json;

std::string error_kind(const std::exception& e) {
  if (dynamic_cast<const LimitExceeded*>(&e) != nullptr) return "limit";
  if (dynamic_cast<const NotAnAssessment*>(&e) != nullptr) return "not_an_assessment";
  if (dynamic_cast<const EncodingError*>(&e) != nullptr) return "encoding";
  if (dynamic_cast<const GrammarError*>(&e) != nullptr) return "grammar";
  if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) return "out_of_memory";
  return "internal";
}

json error_record(const std::string& source, const std::string* bytes, std::string_view kind,
                  std::string_view message) {
  json src = {{"path", source},
              {"sha256", bytes != nullptr ? json(sha256_hex(*bytes)) : json(nullptr)},
              {"bytes", bytes != nullptr ? json(bytes->size()) : json(nullptr)}};
  return {{"source", std::move(src)}, {"error", {{"kind", kind}, {"message", message}}}};
}

RecordStats stats_of(const json& record) {
  RecordStats s;
  if (const auto e = record.find("error"); e != record.end() && e->is_object()) {
    s.failed = true;
    s.error_kind = e->value("kind", "internal");
    return s;
  }
  if (const auto f = record.find("form"); f != record.end() && f->is_object()) {
    const auto k = f->find("kind");
    if (k != f->end() && k->is_string()) s.form_kind = k->get<std::string>();
  }
  if (const auto d = record.find("diagnostics"); d != record.end() && d->is_array()) {
    for (const auto& diag : *d) {
      const std::string sev = diag.value("severity", "");
      if (sev == "error") ++s.errors;
      if (sev == "warning") ++s.warnings;
      if (sev == "info") ++s.infos;
    }
  }
  return s;
}

json record_source(std::string_view line) {
  // v1 has no other key named "source" whose value is an object, and a string value cannot hold
  // an unescaped quote: the first `"source":{` is the record's source object
  constexpr std::string_view kKey = "\"source\":{";
  const std::size_t at = line.find(kKey);
  if (at == std::string_view::npos) return nullptr;
  const std::size_t begin = at + kKey.size() - 1;
  bool in_string = false;
  int depth = 0;
  for (std::size_t i = begin; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) {
      return json::parse(line.substr(begin, i + 1 - begin), nullptr, false);
    }
  }
  return nullptr;
}

std::size_t shard_of(std::string_view sha256_hex, std::size_t n) {
  if (n <= 1) return 0;
  // the first 15 hex digits: uniformly distributed, and fit in 64 bits
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 15 && i < sha256_hex.size(); ++i) {
    const char c = sha256_hex[i];
    const unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
    v = v * 16 + d;
  }
  return static_cast<std::size_t>(v % n);
}

void Summary::add(const RecordStats& s) {
  ++documents;
  if (s.failed) {
    ++failed;
    ++failures[s.error_kind];
    return;
  }
  ++succeeded;
  ++forms[s.form_kind.empty() ? "unknown" : s.form_kind];
  errors += s.errors;
  warnings += s.warnings;
  infos += s.infos;
}

std::string format_summary(const Summary& s) {
  std::ostringstream out;
  char rate[64];
  const double per_second = s.seconds > 0 ? static_cast<double>(s.documents) / s.seconds : 0;
  const double mb_per_second =
      s.seconds > 0 ? static_cast<double>(s.input_bytes) / 1e6 / s.seconds : 0;
  std::snprintf(rate, sizeof rate, "%.2f 秒、%.1f 文書/秒、%.1f MB/秒", s.seconds, per_second,
                mb_per_second);
  out << "hyoka batch: " << (s.interrupted ? "中断しました" : "完了しました") << "\n";
  out << "  文書: " << s.documents << "（成功 " << s.succeeded << "、失敗 " << s.failed;
  if (s.resumed > 0) out << "、前回の出力から引き継ぎ " << s.resumed;
  out << "）\n";
  if (s.skipped_shard > 0) out << "  他のシャードの文書: " << s.skipped_shard << "\n";
  if (!s.failures.empty()) {
    out << "  失敗の種類:";
    for (const auto& [kind, n] : s.failures) out << " " << kind << "=" << n;
    out << "\n";
  }
  out << "  診断: error=" << s.errors << " warning=" << s.warnings << " info=" << s.infos << "\n";
  if (!s.forms.empty()) {
    out << "  様式:";
    for (const auto& [kind, n] : s.forms) out << " " << kind << "=" << n;
    out << "\n";
  }
  out << "  時間: " << rate << "\n";
  return out.str();
}

}  // namespace hyoka::batch
