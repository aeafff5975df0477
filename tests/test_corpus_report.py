"""Corpus views on tiny hand-made tables (numbers computed by hand)."""

import pandas as pd
import pytest

from fromto.textio import InputError
from fromto.views import corpus_report

BOOK = pd.DataFrame({"code": ["SCALE", "OTHER"], "label_zh": ["治理尺度", "其他"], "label_en": ["scale", "other"]})
TRANS = pd.DataFrame({
    "doc": ["a", "a", "b", "c"],
    "code": ["SCALE", "SCALE", "OTHER", "SCALE"],
    "source": ["一幢楼", "一片楼", "封闭", "一幢楼"],
    "target": ["一片楼", "一座城", "开放", "一片楼"],
    "marker": ["从X到Y", "由X转为Y", "变X为Y", "把X变成Y"],
})
DOCS = pd.DataFrame({
    "doc": ["a", "b", "c", "d"],
    "date": ["1985", "1987", "2014", ""],
    "n_chars": [10_000, 30_000, 20_000, 5_000],
    "n_sentences": [100, 300, 200, 50],
    "n_transitions": [2, 1, 1, 0],
})


def test_transitions_by_code_counts_documents_and_transitions():
    t = corpus_report.transitions_by_code(TRANS, BOOK)
    assert t.to_dict("records")[0] == {"code": "SCALE", "label_zh": "治理尺度", "label_en": "scale",
                                       "documents": 2, "transitions": 3}
    assert list(t["code"]) == ["SCALE", "OTHER"]


def test_empty_transitions_give_an_empty_table_with_columns():
    assert list(corpus_report.transitions_by_code(TRANS.iloc[0:0], BOOK).columns)[-1] == "transitions"


def test_construction_family_groups_markers_by_their_opening_word():
    families = [corpus_report.construction_family(m) for m in
                ["从X向Y+V", "实现从X到Y", "由X转为Y", "变X为Y", "化X为Y", "把X变成Y", "X转化为Y", "X向Y转变", "Z"]]
    assert [f.split(" · ")[0] for f in families] == [
        "从…到/向…", "从…到/向…", "由…到/向/为…", "变/化/转X为Y", "变/化/转X为Y", "(把)X变成/转化为Y",
        "(把)X变成/转化为Y", "X向Y转变", "other"]


def test_per_year_rates_transitions_per_ten_thousand_characters_and_drops_undated():
    y = corpus_report.per_year(DOCS)
    assert y["year"].tolist() == [1985, 1987, 2014]
    assert y["per_10k_chars"].tolist() == [2.0, pytest.approx(0.333), 0.5]


def test_per_year_of_an_undated_corpus_is_empty():
    assert corpus_report.per_year(DOCS.assign(date="")).empty


def test_rate_by_decade_divides_by_all_characters_of_the_decade():
    rate = corpus_report.rate_by_decade(TRANS, DOCS, "code")
    # 1980s: docs a and b, 40,000 characters; SCALE 2 (doc a), OTHER 1 (doc b)
    assert rate.loc["1980s", "SCALE"] == 0.5 and rate.loc["1980s", "OTHER"] == 0.25
    assert rate.loc["2010s", "SCALE"] == 0.5 and rate.loc["2010s", "OTHER"] == 0.0


def test_counts_by_decade_is_long_with_counts_and_rates():
    long = corpus_report.counts_by_decade(TRANS, DOCS, "code")
    row = long[(long["decade"] == "1980s") & (long["code"] == "SCALE")].iloc[0]
    assert (row["transitions"], row["per_10k_chars"]) == (2, 0.5)


def test_periods_follow_the_reports_turning_points():
    assert [corpus_report.period_of(y) for y in (1954, 1978, 1979, 1992, 1993, 2013, 2025)] == [
        "1954–1978", "1954–1978", "1979–1992", "1979–1992", "1993–2012", "2013–", "2013–"]


def test_top_pairs_by_period_counts_transitions_and_years():
    pairs = corpus_report.top_pairs_by_period(TRANS, DOCS, n=1)
    assert pairs.to_dict("records") == [
        {"period": "1979–1992", "source": "一幢楼", "target": "一片楼", "transitions": 1, "years": 1,
         "first_year": 1985},
        {"period": "2013–", "source": "一幢楼", "target": "一片楼", "transitions": 1, "years": 1,
         "first_year": 2014},
    ]


def test_page_in_reports_finds_poles_in_corpus_text_and_same_code_transitions():
    page = pd.DataFrame({"source": ["“一幢楼”"], "target": ["一座城"], "code": ["SCALE"]})
    texts = pd.DataFrame({"doc": ["a", "c", "b"], "text": ["管好一幢楼。", "一幢楼和一座城。", "无关。"]})
    row = corpus_report.page_in_reports(page, TRANS, texts, DOCS).iloc[0]
    assert (row["corpus_same_code"], row["corpus_same_code_years"]) == (3, 2)
    assert (row["source_in_sentences"], row["source_years"]) == (2, "1985–2014")
    assert (row["target_in_sentences"], row["target_years"]) == (1, "2014–2014")


