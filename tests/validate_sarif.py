#!/usr/bin/env python3
"""Validates `hyoka check --format sarif` against the official SARIF 2.1.0 JSON Schema, plus what
GitHub code scanning requires on top of it (a known ruleId per result, a relative artifact URI, a
region starting at line 1 or later, rule metadata with short and full descriptions).

usage: validate_sarif.py HYOKA_BINARY SARIF_SCHEMA FIXTURES_DIR
"""
import json
import pathlib
import subprocess
import sys

import jsonschema


def main() -> int:
    binary, schema_path, fixtures = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    inputs = sorted(str(p.relative_to(fixtures.parent)) for p in fixtures.rglob("*.txt") if "hostile" not in p.parts)
    failures = []
    runs = [inputs, inputs[:1], ["--select", "REQ", inputs[0]]]
    for args in runs:
        run = subprocess.run([binary, "check", "--no-config", "--format", "sarif", "--fail-on", "never", *args],
                             capture_output=True, cwd=fixtures.parent)
        if run.returncode != 0:
            failures.append(f"exit {run.returncode} for {args[:3]}: {run.stderr.decode(errors='replace')}")
            continue
        log = json.loads(run.stdout)
        for e in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))[:20]:
            failures.append("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300])
        for r in log["runs"]:
            rules = [x["id"] for x in r["tool"]["driver"]["rules"]]
            for rule in r["tool"]["driver"]["rules"]:
                if not rule.get("shortDescription", {}).get("text") or not rule.get("fullDescription", {}).get("text"):
                    failures.append(f"rule {rule['id']} lacks descriptions")
            for res in r["results"]:
                if res["ruleId"] not in rules:
                    failures.append(f"result with unknown ruleId {res['ruleId']}")
                elif rules[res["ruleIndex"]] != res["ruleId"]:
                    failures.append(f"ruleIndex of {res['ruleId']} points elsewhere")
                for loc in res["locations"]:
                    phys = loc["physicalLocation"]
                    if phys["artifactLocation"]["uri"].startswith("/"):
                        failures.append("absolute artifact uri " + phys["artifactLocation"]["uri"])
                    if phys["region"]["startLine"] < 1:
                        failures.append("region.startLine < 1")
        if not any(r["results"] for r in log["runs"]) and args is inputs:
            failures.append("no results at all on the fixtures")
    for f in failures:
        print("FAIL", f)
    print(f"{len(runs)} SARIF logs checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
