"""Clause boundaries, quotation marks and word stripping: the small text functions every rule uses."""

from __future__ import annotations

import bisect
import functools
from typing import Iterable

from fromto.textio import QUOTE_CHARS, QUOTE_PAIRS
from fromto.transitions import lexicon as L
from fromto.transitions import registry
from fromto.transitions.lexicon import CLAUSE_END


# --- Small shared functions: clause boundaries, quotes, cores -------------------------------------------------
_DIGITS = set("0123456789０１２３４５６７８９")


def _separator(s: str, i: int) -> bool:
    """True when the comma at ``i`` separates thousands (３，０００余户), so it ends no clause."""
    return s[i] in "，," and 0 < i < len(s) - 1 and s[i - 1] in _DIGITS and s[i + 1] in _DIGITS


@functools.lru_cache(maxsize=8)
def _boundaries(s: str) -> list[int]:
    """Positions of the clause boundaries in ``s`` (a comma between digits, ３，０００, is none), indexed once per
    sentence so the scans below bisect them instead of walking the clause."""
    return [k for k, ch in enumerate(s) if ch in CLAUSE_END and not _separator(s, k)]


def _clause_end(s: str, i: int) -> int:
    """Index of the first clause boundary at or after ``i`` (len(s) if none)."""
    b = _boundaries(s)
    j = bisect.bisect_left(b, i)
    return b[j] if j < len(b) else max(i, len(s))


def _clause_start(s: str, i: int) -> int:
    """Index where the clause holding position ``i`` starts."""
    b = _boundaries(s)
    j = bisect.bisect_left(b, i) - 1
    return b[j] + 1 if j >= 0 and i > 0 else 0


def _open_quote(text: str) -> bool:
    """True when ``text`` leaves a quotation open (the cut fell inside a quoted pole)."""
    depth = 0
    for ch in text:
        if ch in "“‘「『":
            depth += 1
        elif ch in "”’」』":
            depth -= 1
    return depth > 0


def _quotes_of(pole: str) -> str:
    """The pair of quotation marks used in a pole ('“”'), or '' when it has none."""
    for ch in pole:
        if ch in QUOTE_PAIRS:
            return ch + QUOTE_PAIRS[ch]
        if ch in QUOTE_CHARS:  # a closing mark first: the pole was cut inside a quotation
            opening = next(k for k, v in QUOTE_PAIRS.items() if v == ch)
            return opening + ch
    return ""


_QUOTE_LIST = sorted(QUOTE_CHARS)  # removed with str.replace: C speed on the long clauses of odd input

def clean_pole(pole: str) -> str:
    """The pole without quotation marks; adjacent quoted items become an enumeration (“A”“B” -> A、B)."""
    for close in ("”", "’", "」", "』"):
        opening = next(k for k, v in QUOTE_PAIRS.items() if v == close)
        pole = pole.replace(close + opening, "、")
    for q in _QUOTE_LIST:
        pole = pole.replace(q, "")
    pole = pole.strip(" 　、")
    pole = L.LEADING_LE.sub("", pole)
    if len(pole) >= 3:
        pole = L.FINAL_PARTICLE.sub("", pole)  # a question's final particle (…从胜利走向胜利呢？) is no part of it
    return pole.strip()


def _strip_words(text: str, lead: Iterable[str] = (), trail: Iterable[str] = ()) -> str:
    """Remove any of ``lead`` from the start and ``trail`` from the end, repeatedly."""
    lead = sorted(lead, key=len, reverse=True)
    trail = sorted(trail, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in lead:
            if text.startswith(w) and len(text) > len(w) and text[len(w)] not in L.NOUN_SUFFIX:
                # 一般性矛盾, 积极性: a suffix makes the lead word part of a noun, which stays
                text, changed = text[len(w):], True
                break
        for w in trail:
            if text.endswith(w) and len(text) > len(w) and not _ends_in_noun(text, w):
                text, changed = text[: -len(w)], True
                break
    return text


def _ends_in_noun(text: str, word: str) -> bool:
    """True when the ``word`` that ends ``text`` is the last character of a longer noun (政府职能: 能 ends 职能, no
    modal verb), so stripping it would cut the noun."""
    return any(len(n) > len(word) and text.endswith(n) for n in L.NOUN_ENDINGS if n.endswith(word))


def _only_words(text: str, words: Iterable[str]) -> bool:
    """True when ``text`` is made up entirely of ``words`` (逐步 + 地, 已经, 今后 + 应): nothing nominal is left."""
    words = sorted(set(words), key=len, reverse=True)
    while text:
        for w in words:
            if text.startswith(w):
                text = text[len(w):]
                break
        else:
            return False
    return True


def _strip_trail(text: str, words: Iterable[str]) -> str:
    """``_strip_words(text, (), words)`` that keeps a one-character word when it ends a noun (社会, 职能, 需要)."""
    words = sorted(words, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.endswith(w) and len(text) > len(w):
                if len(w) == 1 and len(text) >= 2 and text[-2:] in L.NOUN_ENDINGS:
                    continue
                text, changed = text[: -len(w)], True
                break
    return text


def _row(construction, subject, src_raw, tgt_raw, verb, start, end, resolved: str = "") -> dict:
    """One transition found by the construction of id ``construction`` (resources/constructions.tsv), which gives its
    marker; the poles are cleaned, their quotation marks kept apart. ``resolved`` is the pronoun as written when the
    source is its antecedent (使其转化为…: ``"其"``), else ``""``."""
    return {
        "marker": _markers()[construction],
        "subject": subject,
        "source": clean_pole(src_raw),
        "target": clean_pole(tgt_raw),
        "verb": verb,
        "source_quote": _quotes_of(src_raw),
        "target_quote": _quotes_of(tgt_raw),
        "start": start,
        "end": end,
        "construction": construction,
        "source_resolved": resolved,
    }


_MARKERS: dict[str, str] = {}


def _markers() -> dict[str, str]:
    """The marker of every registered construction (read once)."""
    if not _MARKERS:
        _MARKERS.update(registry.markers())
    return _MARKERS
