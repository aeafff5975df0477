"""One rule for precision, recall and F1 everywhere, empty denominators included."""

import math

import pytest

from fromto.evaluation import metrics


def test_precision_recall_f1_on_a_hand_computed_example():
    p, r, f = metrics.prf_from_counts(2, 4, 5)
    assert (p, r) == (0.5, 0.4) and f == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert metrics.precision_recall_f1(2, 2, 3) == (p, r, f)


def test_nothing_predicted_has_no_precision_and_no_f1():
    p, r, f = metrics.prf_from_counts(0, 0, 3)
    assert math.isnan(p) and r == 0.0 and math.isnan(f)


def test_nothing_in_the_gold_has_no_recall():
    p, r, f = metrics.prf_from_counts(0, 2, 0)
    assert p == 0.0 and math.isnan(r) and math.isnan(f)


def test_f1_is_zero_when_precision_and_recall_are_zero():
    assert metrics.precision_recall_f1(0, 3, 4) == (0.0, 0.0, 0.0)


def test_segmentation_scores_follow_the_same_rule_for_an_empty_system():
    from fromto.evaluation.segmentation import segmentation_prf

    s = segmentation_prf([[]], [[]])
    assert math.isnan(s["precision"]) and math.isnan(s["recall"]) and math.isnan(s["f1"])


def test_agreement_wide_gives_one_row_per_set_of_units_and_leaves_a_missing_measure_empty():
    import pandas as pd

    long = pd.DataFrame({
        "units": ["all", "all", "coded", "coded", "coded"],
        "measure": ["percent_agreement", "cohen_kappa", "percent_agreement", "cohen_kappa", "rules_coverage"],
        "value": [0.81234, 0.7, 0.9, 0.85, 0.88],
        "n_statements": [10, 10, 8, 8, 8],
    })
    wide = metrics.agreement_wide(long)
    assert list(wide.columns) == ["units", "n_statements", "percent_agreement", "cohen_kappa", "rules_coverage"]
    assert wide["units"].tolist() == ["all", "coded"]
    assert wide.at[0, "percent_agreement"] == 0.812 and wide.at[1, "n_statements"] == 8
    assert pd.isna(wide.at[0, "rules_coverage"])


def test_measure_of_a_missing_row_is_nan_with_no_statements():
    import pandas as pd

    long = pd.DataFrame({"units": ["all"], "measure": ["cohen_kappa"], "value": [0.5], "n_statements": [4]})
    assert metrics.measure_of(long, "all", "cohen_kappa") == (0.5, 4)
    value, n = metrics.measure_of(long, "all", "krippendorff_alpha_nominal")
    assert math.isnan(value) and n == 0
