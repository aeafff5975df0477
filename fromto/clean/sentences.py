"""Sentence splitting: cut after 。！？； and an ellipsis, closing quotes kept with their sentence."""

from __future__ import annotations

import re

from fromto.clean.chars import CLOSERS, SENTENCE_END


_SENTENCE_CUT = re.compile(
    "[" + re.escape("".join(sorted(SENTENCE_END))) + "]+[" + re.escape("".join(sorted(CLOSERS))) + "]*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: cut after 。！？； and after an ellipsis (…… or …).

    A run of sentence-final marks (``？！``, ``。……``) and the closing quotes or brackets after it stay with the
    sentence (``“……所有领域。”`` is one sentence). Text without a final mark is one sentence. White space
    between sentences is not part of either.
    """
    spans: list[tuple[int, int]] = []
    n, start = len(text), 0
    for m in _SENTENCE_CUT.finditer(text):  # a run of final marks, then any closing quotes or brackets
        spans.append((start, m.end()))
        start = m.end()
    if start < n:
        spans.append((start, n))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`split_sentences`)."""
    return [text[s:e] for s, e in split_sentences(text)]
