"""The engine: walks one sentence, runs the constructions in order, keeps taken spans, numbers rows."""

from __future__ import annotations

import sys

from fromto.transitions import lexicon as L

from fromto.transitions.families.bian_wei import _bian_x_wei_y, _gather_into, _quoted_bian
from fromto.transitions.families.opener import _from_family
from fromto.transitions.families.path import _led_onto_path
from fromto.transitions.families.pronoun import _resumed_by_pronoun
from fromto.transitions.families.substitution import _substitution
from fromto.transitions.families.turn_into import _turn_into
from fromto.transitions.families.was_now import _was_now
from fromto.transitions.lookalikes import _is_cong, _is_you


def extract(sentence: str) -> list[dict]:
    """Every transition in one sentence, in order of appearance.

    Each dict has ``marker, subject, source, target, verb, source_quote, target_quote, chain_id, step, start,
    end``: ``chain_id`` numbers the transitions of the sentence from 1 (the steps of one chain share it), ``step``
    is 1 for a single transition and 1..n along a chain, and ``start``/``end`` are character offsets of the
    construction in ``sentence``. Poles are stored without quotation marks; the marks are in ``*_quote``.

    >>> [(r["source"], r["target"]) for r in extract("组织关系从“松散型”向“紧密型”转变")]
    [('松散型', '紧密型')]
    """
    s = sentence
    found: list[list[dict]] = []
    taken: list[tuple[int, int]] = []
    if L.WAS_NOW_HINT.search(s):
        for r in _was_now(s, taken):
            found.append([r])
    if not L.TRIGGER.search(s) and "发展成为" not in s and not ("成" in s and L.COORD_TURN_RE.search(s)):
        # every other construction holds one; most sentences none
        return _number(found) if found else []
    m = L.OPENER_RE.search(s)
    last_to = None  # where the last 从X到Y ended: a parallel one right after is supported by it
    while m:
        i = m.start()
        if (s[i] == "从" and _is_cong(s, i)) or (s[i] == "由" and _is_you(s, i)):
            res = _from_family(s, i, s, parallel=last_to is not None and 0 <= i - last_to <= 2
                               and all(ch in "，,、；;" for ch in s[last_to:i]))
            if res:
                rows, resume = res
                last_to = max(r["end"] for r in rows) if "到" in rows[0]["marker"] else None
                found.append(rows)
                taken.append((rows[0]["start"], max(r["end"] for r in rows)))
                m = L.OPENER_RE.search(s, max(resume, i + 1))
                continue
        m = L.OPENER_RE.search(s, i + 1)
    for r in _bian_x_wei_y(s) + _quoted_bian(s) + (_gather_into(s) if "成" in s else []):
        if not any(a <= r["start"] < b for a, b in taken):
            found.append([r])
            taken.append((r["start"], r["end"]))
    if "把" in s or "将" in s:
        for r in _led_onto_path(s, taken):
            found.append([r])
    if "使" in s or "让" in s:
        for r in _resumed_by_pronoun(s, taken):
            found.append([r])
    for r in _turn_into(s, taken):
        found.append([r])
    for r in _substitution(s, taken):
        found.append([r])
    # looked up in the package at call time, so a replacement there (a test that counts its work) is seen
    for r in sys.modules["fromto.transitions"]._bare_toward(s, taken):
        found.append([r])
    return _number(found)


def _number(found: list[list[dict]]) -> list[dict]:
    """The rows of each construction in order of appearance, with chain_id and step."""
    found.sort(key=lambda rows: rows[0]["start"])
    out = []
    for n, rows in enumerate(found, start=1):
        for k, r in enumerate(rows, start=1):
            out.append({**r, "chain_id": n, "step": k})
    return out
