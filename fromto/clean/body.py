"""Inside an article body: section headings, one-line subheads, boxes and paragraphs, in order.

Rules (each decision of the wider rules is logged; the seed's ``heading-pair`` and plain one-line headings are
not, as before):

``heading-pair``           a short line ending in —— followed by a short unterminated line (``lead——subtitle``)
``heading-pair-question``  a short line ending in ？ or ： (``关税为何一降再降？``, ``一当被告：``) followed by a short
                           unterminated line (one comma at most) and then a paragraph: a heading pair whose lead
                           asks or announces
``heading-pair-plain``     two short lines between complete paragraphs printed without ——: a lead that is
                           unterminated (at most one comma) or a question, over an unterminated line
                           (``人才从哪里来？`` / ``校地联手，订单培养``; ``花样翻新，打法更新`` / ``深挖彻查顽疾``);
                           a second line wholly in quotation marks may hold up to three commas (someone's words
                           as the section's motto: ``扎根一线`` / ``“……，……，……”``)
``one-line-subhead``       a short line between complete paragraphs (position ``section_lead`` with no
                           ``section_subtitle``): unterminated without clause punctuation (always, not
                           logged, as before), or of a wider form — a colon inside (``北京：地税收入超300亿``) or a
                           question (``……应扮演什么角色？``) — when the article prints at least two such lines,
                           or two or three short clauses joined by commas (``整治乱象，全流程监管``) or by 、
                           (``组织共建、资源共享``) when the article prints at least two subheads of any form;
                           a lone question before the article's first other subhead or wholly in quotation
                           marks (``“……是什么样的？”``: what someone asked), or a question followed by a list
                           of answers (``缺资金：……；``), is a paragraph
``box-label``              a fixed-form box label (:data:`fromto.clean.lines.BOX_LABELS`: 链接, 核心阅读, 记者手记 …)
                           and the paragraphs after it up to the next heading, box label or the article's end; an
                           opening box (核心阅读, 编者按 …) before the body holds one paragraph (with the pieces
                           of its broken lines) unless a heading follows within three; a short title printed
                           under the label belongs to the box; a leading ■ is looked through
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from fromto.clean.chars import CLOSERS
from fromto.clean.lines import (MAX_HEADING_CHARS, MAX_SINGLE_HEADING_CHARS, OPENING_BOX_LABELS, box_label,
                                ends_in_dash, ends_paragraph, is_lead, is_question_lead, is_single_heading,
                                is_subhead, is_title_like, looks_cut)
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
                and between_paragraphs(j) and not (j > 0 and is_question_lead(texts[j - 1]))
                and not (_is_question(texts[j]) and j + 1 < n and _is_list_item(texts[j + 1]))]
    # one-line subheads of two short clauses (``整治乱象，全流程监管``, ``“做有信仰的人，讲课才有人信”``): a comma
    # makes a lone short line look like a broken sentence, so they are subheads only where the article prints
    # at least two subheads (of this form or another)
    paired = [j for j in range(n) if _is_clause_pair_subhead(texts[j]) and between_paragraphs(j)
              and not (j > 0 and is_question_lead(texts[j - 1]))]
    if len(paired) + len(subheads) < 2:
        paired = []
    subheads = sorted(subheads + paired)
    several = len(subheads) >= 2
    # a lone question before the article's first other subhead asks what the opening paragraphs answer, and a
    # lone question wholly in quotation marks is what someone asked (``“中国的民主是什么样的？”``): paragraphs,
    # unless the article prints several questions as subheads
    questions = [j for j in subheads if _is_question(texts[j])]
    first_other = min((j for j in subheads if not _is_question(texts[j])), default=n)
    if len(questions) == 1 and (questions[0] < first_other or _is_quoted(texts[questions[0]])):
        subheads.remove(questions[0])
    items: list[_Item] = []
    i = 0
    while i < n:
        t = texts[i]
        nxt = texts[i + 1] if i + 1 < n else None
        prev_ok = not items or items[-1].kind != "para" or ends_paragraph(items[-1].piece.text)
        label = box_label(t)
        if label and prev_ok and (para_at(i + 1) or (nxt is not None and (looks_cut(nxt) or (
                _box_title(nxt) and para_at(i + 2))))):
            items.append(_Item("box_label", piece=body[i].piece, box=label))
            i += 1
            if not para_at(i) and not looks_cut(texts[i]):  # the box's own title, held like its paragraphs
                items.append(_Item("para", piece=body[i].piece, cut_before=bool(body[i].cut_before)))
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
        if (is_question_lead(t) and prev_ok and nxt is not None and (is_single_heading(nxt) or _pair_subtitle(nxt))
                and not body[i + 1].cut_before and para_at(i + 2)):
            items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
            log.add("heading", body[i].piece.start, body[i + 1].piece.end, f"{t} / {nxt}", f"{t}——{nxt}",
                    "heading-pair-question", note=f"a short line ending in {t[-1]} and a short unterminated line "
                    "before a paragraph: a section heading pair (positions section_lead, section_subtitle)")
            i += 2
            continue
        if (prev_ok and nxt is not None and not body[i + 1].cut_before and para_at(i + 2)
                and not body[i + 2].cut_before and _pair_lead(t) and _pair_subtitle(nxt)):
            items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
            log.add("heading", body[i].piece.start, body[i + 1].piece.end, f"{t} / {nxt}", f"{t}——{nxt}",
                    "heading-pair-plain", note="two short lines between complete paragraphs, the first a "
                    "heading's lead (unterminated or a question), the second unterminated: a section heading "
                    "pair printed without —— (positions section_lead, section_subtitle)")
            i += 2
            continue
        if is_single_heading(t) and prev_ok and nxt is not None and not body[i + 1].cut_before:
            items.append(_Item("heading", sub=body[i]))
            i += 1
            continue
        if several and i in subheads and prev_ok:
            items.append(_Item("heading", sub=body[i]))
            log.add("heading", body[i].piece.start, body[i].piece.end, t, t, "one-line-subhead",
                    note=f"short line ({_subhead_form(t)}) between paragraphs, one of {len(subheads)} in the "
                         "article: a one-line subhead (position section_lead, alone)")
            i += 1
            continue
        items.append(_Item("para", piece=body[i].piece, cut_before=bool(body[i].cut_before)))
        i += 1
    _fill_boxes(items, log)
    return items


def _subhead_form(text: str) -> str:
    """What makes a one-line subhead of a wider form, for the log."""
    if _is_clause_pair_subhead(text):
        return "short clauses or phrases joined by commas"
    if text.rstrip(CLOSERS)[-1:] in ("？", "?"):
        return "a question, no clause punctuation"
    return "a colon inside, no clause punctuation"


def _is_clause_pair_subhead(text: str) -> bool:
    """A one-line subhead of two or three short clauses joined by commas (``数字赋能，综合查一次``, ``干部下沉，
    扮靓乡村“颜值”``, ``“一个支部一件实事”，为群众排忧解难``, ``党建引领，多方联动，共建共治``), or of two or
    three parallel phrases joined by enumeration commas (``组织共建、资源共享``): short, unterminated (closing
    quotes looked through), each part at least two characters, no other clause or sentence punctuation."""
    t = text.rstrip(CLOSERS)
    if not (0 < len(text) <= MAX_SINGLE_HEADING_CHARS) or text.startswith("——") or ends_in_dash(text):
        return False
    if ends_paragraph(text) or box_label(text) or re.search(r"[；;：:。！!？?]", text):
        return False
    commas, enum = re.split(r"[，,]", t), t.split("、")
    if "、" in t:
        return len(commas) == 1 and len(enum) in (2, 3) and all(len(p.strip("“”‘’「」")) >= 2 for p in enum)
    return len(commas) in (2, 3) and all(len(p.strip("“”‘’「」")) >= 2 for p in commas)


def _is_quoted(text: str) -> bool:
    """A line wholly inside one pair of quotation marks (``“……？”``): someone's words."""
    t = text.strip()
    return len(t) > 2 and t[0] in "“「『‘" and t[-1] in "”」』’" and not re.search("[”」』’]", t[1:-1])


