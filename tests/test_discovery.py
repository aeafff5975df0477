"""New-word discovery on tiny corpora whose scores can be checked by hand."""

import math

import pandas as pd

from fromto.segment import discovery


class SpaceTokenizer:
    """Tokens are the space-separated pieces: the tests decide the segmentation."""

    def cut(self, text):
        return text.split()

    def tokenize(self, text):
        out, pos = [], 0
        for tok in text.split():
            start = text.index(tok, pos)
            out.append((tok, start, start + len(tok)))
            pos = start + len(tok)
        return out


LOOSE = discovery.Rules(min_count=2, min_docs=2, min_chars=2, max_chars=8, min_pmi=0.0, min_entropy=0.0)


def test_a_run_that_always_occurs_together_has_high_cohesion_and_is_scored():
    docs = {"a": ["新 时代 改革 。", "新 时代 发展"], "b": ["迎接 新 时代", "改革 发展"]}
    table = discovery.candidates(docs, SpaceTokenizer(), rules=LOOSE)
    row = table[table["term"] == "新时代"].iloc[0]
    assert (row["count"], row["docs"]) == (3, 2)
    # 11 tokens in runs (the 。 breaks a run and is not counted); 新 3, 时代 3, 新时代 3:
    # PMI = log2((3/11) / ((3/11) * (3/11))) = log2(11/3)
    assert row["min_pmi"] == round(math.log2(11 / 3), 2)


def test_runs_stop_at_punctuation_and_latin():
    docs = {"a": ["新 ， 时代", "新 G60 时代"], "b": ["新 ， 时代"]}
    assert discovery.candidates(docs, SpaceTokenizer(), rules=LOOSE).empty


def test_boundary_entropy_counts_every_sentence_edge_as_a_new_neighbour():
    docs = {"a": ["新 时代"], "b": ["新 时代"]}
    row = discovery.candidates(docs, SpaceTokenizer(), rules=LOOSE).iloc[0]
    assert row["left_entropy"] == 1.0 and row["right_entropy"] == 1.0  # two edges each: log2(2)


def test_a_fragment_always_followed_by_the_same_token_has_no_right_freedom():
    docs = {"a": ["物价 总 水平 上涨"], "b": ["物价 总 水平 上涨"]}
    table = discovery.candidates(docs, SpaceTokenizer(), rules=LOOSE).set_index("term")
    assert table.loc["物价总", "right_entropy"] == 0.0


TAGS = {"新": "a", "时代": "n", "稳步": "d", "推进": "v", "国内": "s", "生产总值": "n", "的": "uj", "改善": "v",
        "民生": "n"}


def _table(rows):
    return pd.DataFrame(rows, columns=["term", "parts", "count", "docs", "min_pmi", "left_entropy", "right_entropy"])


def test_accept_applies_the_rules_in_order_and_names_the_first_one_failed():
    table = _table([
        ["新时代", "新 / 时代", 61, 9, 7.6, 2.3, 2.3],
        ["新时代的", "新 / 时代 / 的", 30, 9, 7.6, 2.3, 2.3],
        ["稳步推进", "稳步 / 推进", 66, 30, 7.6, 5.5, 5.7],
        ["改善民生", "改善 / 民生", 91, 19, 7.9, 3.5, 5.9],
        ["国内生产总值", "国内 / 生产总值", 140, 32, 9.9, 5.0, 3.6],
        ["新时代一", "新 / 时代", 61, 9, 5.0, 2.3, 2.3],
        ["新时代二", "新 / 时代", 61, 9, 7.6, 1.0, 2.3],
    ])
    out = discovery.accept(table, stopwords={"的"}, tag=lambda w: TAGS.get(w, "x")).set_index("term")
    assert out.loc["新时代", "accepted"]
    assert out.loc["新时代的", "reason"].startswith("function word")
    assert out.loc["稳步推进", "reason"].startswith("not a term")
    assert out.loc["改善民生", "reason"].startswith("not a term")  # a verb-object clause
    assert out.loc["国内生产总值", "reason"].startswith("no fragment")
    assert out.loc["新时代一", "reason"].startswith("cohesion")
    assert out.loc["新时代二", "reason"].startswith("boundary: left")


def test_a_readers_rejection_is_recorded_with_its_reason():
    table = _table([["新时代", "新 / 时代", 61, 9, 7.6, 2.3, 2.3]])
    out = discovery.accept(table, stopwords=set(), tag=lambda w: TAGS.get(w, "x"), rejected={"新时代": "test"})
    assert not out["accepted"].iloc[0] and out["reason"].iloc[0] == "reader: test"


def test_segmentation_changes_lists_each_stretch_cut_differently():
    class Joined(SpaceTokenizer):
        def tokenize(self, text):  # the same text, with 新 and 时代 taken as one token
            out = []
            for tok, s, e in super().tokenize(text):
                if out and out[-1][0] == "新" and tok == "时代":
                    out[-1] = ("新时代", out[-1][1], e)
                else:
                    out.append((tok, s, e))
            return out

    before, after = SpaceTokenizer(), Joined()
    changes = discovery.segmentation_changes(["迎接 新 时代", "改革"], before, after)
    assert changes.to_dict("records") == [{"before": "新 / 时代", "after": "新时代", "count": 1}]


class _CharCut:
    """A tokenizer stub: every character is a token."""

    @staticmethod
    def cut(text):
        return list(text)


def test_runs_break_at_other_tokens_and_between_texts():
    from fromto.segment.discovery import Rules, candidates

    rules = Rules(min_count=1, min_docs=1, min_chars=2, max_chars=4, min_pmi=-99, min_entropy=0)
    found = set(candidates({"a": ["甲乙", "丙丁"], "b": ["甲乙，丙丁", "甲乙1丙丁"]}, _CharCut(), rules=rules)["term"])
    assert {"甲乙", "丙丁"} <= found
    assert "乙丙" not in found  # never adjacent inside one run: a text end, a comma or a digit lies between
