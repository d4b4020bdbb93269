#!/usr/bin/env bash
# Installs what is missing, builds hyoka, and converts the bundled sample (seed 003) to JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target hyoka
./build/hyoka parse --pretty fixtures/seeds/003_6edb3ad0aa6a4351.txt
