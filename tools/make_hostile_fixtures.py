#!/usr/bin/env python3
"""The hostile inputs of fixtures/hostile/ (issue 7), made from the seeds.

usage: make_hostile_fixtures.py --small          rewrite the small committed ones in fixtures/hostile/
       make_hostile_fixtures.py OUT_DIR          write the large ones (not committed) into OUT_DIR

Large inputs are written by streaming, never held whole in memory. Every input, small or large,
is listed with its expected outcome in fixtures/hostile/expected.json, which the harness
tests/hostile_check.py checks. Everything here is deterministic.
"""
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
HOSTILE = ROOT / "fixtures" / "hostile"
OCR_SEED = SEEDS / "001_97e7286a07f87af4.txt"  # 様式3, OCR-HTML, three files
SMALL_SEED = SEEDS / "003_6edb3ad0aa6a4351.txt"  # 様式3, OCR-HTML, 40 KB
PDF_SEED = SEEDS / "002_a7915fa7576da2d4.txt"  # pdftotext, text layout, several files
MIB = 1 << 20
TITLE = "特定個人情報保護評価書(重点項目評価書)\n\n".encode()


def head(seed: pathlib.Path, lines: int) -> bytes:
    return b"\n".join(seed.read_bytes().split(b"\n")[:lines]) + b"\n"


# ---- small inputs, committed ------------------------------------------------------------------


def small() -> dict:
    rng = random.Random(7)
    seed = SMALL_SEED.read_bytes()
    corrupted = bytearray(seed)
    # invalid UTF-8 inside the seed: lone continuation bytes, a truncated sequence, 0xFF
    for at in range(997, len(corrupted), 4099):
        corrupted[at : at + 1] = rng.choice([b"\x80", b"\xe3\x81", b"\xff", b"\xc0\xaf"])
    nul = bytearray(head(SMALL_SEED, 60))
    for at in range(50, len(nul), 97):
        nul[at] = 0
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \t\n\r\n\xe3\x80\x80\n\n\t\t \n" * 50,
        "random.bin": bytes(rng.getrandbits(8) for _ in range(16384)),
        "nul_bytes.bin": b"\x00" * 4096,
        "nul_in_seed.txt": bytes(nul),
        "invalid_utf8_in_seed.txt": bytes(corrupted),
        "count_overflow.txt": head(SMALL_SEED, 2000).replace(
            "( 1 ) 件".encode(), "( 99999999999999999999 ) 件".encode()
        )
        + TITLE
        + "## Ⅱ 特定個人情報ファイルの概要\n1. 特定個人情報ファイル名\t\nX情報ファイル\t\n"
        "委託の有無 ※\t[ 委託する ]\t<選択肢> 1) 委託する 2) 委託しない ( 99999999999999999999 ) 件\n".encode(),
        "impossible_date.txt": head(SMALL_SEED, 25).replace(
            "令和6年5月31日".encode(), "令和999年13月45日".encode()
        ),
        "table_never_closes.txt": head(SMALL_SEED, 40)
        + "①システムの名称\t<table border=\"0\"><tr><td><div><p>収納<b>システム".encode()
        + "<tr><td>続き".encode() * 200
        + b"\n",
    }


# ---- large inputs, generated ------------------------------------------------------------------


