"""The PKU development-set scorer (skipped, saying so, where the PKU text is absent)."""

import pytest

from fromto import paths
from fromto.evaluation import devset


def test_pole_match_ignores_quotes_and_accepts_containment():
    assert devset._pole_match("“松散型”", "松散型")
    assert devset._pole_match("管好一幢楼", "一幢楼")
    assert not devset._pole_match("", "一幢楼")
    assert not devset._pole_match("区域内", "跨区域")


def test_scoring_gives_the_extractor_the_sentence_before_in_its_paragraph():
    items = [(("d", "a1p01s01"), "tune", "社区总结了一批好的议事做法。", []),
             (("d", "a1p01s02"), "tune", "要使其转化为长效机制。", [("议事做法", "长效机制")])]
    assert devset.score(items, splits=("tune",))["tune"]["pole"][:2] == (1.0, 1.0)


def test_scoring_gives_no_sentence_before_across_paragraphs_or_gaps():
    assert not devset._follows(("d", "a1p02s01"), ("d", "a1p01s01"))
    assert not devset._follows(("d", "a1p01s03"), ("d", "a1p01s01"))
    assert devset._follows(("d", "a1p01s02"), ("d", "a1p01s01"))


@pytest.mark.skipif(not paths.pku_available(), reason="PKU reference text absent beside the repository")
def test_scores_cover_both_splits_and_both_levels():
    table = devset.scores_table(devset.evaluate(paths.PKU))
    assert list(table["split"]) == ["dev", "dev", "heldout", "heldout"]
    assert set(table["level"]) == {"sentence", "pole"}
    assert (table["gold"] > 0).all() and table["precision"].between(0, 1).all()


def test_review_coverage_counts_rules_and_queue_on_the_report_gold():
    table = devset.review_coverage().set_index("split")
    for split in ("tune", "heldout"):
        row = table.loc[split]
        assert row["found_by_rules"] <= row["found_or_queued"] <= row["with_transition"] <= row["sentences"]
        assert row["recall_with_queue"] >= row["rules_recall"]


def test_in_heldout_marks_the_sentences_of_the_held_out_round_only():
    import pandas as pd

    gold = pd.DataFrame({
        "doc": ["1990", "1990", "2001"], "sentence_id": ["s1", "s2", "s3"], "split": ["heldout", "tune", "heldout"],
        "round": ["5", "5", "4"], "transition": ["1", "0", "1"], "source": ["甲", "", "乙"], "target": ["丙", "", "丁"],
        "text": ["一", "二", "三"],
    })
    rows = pd.DataFrame({"doc": ["1990", "1990", "2001", "1995"], "sentence_id": ["s1", "s2", "s3", "s1"]})
    assert devset.in_heldout(rows, gold, heldout_round="5") == [True, False, False, False]
