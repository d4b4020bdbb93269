#!/usr/bin/env python3
"""Validates `hyoka parse --spans` output of every fixture against the JSON Schema.

usage: validate_schema.py HYOKA_BINARY SCHEMA FIXTURES_DIR
Exit 0 when every document validates; prints each violation otherwise. The schema itself is
checked against the draft 2020-12 meta-schema first.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema


def main() -> int:
    binary, schema_path, fixtures = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    inputs = sorted(p for p in fixtures.rglob("*.txt") if "hostile" not in p.parts)
    failures = 0
    checked = 0
    for path in inputs:
        for flags in ([], ["--spans"]):
            run = subprocess.run([binary, "parse", *flags, str(path)], capture_output=True)
            if run.returncode != 0:
                print(f"FAIL {path} {flags}: exit {run.returncode}: {run.stderr.decode(errors='replace')}")
                failures += 1
                continue
            doc = json.loads(run.stdout)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            checked += 1
            for e in errors[:20]:
                pointer = "/" + "/".join(str(p) for p in e.absolute_path)
                print(f"FAIL {path} {flags}: {pointer}: {e.message[:300]}")
            failures += 1 if errors else 0
    # the embedded schema printed by `hyoka schema` is the file in the repository
    printed = json.loads(subprocess.run([binary, "schema"], capture_output=True, check=True).stdout)
    if printed != schema:
        print("FAIL: `hyoka schema` differs from", schema_path)
        failures += 1
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
