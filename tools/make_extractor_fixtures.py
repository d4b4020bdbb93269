#!/usr/bin/env python3
"""Makes the document-sharing-site fixtures from the OCR-HTML seed 003.

usage: python3 tools/make_extractor_fixtures.py

Reads fixtures/seeds/003_6edb3ad0aa6a4351.txt (one table row per line, TAB between cells,
HTML inside cells) and writes four plain-text renderings of the same document next to it:

  extract_cells.txt      one cell per line, HTML removed, check boxes as ■ / □,
                         single-choice values as `[ 値 ]`
  extract_longline.txt   extract_cells.txt paginated (PAGE_LINES lines a page), each page one
                         line: `N tok tok tok …`
  extract_furniture.txt  extract_cells.txt with a running header, alternating footers
                         (`- N -` / `N / M さいたま市福祉局`) and form feeds or blank lines
                         between pages
  extract_doubled.txt    extract_cells.txt with every heading-like line printed as the
                         doubled overlay `A A+B B`

Standard library only, no randomness: running it again writes byte-identical files.
"""
from __future__ import annotations

import hashlib
import html
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SOURCE = SEEDS / "003_6edb3ad0aa6a4351.txt"

PAGE_LINES = 40  # non-blank lines of extract_cells.txt per page
RUNNING_HEADER = "さいたま市 福祉局 生活福祉部 福祉総務課"
FOOTER_ORG = "さいたま市福祉局"

CHECKED = "■"
UNCHECKED = "□"

# ---------------------------------------------------------------------------------------------
# one cell -> lines of text


def render_marks(cell: str) -> str:
    """Check boxes and choice brackets as a sharing site prints them."""
    # a bracketed input, whatever its type or state: the printed box carried a mark ([○])
    cell = re.sub(r"\[\s*<input\b[^>]*>\s*\]", CHECKED, cell)
    # mangled choice bracket `<input type="checkbox"/> 10人以上50人未満]` -> `[ 10人以上50人未満 ]`
    cell = re.sub(r"<input\b[^>]*>\s*([^\[\]<>]*?\S)\s*\]", r"[\1]", cell)
    # a bare unchecked input in front of an option list, an option number or a count is the
    # OCR's reading of the option-list frame, not a check box: a sharing site prints nothing
    cell = re.sub(
        r"<input\b(?![^>]*\b(?:checked|radio)\b)[^>]*>\s*(?=<選択肢>|\d+\)|\(\s*\d*\s*\)\s*件)",
        "",
        cell,
    )
    # remaining bare inputs
    cell = re.sub(r"<input\b[^>]*\bchecked\b[^>]*>", CHECKED, cell)
    cell = re.sub(r"<input\b[^>]*\btype=\"radio\"[^>]*>", CHECKED, cell)
    cell = re.sub(r"<input\b[^>]*>", UNCHECKED, cell)
    # printed marks
    cell = re.sub(r"[\[〔]\s*[○◯〇Oo]\s*[\]〕]", CHECKED, cell)
    cell = re.sub(r"\[\s*\]", UNCHECKED, cell)
    # single-choice values and stamps keep their brackets, with one space inside
    cell = re.sub(r"\[\s*([^\[\]<>]*?\S)\s*\]", r"[ \1 ]", cell)
    return cell.replace(EMPTY_CHOICE, "[ ]")


# `[]` in front of `<選択肢>` (also across cells and tags) is a single choice left blank, not
# a check box: it stays `[ ]`. Marked on the whole row before the row is split into cells.
EMPTY_CHOICE = "\ue000"
EMPTY_CHOICE_RE = re.compile(r"\[\s*\](?=(?:\s|<[A-Za-z/][^<>]*>)*(?:<選択肢>|&lt;選択肢&gt;))")


BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|br|tr|table|thead|tbody|h[1-6])\b[^<>]*>", re.I)
CELL_TAG = re.compile(r"</?(?:td|th)\b[^<>]*>", re.I)
ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\b[^<>]*>")  # ASCII names: <選択肢> is text


def render_cell(cell: str) -> list[str]:
    text = render_marks(cell)
    text = BLOCK_TAG.sub("\n", text)
    text = CELL_TAG.sub(" ", text)
    text = ANY_TAG.sub("", text)
    text = html.unescape(text)
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            lines.append(line)
    return lines


def cell_records(source_text: str) -> list[tuple[str, bool] | None]:
    """(line, starts_row) for every output line of extract_cells.txt; None is a blank line."""
    out: list[tuple[str, bool] | None] = []
    for row in source_text.split("\n"):
        if not row.strip():
            if out and out[-1] is not None:  # no leading blank, no runs of blanks
                out.append(None)
            continue
        first = True
        for cell in EMPTY_CHOICE_RE.sub(EMPTY_CHOICE, row).split("\t"):
            for line in render_cell(cell):
                out.append((line, first))
                first = False
    while out and out[-1] is None:
        out.pop()
    return out


