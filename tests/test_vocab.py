"""Tests of fromto.views.vocab: each statistic on a tiny example computed by hand."""

import math

import pandas as pd
import pytest

from fromto.views import vocab, vocab_figures


def _tokens(rows):
    """rows: (article, section, sentence_id, [tokens]) -> a tokens table; tokens starting with '_' are not words."""
    out = []
    for article, section, sid, toks in rows:
        pos = 0
        for no, t in enumerate(toks, start=1):
            word = not t.startswith("_")
            t = t.lstrip("_")
            out.append(("d", article, section, sid[:5], sid, "body", no, t, pos, pos + len(t), word))
            pos += len(t)
    return pd.DataFrame(out, columns=vocab.TOKEN_COLUMNS)


def test_log_likelihood_matches_hand_computation():
    # a=10 in 100 words, b=5 in 200 words: E1 = 100*15/300 = 5, E2 = 10
    expected = 2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10))
    assert vocab.log_likelihood(10, 5, 100, 200) == pytest.approx(expected)


def test_log_likelihood_with_a_zero_count_uses_zero_log_zero():
    # a=4 in 10, b=0 in 10: E1 = 2 -> G2 = 2 * 4 ln 2
    assert vocab.log_likelihood(4, 0, 10, 10) == pytest.approx(8 * math.log(2))


def test_log_likelihood_is_zero_when_rates_are_equal():
    assert vocab.log_likelihood(3, 6, 100, 200) == pytest.approx(0.0)


def test_log_ratio_doubles_to_one():
    assert vocab.log_ratio(10, 5, 100, 100) == pytest.approx(1.0)


def test_log_ratio_replaces_zero_by_one_half():
    assert vocab.log_ratio(4, 0, 10, 10) == pytest.approx(math.log2(4 / 0.5))


def test_chi2_p_value_of_3_84_is_five_percent():
    assert vocab.chi2_sf_1df(3.841459) == pytest.approx(0.05, abs=1e-6)


def test_keyness_reports_both_directions():
    table = vocab.keyness({"党建": 8, "的": 2}, {"党建": 1, "的": 9})
    assert list(table["term"]) == ["党建", "的"]
    assert list(table["key_for"]) == ["target", "reference"]
    assert table.loc[0, "log_ratio"] == pytest.approx(3.0)
    assert table.loc[1, "per_thousand_reference"] == pytest.approx(900.0)


def test_rename_keyness_names_the_two_corpora():
    t = vocab.rename_keyness(vocab.keyness({"a": 2}, {"a": 1, "b": 1}), "feature", "others")
    assert "count_feature" in t.columns and set(t["key_for"]) == {"feature", "others"}


def test_term_frequencies_count_only_words_per_article_per_thousand():
    toks = _tokens([(1, 0, "a1p01s01", ["党建", "_的", "党建", "引领"]), (2, 0, "a2p01s01", ["群众"])])
    tf = vocab.term_frequencies(toks)
    row = tf[(tf["article"] == 1) & (tf["term"] == "党建")].iloc[0]
    assert (row["count"], row["per_thousand"], row["rank"]) == (2, pytest.approx(666.667), 1)
    assert "的" not in set(tf["term"])


def test_kwic_matches_whole_tokens_with_context():
    toks = _tokens([(1, 0, "a1p01s01", ["推进", "区域化党建", "和", "党建"])])
    sents = pd.DataFrame({"sentence_id": ["a1p01s01"], "text": ["推进区域化党建和党建"]})
    k = vocab.kwic(toks, sents, ["党建"], width=3)
    assert len(k) == 1
    assert (k.loc[0, "left"], k.loc[0, "node"], k.loc[0, "right"]) == ("党建和", "党建", "")


