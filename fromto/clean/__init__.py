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
``ascii-punct-in-chinese``   ASCII ``( )`` around or beside Chinese -> ``（）``, then ASCII ``, ; : ? !`` between
                             Chinese characters (full-width punctuation counts) -> ``，；：？！``, and right
                             before Chinese after a number's unit sign or a Latin word (``98%,但``; an English
                             comma is followed by a space, a thousands separator by a digit)
``corner-quotes``            ``「」`` -> ``“”`` and ``『』`` -> ``‘’`` (the page's house style)
``photo-credit``             a line ending in a photographer's credit (``name摄``, ``本报记者 name摄``,
                             ``（新华社记者name摄）``, optionally ``(agency)``) plus the short caption line
                             before it: moved to the captions table; a chart's source line
                             (``数据来源：…``) is a credit with no caption line; the body that supplied a
                             photo (``某某街道供图``, up to 12 characters before 供图) and a credit for all the
                             photos above (``以上图片均为某某摄``) are credits too, and so are credits naming
                             no photographer (``资料图片``, ``受访者提供``, ``以上图片均为受访者提供``,
                             ``图片由某某提供``); a group credit (``以上图片…``, ``本版图片…``) also
                             takes the one-sentence captions printed together above its caption line, where
                             the group sits inside a paragraph cut short (the line above it stops mid-clause)
``byline``                   a line of names (2–4 characters, spaced out with half- or full-width spaces or
                             not) and roles (本报记者, 通讯员, 评论员 …) right after a title [and a subtitle line
                             starting with ——]: names to ``byline``, roles to ``byline_role``
