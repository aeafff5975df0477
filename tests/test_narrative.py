"""Narration written from a page's tables (fromto.views.narrative): literal tables in, Markdown out."""

from __future__ import annotations

import math

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from fromto.views import narrative

ARTICLES = pd.DataFrame({"article": [1, 2], "title": ["从“单打独斗”到“抱团发展”", math.nan], "sections": [1, 0]})
PARAGRAPHS = pd.DataFrame({"article": [1, 1, 2], "position": ["title", "body", "body"]})
SENTENCES = pd.DataFrame({"sentence_id": ["a1p01s01", "a1p02s01", "a2p01s01"]})


def test_an_article_without_a_title_is_labelled_untitled_never_nan():
    assert narrative.article_label(2, math.nan) == "2 · 无标题 untitled"
    assert narrative.article_label(1, "社区服务有温度") == "1 · 社区服务有温度"


def test_the_other_articles_are_counted_as_they_are():
    assert narrative.others_label(3) == ("其他三篇", "the other three articles")
    assert narrative.others_label(2) == ("其他两篇", "the other two articles")
    assert narrative.others_label(1) == ("另一篇", "the other article")
    assert narrative.others_label(12) == ("其他12篇", "the other 12 articles")


def test_the_cleaning_summary_counts_the_articles_and_only_the_damage_found():
    log = pd.DataFrame({"kind": ["punctuation", "punctuation", "sic"]})
    md = narrative.cleaning_summary(ARTICLES, PARAGRAPHS, SENTENCES, log)
    assert "2 articles: 1 “从“单打独斗”到“抱团发展”” and 2 (untitled)" in md
    assert "2 ASCII punctuation marks made full-width" in md and "flagged [sic]" in md
    assert "caption" not in md and "page break" not in md and "nan" not in md


def test_the_cleaning_summary_says_when_no_damage_was_found():
    md = narrative.cleaning_summary(ARTICLES.head(1), PARAGRAPHS.head(2), SENTENCES.head(2), pd.DataFrame({"kind": []}))
    assert "1 article:" in md and "none of the kinds of damage" in md


def test_key_words_on_a_page_of_one_article_say_there_is_nothing_to_compare():
    assert "one article" in narrative.key_words(pd.DataFrame(), 0, {})


def test_key_words_name_the_terms_and_count_the_other_articles():
    key = pd.DataFrame({"term": ["社区", "居民"], "g2": [5.0, 1.0], "key_for": ["feature", "feature"]})
    md = narrative.key_words(key, 2, {"社区": "community"})
    assert "the other two articles" in md and "社区 (*community*), 居民" in md and "1 of 2 reach" in md


def test_word_families_absent_from_the_page_are_said_to_be_absent():
    assert "No member" in narrative.families(pd.DataFrame(columns=["family", "member", "count"]))


def test_the_transitions_summary_of_a_page_without_any_says_so():
    md = narrative.transitions_summary(pd.DataFrame(columns=["sentence_id", "article", "marker", "code"]),
                                       pd.DataFrame({"code": ["SCALE"], "label_en": ["scale"]}))
    assert "found no “from X to Y” transition" in md and "No reader's gold standard" in md


def test_the_transitions_summary_counts_statements_codes_and_uncoded_rows():
    coded = pd.DataFrame({"sentence_id": ["a1p02s01", "a1p02s01", "a1p04s01"], "article": [1, 1, 1],
                          "marker": ["从X向Y+V", "从X向Y+V", "变X为Y"], "code": ["TIES", "UNCODED", "TIES"],
                          "chain_id": ["", "", ""]})
    book = pd.DataFrame({"code": ["TIES"], "label_en": ["organisational ties"]})
    md = narrative.transitions_summary(coded, book)
    assert "3 transition statements in 2 sentences of 1 article" in md
    assert "organisational ties (TIES) 2" in md and "1 statement the rules leave UNCODED" in md


def test_the_findings_summary_links_to_no_notebook_and_says_what_is_absent():
    md = narrative.findings_summary(pd.DataFrame(), pd.DataFrame(), [], pd.DataFrame())
    assert ".ipynb" not in md and "No transition was found" in md and "No place" in md


def test_chains_are_written_as_their_stages():
    chains = [{"stages": [("一幢楼", ""), ("一片楼", ""), ("一座城", "")]}]
    assert narrative.chains_sentence(chains) == "1 chain of stages: 一幢楼 → 一片楼 → 一座城."


def test_page_cells_keep_the_seed_prose_for_the_seed_and_the_computed_narration_elsewhere():
    seed_cell = new_markdown_cell("four articles")
    seed_cell.metadata["tags"] = [narrative.SEED_PAGE_TAG]
    other_cell = new_code_cell("narrative.cleaning_summary(...)")
    other_cell.metadata["tags"] = [narrative.OTHER_PAGE_TAG]
    nb = new_notebook(cells=[new_markdown_cell("# title"), seed_cell, other_cell])
    assert [c.source for c in narrative.page_cells(nb, seed=True).cells] == ["# title", "four articles"]
    assert [c.source for c in narrative.page_cells(nb, seed=False).cells] == ["# title",
                                                                              "narrative.cleaning_summary(...)"]
    assert len(nb.cells) == 3


def test_every_summary_of_the_page_notebooks_is_either_the_seeds_or_computed():
    from fromto import paths

    for name in ("01_clean_page", "02_vocabulary", "03_transitions", "04_findings"):
        nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
        summaries = [c for c in nb.cells if c.cell_type == "markdown" and "## Summary" in c.source]
        assert summaries and all(narrative.SEED_PAGE_TAG in c.metadata.get("tags", []) for c in summaries), name
        assert any(narrative.OTHER_PAGE_TAG in c.metadata.get("tags", []) and "summary(" in c.source
                   for c in nb.cells), name


def test_a_lone_step_with_a_chain_id_is_not_counted_as_a_chain():
    coded = pd.DataFrame({"sentence_id": ["s1", "s2", "s2"], "article": [1, 1, 1], "marker": ["从X到Y"] * 3,
                          "code": ["SCALE"] * 3, "chain_id": ["s1-c1", "s2-c1", "s2-c1"]})
    md = narrative.transitions_summary(coded, pd.DataFrame({"code": ["SCALE"], "label_en": ["scale"]}))
    assert "1 sentence states a chain of steps" in md


def test_the_location_sentence_counts_per_article_and_by_position():
    location = pd.DataFrame({"article": [1, 1, 2], "total": [2, 1, 1], "body": [0, 1, 1]})
    assert narrative.location_sentence(location) == ("Of the 4 transition statements, 3 in article 1, 1 in article 2;"
                                                     " 2 stand in headlines or headings, 2 in the body.")


def test_a_single_transition_is_told_in_the_singular():
    location = pd.DataFrame({"article": [1, 2], "total": [0, 1], "body": [0, 1]})
    assert narrative.location_sentence(location) == "The one transition statement stands in article 2, in the body."
