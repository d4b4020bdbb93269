#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target from the fixtures.

usage: fuzz_seeds.py TARGET OUT_DIR

Whole-document targets (decode, normalize, segment, parse) get every fixture under fixtures/
(seeds, small hostile inputs, fuzz regressions) whole and cut into chunks of CHUNK_LINES lines,
so that inputs of fuzzing size still hold headings, labels, tables and HTML. html_cell gets the
distinct tab-separated cells of the fixtures that hold markup, and the hostile cells.
"""
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHUNK_LINES = 40


def fixtures():
    for p in sorted((ROOT / "fixtures").rglob("*")):
        if p.is_file() and p.suffix in (".txt", ".bin", ".html", ""):
            yield p


def main() -> int:
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seeds = []
    for p in fixtures():
        data = p.read_bytes()
        if target == "html_cell":
            for line in data.split(b"\n"):
                for cell in line.split(b"\t"):
                    if b"<" in cell or b"&" in cell:
                        seeds.append(cell[:16384])
            continue
        if len(data) <= 1 << 20:
            seeds.append(data)
        lines = data.split(b"\n")
        for i in range(0, min(len(lines), 20000), CHUNK_LINES):
            seeds.append(b"\n".join(lines[i : i + CHUNK_LINES]))
    written = set()
    for s in seeds:
        name = hashlib.sha1(s).hexdigest()
        if name in written:
            continue
        written.add(name)
        (out / name).write_bytes(s)
    print(f"fuzz_seeds: {len(written)} seeds for {target} in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
