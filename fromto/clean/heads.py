"""Article heads and the cut into articles: column, pre-title, title, subtitle, byline; heads after bodies."""

from __future__ import annotations

from dataclasses import dataclass, field

from fromto.clean.lines import (MAX_HEADING_CHARS, ends_paragraph, is_column_name, is_lead, is_title_like,
                                parse_byline)
from fromto.clean.pieces import _Line, _Log


@dataclass
class _Head:
    title: _Line | None
    byline: _Line | None = None
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    pre_title: _Line | None = None
    subtitle: _Line | None = None
    column: _Line | None = None

    def lines(self) -> list[_Line]:
        return [x for x in (self.column, self.pre_title, self.title, self.subtitle, self.byline) if x is not None]

    @property
    def first(self) -> int:
        return self.lines()[0].index

    @property
    def last(self) -> int:
        return self.lines()[-1].index


@dataclass
class _Article:
    head: _Head | None
    body: list[_Line]
    column: _Line | None = None
    head_after_body: bool = False


def _find_heads(lines: list[_Line]) -> list[_Head]:
    """Article heads: [column] [pre-title] title [——subtitle] byline, found from their bylines."""
    heads: list[_Head] = []
    claimed: set[int] = set()
    n = len(lines)

    def free(i: int) -> bool:
        return 0 <= i < n and i not in claimed

    for i, line in enumerate(lines):
        if i in claimed or i == 0:
            continue
        parsed = parse_byline(line.text)
        if parsed is None:
            continue
        t, sub = i - 1, None
        if free(t) and lines[t].text.startswith("——") and free(t - 1) and is_title_like(lines[t - 1].text):
            sub, t = t, t - 1
        if not free(t) or not is_title_like(lines[t].text):
            continue
        if not parsed[1] and parse_byline(lines[t].text) is not None:
            continue  # two name-like lines: without a role neither is surely a byline
        head = _Head(title=lines[t], byline=line, names=parsed[0], roles=parsed[1],
                     subtitle=lines[sub] if sub is not None else None)
        k = t - 1
        if free(k) and is_lead(lines[k].text):
            head.pre_title = lines[k]
            k -= 1
        if free(k) and is_column_name(lines[k].text) and (k == 0 or not free(k - 1) or ends_paragraph(lines[k - 1].text)):
            head.column = lines[k]
        heads.append(head)
        claimed.update(x.index for x in head.lines())
    # A document that opens with [column] [pre-title] title and then body text has a head without a byline.
    first = heads[0].first if heads else n
    k, col, pre = 0, None, None
    if k + 1 < first and is_column_name(lines[k].text) and not ends_paragraph(lines[k + 1].text):
        col, k = lines[k], k + 1
    if k + 1 < first and is_lead(lines[k].text):
        pre, k = lines[k], k + 1
    if k + 1 < first and is_title_like(lines[k].text) and not ends_paragraph(lines[k].text):
        nxt = lines[k + 1].text
        if ends_paragraph(nxt) or len(nxt) > MAX_HEADING_CHARS:
            heads.insert(0, _Head(title=lines[k], pre_title=pre, column=col))
    return sorted(heads, key=lambda h: h.first)


def _segment(lines: list[_Line], heads: list[_Head], log: _Log) -> list[_Article]:
    """Cut the line stream into articles at the heads; attach heads printed after their body."""
    articles: list[_Article] = []
    bounds = [h.first for h in heads] + [len(lines)]
    if not heads or heads[0].first > 0:
        prefix = lines[: bounds[0]]
        if prefix:
            articles.append(_Article(head=None, body=prefix))
    for h, nxt in zip(heads, bounds[1:]):
        body = lines[h.last + 1: nxt]
        bare = h.pre_title is None and h.column is None and h.byline is not None
        if body or not bare or not articles:
            articles.append(_Article(head=h, body=body, column=h.column))
            continue
        # A title + byline with no body: the head of the body printed before it.
        prev = articles[-1]
        head_note = f"title {h.title.text!r} and byline printed after the body; moved to the article's head"
        if prev.head is None:
            prev.head, prev.head_after_body = h, True
        else:
            cut = None
            for j in range(len(prev.body) - 2, -1, -1):
                line = prev.body[j]
                before_ok = j == 0 or ends_paragraph(prev.body[j - 1].text)
                if is_column_name(line.text) and before_ok:
                    cut = j
                    break
            if cut is None:
                articles.append(_Article(head=h, body=[]))
                log.add("structure", h.title.piece.start, h.title.piece.end, h.title.text, h.title.text,
                        "title-after-body", note="title + byline without body and no column line before; "
                        "kept as an article without body")
                continue
            col = prev.body[cut]
            new = _Article(head=h, body=prev.body[cut + 1:], column=col, head_after_body=True)
            prev.body = prev.body[:cut]
            articles.append(new)
        log.add("title_moved", h.title.piece.start, h.byline.piece.end, h.title.text, h.title.text,
                "title-after-body", note=head_note)
    return articles
