"""Check a folder of People's Daily 2026 articles against the manifest the 2026 figures were made on.

Usage: ``python benchmarks/pd2026/check_corpus.py [--set pd2026|late|commentary] [--corpus PATH]``

Each manifest names every article of one evaluation corpus (file name, date, page, characters, sha256 of the
file's UTF-8 bytes, People's Daily URL, and the commit of the public repository copy it was taken from); the text
itself is not in this repository. The sets:

* ``pd2026`` (default) — the party-building page, January to July 2026: ``benchmarks/pd2026/SOURCES.tsv``, folder
  ``$FROMTO_PD2026`` or ``../peoples-daily-2026-party-building``;
* ``late`` — the same page, 2026-07-21 to 2026-09-01: ``benchmarks/pages2026late/SOURCES.tsv``, folder
  ``$FROMTO_PD2026_LATE`` or ``../peoples-daily-2026-party-building-late``;
* ``commentary`` — the commentary page (评论版) of those issues: ``benchmarks/pd2026/SOURCES_commentary.tsv``,
  folder ``$FROMTO_PD2026_COMMENTARY`` or ``../peoples-daily-2026-commentary``.

``--corpus`` overrides the folder, which must hold ``articles/<file>``; the script says, one line per file, which
are missing or differ, and exits 0 only when every file matches. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from fromto import paths  # noqa: E402

MANIFEST = HERE / "SOURCES.tsv"
#: Each set's manifest and default folder.
SETS = {"pd2026": (MANIFEST, paths.PD2026),
        "late": (REPO / "benchmarks" / "pages2026late" / "SOURCES.tsv", paths.PD2026_LATE),
        "commentary": (HERE / "SOURCES_commentary.tsv", paths.PD2026_COMMENTARY)}


def manifest_rows(path: Path = MANIFEST) -> list[dict]:
    """The manifest's rows (``#`` comment lines skipped)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def check(corpus: Path, rows: list[dict]) -> list[str]:
    """One line per article of ``rows`` that is missing from ``corpus/articles`` or whose sha256 differs."""
    problems = []
    for row in rows:
        path = corpus / "articles" / row["file"]
        if not path.is_file():
            problems.append(f"{row['file']}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            problems.append(f"{row['file']}: differs from the manifest's sha256")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), default="pd2026", help="which corpus (default pd2026)")
    ap.add_argument("--corpus", type=Path, help="the folder (default: the set's)")
    args = ap.parse_args(argv)
    manifest, folder = SETS[args.set]
    rows = manifest_rows(manifest)
    problems = check(args.corpus or folder, rows)
    for line in problems:
        print(line)
    print(f"{len(rows) - len(problems)} of {len(rows)} articles match")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
