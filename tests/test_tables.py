"""Tables for reading (fromto.views.tables): alignment, widths, cutting, empty tables, the codebook as definitions."""

from __future__ import annotations

import re

import pandas as pd

from fromto.views import tables

SENTENCE = "组织关系从“松散型”向“紧密型”转变，党组织间的关系由松散走向紧密，区域内外的资源共享更加顺畅有序"


def _cells(html: str, tag: str = "td") -> list[tuple[str, str]]:
    """(class, text) of every ``tag`` cell."""
    return re.findall(rf'<{tag} class="(\w+)">(.*?)</{tag}>', html)


def _widths(html: str, printed: bool = False) -> list[float]:
    """Each column's width in percent, on screen or (``printed``) on paper."""
    return [float(p if printed else w) for w, p in
            re.findall(r'<col style="width:([\d.]+)%;--print-width:([\d.]+)%">', html)]


def test_text_is_left_aligned_and_numbers_right_aligned():
    out = tables.table(pd.DataFrame({"term": ["党建", "融合"], "count": [21, 9], "share": [0.25, 0.125]})).html
    assert [c for c, _ in _cells(out)] == ["t", "n", "n", "t", "n", "n"]
    assert [c for c, _ in _cells(out, "th")] == ["t", "n", "n"]
    assert "table.fromto-table .t{text-align:left" in out and "table.fromto-table .n{text-align:right" in out


def test_numbers_read_as_text_are_aligned_as_numbers():
    out = tables.table(pd.DataFrame({"split": ["tune", "heldout"], "recall": ["0.759", ""]})).html
    assert [c for c, _ in _cells(out)] == ["t", "n", "t", "n"]


def test_floats_are_shown_to_four_decimals_at_most_and_missing_values_empty():
    out = tables.table(pd.DataFrame({"x": [1.0, 0.123456, float("nan")]})).html
    assert [v for _, v in _cells(out)] == ["1", "0.1235", ""]


def test_a_table_that_fits_keeps_its_natural_width_without_wrapping():
    out = tables.table(pd.DataFrame({"code": ["TIES"], "label": ["组织关系"], "n": [2]})).html
    assert 'class="fromto-table natural"' in out and "<colgroup>" not in out


def test_a_long_chinese_column_gets_the_largest_share_of_a_wide_table():
    df = pd.DataFrame({"doc": ["1955"], "sentence": [SENTENCE * 3], "source": ["松散型"], "target": ["紧密型"],
                       "code": ["TIES"], "note": ["ties between organisations become tight " * 3]})
    out = tables.table(df).html
    assert 'class="fromto-table fixed"' in out
    widths = _widths(out)
    assert abs(sum(widths) - 100) < 0.5
    assert widths[1] == max(widths) and widths[1] >= 25, widths
    assert widths[1] / 100 * tables.PAGE_EM >= tables.LONG_MIN_EM - 0.5  # a dozen characters a line at least


def test_a_long_table_shows_its_top_rows_and_names_its_csv(tmp_path):
    df = pd.DataFrame({"n": range(30)})
    out = tables.table(df, rows=5, csv=tmp_path / "full.csv")
    shown = out.html.split("<details")[0]
    assert len(_cells(shown)) == 5
    assert "The first 5 of 30 rows (all are in " in out.html and "full.csv" in out.html
    assert "The first 5 of 30 rows" in out.text


def test_a_cut_tables_other_rows_are_folded_on_the_page():
    out = tables.table(pd.DataFrame({"n": range(12)}), rows=10).html
    folded = out.split("<details", 1)[1]
    assert [v for _, v in _cells(folded)] == ["10", "11"]
    assert "show the other 2" in folded


def test_a_very_long_tables_other_rows_are_left_to_its_csv():
    out = tables.table(pd.DataFrame({"n": range(tables.MAX_FOLDED + 20)}), rows=10, csv="data/x.csv").html
    assert "<details" not in out and len(_cells(out)) == 10 and "data/x.csv" in out


def test_an_empty_table_is_said_as_none_and_not_drawn():
    out = tables.table(pd.DataFrame(columns=["source", "target"]), title="Disagreements")
    assert "<table" not in out.html and "Disagreements: none" in out.html
    assert out.text == "Disagreements: none"
    assert "<table" not in tables.table(pd.DataFrame(columns=["a"]), empty="No sentence is cut differently.").html


def test_row_numbers_left_by_a_filter_are_not_shown_but_a_named_index_is():
    df = pd.DataFrame({"term": ["a", "b", "c"], "n": [1, 2, 3]})
    filtered = tables.table(df[df["n"] > 1]).html
    assert [c for c, _ in _cells(filtered, "th")] == ["t", "n"]
    named = tables.table(df.set_index("term")).html
    assert re.findall(r"<th class=\"\w\">(\w+)</th>", named) == ["term", "n"]


