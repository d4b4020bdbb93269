#!/usr/bin/env bash
# Installs what is missing, builds hyoka with its tests, and runs the whole suite through CTest:
#   1. the normal build (build/),
#   2. the same suite in an AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/,
#      gcc, halting on the first error),
#   3. every libFuzzer target for a short bounded time (build-fuzz/, clang; tools/fuzz.sh),
#      HYOKA_FUZZ_SECONDS each (default 20; 0 skips the fuzz step).
# HYOKA_JOBS sets the build parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=${HYOKA_JOBS:-2}
fuzz_seconds=${HYOKA_FUZZ_SECONDS:-20}
step() { echo "== run-tests: $* ($(date +%T))" >&2; }

step "normal build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DHYOKA_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure --timeout 600

step "ASan + UBSan build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHYOKA_BUILD_TESTS=ON \
  -DHYOKA_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure --timeout 1200

if ((fuzz_seconds > 0)); then
  for target in decode normalize html_cell segment parse; do
    step "fuzz $target for $fuzz_seconds s"
    bash tools/fuzz.sh "$target" "$fuzz_seconds"
  done
fi
step "done"