def test_page_rates_counts_per_article_and_for_the_page():
    paragraphs = pd.DataFrame({"article": [1, 1, 2], "text": ["甲" * 600, "乙" * 400, "丙" * 1000]})
    articles = pd.DataFrame({"article": [1, 2], "title": ["特稿", "评论"]})
    transitions = pd.DataFrame({"article": ["1", "1"]})
    rates = corpus_report.page_rates(transitions, paragraphs, articles)
    assert rates["per_10k_chars"].tolist() == [20.0, 0.0, 10.0]
    assert rates["article"].tolist() == ["1", "2", "all"]


def test_a_missing_corpus_path_is_a_one_line_input_error(tmp_path):
    with pytest.raises(InputError, match="no such corpus"):
        corpus_report.check_corpus_path(tmp_path / "nope")


def test_rate_figure_draws_a_time_axis_with_gaps():
    fig = corpus_report.plot_rate_by_year(corpus_report.per_year(DOCS))
    [ax] = fig.axes
    assert ax.get_xlim() == (1984, 2015)  # a true time axis: the years between reports are there, empty


# --- A corpus without dates, and the corpus's name ---------------------------------------------------------------
UNDATED = DOCS.assign(date="", title=["甲", "", "丙", ""])


def test_a_short_year_range_is_ticked_in_whole_years():
    short = pd.DataFrame({"year": [2018, 2019], "per_10k_chars": [1.0, 2.0]})
    fig = corpus_report.plot_rate_by_year(short)
    fig.canvas.draw()
    ticks = [t for t in fig.axes[0].get_xticks() if 2017 <= t <= 2020]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_corpus_label_defaults_to_the_folder_name(tmp_path):
    folder = tmp_path / "社区来信"
    folder.mkdir()
    assert corpus_report.corpus_label_for(folder, None, reports=tmp_path / "reports") == "社区来信"


def test_corpus_label_of_a_table_file_is_its_name_without_ending(tmp_path):
    table = tmp_path / "letters.csv"
    table.write_text("id,text\n", encoding="utf-8")
    assert corpus_report.corpus_label_for(table, "") == "letters"


def test_corpus_label_of_the_reports_folder_is_their_bilingual_name(tmp_path):
    assert corpus_report.corpus_label_for(tmp_path, None, reports=tmp_path) == corpus_report.REPORTS_LABEL


def test_a_given_corpus_label_is_kept(tmp_path):
    assert corpus_report.corpus_label_for(tmp_path, "来信 · Letters", reports=tmp_path) == "来信 · Letters"


def test_a_corpus_is_dated_when_any_document_carries_a_year():
    assert corpus_report.is_dated(DOCS) and not corpus_report.is_dated(UNDATED)


def test_per_document_rates_transitions_per_ten_thousand_characters_in_corpus_order():
    table = corpus_report.per_document(UNDATED)
    assert table["doc"].tolist() == ["a", "b", "c", "d"]
    assert table["per_10k_chars"].tolist() == [2.0, 0.333, 0.5, 0.0]
    assert table["title"].tolist() == ["甲", "", "丙", ""]


def test_counts_over_corpus_give_documents_rate_and_share_without_dates():
    table = corpus_report.counts_over_corpus(TRANS, UNDATED, "code")
    assert table.to_dict("records") == [
        {"code": "SCALE", "transitions": 3, "documents": 2, "per_10k_chars": 0.462, "share": 0.75},
        {"code": "OTHER", "transitions": 1, "documents": 1, "per_10k_chars": 0.154, "share": 0.25}]


def test_counts_over_corpus_follow_a_given_order():
    table = corpus_report.counts_over_corpus(TRANS, UNDATED, "code", order=["OTHER", "SCALE"])
    assert table["code"].tolist() == ["OTHER", "SCALE"]


def test_top_pairs_over_the_corpus_count_transitions_and_documents():
    table = corpus_report.top_pairs(TRANS, n=2)
    assert table.to_dict("records") == [
        {"source": "一幢楼", "target": "一片楼", "transitions": 2, "documents": 2, "first_doc": "a"},
        {"source": "一片楼", "target": "一座城", "transitions": 1, "documents": 1, "first_doc": "a"}]


def test_rate_by_document_draws_one_bar_a_document_and_names_an_off_scale_page_in_the_key():
    fig = corpus_report.plot_rate_by_document(corpus_report.per_document(UNDATED), page_rate=47.0)
    ax = fig.axes[0]
    assert len(ax.patches) == 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["甲 · a", "b", "丙 · c", "d"]  # first at the top


def test_rate_by_document_of_a_large_corpus_is_a_histogram():
    many = pd.DataFrame({"doc": [f"d{i}" for i in range(40)], "title": "", "n_chars": 1000, "n_sentences": 10,
                         "n_transitions": [i % 3 for i in range(40)]})
    fig = corpus_report.plot_rate_by_document(corpus_report.per_document(many))
    assert fig.axes[0].get_ylabel().endswith("documents")


