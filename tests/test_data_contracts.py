"""Contracts of the committed derived tables and figures: columns, counts, traceability, no empty poles.

These read what `python -m fromto run` wrote into data/ and figures/, so a change in the code that alters the
tables without a re-run, or a table that loses its link back to the raw page, fails here.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fromto import paths
from fromto.coding import codebook
from fromto.textio import read_text


def _csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def raw():
    return read_text(paths.SEED_PAGE)


def test_paragraphs_table_has_its_columns_and_the_four_articles():
    p = _csv(paths.PARAGRAPHS_CSV)
    for col in ("article", "article_title", "byline", "section", "section_title", "paragraph", "text",
                "raw_start", "raw_end"):
        assert col in p.columns, col
    assert sorted(p["article"].unique()) == ["1", "2", "3", "4"]
    assert sorted(p.loc[p["article"] == "1", "section"].unique()) == ["0", "1", "2", "3", "4"]
    assert (p["text"].str.len() > 0).all()


def _width_fold(text: str) -> str:
    table = str.maketrans("，；：？！（）「」", ",;:?!()“”")
    return re.sub(r"\s", "", text.translate(table))


def test_every_sentence_traces_back_to_its_raw_offsets(raw):
    s = _csv(paths.SENTENCES_CSV)
    assert s["sentence_id"].is_unique
    for row in s.itertuples():
        span = raw[int(row.raw_start):int(row.raw_end)]
        # A sentence cut by a photo caption or a page break spans the removed lines, so compare its ends.
        folded, text = _width_fold(span), _width_fold(row.text)
        assert folded.startswith(text[:4]) and folded.endswith(text[-2:]), (row.sentence_id, span, row.text)


def test_cleaning_log_names_kind_offsets_before_after_rule():
    log = _csv(paths.CLEANING_LOG_CSV)
    for col in ("kind", "raw_start", "raw_end", "before", "after", "rule"):
        assert col in log.columns
    assert {"punctuation", "quotes", "caption_removed", "rejoin_page_break", "duplicate_heading", "sic"} <= set(
        log["kind"])


def test_transitions_table_is_coded_glossed_and_points_to_real_sentences():
    t = _csv(paths.TRANSITIONS_CSV)
    s = _csv(paths.SENTENCES_CSV).set_index("sentence_id")
    for col in ("doc", "sentence", "marker", "subject", "source", "target", "chain_id", "step", "start", "end",
                "source_quote", "target_quote", "code", "code_rule", "source_en", "target_en"):
        assert col in t.columns, col
    assert len(t) >= 15
    assert (t["source"].str.strip() != "").all() and (t["target"].str.strip() != "").all(), "an empty pole"
    assert (t["source_en"] != "").all() and (t["target_en"] != "").all(), "a pole without an English gloss"
    assert set(t["code"]) <= set(codebook.load_codebook()["code"])
    for row in t.itertuples():
        assert s.loc[row.sentence_id, "text"] == row.sentence
        assert row.sentence[int(row.start):int(row.end)], "empty construction span"


def test_the_duplicated_heading_is_counted_once():
    t = _csv(paths.TRANSITIONS_CSV)
    heads = t[(t["position"] == "section_subtitle")]
    assert heads["subject"].tolist().count("组织触角") == 1
    assert len(heads) == 4


def test_evaluation_and_agreement_tables_hold_numbers_between_0_and_1():
    for path in (paths.EXTRACTION_EVAL_CSV, paths.AGREEMENT_CSV, paths.INTERCODER_CSV):
        df = pd.read_csv(path)
        values = df[[c for c in ("precision", "recall", "f1", "value") if c in df.columns]]
        assert len(df) and values.apply(lambda c: c.between(-1, 1)).all().all(), path


def test_every_figure_has_svg_png_and_a_catalogue_entry():
    names = {p.stem for p in paths.FIGURES.glob("*.png")}
    assert names == {p.stem for p in paths.FIGURES.glob("*.svg")}
    catalogue = (paths.FIGURES / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in catalogue, f"{name} is not in figures/README.md"
    for required in ("04_transition_map", "04_argument_location", "04_transition_chains", "02_top_terms",
                     "02_keyness", "02_word_families", "02_wordcloud", "02_cooccurrence_network", "04_places"):
        assert required in names
