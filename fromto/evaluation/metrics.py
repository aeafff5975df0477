"""The measures every evaluation in the project reports, written once.

Precision, recall and F1 have one rule for an empty denominator everywhere: a ratio with nothing to divide by is
undefined (NaN), not 0 and not 1 — a tool that predicted nothing has no precision, and text without a gold item
has no recall. F1 is NaN when either is NaN, and 0 when both are 0.
"""

from __future__ import annotations

import math


def ratio(num: int, den: int) -> float:
    """``num / den``, or NaN when ``den`` is 0."""
    return num / den if den else math.nan


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall``: NaN if either is NaN, 0 when both are 0."""
    if math.isnan(precision) or math.isnan(recall):
        return math.nan
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return p, r, f1(p, r)


def prf_from_counts(tp: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, the number predicted and the number in the gold standard."""
    return precision_recall_f1(tp, n_predicted - tp, n_gold - tp)