def test_page_against_corpus_draws_a_corpus_and_a_page_bar_for_every_value():
    counts = corpus_report.counts_over_corpus(TRANS, UNDATED, "code")
    fig = corpus_report.plot_page_against_corpus(counts, {"SCALE": 3, "ORGANISATION": 1}, "code", "t")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SCALE", "OTHER", "ORGANISATION"]
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [0.0, 0.0, 0.25, 0.25, 0.75, 0.75]  # shares: corpus 0.75/0.25/0, page 0.75/0/0.25


def test_writing_a_table_removes_the_table_it_replaces_from_an_earlier_run(tmp_path):
    (tmp_path / "corpus_by_year.csv").write_text("year\n", encoding="utf-8")
    corpus_report.write_table(corpus_report.per_document(UNDATED), tmp_path, "corpus_by_document.csv",
                              replaces=["corpus_by_year.csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus_by_document.csv"]


def test_page_against_corpus_follows_a_given_order_for_page_and_corpus_values_alike():
    counts = corpus_report.counts_over_corpus(TRANS, UNDATED, "code")
    fig = corpus_report.plot_page_against_corpus(counts, {"SCALE": 3, "ORGANISATION": 1}, "code", "t",
                                                 order=["ORGANISATION", "OTHER", "SCALE"])
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["ORGANISATION", "OTHER", "SCALE"]


def _dashed_levels(ax):
    return sorted(round(float(line.get_ydata()[0]), 3) for line in ax.get_lines() if line.get_linestyle() == "--")


def test_page_rates_far_above_every_year_are_drawn_above_a_broken_axis_with_their_values():
    fig = corpus_report.plot_rate_by_year(corpus_report.per_year(DOCS),
                                          marks=[("the feature", 47.0), ("the page", 34.0)])
    upper, lower = fig.axes
    assert upper.get_ylim()[0] < 34.0 and upper.get_ylim()[1] > 47.0, "the upper panel holds both page rates"
    assert lower.get_ylim()[1] < 34.0, "the years keep a scale of their own below the break"
    assert _dashed_levels(upper) == [34.0, 47.0]
    texts = [t.get_text() for t in upper.texts]
    assert "the feature 47.0" in texts and "the page 34.0" in texts


def test_rate_figure_draws_the_median_year_and_page_rates_near_the_years_on_one_axis():
    by_year = corpus_report.per_year(DOCS)  # rates 2.0, 0.333, 0.5: median 0.5
    fig = corpus_report.plot_rate_by_year(by_year, marks=[("the page", 2.2)])
    [ax] = fig.axes
    median = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert [round(float(line.get_ydata()[0]), 3) for line in median] == [0.5]
    assert "median year, 0.5" in median[0].get_label()
    assert _dashed_levels(ax) == [2.2] and ax.get_ylim()[1] > 2.2


def test_a_figure_names_construction_families_in_english_with_their_chinese_form():
    assert corpus_report.family_label(corpus_report.construction_family("变X为Y")) == "turn X into Y · 变/化/转X为Y"
    assert corpus_report.family_label(corpus_report.construction_family("从X到Y")).startswith("from X to")
    assert corpus_report.family_label("other").startswith("other constructions")


def test_the_note_on_other_constructions_lists_their_commonest_markers_with_counts():
    trans = pd.DataFrame({"marker": ["用Y代替X", "用Y代替X", "本来是X，现在成了Y", "从X到Y", "汇X成Y"]})
    note = corpus_report.other_note(trans, n=2)
    assert "(4 transitions)" in note and note.endswith("用Y代替X (2), 本来是X，现在成了Y (1) and others.")
    assert corpus_report.other_note(trans[trans["marker"] == "从X到Y"]) == ""


def test_documents_by_decade_counts_dated_documents():
    n = corpus_report.documents_by_decade(DOCS)
    assert n.to_dict() == {"1980s": 2, "2010s": 1}


def test_decade_figure_puts_the_number_of_documents_under_each_decade():
    rate = corpus_report.rate_by_decade(TRANS, DOCS, "code")
    fig = corpus_report.plot_by_decade(rate, "t", n_documents=corpus_report.documents_by_decade(DOCS))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["1980s\nn = 2", "2010s\nn = 1"]


def test_every_category_of_a_decade_figure_has_a_colour_readers_with_any_colour_vision_tell_apart():
    from matplotlib.colors import to_hex

    from fromto.views import palette, style

    codes = [f"CODE{i:02d}" for i in range(14)] + ["UNCODED", "OTHER"]
    rate = pd.DataFrame([[1.0] * len(codes)], index=["1950s"], columns=codes)
    fig = corpus_report.plot_by_decade(rate, "t")
    drawn = [to_hex(c.patches[0].get_facecolor()).upper() for c in fig.axes[0].containers]
    assert len(set(drawn)) == len(codes)
    distance, vision, pair = palette.min_distance(drawn)
    assert distance >= style.MIN_CVD_DELTA_E, f"{pair} only {distance:.1f} apart under {vision}"
