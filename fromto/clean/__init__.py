"""Recover a People's Daily page dump as a careful reader would, and log every change.

A page dumped from a layout program carries the page's structure only as loose lines: column names, pre-titles
(引题) ending in ——, titles, bylines, section heading pairs, photo captions and credits that cut a paragraph in
two, paragraphs split at a page break, ASCII punctuation inside Chinese text. :func:`clean_page` turns such a dump
into tables (see :class:`CleanResult`); :func:`clean_document` does the same for a page dump and, for any other
text, treats each non-empty line as a paragraph of one article.

Every rule here describes a *kind* of damage or layout, never a string of one page:

===========================  ====================================================================================
rule                         what it recognises
===========================  ====================================================================================
``ascii-punct-in-chinese``   ASCII ``, ; : ? !`` between Chinese characters -> ``，；：？！``; ASCII ``( )``
                             around or beside Chinese -> ``（）``
``corner-quotes``            ``「」`` -> ``“”`` and ``『』`` -> ``‘’`` (the page's house style)
``photo-credit``             a line ending in a photographer's credit (``name摄``, ``本报记者 name摄``,
                             ``（新华社记者name摄）``, optionally ``(agency)``) plus the short caption line
                             before it: moved to the captions table
``byline``                   a line of names (2–4 characters) and roles (本报记者, 通讯员, 评论员 …) right
                             after a title: names to ``byline``, roles to ``byline_role``
``column-line``              a line of 2–10 Chinese characters with no punctuation opening an article head
                             (or a body whose head is printed after it): the column name (栏目)
``pre-title``                a short line ending in —— right before a title (引题)
``title-after-body``         a title + byline with no body of its own (commentaries print them after the
                             body): the head of the article whose body precedes it, moved to the front
``heading-pair``             inside a body, a short line ending in —— followed by a short unterminated line:
                             a section heading; ``section_title`` is ``lead——subtitle``
``duplicate-heading``        a heading printed twice in one article is kept once, where the body that follows
                             it shares most of its wording (decided by content, logged with the scores)
``rejoin-caption``           a paragraph that ends without terminal punctuation, cut by a removed caption, is
                             joined with the paragraph after the caption
``rejoin-page-break``        a paragraph that ends without terminal punctuation is joined with the next
                             paragraph (a sentence or a word split across a column or page break)
``repeated-chunk``           an immediate repetition of a 2–4 character chunk that is not a known
                             reduplication (做细做细): flagged ``[sic]``, never changed
===========================  ====================================================================================

Raw offsets (``raw_start``, ``raw_end``) are character offsets into the text :func:`fromto.textio.read_text`
returns. Normalisation replaces one character by one character, so every cleaned character keeps the offset of
the raw character it came from; a rejoined paragraph's span covers whatever was cut out of it.

Where each rule lives (``fromto.clean.<module>``):

==================  ==============================================================================================
module              what it holds
==================  ==============================================================================================
``chars``           character classes and end marks (Han, sentence and paragraph ends, closing quotes)
``punctuation``     ``ascii-punct-in-chinese``, ``corner-quotes``
``pieces``          text pieces that keep every character's raw offset; the page's lines; the cleaning log
``lines``           what kind of line this is: paragraph end, cut paragraph, lead, title, column name, heading,
                    byline (the predicates the layout rules are built from)
``captions``        ``photo-credit``: captions and credits moved to their own table
``heads``           article heads and the cut into articles: ``column-line``, ``pre-title``, ``byline``,
                    ``title-after-body``
``body``            inside a body: ``heading-pair``, one-line headings, boxes
``repairs``         ``rejoin-caption``, ``rejoin-page-break``, ``duplicate-heading``
``sic``             ``repeated-chunk`` and the hand-made overrides: flagged [sic], never changed
``sentences``       sentence splitting
``result``          the tables' columns and :class:`CleanResult`
``document``        :func:`clean_page`, :func:`clean_document`, :func:`is_page_dump`, :func:`write_outputs`
==================  ==============================================================================================

Everything public is importable from ``fromto.clean`` itself (``from fromto import clean; clean.clean_page``).
"""

from __future__ import annotations

from fromto.clean.captions import parse_credit
from fromto.clean.chars import CLOSERS, PARAGRAPH_END, SENTENCE_END
from fromto.clean.document import (_containing_paragraph, clean_document, clean_page, is_page_dump,
                                   write_outputs)
from fromto.clean.lines import (MAX_CAPTION_CHARS, MAX_COLUMN_CHARS, MAX_HEADING_CHARS, MAX_SINGLE_HEADING_CHARS,
                                ends_paragraph, is_column_name, is_lead, is_single_heading, is_title_like,
                                looks_cut, parse_byline)
from fromto.clean.pieces import _Log
from fromto.clean.punctuation import normalise_punctuation
from fromto.clean.result import (ARTICLE_COLUMNS, CAPTION_COLUMNS, LOG_COLUMNS, PARAGRAPH_COLUMNS,
                                 SENTENCE_COLUMNS, CleanResult)
from fromto.clean.sentences import sentence_texts, split_sentences
from fromto.clean.sic import KNOWN_REDUPLICATIONS, _apply_overrides, find_repeated_chunks, load_overrides

__all__ = [
    "CleanResult", "clean_page", "clean_document", "is_page_dump", "split_sentences", "sentence_texts",
    "write_outputs", "normalise_punctuation", "find_repeated_chunks", "parse_byline", "parse_credit",
    "ends_paragraph", "looks_cut", "is_lead", "is_title_like", "is_column_name", "is_single_heading",
    "load_overrides", "KNOWN_REDUPLICATIONS", "SENTENCE_END", "PARAGRAPH_END", "CLOSERS", "PARAGRAPH_COLUMNS",
    "SENTENCE_COLUMNS", "ARTICLE_COLUMNS", "LOG_COLUMNS", "CAPTION_COLUMNS", "MAX_HEADING_CHARS",
    "MAX_COLUMN_CHARS", "MAX_SINGLE_HEADING_CHARS", "MAX_CAPTION_CHARS",
]
