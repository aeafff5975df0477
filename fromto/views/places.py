"""Where a place name is a place: finding listed place names in text without counting idioms and common words.

A short form of a place (金山 for 金山区, Jinshan District) can also be an ordinary word or part of an idiom
(金山银山, *mountains of gold and silver*) or of another place's name (普陀山, Mount Putuo, is not 普陀区). Such forms
are listed, with their look-alikes and an example of each, in ``resources/place_lookalikes.csv``; the rule here
counts a listed form only where its context marks a place:

* a level word follows it (区, 县, 镇, 街道 …; 等区 *and other districts*);
* another place name stands right before or after it (上海金山, 金山廊下镇), or is joined to it by a coordinator
  (金山、嘉兴; 长宁与静安);
* a locative comes right before it (在, 到, 来自, 位于 …);

and never inside one of its look-alike phrases, whatever the context (在普陀山 is Mount Putuo). Every other place
form counts wherever it occurs, longest form first (so 金山区 is not also 金山).
"""

from __future__ import annotations

import re

import pandas as pd

#: Words that, right after a short form, make it a place: administrative levels and "… and other districts".
LEVEL_WORDS = ("新区", "街道", "地区", "一带", "境内", "等区", "等地", "等县", "等市", "区", "县", "市", "镇", "乡",
               "村")
#: Words that, right before a short form, make it a place.
LOCATIVES = ("在", "到", "赴", "至", "来自", "位于", "地处", "前往", "走进", "落户")
#: Words that join two place names in a list.
COORDINATORS = ("、", "和", "与", "及", "同", "跟", "以及")


def _s(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def place_forms(places: pd.DataFrame) -> list[tuple[str, str]]:
    """``(form, place)`` for every name and alias of ``places`` (``place`` and ``aliases``, ``|``-separated),
    longest form first."""
    names = []
    for _, row in places.iterrows():
        forms = [row["place"]] + [a for a in _s(row.get("aliases", "")).split("|") if a]
        for form in forms:
            names.append((form, row["place"]))
    names.sort(key=lambda x: (-len(x[0]), x[0]))
    return names


def lookalike_table(lookalikes: pd.DataFrame | None) -> dict[str, list[str]]:
    """``alias -> its look-alike phrases`` from a table with ``alias`` and ``lookalike`` columns."""
    out: dict[str, list[str]] = {}
    if lookalikes is None:
        return out
    for alias, phrase in zip(lookalikes["alias"], lookalikes["lookalike"]):
        out.setdefault(_s(alias), [])
        if _s(phrase):
            out[_s(alias)].append(_s(phrase))
    return out


def _inside_lookalike(text: str, start: int, end: int, phrases: list[str]) -> bool:
    for phrase in phrases:
        for m in re.finditer(re.escape(phrase), text):
            if m.start() <= start and end <= m.end():
                return True
    return False


def _joined(text: str, left_end: int, right_start: int) -> bool:
    """True when nothing but one coordinator (or nothing at all) stands between two names."""
    between = text[left_end:right_start]
    return between == "" or between in COORDINATORS


def context_marks_place(text: str, start: int, end: int, others: list[tuple[int, int]]) -> bool:
    """True when the words around ``text[start:end]`` mark it as a place: a level word after it, a locative
    before it, or another place name (``others``: spans of place names found in ``text``) right before or after
    it or joined to it by a coordinator."""
    if text[end:].startswith(LEVEL_WORDS) or text[:start].endswith(LOCATIVES):
        return True
    for s, e in others:
        if (s, e) == (start, end):
            continue
        if (e <= start and _joined(text, e, start)) or (end <= s and _joined(text, end, s)):
            return True
    return False


def find_places(text: str, forms: list[tuple[str, str]], lookalikes: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Every place named in ``text``: ``(start, end, place)``, each occurrence matched once by the longest form
    that covers it; a form listed in ``lookalikes`` only where :func:`context_marks_place` and never inside one
    of its look-alike phrases."""
    if not forms:
        return []
    pattern = re.compile("|".join(re.escape(f) for f, _ in forms))
    canon = dict(forms)
    found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    kept = [(s, e, f) for s, e, f in found
            if f not in lookalikes or not _inside_lookalike(text, s, e, lookalikes[f])]
    spans = [(s, e) for s, e, _ in kept]
    return [(s, e, canon[f]) for s, e, f in kept
            if f not in lookalikes or context_marks_place(text, s, e, spans)]
