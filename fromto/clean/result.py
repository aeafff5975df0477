"""The cleaned document's tables: their columns and :class:`CleanResult`."""

from __future__ import annotations

import functools

import pandas as pd


PARAGRAPH_COLUMNS = [
    "doc", "article", "article_title", "byline", "section", "section_title", "paragraph", "paragraph_id",
    "position", "text", "raw_start", "raw_end",
]
SENTENCE_COLUMNS = [
    "doc", "article", "section", "paragraph", "paragraph_id", "sentence_id", "sentence_no", "position", "text",
    "raw_start", "raw_end",
]
ARTICLE_COLUMNS = [
    "doc", "article", "column", "pre_title", "title", "subtitle", "byline", "byline_role", "head_after_body",
    "sections", "paragraphs", "sentences", "characters", "raw_start", "raw_end",
]
LOG_COLUMNS = ["doc", "kind", "raw_start", "raw_end", "before", "after", "rule", "paragraph_id", "note"]
CAPTION_COLUMNS = [
    "doc", "article", "section", "paragraph_id", "cut_paragraph", "caption", "credit", "photographer", "role",
    "agency", "raw_start", "raw_end",
]


class CleanResult:
    """The cleaned document: rows per table, and the same tables as DataFrames (columns: ``*_COLUMNS``).

    The DataFrames (``articles``, ``paragraphs``, ``sentences``, ``log``, ``captions``) are built on first use from
    the row lists (``*_rows``, lists of dicts in table order). Notebooks use the DataFrames; corpus mode, which
    cleans thousands of short documents, reads the rows and skips building tables it does not need.
    """

    def __init__(self, *, article_rows, paragraph_rows, sentence_rows, log_rows, caption_rows, raw="", doc="page"):
        self.article_rows = article_rows
        self.paragraph_rows = paragraph_rows
        self.sentence_rows = sentence_rows
        self.log_rows = log_rows
        self.caption_rows = caption_rows
        self.raw = raw
        self.doc = doc

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        return pd.DataFrame(self.article_rows, columns=ARTICLE_COLUMNS)

    @functools.cached_property
    def paragraphs(self) -> pd.DataFrame:
        return pd.DataFrame(self.paragraph_rows, columns=PARAGRAPH_COLUMNS)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        return pd.DataFrame(self.sentence_rows, columns=SENTENCE_COLUMNS)

    @functools.cached_property
    def log(self) -> pd.DataFrame:
        return pd.DataFrame(self.log_rows, columns=LOG_COLUMNS)

    @functools.cached_property
    def captions(self) -> pd.DataFrame:
        return pd.DataFrame(self.caption_rows, columns=CAPTION_COLUMNS)
