#!/usr/bin/env bash
# Runs a libFuzzer campaign on one target for a given number of seconds.
#
#   bash tools/fuzz.sh TARGET SECONDS        TARGET: decode normalize html_cell segment parse
#
# Builds the fuzz targets (clang, ASan + UBSan + libFuzzer) in build-fuzz/ (or $HYOKA_FUZZ_BUILD),
# seeds the corpus from fixtures/ (tools/fuzz_seeds.py), keeps the growing corpus in
# build-fuzz/corpus/TARGET between runs, and writes crashes, leaks, timeouts and out-of-memory
# inputs to build-fuzz/artifacts/TARGET/. Exit status: 0 when the campaign found nothing. The
# executions are printed at the end (stat::number_of_executed_units). Runs at nice 10: the
# machine is shared.
#
# HYOKA_FUZZ_SANITIZERS=undefined builds in build-fuzz-ubsan/ without AddressSanitizer, for long
# volume campaigns: parse and segment run about 1.7 times as fast there. It shares the corpus
# of build-fuzz/ (HYOKA_FUZZ_CORPUS), so both builds grow one corpus; CI and the default use ASan.
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# != 2)); then
  echo "usage: bash tools/fuzz.sh TARGET SECONDS (TARGET: decode normalize html_cell segment parse)" >&2
  exit 2
fi
target=$1
seconds=$2
case $target in
  decode) max_len=8192 ;;
  normalize) max_len=8192 ;;
  html_cell) max_len=8192 ;;
  segment | parse) max_len=4096 ;;
  *)
    echo "fuzz.sh: unknown target $target" >&2
    exit 2
    ;;
esac
sanitizers=${HYOKA_FUZZ_SANITIZERS:-address,undefined}
case $sanitizers in
  address,undefined) default_build=build-fuzz ;;
  undefined) default_build=build-fuzz-ubsan ;;
  *)
    echo "fuzz.sh: HYOKA_FUZZ_SANITIZERS is address,undefined or undefined" >&2
    exit 2
    ;;
esac
build=${HYOKA_FUZZ_BUILD:-$default_build}
jobs=${HYOKA_JOBS:-2}
if [[ ! -f $build/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHYOKA_FUZZ=ON -DHYOKA_BUILD_TESTS=OFF -DHYOKA_FUZZ_SANITIZERS="$sanitizers" >/dev/null
fi
if ! nice -n 10 cmake --build "$build" -j "$jobs" --target "fuzz_$target" >"$build/build-$target.log" 2>&1; then
  echo "fuzz.sh: building fuzz_$target failed:" >&2
  grep -E "error|Error" "$build/build-$target.log" | head -20 >&2
  exit 1
fi
seeds=$build/seeds/$target
corpus=${HYOKA_FUZZ_CORPUS:-build-fuzz/corpus}/$target
artifacts=$build/artifacts/$target/
rm -rf "$seeds"
python3 tools/fuzz_seeds.py "$target" "$seeds"
mkdir -p "$corpus" "$artifacts"
log=$build/fuzz-$target.log
set +e
# -timeout: one input running 10 s is a hang; -rss_limit_mb: 2 GiB is out of memory.
# ASan's leak detection is on (detect_leaks=1), so a leak is a finding too. malloc_context_size=0:
# ASan does not record a stack per allocation (a fifth of the parse target's CPU time); a report
# still shows where the error happened, and replaying the artifact in the sanitizer build
# (tests/test_fuzz_regressions.cpp) gives the allocation stacks.
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:malloc_context_size=0 \
  UBSAN_OPTIONS=print_stacktrace=1 \
  nice -n 10 "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 -dict=fuzz/hyoka.dict \
  -artifact_prefix="$artifacts" "$corpus" "$seeds" >"$log" 2>&1
status=$?
set -e
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" || true
if ((status != 0)); then
  echo "fuzz.sh: $target found a problem (exit $status); see $log and $artifacts" >&2
  grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20 >&2
fi
exit $status
