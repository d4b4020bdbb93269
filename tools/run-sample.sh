#!/usr/bin/env bash
# Installs what is missing, builds hyoka, and converts the bundled sample (seed 003) to JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
# build messages go to stderr: stdout is exactly the JSON document
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
cmake --build build --target hyoka >&2
./build/hyoka parse --pretty fixtures/seeds/003_6edb3ad0aa6a4351.txt
