#!/usr/bin/env python3
"""Checks that `hyoka parse` takes time linear in the size of hostile inputs (issue 7).

usage: check_scaling.py HYOKA_BINARY [--quick] [--sizes 3] [--only NAME[,NAME…]] [--scale F] [--keep DIR]

Each shape below is an input pattern a broken extractor or a hostile document can produce (long
lines, many rows, many cells, deep HTML nesting, many repeated groups, a label printed again and
again, many brackets, many ○ marks, long runs of blank lines, huge HTML tables, many pdftotext
pages, …). Every shape is generated at N and 4N (N, 2N and 4N with --sizes 3) and `hyoka parse`
is timed on each (wall clock, best of two runs under a second). The fixed cost of one parse (a
two-line document) is subtracted, and the growth from N to 4N printed: about 4 is linear, 16
quadratic. A shape is flagged SUPER-LINEAR when its growth is above 6 and its largest run takes
more than half a second beyond the fixed cost (smaller times are noise on a shared machine), and
again when measured from 2N (a load spike of another process is not flagged).

--quick runs at a quarter of the sizes (a smoke test, too small to judge most shapes);
--scale multiplies every N; --keep writes the inputs into DIR instead of a temporary directory.
An exit code other than 0, 4 (not an assessment) or 5 (a limit) is flagged CRASHED.
Exit status 1 when some shape is super-linear or crashed, 0 otherwise. Times depend on the machine's load:
compare the growth, not the seconds. The shapes that were quadratic once are also kept as large
hostile inputs (tools/make_hostile_fixtures.py), checked with a time bound by CTest.
Runs at nice 10: the machine is shared.
"""
import math
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_hostile_fixtures import OCR_SEED, PDF_SEED, SMALL_SEED, TITLE, head  # noqa: E402

FLAG_GROWTH = 6.0  # for 4x the input; linear is 4, n log n about 4.6, quadratic 16
FLAG_SECONDS = 0.5  # below this (beyond the fixed cost) the growth is noise

II = TITLE + "## Ⅱ 特定個人情報ファイルの概要\n1. 特定個人情報ファイル名\t\nX情報ファイル\t\n".encode()
I2 = TITLE + "## I 基本情報\n2. 特定個人情報ファイルを取り扱う事務において使用するシステム\n".encode()
III = TITLE + "## Ⅲ リスク対策\n".encode()