def test_a_crosstab_names_both_of_its_axes():
    df = pd.crosstab(pd.Series(["A", "B"], name="rules"), pd.Series(["A", "A"], name="reader"))
    out = tables.table(df).html
    assert "rules \\ reader" in out


def test_values_are_escaped_and_the_html_is_the_same_every_time():
    df = pd.DataFrame({"text": ["<b>从</b> & 到"], "n": [1]})
    a, b = tables.table(df).html, tables.table(df).html
    assert a == b and "&lt;b&gt;从&lt;/b&gt; &amp; 到" in a and "<b>" not in a


def test_a_long_header_may_break_at_its_underscores():
    out = tables.table(pd.DataFrame({"krippendorff_alpha_nominal": [0.5]})).html
    assert "krippendorff_<wbr>alpha_<wbr>nominal" in out


BOOK = pd.DataFrame([
    {"code": "ORGANISATION", "parent": "", "label_zh": "组织", "label_en": "organisation", "kind": "group",
     "definition": "Changes in how organisations are linked.", "when_to_use": "", "when_not_to_use": "",
     "example": ""},
    {"code": "TIES", "parent": "ORGANISATION", "label_zh": "组织关系", "label_en": "organisational ties",
     "kind": "dimension", "definition": "How tightly organisations are linked.",
     "when_to_use": "The poles name kinds of tie.", "when_not_to_use": "Not the reach (REACH).",
     "example": "组织关系从“松散型”向“紧密型”转变"},
    {"code": "UNCODED", "parent": "", "label_zh": "待人工编码", "label_en": "uncoded", "kind": "status",
     "definition": "The rules could not place the statement.", "when_to_use": "", "when_not_to_use": "",
     "example": ""},
])


def test_the_codebook_is_one_definition_block_per_code_under_its_group():
    out = tables.codebook_blocks(BOOK).html
    assert "<table" not in out
    blocks = re.findall(r'<details class="fromto-code".*?</details>', out, re.S)
    assert len(blocks) == 2  # TIES and UNCODED; the group is a heading
    ties = blocks[0]
    assert "<code>TIES</code> — 组织关系 · organisational ties" in ties
    assert re.findall(r"<dt>(.*?)</dt>", ties) == ["Definition", "When to use", "When not to use", "Example"]
    assert "How tightly organisations are linked." in ties and "组织关系从“松散型”向“紧密型”转变" in ties
    assert out.index("<code>ORGANISATION</code>") < out.index("<code>TIES</code>") < out.index("Outside the groups")


def test_a_codebook_block_leaves_out_parts_the_entry_does_not_have():
    blocks = re.findall(r'<details class="fromto-code".*?</details>', tables.codebook_blocks(BOOK).html, re.S)
    assert re.findall(r"<dt>(.*?)</dt>", blocks[1]) == ["Definition"]


def test_folded_detail_keeps_its_content_under_a_summary_line():
    out = tables.details("Agreement per code", tables.table(pd.DataFrame({"code": ["TIES"], "alpha": [1.0]})))
    assert out.html.startswith("<details><summary>Agreement per code</summary>") and "<table" in out.html
    assert out.text.startswith("Agreement per code\n")


def test_printed_a_wide_tables_short_columns_hold_their_header_words_so_headers_break_only_at_spaces():
    df = pd.DataFrame({"sections": [3], "paragraphs_kept": [12], "sentence": [SENTENCE * 3],
                       "note": ["ties between organisations become tight " * 3]})
    out = tables.table(df).html
    assert 'class="fromto-table fixed"' in out
    assert "@media print{table.fromto-table.fixed col{width:var(--print-width)!important}" in out
    printed = _widths(out, printed=True)
    assert abs(sum(printed) - 100) < 0.5
    for j, word in ((0, "sections"), (1, "paragraphs")):
        # the printed column holds the header's longest word (the header breaks at the underscore: paragraphs_/kept)
        assert printed[j] / 100 * tables.PRINT_EM >= tables.text_width(word) * tables.HEADER_WEIGHT, (word, printed)
    assert "paragraphs_<wbr>kept" in out
    assert _widths(out) != printed  # the screen keeps its own widths


def test_printed_a_table_too_wide_for_paper_is_set_smaller_so_its_header_words_still_fit():
    names = ["article", "column", "sections", "paragraphs", "sentences", "byline", "position", "chars"]
    df = pd.DataFrame({**{n: [12345] for n in names}, "title": [SENTENCE * 2]})
    lay = tables.layout(list(df.columns), [[str(v) for v in df.iloc[0]]])
    assert lay.fixed and tables.PRINT_SCALE_MIN <= lay.print_scale < 1
    page_em = tables.PRINT_EM / lay.print_scale  # the printed page in em of the smaller font
    for j, name in enumerate(names):
        assert lay.print_widths[j] / 100 * page_em >= tables.text_width(name) * tables.HEADER_WEIGHT, name
    out = tables.table(df).html
    assert f'style="--print-font:{lay.print_scale}"' in out