# ---------------------------------------------------------------------------------------------
# pagination


def paginate(records: list[tuple[str, bool] | None]) -> list[list[tuple[str, bool] | None]]:
    """Pages of PAGE_LINES non-blank lines; a blank line stays on the page of the line before
    it, and a page does not end with a blank line."""
    pages: list[list[tuple[str, bool] | None]] = [[]]
    count = 0
    for rec in records:
        if rec is not None:
            if count == PAGE_LINES:
                pages.append([])
                count = 0
            count += 1
        pages[-1].append(rec)
    for page in pages:
        while page and page[-1] is None:
            page.pop()
    return pages


# ---------------------------------------------------------------------------------------------
# doubled overlay

HEADING = [
    re.compile(r"^特定個人情報保護評価書[(（].+[)）]$"),  # title
    re.compile(r"^(?:[IVX]{1,4}|[Ⅰ-Ⅻ])\s+\S"),  # part: I 基本情報, Ⅲ リスク対策
    re.compile(r"^[(（]別添\d+[)）]"),  # annex: (別添1) 特定個人情報ファイル記録項目
    re.compile(r"^\d{1,2}\.\s*\S"),  # section: 1. 特定個人情報ファイルを取り扱う事務
]


def is_heading(line: str, starts_row: bool) -> bool:
    return starts_row and any(p.match(line) for p in HEADING)


def split_point(s: str) -> int:
    """Index near the middle of s where the overlay splits it into A + B. Prefers the position
    just after an opening parenthesis; never splits a run of ASCII letters or digits."""
    n = len(s)

    def usable(i: int) -> bool:
        if not s[:i].strip() or not s[i:].strip():
            return False
        return not (s[i - 1].isascii() and s[i - 1].isalnum() and s[i].isascii() and s[i].isalnum())

    lo, hi = max(1, round(n * 0.35)), min(n - 1, round(n * 0.65))
    cands = [i for i in range(lo, hi + 1) if usable(i)] or [i for i in range(1, n) if usable(i)]
    preferred = [i for i in cands if s[i - 1] in "(（"]
    return min(preferred or cands, key=lambda i: (abs(i - n / 2), i))


def doubled(line: str) -> str:
    # only the bold heading text is doubled; check boxes after it (`4. … □ 委託しない`) are not
    m = re.search(f"[{CHECKED}{UNCHECKED}]", line)
    head, tail = (line[: m.start()].rstrip(), line[m.start():]) if m else (line, "")
    i = split_point(head)
    a, b = head[:i].rstrip(), head[i:].lstrip()
    out = f"{a} {head} {b}"
    return f"{out} {tail}" if tail else out


# ---------------------------------------------------------------------------------------------
# writers


def text_of(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def make_cells(records) -> str:
    return text_of(["" if r is None else r[0] for r in records])


def make_longline(records) -> str:
    pages = paginate(records)
    return text_of(
        [f"{n} " + " ".join(r[0] for r in page if r is not None) for n, page in enumerate(pages, 1)]
    )


def make_furniture(records) -> str:
    pages = paginate(records)
    total = len(pages)
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        header = RUNNING_HEADER
        if n > 1:
            if (n - 1) % 2 == 1:
                header = "\f" + header  # pdftotext style: the form feed opens the next page
            else:
                out.append("")  # a blank line between pages
        out.append(header)
        out.extend("" if r is None else r[0] for r in page)
        out.append(f"- {n} -" if n % 2 == 1 else f"{n} / {total} {FOOTER_ORG}")
    return text_of(out)


def make_doubled(records) -> str:
    lines = []
    for r in records:
        if r is None:
            lines.append("")
        else:
            lines.append(doubled(r[0]) if is_heading(*r) else r[0])
    return text_of(lines)


def main() -> int:
    source_text = SOURCE.read_text(encoding="utf-8")
    records = cell_records(source_text)
    outputs = {
        "extract_cells.txt": make_cells(records),
        "extract_longline.txt": make_longline(records),
        "extract_furniture.txt": make_furniture(records),
        "extract_doubled.txt": make_doubled(records),
    }
    pages = len(paginate(records))
    for name, text in outputs.items():
        data = text.encode("utf-8")
        path = SEEDS / name
        path.write_bytes(data)
        print(
            f"wrote {path.relative_to(ROOT)}: {len(data)} bytes, {text.count(chr(10))} lines, "
            f"sha256 {hashlib.sha256(data).hexdigest()}"
        )
    print(f"({pages} pages of {PAGE_LINES} lines from {SOURCE.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