``column-line``              a line of 2–10 Chinese characters with no punctuation opening an article head
                             (or a body whose head is printed after it, also at the page's start): the column
                             name (栏目); or a series column: name · series name + instalment number
                             (``金台潮声·…系列谈②``); above a head found from its byline also a column of up
                             to 12 characters or a series line without a number (``深阅读·…``), and a box
                             label (``编后``): a box inside an article prints no title and byline of its own
``series-line``              a series line (name · series name, numbered or not) between a title and its
                             [——subtitle and] byline: the article's column (logged); the line above it is
                             the title even where it reads like a column line (a head prints one column)
``pre-title``                a short line ending in —— right before a title (引题); a line ending in ——
                             right over a reporter's byline, with no title between, is the title itself
``report-pre-title``         a short line printed without —— right over the title of a head with a reporter's
                             byline (``全国劳动模范、某某`` / ``“某某”`` / ``本报记者 某某``), with a complete
                             paragraph or the page's start above it: the report's pre-title, not a section
                             heading, which would head no paragraph (logged); not a column line, box label,
                             series line, title in halves or broken sentence
``long-pre-title``           a line longer than a heading ending in —— (or ———) between a column line or the
                             page's start and a title with byline: the pre-title (logged)
``head-without-byline``      after a complete body (or the byline of a head printed after its body, or a
                             paragraph signed with its author's name in brackets) and followed by a paragraph:
                             a new article that prints no byline (logged), when its head has furniture only a
                             head prints: a column (up to 12 characters) and a pre-title over the title; a
                             series line (column · series) over it or printed under it; a pre-title naming the
                             place or body reported on (``某某省某某县——``, ``某某党委——``) or a whole
                             sentence (16 characters and more); a title set in two halves (``某某某某  某某某某``)
                             under a column or a pre-title, or alone (not when another line in halves of the
                             same lengths stands between paragraphs under the same heads: subheads come in such
                             series, ``察实情  办实事`` ... ``解难题  促发展``); a title alone after a paragraph signed in
                             brackets; a speaker's pre-title ending in ： (26–40 characters). Else column [pre-title] title [——subtitle], or a pre-title of the form
                             of another pre-title on the page + title, the only such pair between the heads
                             around it (or at the page's start, [column] pre-title title before a subhead,
                             or [column or series line] title [series line under it] ——subtitle before a
                             paragraph: a round-up whose reports carry the bylines).
                             Column + title pairs that come with other two-line headings between two heads are
                             section headings, not heads, unless the head above them prints a byline and a
                             paragraph below the pair, before any other such heading, is signed in brackets
                             (``……。（某  某）``, ``（本报记者某某整理）``): then the pair heads a short piece
                             signed at its end, and so does a column + title, or a title alone, right under
                             the byline of a commentary's head printed after its body. Under a column line the title may ask
                             (``某某房，见不得光？``).
                             A series line, or a column line over a commentary whose title and byline follow its
                             body, is never a title alone. A short phrase ending in —— (``党员怎么找——``) over a
                             title-like line is a section's lead. A short column name over a title and its
                             first paragraph is a column, not a name-only byline; two or more four-character
                             "names" without a role (``物业进村  乡村更美``) are a title in halves, not a byline,
                             and so is a line of several "names" over a line of one (``抓得紧  落得实  见成效`` /
                             ``某某某``: bylines are not stacked).
                             A paragraph cut short by a photo caption (a clause broken off before the caption,
                             continued after it) counts as the paragraph under a head
``title-after-body``         a title + byline with no body of its own (commentaries print them after the
                             body): the head of the article whose body precedes it, which starts at the last
                             column or series line (numbered or not: ``金台潮声·某某系列谈``) after a complete
                             paragraph, moved to the front; without
                             byline: a column line over paragraphs only, then a short unterminated line at the
                             page's end or right before the next head's first line: that line is the title (a
                             column-like line under a heading's lead ending in ： or ？ is the heading's second
                             line, not a column)
``heading-pair``             inside a body, a short line ending in —— followed by a short unterminated line:
                             a section heading; ``section_title`` is ``lead——subtitle``
``heading-pair-question``    the same with a lead ending in ？ or ： (``……如何……？``, ``一当被告：``), when a
                             paragraph follows the pair; the second line may hold one comma (logged)
``heading-pair-plain``       two short lines between complete paragraphs, printed without ——: a lead
                             (unterminated, at most one comma, or a question) over an unterminated line
                             (``人才从哪里来？`` / ``校地联手，订单培养``) (logged)
``one-line-subhead``         a short line between complete paragraphs: unterminated without clause punctuation
                             (as before, not logged); or with a colon inside or ending in ？ (led by a short
                             label and a colon it may list with 、: ``协同：某某、某某``), where the article
                             prints at least two such lines (logged); or two or three short clauses joined by commas
                             (``数字赋能，综合查一次``) or two or three phrases joined by 、 (``组织共建、资源
                             共享``), where the article prints at least two subheads of any form, which
                             are otherwise rejoined as a broken sentence (logged); a lone question before the
                             article's first other subhead or wholly in quotation marks (what someone asked),
                             or one followed by a list of answers (``缺资金：……；``), stays a paragraph
``box-label``                a known box label (链接, 核心阅读, 记者手记, 背景 …: ``lines.BOX_LABELS``) and the
                             paragraphs it holds (up to a heading, a label or the article's end; an opening box
                             before the body: one paragraph, with the pieces of its broken lines, unless a
                             heading follows within three), a box's own short title under the label included,
                             a leading ■ looked through: kept out of the body (logged)
``duplicate-heading``        a heading printed twice in one article is kept once, where the body that follows
                             it shares most of its wording (decided by content, logged with the scores)
``rejoin-caption``           a paragraph that ends without terminal punctuation, cut by a removed caption, is
                             joined with the paragraph after the caption
``rejoin-page-break``        a paragraph that ends without terminal punctuation (a note wholly in brackets,
                             brackets inside it too, ends one: ``（作者单位：某某（某某）某某）``) is joined with the next
                             paragraph (a sentence or a word split across a column or page break; a line ending
                             in 、 or a comma always continues); one ending in a dash (——, ———) is complete,
                             like one ending in a colon, and so is a note signed after its last sentence
                             (``……。——编  者``)
``repeated-chunk``           an immediate repetition of a 2–4 character chunk that is not a known
                             reduplication (做细做细): flagged ``[sic]``, never changed
===========================  ====================================================================================

Positions (``paragraphs.position``): ``pre_title``, ``title``, ``subtitle`` (a head's line starting with ——),
``section_lead`` and ``section_subtitle`` (a heading pair; a one-line subhead is a ``section_lead`` alone, as it
always was, so earlier outputs keep their positions), ``body``, ``box_label`` and ``box_body`` (a box and its
text, kept apart from the body, in the current section). Sections number the headings only.

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
from fromto.clean.lines import (BOX_LABELS, MAX_CAPTION_CHARS, MAX_COLUMN_CHARS, MAX_HEADING_CHARS,
                                MAX_SINGLE_HEADING_CHARS, OPENING_BOX_LABELS, box_label, ends_in_dash,
                                ends_paragraph, is_column_name, is_lead, is_long_lead, is_question_lead,
                                is_report_pre_title, is_two_part_title,
                                is_series_column, is_single_heading, is_subhead, is_title_like, looks_cut,
                                parse_byline)
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
    "is_series_column", "is_subhead", "is_question_lead", "is_long_lead", "is_report_pre_title", "is_two_part_title", "ends_in_dash", "box_label",
    "BOX_LABELS", "OPENING_BOX_LABELS", "load_overrides", "KNOWN_REDUPLICATIONS", "SENTENCE_END", "PARAGRAPH_END", "CLOSERS", "PARAGRAPH_COLUMNS",
    "SENTENCE_COLUMNS", "ARTICLE_COLUMNS", "LOG_COLUMNS", "CAPTION_COLUMNS", "MAX_HEADING_CHARS",
    "MAX_COLUMN_CHARS", "MAX_SINGLE_HEADING_CHARS", "MAX_CAPTION_CHARS",
]
