"""Measure fromto.transitions on the hand-annotated PKU development sample (dev and held-out splits).

Usage: ``python benchmarks/transitions_dev.py [--pku DIR] [--errors dev]``

The annotation (``resources/pku_dev_transitions.csv``) stores only line numbers, sentence offsets and short
poles; the sentences are rebuilt from ``pku_test.utf8`` in DIR (default ``paths.PKU``), which is read in place
and never copied. When the file is absent the script says so and exits 0.

Printed per split:
* sentence level — a sentence is predicted positive when the extractor returns at least one row;
* pole level — a predicted (source, target) pair matches a gold pair when each predicted pole contains the gold
  pole or is contained in it (quotes and spaces removed); each gold pair is matched at most once.
``--errors dev`` lists the dev sentences the extractor gets wrong (never use it on the held-out split while
tuning: that split measures how the rules generalise).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fromto import paths
from fromto.evaluation.devset import evaluate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", type=Path, default=paths.PKU, help="folder holding pku_test.utf8")
    ap.add_argument("--errors", choices=["dev"], help="list the dev sentences the extractor gets wrong")
    args = ap.parse_args(argv)
    if not (args.pku / "pku_test.utf8").is_file():
        print(f"skipped: pku_test.utf8 not found in the folder given ({args.pku.name}); "
              "pass --pku DIR or set FROMTO_PKU")
        return 0
    res = evaluate(args.pku, args.errors)
    print(f"{'split':<8} {'sentences':>9} {'level':<9} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for split in ("dev", "heldout"):
        r = res[split]
        for level in ("sentence", "pole"):
            p, rec, f, n = r[level]
            print(f"{split:<8} {r['sentences']:>9} {level:<9} {n:>5} {p:>6.3f} {rec:>6.3f} {f:>6.3f}")
    for (ln, a, _), text, gold, pred in res["errors"]:
        print(f"\nline {ln}+{a}: {text}\n  gold: {gold}\n  pred: {pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
