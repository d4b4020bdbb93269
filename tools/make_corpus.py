#!/usr/bin/env python3
"""Builds a benchmark corpus of N seed-like documents for `hyoka batch` (tools/bench_batch.py).

Every document is one of the real seeds (fixtures/seeds/0NN_*.txt, about 90 KB on average),
varied so that no two documents are alike and nothing can be cached:

- values: every era date gets a random valid date, company names a random name, counts
  `( N ) 件` a random count;
- order of groups: the record-item groups of 別添 (### headings) are shuffled, and so are the
  rows of the change table;
- lengths: sentences of free-text lines are dropped or repeated, item lists (、) cut or extended.

The result is deterministic for a given --seed. Standard library only.

    python3 tools/make_corpus.py --count 1000 --out /tmp/corpus        # a directory
    python3 tools/make_corpus.py --count 1000 --out /tmp/corpus.tar.gz # an archive
"""

import argparse
import io
import os
import random
import re
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEEDS = os.path.join(HERE, "..", "fixtures", "seeds")

ERA_DATE = re.compile(r"(令和|平成)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
COMPANY = re.compile(r"株式会社\s*[^\s、。，,（）()<>|]{2,12}|[^\s、。，,（）()<>|]{2,12}株式会社")
COUNT = re.compile(r"(\(\s*)(\d+)(\s*\)\s*件)")
KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"


def vary_values(text, rng):
    def date(m):
        era = m.group(1)
        year = rng.randint(1, 7) if era == "令和" else rng.randint(20, 31)
        return f"{era}{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"

    def company(_):
        name = "".join(rng.choice(KANA) for _ in range(rng.randint(3, 8)))
        return f"株式会社{name}" if rng.random() < 0.5 else f"{name}株式会社"

    def count(m):
        return f"{m.group(1)}{rng.randint(1, 30)}{m.group(3)}"

    text = ERA_DATE.sub(date, text)
    text = COMPANY.sub(company, text)
    return COUNT.sub(count, text)


def vary_lengths(lines, rng):
    out = []
    for line in lines:
        if len(line) > 60 and "。" in line and "\t" not in line and "<" not in line:
            sentences = [s for s in line.split("。") if s]
            kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
            if rng.random() < 0.4:
                kept.append(rng.choice(sentences))
            line = "。".join(kept) + "。"
        elif len(line) > 60 and line.count("、") > 4 and "\t" not in line and "<" not in line:
            items = line.split("、")
            cut = rng.randint(max(2, len(items) // 2), len(items))
            items = items[:cut] + rng.sample(items, k=min(len(items), rng.randint(0, 5)))
            line = "、".join(items)
        out.append(line)
    return out


def shuffle_groups(lines, rng):
    """Shuffles the ### record-item groups and the rows of the change table."""
    out, i = [], 0
    while i < len(lines):
        if lines[i].startswith("### "):
            j = i
            blocks = []
            while j < len(lines) and lines[j].startswith("### "):
                k = j + 1
                while k < len(lines) and not lines[k].startswith("#"):
                    k += 1
                blocks.append(lines[j:k])
                j = k
            rng.shuffle(blocks)
            for b in blocks:
                out.extend(b)
            i = j
            continue
        out.append(lines[i])
        i += 1
    # change rows: consecutive lines that start with an era date and hold tab-separated cells
    result, run = [], []
    for line in out + [None]:
        if line is not None and ERA_DATE.match(line) and line.count("\t") >= 3:
            run.append(line)
            continue
        rng.shuffle(run)
        result.extend(run)
        run = []
        if line is not None:
            result.append(line)
    return result


def make_document(seed_text, rng):
    lines = vary_values(seed_text, rng).split("\n")
    lines = shuffle_groups(vary_lengths(lines, rng), rng)
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True, help="a directory, or a .tar.gz / .zip archive")
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    seeds = []
    for name in sorted(os.listdir(args.seeds)):
        if re.match(r"\d{3}_.*\.txt$", name):
            with open(os.path.join(args.seeds, name), encoding="utf-8") as f:
                seeds.append(f.read())
    if not seeds:
        sys.exit(f"make_corpus: no seeds (0NN_*.txt) in {args.seeds}")
    rng = random.Random(args.seed)

    def documents():
        for n in range(args.count):
            yield f"{n // 1000:03d}/{n:06d}.txt", make_document(seeds[n % len(seeds)], rng).encode()

    total = 0
    if args.out.endswith((".tar.gz", ".tgz")):
        with tarfile.open(args.out, "w:gz", compresslevel=1) as tar:
            for name, data in documents():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                total += len(data)
    elif args.out.endswith(".zip"):
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for name, data in documents():
                z.writestr(name, data)
                total += len(data)
    else:
        for name, data in documents():
            path = os.path.join(args.out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            total += len(data)
    print(f"make_corpus: {args.count} documents, {total / 1e6:.1f} MB "
          f"({total / max(1, args.count) / 1e3:.1f} KB each) in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
