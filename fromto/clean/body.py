"""Inside an article body: section headings, one-line subheads, boxes and paragraphs, in order.

Rules (each decision of the wider rules is logged; the seed's ``heading-pair`` and plain one-line headings are
not, as before):

``heading-pair``           a short line ending in —— followed by a short unterminated line (``lead——subtitle``)
``heading-pair-question``  a short line ending in ？ or ： (``关税为何一降再降？``, ``一当被告：``) followed by a short
                           unterminated line and then a paragraph: a heading pair whose lead asks or announces
``one-line-subhead``       a short line between complete paragraphs (position ``section_lead`` with no
                           ``section_subtitle``): unterminated without clause punctuation (always, not
                           logged, as before), or of a wider form — a colon inside (``北京：地税收入超300亿``) or a
                           question (``……应扮演什么角色？``) — when the article prints at least two such lines
``box-label``              a fixed-form box label (:data:`fromto.clean.lines.BOX_LABELS`: 链接, 核心阅读, 记者手记 …)
                           and the paragraphs after it up to the next heading, box label or the article's end; an
                           opening box (核心阅读, 编者按 …) before the body holds one paragraph unless a heading
                           follows within three
"""

from __future__ import annotations

from dataclasses import dataclass

from fromto.clean.lines import (MAX_HEADING_CHARS, OPENING_BOX_LABELS, box_label, ends_paragraph, is_lead,
                                is_question_lead, is_single_heading, is_subhead, is_title_like)
from fromto.clean.pieces import _Line, _Log, _Piece

#: Paragraphs an opening box may hold when a heading closes it.
MAX_OPENING_BOX_PARAGRAPHS = 3


@dataclass
class _Item:
    kind: str  # "para", "heading" or "box_label"
    piece: _Piece | None = None
    lead: _Line | None = None
    sub: _Line | None = None
    cut_before: bool = False  # a caption was removed right before this paragraph
    parts: int = 1
    box: str = ""  # a paragraph inside a box: the box's label kind; a box label: its kind

    @property
    def heading_text(self) -> str:
        """``lead——subtitle`` for a pair; the lead (without ——) or the subtitle alone otherwise."""
        lead = self.lead.text if self.lead else ""
        sub = self.sub.text if self.sub else ""
        if lead and sub:
            return lead + sub if lead.endswith("——") else f"{lead}——{sub}"
        return lead.removesuffix("——") or sub

    def heading_lines(self) -> list[_Line]:
        return [x for x in (self.lead, self.sub) if x is not None]


def _body_items(body: list[_Line], log: _Log | None = None) -> list[_Item]:
    """Headings, box labels and paragraphs of an article body, in order (decisions of the wider rules logged)."""
    log = log if log is not None else _Log("probe")
    texts = [x.text for x in body]
    n = len(body)

    def para_at(j: int) -> bool:
        """A paragraph stands at line j (a complete or long line)."""
        return 0 <= j < n and (ends_paragraph(texts[j]) or len(texts[j]) > MAX_HEADING_CHARS)

    def between_paragraphs(j: int) -> bool:
        return (j == 0 or ends_paragraph(texts[j - 1])) and para_at(j + 1) and not body[j + 1].cut_before

    subheads = [j for j in range(n) if is_subhead(texts[j]) and box_label(texts[j]) is None
                and between_paragraphs(j) and not (j > 0 and is_question_lead(texts[j - 1]))]
    several = len(subheads) >= 2
    items: list[_Item] = []
    i = 0
    while i < n:
        t = texts[i]
        nxt = texts[i + 1] if i + 1 < n else None
        prev_ok = not items or items[-1].kind != "para" or ends_paragraph(items[-1].piece.text)
        label = box_label(t)
        if label and prev_ok and para_at(i + 1):
            items.append(_Item("box_label", piece=body[i].piece, box=label))
            i += 1
            continue
        if is_lead(t):
            if nxt is not None and is_title_like(nxt) and not body[i + 1].cut_before:
                items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
                i += 2
            else:
                items.append(_Item("heading", lead=body[i]))
                i += 1
            continue
        if (is_question_lead(t) and prev_ok and nxt is not None and is_single_heading(nxt)
                and not body[i + 1].cut_before and para_at(i + 2)):
            items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
            log.add("heading", body[i].piece.start, body[i + 1].piece.end, f"{t} / {nxt}", f"{t}——{nxt}",
                    "heading-pair-question", note=f"a short line ending in {t[-1]} and a short unterminated line "
                    "before a paragraph: a section heading pair (positions section_lead, section_subtitle)")
            i += 2
            continue
        if is_single_heading(t) and prev_ok and nxt is not None and not body[i + 1].cut_before:
            items.append(_Item("heading", sub=body[i]))
            i += 1
            continue
        if several and i in subheads and prev_ok:
            items.append(_Item("heading", sub=body[i]))
            log.add("heading", body[i].piece.start, body[i].piece.end, t, t, "one-line-subhead",
                    note=f"short line ({'a question' if t.rstrip('”’）)')[-1] in '？?' else 'a colon inside'}, no "
                         f"clause punctuation) between paragraphs, one of {len(subheads)} in the article: a "
                         "one-line subhead (position section_lead, alone)")
            i += 1
            continue
        items.append(_Item("para", piece=body[i].piece, cut_before=bool(body[i].cut_before)))
        i += 1
    _fill_boxes(items, log)
    return items


def _fill_boxes(items: list[_Item], log: _Log) -> None:
    """Mark the paragraphs each box label holds, and log the box."""
    for k, it in enumerate(items):
        if it.kind != "box_label":
            continue
        run = []
        for j in range(k + 1, len(items)):
            if items[j].kind != "para":
                break
            run.append(j)
        closed = k + 1 + len(run) < len(items) and items[k + 1 + len(run)].kind == "heading"
        opening = it.box in OPENING_BOX_LABELS and not any(x.kind == "para" for x in items[:k])
        if opening and not (closed and len(run) <= MAX_OPENING_BOX_PARAGRAPHS):
            run = run[:1]
        for j in run:
            items[j].box = it.box
        end = items[run[-1]].piece.end if run else it.piece.end
        log.add("box", it.piece.start, end, it.piece.text, "", "box-label",
                note=f"box label {it.box!r} and the {len(run)} paragraph(s) it holds: positions box_label, "
                     "box_body, kept out of the body")