def test_cooccurrence_counts_sentences_and_log_dice_and_pmi():
    toks = _tokens([
        (1, 0, "a1p01s01", ["党建", "引领"]),
        (1, 0, "a1p01s02", ["党建", "共同体"]),
        (1, 0, "a1p01s03", ["党建", "引领", "党建"]),
        (1, 0, "a1p01s04", ["群众"]),
    ])
    c = vocab.cooccurrence(toks, ["党建", "引领"])
    row = c.iloc[0]
    assert (row["n_a"], row["n_b"], row["n_ab"], row["n_units"]) == (3, 2, 2, 4)
    assert row["log_dice"] == pytest.approx(14 + math.log2(4 / 5), abs=1e-4)
    assert row["pmi"] == pytest.approx(math.log2(2 * 4 / 6), abs=1e-4)


def test_gries_dp_is_zero_for_even_spread_and_high_when_concentrated():
    assert vocab.gries_dp([1, 1], [10, 10]) == pytest.approx(0.0)
    assert vocab.gries_dp([2, 0], [10, 10]) == pytest.approx(0.5)


def test_dispersion_counts_each_section_with_range():
    toks = _tokens([(1, 1, "a1p01s01", ["党建", "党建"]), (1, 2, "a1p02s01", ["群众", "党建"])])
    d = vocab.dispersion(toks, ["党建"])
    assert list(d["count"]) == [2, 1] and list(d["part_words"]) == [2, 2]
    assert d["range"].iloc[0] == 2
    assert d["dp"].iloc[0] == pytest.approx(0.5 * (abs(2 / 3 - 0.5) + abs(1 / 3 - 0.5)), abs=1e-4)


def test_word_families_count_compound_words_and_adjacent_phrases():
    toks = _tokens([(1, 0, "a1p01s01", ["楼宇党建", "_、", "社区", "党建", "工作"]), (2, 0, "a2p01s01", ["楼宇党建"])])
    fams = vocab.word_families(toks, [vocab.Family("X+党建", "党建", "suffix"), vocab.Family("党建+X", "党建", "prefix")])
    rows = {(r.family, r.member): (r.kind, r.count, r.count_feature, r.articles) for r in fams.itertuples()}
    assert rows[("X+党建", "楼宇党建")] == ("word", 2, 1, "1;2")
    assert rows[("X+党建", "社区党建")] == ("phrase", 1, 1, "1")
    assert rows[("党建+X", "党建工作")] == ("phrase", 1, 1, "1")


def test_word_families_exclude_lexicalised_look_alikes():
    toks = _tokens([(1, 0, "a1p01s01", ["共建", "共同", "共治"])])
    fams = vocab.word_families(toks, [vocab.Family("共+X", "共", "prefix", max_x=1, phrases=False, exclude=("共同",))])
    assert sorted(fams["member"]) == ["共建", "共治"]


def test_segmentation_diff_finds_the_stretch_cut_differently():
    d = vocab.segmentation_diff(["推进", "区域化党建", "工作"], ["推进", "区域化", "党建", "工作"])
    assert d == [{"start": 2, "end": 7, "text": "区域化党建", "a": "区域化党建", "b": "区域化 / 党建"}]


def test_segmentation_diff_of_identical_cuts_is_empty():
    assert vocab.segmentation_diff(["党建", "引领"], ["党建", "引领"]) == []


def test_segmentation_diff_refuses_different_texts():
    with pytest.raises(ValueError):
        vocab.segmentation_diff(["党建"], ["党委"])


def test_wordcloud_image_is_identical_on_every_run():
    from fromto.views import style

    freqs = {"区域化党建": 14, "党建共同体": 10, "楼": 3, "城": 2}
    a = vocab_figures.wordcloud_image(freqs, style.FONT_PATH, seed=1, width=300, height=200)
    b = vocab_figures.wordcloud_image(dict(reversed(list(freqs.items()))), style.FONT_PATH, seed=1, width=300, height=200)
    assert a.tobytes() == b.tobytes()


def test_word_families_with_tags_keep_only_noun_phrases():
    toks = _tokens([(1, 0, "a1p01s01", ["党建", "恰恰"]), (1, 0, "a1p01s02", ["党建", "工作"])])
    tags = {"恰恰": "d", "工作": "vn"}.get
    fams = vocab.word_families(toks, [vocab.Family("党建+X", "党建", "prefix")], tag=lambda w: tags(w, "x"))
    assert list(fams["member"]) == ["党建工作"]