def repeat_to(unit: bytes, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


def cut_utf8(data: bytes, size: int) -> bytes:
    return data[:size].decode("utf-8", errors="ignore").encode()


# name → (N, generator of the input for n, what it is). N is chosen so that N takes a fraction of
# a second in a release build.
SHAPES = {
    "long_line_text": (
        256 << 10,
        lambda n: TITLE + cut_utf8(repeat_to(OCR_SEED.read_bytes().replace(b"\n", b" "), n), n) + b"\n",
        "seed 001 as one line of n bytes (LIM002 cuts at 1 MiB)",
    ),
    "long_line_tabs": (
        256 << 10,
        lambda n: TITLE + cut_utf8(repeat_to(OCR_SEED.read_bytes().replace(b"\n", b"\t"), n), n) + b"\n",
        "seed 001 as one row of many cells (LIM004 drops cells past 256)",
    ),
    "long_line_labels": (
        64 << 10,
        lambda n: I2 + repeat_to("①システムの名称 名称 ②システムの機能 機能 ".encode(), n) + b"\n",
        "labels and values on one line, n bytes (cut at labels)",
    ),
    "one_char_tokens": (
        256 << 10,
        lambda n: TITLE + b"[ " * (n // 2) + b"\n",
        "a line of n bytes of one-character tokens",
    ),
    "brackets_line": (
        64 << 10,
        lambda n: II + "委託の有無 ※\t".encode() + repeat_to("[ 委託する ] ".encode(), n) + b"\n",
        "a choice cell of n bytes of brackets",
    ),
    "seed_ocr_repeated": (
        4,
        lambda n: SMALL_SEED.read_bytes() * n,
        "seed 003 (OCR-HTML) repeated n times",
    ),
    "seed_pdftotext_repeated": (
        4,
        lambda n: PDF_SEED.read_bytes() * n,
        "seed 002 (pdftotext: pages, scrambled order) repeated n times",
    ),
    "pdftotext_pages": (
        2000,
        lambda n: TITLE
        + "".join(f"ページ {i}\n①システムの名称\n名称{i}\n[ 10万人以上30万人未満 ]\n\n\n\n" for i in range(n)).encode(),
        "n pdftotext pages (three blank lines apart) each with a label, a value and a bracket",
    ),
    "many_rows_cells": (
        1000,
        lambda n: TITLE + ("\t".join(f"c{j}" for j in range(200)) + "\n").encode() * n,
        "n rows of 200 cells",
    ),
    "wide_row": (
        250000,
        lambda n: head(OCR_SEED, 60) + "①システムの名称".encode() + b"\tx" * n + b"\n",
        "one row of n cells (past LIM004)",
    ),
    "deep_nesting": (
        50000,
        lambda n: head(OCR_SEED, 60) + "①システムの名称\t".encode() + b"<div>" * n + "名称".encode() + b"</div>" * n + b"\n",
        "one cell nested n deep (past LIM003)",
    ),
    "nesting_under_limit": (
        200,
        lambda n: head(OCR_SEED, 60)
        + ("②システムの機能\t" + "<div>" * 500 + "機能" + "</div>" * 500 + "\n").encode() * n,
        "n cells nested 500 deep (just under LIM003)",
    ),
    "html_table_rows": (
        20000,
        lambda n: head(OCR_SEED, 60) + "①システムの名称\t<table>".encode() + "<tr><td>行</td><td>列</td></tr>".encode() * n
        + b"</table>\n",
        "one cell holding a table of n rows",
    ),
    "html_table_unclosed": (
        20000,
        lambda n: head(OCR_SEED, 60) + "①システムの名称\t<table><tr><td>".encode() + "<tr><td>行".encode() * n + b"\n",
        "one cell holding a table of n rows that never closes",
    ),
    "html_cells": (
        2000,
        lambda n: II
        + ('①入手元 ※\t<table border="0"><tr><td><input type="checkbox"/> 本人</td>'
           '<td><input type="checkbox" checked/> 行政機関</td></tr></table>\n').encode() * n,
        "n rows with an HTML check-set cell",
    ),
    "html_br_entities": (
        100000,
        lambda n: II + "③対象となる本人の範囲 ※\t".encode() + b"a<br>&lt;&amp;&#x3042;" * n + b"\n",
        "one cell of n line breaks and entities",
    ),
    "systems": (
        400,
        lambda n: I2 + "".join(f"システム{i + 1}\n①システムの名称\t名称{i}\n" for i in range(n)).encode(),
        "n システムN headings with a field each (under LIM005)",
    ),
    "systems_past_limit": (
        4000,
        lambda n: I2 + "".join(f"システム{i % 999 + 1}\n①システムの名称\t名称{i}\n" for i in range(n)).encode(),
        "n システムN headings, past LIM005 (2000)",
    ),
    "files": (
        300,
        lambda n: head(OCR_SEED, 60)
        + "## Ⅱ 特定個人情報ファイルの概要\n".encode()
        + "".join(f"1. 特定個人情報ファイル名\t\n{i}. ファイル{i}\t\n2. 基本情報\t\n③対象となる本人の範囲 ※\t住民\n"
                  for i in range(n)).encode(),
        "n files in Ⅱ",
    ),
    "risks": (
        2000,
        lambda n: III + "".join(f"リスク{i % 9 + 1}: 目的外の入手が行われるリスク\t\nリスクに対する措置の内容\t措置{i}\n"
                                for i in range(n)).encode(),
        "n risks with a measure each",
    ),
    "entrusts": (
        2000,
        lambda n: II + "委託の有無 ※\t[ 委託する ]\n".encode()
        + "".join(f"委託事項{i % 999 + 1}\t業務{i}\n①委託内容\t内容{i}\n" for i in range(n)).encode(),
        "n 委託事項N groups",
    ),
    "group_captions": (
        5000,
        lambda n: I2 + "".join(f"システム{5 * i + 2}～{5 * i + 6}\n" for i in range(n)).encode(),
        "n captions of empty groups (システム2～6)",
    ),
    "repeated_label": (
        40000,
        lambda n: II + "③対象となる本人の範囲 ※\tfoo\n".encode() * n,
        "a text field's label printed n times",
    ),
    "repeated_choice": (
        40000,
        lambda n: II + "委託の有無 ※\t[ 委託する ]\n".encode() * n,
        "a choice field printed n times",
    ),
    "continuation_rows": (
        40000,
        lambda n: II + "③対象となる本人の範囲 ※\tfoo\n".encode() + b"\tx\n" * n
        + '①入手元 ※\t<div> <input type="checkbox"/> 本人</div>\n'.encode(),
        "n continuation rows before a check set's label",
    ),
    "check_boxes": (
        20000,
        lambda n: II + "①入手元 ※\t".encode() + '<input type="checkbox"/> その他 (\n\t'.encode() * n + b"\n",
        "one check set of n boxes over as many rows",
    ),
    "marks": (
        40000,
        lambda n: II + "①入手元 ※\t".encode() + "○ 紙 ○ 電子記録媒体 ● 本人\n".encode() * n,
        "n rows of ○ ● marks after a check set",
    ),
    "bracket_rows": (
        40000,
        lambda n: II + "[ 委託する ]\n".encode() * n,
        "n rows that are only a choice bracket",
    ),
    "option_lists": (
        20000,
        lambda n: II + "<選択肢> 1) 委託する 2) 委託しない\n".encode() * n,
        "n option-list rows",
    ),
    "unknown_labels": (
        40000,
        lambda n: II + "".join(f"③入手の時期{i}\t値{i}\n" for i in range(n)).encode(),
        "n rows with an unknown circled label",
    ),
    "wrapped_label_starts": (
        40000,
        lambda n: PDF_SEED.read_bytes()[:4000] + "権限のない者（\n".encode() * n,
        "pdftotext: n lines that begin a wrapped label",
    ),
    "blank_runs": (
        200,
        lambda n: II + ("③対象となる本人の範囲 ※\tfoo\n" + "\n" * 1000).encode() * n,
        "n runs of 1000 blank lines between labels",
    ),
    "markdown_headings": (
        20000,
        lambda n: TITLE + "## I 基本情報\n## Ⅱ 特定個人情報ファイルの概要\n### Ⅲ リスク対策\n".encode() * n,
        "n markdown part headings",
    ),
    "hash_lines": (
        1 << 20,
        lambda n: TITLE + (b"#" * (n // 8) + b"\n") * 8,
        "8 lines of n/8 '#'",
    ),
    "dates_and_counts": (
        20000,
        lambda n: II + "".join(f"⑥事務担当部署\t令和{i % 9 + 1}年{i % 12 + 1}月{i % 28 + 1}日 ( {i} ) 件\n"
                               for i in range(n)).encode(),
        "n rows of era dates and counts",
    ),
    "toc_lines": (
        20000,
        lambda n: TITLE + "## 項目一覧\n".encode() + "Ⅰ 基本情報\nⅡ 特定個人情報ファイルの概要\n".encode() * n,
        "a 項目一覧 of n entries",
    ),
}


def run(binary: str, path: pathlib.Path) -> tuple[float, int]:
    """Wall-clock seconds of one `hyoka parse`, best of two when under a second, and its exit."""
    best = math.inf
    code = 0
    for attempt in range(2):
        start = time.monotonic()
        proc = subprocess.run(["nice", "-n", "10", binary, "parse", str(path)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        best = min(best, time.monotonic() - start)
        code = proc.returncode
        if best >= 1.0:
            break
    return best, code


def main() -> int:
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    binary = args.pop(0)
    quick = "--quick" in args
    sizes = 2
    scale = 0.25 if quick else 1.0
    only = None
    keep = None
    while args:
        a = args.pop(0)
        if a == "--sizes":
            sizes = int(args.pop(0))
        elif a == "--scale":
            scale *= float(args.pop(0))
        elif a == "--only":
            only = args.pop(0).split(",")
        elif a == "--keep":
            keep = pathlib.Path(args.pop(0))
        elif a != "--quick":
            print(__doc__, file=sys.stderr)
            return 2
    factors = [1, 4] if sizes == 2 else [1, 2, 4]
    tmp = tempfile.TemporaryDirectory(prefix="hyoka-scaling-")
    work = keep or pathlib.Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    base = work / "fixed_cost.txt"
    base.write_bytes(TITLE + "①事務の名称\t事務\n".encode())
    fixed, _ = run(binary, base)
    print(f"fixed cost of one parse: {fixed:.3f} s")
    print(f"{'shape':26} {'N':>9} " + " ".join(f"{'t(' + str(f) + 'N)':>9}" for f in factors)
          + f" {'growth':>7} {'exp':>5}  exit")
    def measure(name: str, n: int, make) -> tuple[list, list, float, bool, bool]:
        times, codes = [], []
        for f in factors:
            path = work / f"{name}_{f}N.txt"
            path.write_bytes(make(n * f))
            t, code = run(binary, path)
            times.append(t)
            codes.append(code)
            if not keep:
                path.unlink()
        low, high = max(times[0] - fixed, 0.01), max(times[-1] - fixed, 0.0)
        growth = high / low
        bad = growth > FLAG_GROWTH and high > FLAG_SECONDS
        crashed = any(c not in (0, 4, 5) for c in codes)  # 4: not an assessment, 5: a limit
        return times, codes, growth, bad, crashed

    flagged = []
    for name, (n0, make, what) in SHAPES.items():
        if only and name not in only:
            continue
        n = max(1, int(n0 * scale))
        times, codes, growth, bad, crashed = measure(name, n, make)
        if bad and not crashed:
            # a load spike on a shared machine looks like super-linear growth: a shape is flagged
            # only when it grows as fast again from twice the size
            print(f"{name:26} {n:>9} " + " ".join(f"{t:>9.3f}" for t in times)
                  + f" {growth:>7.1f}  (measured again from 2N)", flush=True)
            n *= 2
            times, codes, growth, bad, crashed = measure(name, n, make)
        exponent = math.log(max(growth, 1e-9)) / math.log(factors[-1])
        if bad or crashed:
            flagged.append(name)
        print(f"{name:26} {n:>9} " + " ".join(f"{t:>9.3f}" for t in times)
              + f" {growth:>7.1f} {exponent:>5.2f}  {','.join(map(str, sorted(set(codes))))}"
              + ("  SUPER-LINEAR" if bad else "") + ("  CRASHED" if crashed else "") + f"   {what}",
              flush=True)
    if flagged:
        print(f"super-linear or crashed: {', '.join(flagged)}")
        return 1
    print("no super-linear shape")
    return 0


if __name__ == "__main__":
    sys.exit(main())
