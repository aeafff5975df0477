"""The measures every evaluation in the project reports, written once: precision, recall and F1, and the
agreement of two coders per statement (percent agreement, Cohen's κ, Krippendorff's α, per code and overall).

Precision, recall and F1 have one rule for an empty denominator everywhere: a ratio with nothing to divide by is
undefined (NaN), not 0 and not 1 — a tool that predicted nothing has no precision, and text without a gold item
has no recall. F1 is NaN when either is NaN, and 0 when both are 0.
"""

from __future__ import annotations

import math

import pandas as pd

from fromto.textio import cell_text


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


# --- agreement of two coders, per statement (the unit of analysis) ---------------------------------------------

def _pairs(a, b) -> tuple[list[str], list[str]]:
    a, b = [cell_text(x) for x in a], [cell_text(x) for x in b]
    if len(a) != len(b):
        raise ValueError(f"the two codings differ in length ({len(a)} and {len(b)})")
    return a, b


def percent_agreement(a, b) -> float:
    """Share of units on which the two codings give the same code (NaN for no units)."""
    a, b = _pairs(a, b)
    return sum(x == y for x, y in zip(a, b)) / len(a) if a else math.nan


def cohen_kappa(a, b) -> float:
    """Cohen's κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginal distribution.

    Undefined (NaN) when there are no units or when p_e = 1 (both coders used one and the same code
    throughout, so chance agreement is already perfect).
    """
    a, b = _pairs(a, b)
    n = len(a)
    if not n:
        return math.nan
    p_o = percent_agreement(a, b)
    cats = sorted(set(a) | set(b))
    p_e = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if math.isclose(p_e, 1.0):
        return math.nan
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(a, b) -> float:
    """Krippendorff's α (nominal) of two codings, via the ``krippendorff`` package.

    Undefined (NaN) when fewer than two distinct codes occur in all (no variation to agree on).
    """
    import krippendorff
    import numpy as np

    a, b = _pairs(a, b)
    cats = sorted(set(a) | set(b))
    if len(cats) < 2 or not a:
        return math.nan
    index = {c: i for i, c in enumerate(cats)}
    data = np.array([[index[x] for x in a], [index[x] for x in b]], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                     value_domain=list(range(len(cats)))))


def agreement_table(rule_codes, gold_codes) -> pd.DataFrame:
    """Percent agreement, Cohen's κ and Krippendorff's α (nominal) of two codings of the same statements."""
    a, b = _pairs(rule_codes, gold_codes)
    return pd.DataFrame(
        [
            {"measure": "percent_agreement", "value": percent_agreement(a, b), "n_statements": len(a)},
            {"measure": "cohen_kappa", "value": cohen_kappa(a, b), "n_statements": len(a)},
            {"measure": "krippendorff_alpha_nominal", "value": krippendorff_alpha(a, b), "n_statements": len(a)},
        ]
    )


def per_code_agreement(a, b, codes=None) -> pd.DataFrame:
    """Agreement per code: for each code either coding used, how often coding ``a`` used it (``n_a``), coding
    ``b`` (``n_b``) and both on the same unit (``n_both``), and percent agreement, Cohen's κ and
    Krippendorff's α of the binary coding "this code or not" over all units. ``codes`` orders the rows (codes
    not listed follow, sorted)."""
    a, b = _pairs(a, b)
    used = set(a) | set(b)
    order = [c for c in (codes or []) if c in used] + sorted(used - set(codes or []))
    rows = []
    for c in order:
        x = ["yes" if v == c else "no" for v in a]
        y = ["yes" if v == c else "no" for v in b]
        rows.append({"code": c, "n_a": x.count("yes"), "n_b": y.count("yes"),
                     "n_both": sum(p == q == "yes" for p, q in zip(x, y)),
                     "percent_agreement": percent_agreement(x, y), "cohen_kappa": cohen_kappa(x, y),
                     "krippendorff_alpha_nominal": krippendorff_alpha(x, y)})
    return pd.DataFrame(rows, columns=["code", "n_a", "n_b", "n_both", "percent_agreement", "cohen_kappa",
                                       "krippendorff_alpha_nominal"])


def measure_of(table: pd.DataFrame, units: str, measure: str) -> tuple[float, int]:
    """``(value, n_statements)`` of one row of an agreement table (``units, measure, value, n_statements``), or
    ``(nan, 0)`` when the table has no such row."""
    hit = table[(table["units"] == units) & (table["measure"] == measure)]
    if not len(hit):
        return float("nan"), 0
    return float(hit["value"].iloc[0]), int(hit["n_statements"].iloc[0])


def agreement_wide(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """An agreement table (``units, measure, value, n_statements``, one row per measure) for reading: one row per
    set of units, in the table's order, with ``n_statements`` and one column per measure, in the order they first
    appear, rounded to ``digits``. A measure a set of units lacks is left empty."""
    units = list(dict.fromkeys(table["units"]))
    measures = list(dict.fromkeys(table["measure"]))
    rows = []
    for u in units:
        part = table[table["units"] == u]
        row = {"units": u, "n_statements": int(part["n_statements"].iloc[0])}
        values = dict(zip(part["measure"], part["value"]))
        for m in measures:
            row[m] = round(float(values[m]), digits) if m in values else None
        rows.append(row)
    return pd.DataFrame(rows, columns=["units", "n_statements", *measures])
