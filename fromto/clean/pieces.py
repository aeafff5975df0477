"""Text pieces that remember the raw offset of every character, the page's lines, and the cleaning log."""

from __future__ import annotations

from dataclasses import dataclass, field

from fromto.clean.punctuation import normalise_punctuation


@dataclass
class _Piece:
    """Text plus, for every character, its offset in the raw text."""

    text: str
    offs: list[int]

    @property
    def start(self) -> int:
        return self.offs[0]

    @property
    def end(self) -> int:
        return self.offs[-1] + 1

    def __add__(self, other: "_Piece") -> "_Piece":
        return _Piece(self.text + other.text, self.offs + other.offs)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Raw offsets of characters ``i`` to ``j`` (exclusive) of the text."""
        return self.offs[i], self.offs[j - 1] + 1


@dataclass
class _Line:
    piece: _Piece
    index: int = 0
    cut_before: list[int] = field(default_factory=list)  # caption ids removed right before this line

    @property
    def text(self) -> str:
        return self.piece.text


class _Log:
    def __init__(self, doc: str):
        self.doc = doc
        self.rows: list[dict] = []

    def add(self, kind, start, end, before, after, rule, note="", paragraph_id=""):
        self.rows.append(dict(doc=self.doc, kind=kind, raw_start=int(start), raw_end=int(end), before=before,
                              after=after, rule=rule, paragraph_id=paragraph_id, note=note))

    def sorted_rows(self) -> list[dict]:
        """The log rows in raw order (stable for rows at the same offsets)."""
        return sorted(self.rows, key=lambda r: (r["raw_start"], r["raw_end"]))


def _split_lines(text: str, log: _Log) -> list[_Line]:
    """Non-empty lines, stripped, with punctuation normalised (logged) and raw offsets kept."""
    lines = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            start = pos + lead
            new, changes = normalise_punctuation(stripped)
            for i, before, after, rule in changes:
                kind = "quotes" if rule == "corner-quotes" else "punctuation"
                log.add(kind, start + i, start + i + 1, before, after, rule,
                        note=f"context: {stripped[max(0, i - 4):i + 5]}")
            lines.append(_Line(_Piece(new, list(range(start, start + len(stripped))))))
        pos += len(raw_line) + 1
    for i, line in enumerate(lines):
        line.index = i
    return lines
