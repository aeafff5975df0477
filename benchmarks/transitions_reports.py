"""Measure fromto.transitions on the Government Work Report gold standard, beside a naive regex baseline.

Usage: ``python benchmarks/transitions_reports.py [--errors tune]``

The gold standard (``resources/report_gold_transitions.csv``) is 2,096 report sentences drawn at random in five
rounds, each split into "tune" and "heldout" halves before annotation and annotated by LLM-based readers under one
written labelling policy, before any tool ran on them. "heldout" is the latest round's held-out half (223 sentences,
12 with a transition), never read while rules are written; everything else is tuning material
(:func:`fromto.evaluation.devset.report_items`). ``--errors`` lists tune errors and refuses ``heldout``.

Printed per split and level, for the extractor and for a naive baseline measured in the same run:
* sentence level — a sentence is predicted positive when the extractor returns at least one pair;
* pole level — a predicted (source, target) pair matches a gold pair when each predicted pole contains the gold
  pole or is contained in it (quotes and spaces removed); each gold pair is matched at most once.

The naive baseline (:data:`NAIVE`) is what one writes first: an opener 从/由, a source, a connector 到/向, a target
and an optional verb of change, all inside one clause — no false-trigger lists, no exclusions, no other
constructions.

On the held-out half, measured before and after the rules were tuned on the tune half of its round (the same figures
both times):

=======  =========  =====  =====  =====  ====================
split    level      P      R      F1     naive baseline P / R
=======  =========  =====  =====  =====  ====================
heldout  sentence   1.000  0.667  0.800  0.031 / 0.083
heldout  pole       1.000  0.571  0.727  0.028 / 0.071
=======  =========  =====  =====  =====  ====================

(12 sentences with a transition: 8 found, 4 missed, no false positive.) A perfect tune score says only that every
tune sentence is covered. Pooling the four first measurements on fresh prose (each round's held-out half measured
by the rules written before that round; 61 sentences with a transition): sentence precision 0.92, recall 0.80.
Every earlier round's figures, and what each round's rules added, are in ``EVALUATION.md``.
"""

from __future__ import annotations

import argparse
import re
import sys

from fromto.evaluation.devset import evaluate_reports

#: The naive baseline: 从/由 X 到/向 Y (+ an optional verb of change) inside one clause.
NAIVE = re.compile(r"(?:从|由)([^，,。；;！？!?]{1,30}?)(?:到|向)([^，,。；;！？!?]{1,30}?)"
                   r"(?:转变|发展|转化|转移|过渡|迈进)?(?=[，,。；;！？!?]|$)")


def naive_extract(text: str) -> list[tuple[str, str]]:
    """Every (source, target) the naive baseline finds in one sentence."""
    return [(m.group(1), m.group(2)) for m in NAIVE.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", metavar="SPLIT", help="list the extractor's errors on SPLIT (only 'tune')")
    args = ap.parse_args(argv)
    if args.errors not in (None, "tune"):
        print(f"refused: --errors {args.errors}; only the tune split's errors may be listed "
              "(the held-out split is reported, never read)", file=sys.stderr)
        return 2
    ours = evaluate_reports(args.errors)
    naive = evaluate_reports(extractor=naive_extract)
    print(f"{'split':<8} {'sentences':>9} {'level':<9} {'gold':>5}   {'extractor P':>11} {'R':>6} {'F1':>6}"
          f"   {'naive P':>7} {'R':>6} {'F1':>6}")
    for split in ("tune", "heldout"):
        for level in ("sentence", "pole"):
            p, r, f, n = ours[split][level]
            bp, br, bf, _ = naive[split][level]
            print(f"{split:<8} {ours[split]['sentences']:>9} {level:<9} {n:>5}   {p:>11.3f} {r:>6.3f} {f:>6.3f}"
                  f"   {bp:>7.3f} {br:>6.3f} {bf:>6.3f}")
    for (doc, sid), text, gold, pred in ours["errors"]:
        print(f"\n{doc} {sid}: {text}\n  gold: {gold}\n  pred: {pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
