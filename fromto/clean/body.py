"""Inside an article body: section headings and paragraphs, in order."""

from __future__ import annotations

from dataclasses import dataclass

from fromto.clean.lines import ends_paragraph, is_lead, is_single_heading, is_title_like
from fromto.clean.pieces import _Line, _Piece


@dataclass
class _Item:
    kind: str  # "para" or "heading"
    piece: _Piece | None = None
    lead: _Line | None = None
    sub: _Line | None = None
    cut_before: bool = False  # a caption was removed right before this paragraph
    parts: int = 1

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


def _body_items(body: list[_Line]) -> list[_Item]:
    """Headings and paragraphs of an article body, in order."""
    items: list[_Item] = []
    i, n = 0, len(body)
    while i < n:
        t = body[i].text
        nxt = body[i + 1].text if i + 1 < n else None
        prev_ok = not items or items[-1].kind == "heading" or ends_paragraph(items[-1].piece.text)
        if is_lead(t):
            if nxt is not None and is_title_like(nxt) and not body[i + 1].cut_before:
                items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
                i += 2
            else:
                items.append(_Item("heading", lead=body[i]))
                i += 1
            continue
        if is_single_heading(t) and prev_ok and nxt is not None and not body[i + 1].cut_before:
            items.append(_Item("heading", sub=body[i]))
            i += 1
            continue
        items.append(_Item("para", piece=body[i].piece, cut_before=bool(body[i].cut_before)))
        i += 1
    return items
