"""Build the benchmark page dumps from their layout specs and the PKU People's Daily text (read in place).

Usage: ``python benchmarks/pages/build_pages.py --out DIR [--pku PATH] [SPEC ...]``

Each spec (``page1.tsv`` …) lists the blocks of one page dump in order, one row ``kind<TAB>value`` each:

==============  ===================================================================================================
kind            block printed
==============  ===================================================================================================
``pku``         line N of ``pku_test.utf8`` (value ``N``) or characters START..END of it (``N:START-END``,
                0-based, END exclusive)
``pku_ascii``   the same, with the full-width ``，；：？（）`` turned into ASCII ``, ; : ? ( )``
``pku_pre``     the same, followed by ``——`` (a pre-title, 引题)
``pku_sub``     the same, preceded by ``——`` (a subtitle printed under the title)
``text``        the value itself: layout furniture (column name, byline, caption, credit, box label …)
``blank``       an empty line
==============  ===================================================================================================

Lines starting with ``#`` and empty lines in a spec are comments. The page is written to ``DIR/pageN.txt``
(UTF-8, LF). Next to it ``DIR/pageN.expected.csv`` resolves the reader's structure (``pageN.expected.csv`` in
this folder, which holds PKU line numbers and offsets only) into ``article,kind,text_start``: the first 12
characters of each block, spaces and the —— that marks a pre-title or subtitle left out. Every PKU position of
the expected file must be where a block of the page starts, and every literal must begin a furniture block.
The PKU text is research-only, so DIR must lie outside the repository.

PKU is looked for at ``--pku`` (the file or its folder), else ``$FROMTO_PKU`` (folder or file), else
``../shared/reference/pku/pku_test.utf8`` beside the repository. Absent: one line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PKU_NAME = "pku_test.utf8"
#: sha256 of the copy the specs were written against (SIGHAN 2005 PKU test set, LF line endings).
PKU_SHA256 = "b5baada6a17bacdead28fd88a94bd98197f34148e731da2db4141a78d5c8038f"
ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "（": "(", "）": ")"})
DASH = "——"
KINDS = ("pku", "pku_ascii", "pku_pre", "pku_sub", "text", "blank")
READER_KINDS = ("column", "pre_title", "title", "subtitle", "byline", "section_heading", "body", "box_label",
                "box_body", "caption")
TEXT_START = 12
_REF = re.compile(r"^(\d+)(?::(\d+)-(\d+))?$")


class SpecError(Exception):
    """A spec or expected file that does not fit the PKU text."""


def find_pku(arg: str | None) -> Path | None:
    """The PKU file from --pku, $FROMTO_PKU or the default place; None when it is not there."""
    given = arg or os.environ.get("FROMTO_PKU")
    path = Path(given) if given else REPO.parent / "shared" / "reference" / "pku"
    if path.is_dir():
        path = path / PKU_NAME
    return path if path.is_file() else None


def read_pku(path: Path) -> list[str]:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != PKU_SHA256:
        print(f"warning: {path.name} differs from the copy the specs were written against; "
              "line numbers may not match", file=sys.stderr)
    return data.decode("utf-8").replace("\r\n", "\n").split("\n")


def resolve(ref: str, pku: list[str], where: str) -> tuple[int, int, str]:
    """``N`` or ``N:START-END`` -> (line, start offset, text); the end offset is start + len(text)."""
    m = _REF.match(ref.strip())
    if not m:
        raise SpecError(f"{where}: '{ref}' is not N or N:START-END")
    n = int(m.group(1))
    if not 1 <= n <= len(pku) or not pku[n - 1]:
        raise SpecError(f"{where}: PKU line {n} does not exist or is empty")
    line = pku[n - 1]
    if m.group(2) is None:
        return n, 0, line
    a, b = int(m.group(2)), int(m.group(3))
    if not 0 <= a < b <= len(line):
        raise SpecError(f"{where}: slice {a}-{b} outside PKU line {n} ({len(line)} characters)")
    return n, a, line[a:b]


def read_spec(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for k, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, value = raw.partition("\t")
        if kind not in KINDS:
            raise SpecError(f"{path.name}:{k}: unknown kind '{kind}' (one of {', '.join(KINDS)})")
        if kind != "blank" and not value:
            raise SpecError(f"{path.name}:{k}: kind '{kind}' needs a value")
        rows.append((kind, value, f"{path.name}:{k}"))
    return rows


def build(spec: list[tuple[str, str, str]], pku: list[str]) -> tuple[str, dict, list[str]]:
    """The page text, {(line, start offset): end offset} of the PKU blocks, and the furniture blocks."""
    out, starts, furniture = [], {}, []
    for kind, value, where in spec:
        if kind == "blank":
            out.append("")
        elif kind == "text":
            out.append(value)
            furniture.append(value)
        else:
            n, a, text = resolve(value, pku, where)
            starts[(n, a)] = a + len(text)
            if kind == "pku_ascii":
                text = text.translate(ASCII)
            elif kind == "pku_pre":
                text = text + DASH
            elif kind == "pku_sub":
                text = DASH + text
            out.append(text)
    return "\n".join(out) + "\n", starts, furniture


def resolve_expected(path: Path, pku: list[str], starts: dict, furniture: list[str]) -> list[dict]:
    """Rows ``article,kind,text_start`` from an expected file of PKU positions and literals, checked."""
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    # a PKU block that is not a row of its own continues the row before it (cut by a caption or a page break)
    own = {(int(r["pku_line"]), int(r["offset"])) for r in records if r["source"] == "pku"}
    rows = []
    for k, r in enumerate(records, 2):
        where = f"{path.name}:{k}"
        if r["kind"] not in READER_KINDS:
            raise SpecError(f"{where}: unknown kind '{r['kind']}'")
        if r["source"] == "pku":
            n, a = int(r["pku_line"]), int(r["offset"])
            if (n, a) not in starts:
                raise SpecError(f"{where}: no block of the page starts at PKU line {n} offset {a}")
            b = starts[(n, a)]
            while (n, b) in starts and (n, b) not in own:
                b = starts[(n, b)]
            text = pku[n - 1][a:b]
        elif r["source"] == "text":
            text = r["literal"]
            if not any(f.startswith(text) for f in furniture):
                raise SpecError(f"{where}: literal '{text}' is not printed on the page")
        else:
            raise SpecError(f"{where}: source must be pku or text")
        rows.append(dict(article=r["article"], kind=r["kind"], text_start=text_start(text)))
    return rows


def text_start(text: str) -> str:
    """The first 12 characters a reader sees: spaces (byline padding) and the —— of a head left out."""
    return re.sub(r"\s+", "", text).strip("—")[:TEXT_START]


def inside_repo(path: Path) -> bool:
    try:
        path.resolve().relative_to(REPO)
        return True
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the page dumps (outside the repository)")
    ap.add_argument("--pku", help="pku_test.utf8 or the folder holding it")
    ap.add_argument("specs", nargs="*", type=Path, help="layout specs (default: page*.tsv beside this script)")
    args = ap.parse_args(argv)
    pku_path = find_pku(args.pku)
    if pku_path is None:
        print(f"error: {PKU_NAME} not found; pass --pku PATH or set FROMTO_PKU", file=sys.stderr)
        return 2
    if inside_repo(args.out):
        print("error: --out lies inside the repository; the PKU text must not be written there", file=sys.stderr)
        return 2
    specs = args.specs or sorted(HERE.glob("page*.tsv"))
    pku = read_pku(pku_path)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for spec_path in specs:
            text, starts, furniture = build(read_spec(spec_path), pku)
            page = args.out / f"{spec_path.stem}.txt"
            page.write_bytes(text.encode("utf-8"))
            msg = f"{spec_path.stem}: {sum(not c.isspace() for c in text):,} characters, {text.count(chr(10))} lines"
            expected = spec_path.with_name(f"{spec_path.stem}.expected.csv")
            if expected.is_file():
                rows = resolve_expected(expected, pku, starts, furniture)
                with (args.out / expected.name).open("w", encoding="utf-8", newline="") as fh:
                    w = csv.DictWriter(fh, fieldnames=["article", "kind", "text_start"], lineterminator="\n")
                    w.writeheader()
                    w.writerows(rows)
                msg += f", {len({r['article'] for r in rows})} articles, {len(rows)} reader blocks"
            print(f"{msg} -> {page}")
    except (SpecError, OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
