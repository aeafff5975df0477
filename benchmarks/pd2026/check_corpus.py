"""Check a folder of People's Daily 2026 party-building articles against the manifest the 2026 figures were made on.

Usage: ``python benchmarks/pd2026/check_corpus.py [--corpus PATH]``

``benchmarks/pd2026/SOURCES.tsv`` names every article (file name, date, page, characters, sha256 of the file's
UTF-8 bytes, People's Daily URL, and the commit of the public repository copy it was taken from). The text itself
is not in this repository. Point ``--corpus`` (else ``$FROMTO_PD2026``, else ``../peoples-daily-2026-party-building``
beside the repository) at a folder holding ``articles/<file>``; the script says, one line per file, which are
missing or differ, and exits 0 only when every file matches. Standard library only.
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
    ap.add_argument("--corpus", type=Path, default=paths.PD2026)
    args = ap.parse_args(argv)
    rows = manifest_rows()
    problems = check(args.corpus, rows)
    for line in problems:
        print(line)
    print(f"{len(rows) - len(problems)} of {len(rows)} articles match")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
