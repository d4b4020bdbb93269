// Micro-benchmarks of the pipeline stages (Google Benchmark) on the real seeds:
// decode, normalize, recognize, the whole parse (validation included), the validator alone,
// and batch's own per-record work (JSON line, export rows).
//
//   build/hyoka-bench [--benchmark_filter=Normalize] [SEED.txt]
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "batch/batch_internal.h"
#include "hyoka/decode.h"
#include "hyoka/export.h"
#include "hyoka/grammar.h"
#include "hyoka/normalize.h"
#include "hyoka/parse.h"
#include "hyoka/recognize.h"
#include "hyoka/validate.h"

namespace {

std::string g_path = HYOKA_SOURCE_DIR "/fixtures/seeds/000_db03bfbb73bab489.txt";

const std::string& input() {
  static const std::string bytes = [] {
    std::ifstream f(g_path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
  }();
  return bytes;
}

const hyoka::Parser& parser() {
  static const hyoka::Parser p;
  return p;
}

void count_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input().size()));
}

void BM_Decode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::decode(input()));
  count_bytes(state);
}

void BM_Normalize(benchmark::State& state) {
  const std::string text = hyoka::decode(input()).text;
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::normalize(text));
  count_bytes(state);
}

void BM_Recognize(benchmark::State& state) {
  const hyoka::Normalized n = hyoka::normalize(hyoka::decode(input()).text);
  const std::string kind = parser().parse(input())["form"]["kind"].get<std::string>();
  const hyoka::Grammar* g = parser().grammars().find(kind);
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::recognize(n, *g));
  count_bytes(state);
}

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parser().parse(input()));
  count_bytes(state);
}

// The validator alone, over a parsed document and its spans (parse validates by default).
void BM_Validate(benchmark::State& state) {
  hyoka::ParseOptions options;
  options.spans = true;
  options.validate = false;
  const nlohmann::json doc = parser().parse(input(), options);
  const nlohmann::json& spans = doc.at("spans");
  hyoka::validate::Options vo;
  vo.grammars = &parser().grammars();  // as parse does: the Parser's grammars
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::validate::run(doc, spans, vo));
  count_bytes(state);
}

void BM_JsonLine(benchmark::State& state) {
  const nlohmann::json doc = parser().parse(input());
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::batch::json_line(doc));
}

void BM_JsonDump(benchmark::State& state) {
  const nlohmann::json doc = parser().parse(input());
  for (auto _ : state) {
    benchmark::DoNotOptimize(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

void BM_ExportRows(benchmark::State& state) {
  const nlohmann::json doc = parser().parse(input());
  for (auto _ : state) benchmark::DoNotOptimize(hyoka::exporter::rows_of(doc));
}

BENCHMARK(BM_Decode);
BENCHMARK(BM_Normalize);
BENCHMARK(BM_Recognize);
BENCHMARK(BM_Parse);
BENCHMARK(BM_Validate);
BENCHMARK(BM_JsonLine);
BENCHMARK(BM_JsonDump);
BENCHMARK(BM_ExportRows);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) g_path = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