def write_repeated(path: pathlib.Path, unit: bytes, size: int, prefix: bytes = b"") -> None:
    with open(path, "wb") as f:
        f.write(prefix)
        left = size - len(prefix)
        block = unit * max(1, (4 * MIB) // len(unit))
        while left > 0:
            piece = block[:left]
            f.write(piece)
            left -= len(piece)


def large(out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    seed = OCR_SEED.read_bytes()
    prefix = head(OCR_SEED, 60)
    # a 20 MiB single line: the seed with its line breaks turned into spaces, repeated
    write_repeated(out / "line_20mib.txt", seed.replace(b"\n", b" "), 20 * MIB)
    # 100,000 nested <div> in one cell
    (out / "nested_div_100k.txt").write_bytes(
        prefix + "①システムの名称\t".encode() + b"<div>" * 100000 + "名称".encode() + b"</div>" * 100000 + b"\n"
    )
    # a row with a million empty cells
    (out / "million_cells.txt").write_bytes(prefix + "①システムの名称".encode() + b"\t" * 1000000 + b"x\n")
    # the seed repeated to 200 MiB
    write_repeated(out / "seed_200mib.txt", seed, 200 * MIB)
    # the seed repeated to just under the default max_bytes (32 MiB): read whole, in bounded time
    write_repeated(out / "seed_31mib.txt", seed, 31 * MIB)
    # a table that never closes, 50,000 rows in one cell
    (out / "table_never_closes_50k.txt").write_bytes(
        prefix + "①システムの名称\t<table><tr><td>".encode() + "<tr><td>行".encode() * 50000 + b"\n"
    )
    # thousands of システムN headings (numbers wrap at 999, as the form's own numbers stop there)
    with open(out / "systems_10000.txt", "wb") as f:
        f.write(prefix + "## I 基本情報\n2. 特定個人情報ファイルを取り扱う事務において使用するシステム\n".encode())
        for i in range(10000):
            f.write(f"システム{i % 999 + 1}\n①システムの名称\t名称{i}\n".encode())
    # regressions of quadratic time found by scaling inputs (each took a minute or more before its fix):
    # 400,000 continuation rows before a check set's label (the rows behind it were prepended one
    # by one), a check set of 200,000 boxes (every token searched to the end of the text for each
    # box), lines of a million '#' (erased one at a time), a 1 MiB line of one-character tokens
    # (every token tried as the start of a label up to 200 bytes on)
    body = TITLE + "## Ⅱ 特定個人情報ファイルの概要\n1. 特定個人情報ファイル名\t\nX情報ファイル\t\n".encode()
    (out / "continuation_400k.txt").write_bytes(
        body
        + "③対象となる本人の範囲 ※\tfoo\n".encode()
        + b"\tx\n" * 400000
        + "①入手元 ※\t<div> <input type=\"checkbox\"/> 本人</div>\n".encode()
    )
    (out / "checks_200k_boxes.txt").write_bytes(
        body + "①入手元 ※\t".encode() + '<input type="checkbox"/> その他 (\n\t'.encode() * 200000 + b"\n"
    )
    # a text field's label printed 600,000 times (each repetition copied the whole value so far)
    (out / "repeated_label_600k.txt").write_bytes(body + "③対象となる本人の範囲 ※\tfoo\n".encode() * 600000)
    (out / "hash_lines.txt").write_bytes(TITLE + (b"#" * 1000000 + b"\n") * 20)
    (out / "one_char_tokens.txt").write_bytes(TITLE + b"[ " * 500000 + b"\n")
    # seed 002 (pdftotext) repeated 128 times: hundreds of Ⅲ blocks, each of which looked for every
    # other block's texts in every box of the document (cubic: 32 copies took 4.2 s, 128 minutes)
    (out / "pdftotext_seed_128.txt").write_bytes(PDF_SEED.read_bytes() * 128)
    # thousands of files in Ⅱ: each one a large skeleton in the model
    with open(out / "files_5000.txt", "wb") as f:
        f.write(prefix + "## Ⅱ 特定個人情報ファイルの概要\n".encode())
        for i in range(5000):
            f.write(f"1. 特定個人情報ファイル名\t\n{i}. ファイル{i}\t\n2. 基本情報\t\n".encode())


def main() -> int:
    if sys.argv[1:] == ["--small"]:
        HOSTILE.mkdir(parents=True, exist_ok=True)
        for name, data in small().items():
            (HOSTILE / name).write_bytes(data)
        return 0
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    large(pathlib.Path(sys.argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