def _is_question(text: str) -> bool:
    t = text.rstrip(CLOSERS)
    return bool(t) and t[-1] in "？?"


#: A list item answering a question (``缺基础设施：……；``): a short phrase, a colon, and the item's text.
_LIST_ITEM_RE = re.compile(r"^[^，,。；;：:]{1,12}[：:].+[；;。]$")


def _is_list_item(text: str) -> bool:
    """A line that opens like an item of a list of answers: a short phrase followed by a colon."""
    return bool(_LIST_ITEM_RE.match(text))


def _pair_lead(text: str) -> bool:
    """The first line of a heading pair printed without ——: short, one clause or two (``花样翻新，打法更新``),
    unterminated or a question (``力量如何整合？``), no full stop."""
    t = text.rstrip(CLOSERS)
    if not (2 <= len(text) <= MAX_SINGLE_HEADING_CHARS) or text.startswith("——") or ends_in_dash(text):
        return False
    if re.search(r"[。；;！!]", text) or len(re.findall(r"[，,]", text)) > 1 or box_label(text):
        return False
    return t[-1] in "？?" or not ends_paragraph(text)


#: The most commas in a heading pair's second line: one, or, for a line wholly in quotation marks (someone's
#: words quoted as the section's motto: ``“不是……，不是……，而是……”``), three.
MAX_PAIR_SUBTITLE_COMMAS = 1
MAX_QUOTED_PAIR_SUBTITLE_COMMAS = 3


def _pair_subtitle(text: str) -> bool:
    """The second line of a heading pair printed without ——: short, unterminated, no full stop, at most one
    comma (three in a line wholly in quotation marks), not ending in a comma or 、."""
    if not (2 <= len(text) <= MAX_HEADING_CHARS) or not is_title_like(text) or ends_paragraph(text):
        return False
    most = MAX_QUOTED_PAIR_SUBTITLE_COMMAS if _is_quoted(text) else MAX_PAIR_SUBTITLE_COMMAS
    return (not re.search(r"[。；;！!？?]", text) and len(re.findall(r"[，,]", text)) <= most
            and text[-1] not in "，,、" and box_label(text) is None)


def _box_title(text: str) -> bool:
    """A box's own title under its label (``链接`` / ``某省整治某事``): short and unterminated."""
    return (0 < len(text) <= MAX_HEADING_CHARS and is_title_like(text) and not ends_paragraph(text)
            and not re.search(r"[，,；;。]", text))


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
            # one paragraph, with the pieces a broken line left of it (``……统筹组织、`` / ``资源、`` / ``……。``)
            keep = 1
            while keep < len(run) and looks_cut(items[run[keep - 1]].piece.text):
                keep += 1
            run = run[:keep]
        for j in run:
            items[j].box = it.box
        end = items[run[-1]].piece.end if run else it.piece.end
        log.add("box", it.piece.start, end, it.piece.text, "", "box-label",
                note=f"box label {it.box!r} and the {len(run)} paragraph(s) it holds: positions box_label, "
                     "box_body, kept out of the body")
