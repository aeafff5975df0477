"""How well ``fromto.clean`` reads today's party-building pages: built pages against the structure of their markup.

    python benchmarks/pages2025/evaluate.py --split tune [--show] [--corpus PATH] [--specs DIR] [--pages DIR] [--json FILE]
    python benchmarks/pages2025/evaluate.py --split heldout [--show]
    python benchmarks/pages2025/evaluate.py --split heldout --summary --specs DIR --corpus PATH   # a fresh set

The pages are built by ``build_pages.py`` (the 2025 People's Daily party-building corpus, research-only) into a
temporary folder outside the repository (from the specs in ``--specs DIR``, by default this folder), or read
from ``--pages DIR``. Without the corpus the script says so and
exits 0. The scoring is ``benchmarks/pages/evaluate.py``'s: blocks aligned by order on ``(kind, text_start)``;
per page and per split: articles found (title matched) and whole, precision / recall per kind (``body`` exact: a
body paragraph counts only when its first 12 characters and its place match), and not-body.

Every split prints its pages' figures and, with ``--show``, their differences: the 2025 held-out pages were
opened for tuning after their first and later looks (see README.md). A fresh held-out set built into its own
``--specs`` folder is scored once with ``--summary`` (the split's figures only, no page).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path[:1]:
    sys.path.insert(0, str(REPO))  # this checkout's package, not whichever fromto is installed


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


scoring = _load(HERE.parent / "pages" / "evaluate.py", "pages_evaluate")
builder = _load(HERE / "build_pages.py", "pages2025_build")


def evaluate(pages: Path, split: str, show: bool = False, summary: bool = False) -> dict:
    from fromto import clean
    from fromto.textio import read_text

    figures, total = {}, {}
    for exp_path in sorted(pages.glob("*.expected.csv")):
        name = exp_path.name.split(".")[0]
        page_split = (pages / f"{name}.split").read_text(encoding="utf-8").strip()
        if split != "all" and page_split != split:
            continue
        result = clean.clean_page(read_text(pages / f"{name}.txt"), doc=name)
        s = scoring.compare(scoring.read_expected(exp_path), scoring.cleaner_blocks(result))
        figures[name] = s
        scoring.add(total, s)
        if summary:
            continue
        print("\n".join(scoring.summarise(name, s)))
        if show:
            for line in scoring.differences(s):
                print(line)
        print()
    print("\n".join(scoring.summarise(f"{split} pages ({len(figures)})", total)))
    figures["all"] = total
    return figures


def held_out_splits(specs: Path | None) -> set[str]:
    """The splits a specs folder holds out: the words of its ``HELD_OUT`` file (none when it has none). Their pages
    are scored as a summary only, never shown page by page, so whoever writes cleaner rules does not read them."""
    marker = Path(specs or HERE) / "HELD_OUT"
    return set(marker.read_text(encoding="utf-8").split()) if marker.is_file() else set()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=builder.SPLITS, required=True)
    ap.add_argument("--corpus", help="the corpus folder (default: as build_pages.py)")
    ap.add_argument("--specs", type=Path, help="folder of the specs and positions files (default: this folder)")
    ap.add_argument("--pages", type=Path, help="a folder where build_pages.py already wrote the pages")
    ap.add_argument("--show", action="store_true", help="print each page's differences")
    ap.add_argument("--summary", action="store_true", help="print the split's figures only (no page)")
    ap.add_argument("--json", type=Path, help="also write the figures (counts per kind) to this file")
    args = ap.parse_args(argv)
    if args.show and args.summary:
        ap.error("--show and --summary exclude each other")
    if args.split in held_out_splits(args.specs):
        if args.show:
            print(f"refused: --show on the {args.split} pages of {args.specs}: they are held out (HELD_OUT), and "
                  "their figures are printed once, as a summary", file=sys.stderr)
            return 2
        args.summary = True
    if args.pages is not None:
        figures = evaluate(args.pages, args.split, args.show, args.summary)
    else:
        if builder.find_corpus(args.corpus) is None:
            print(f"{builder.CORPUS_NAME} not found (pass --corpus or set FROMTO_PD2025): nothing to evaluate")
            return 0
        with tempfile.TemporaryDirectory(prefix="fromto-pages2025-") as tmp:
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                rc = builder.main(["--out", tmp, "--split", args.split]
                                  + (["--corpus", args.corpus] if args.corpus else [])
                                  + (["--specs", str(args.specs)] if args.specs else []))
            if rc != 0:
                print(f"build_pages.py failed (status {rc})", file=sys.stderr)
                return rc
            figures = evaluate(Path(tmp), args.split, args.show, args.summary)
    if args.json:
        scoring.write_counts(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
