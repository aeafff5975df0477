"""The engine: one walk over a sentence that runs the registered matchers in priority order.

The matchers and their order come from the registry (``resources/constructions.tsv``, :mod:`fromto.transitions.
registry`). The engine keeps the spans the constructions found so far have taken (a later matcher does not take a
span again), walks the 从/由 openers for the opener matcher, and numbers the rows and chains of the sentence.
"""

from __future__ import annotations

import sys

from fromto.transitions import lexicon as L
from fromto.transitions import registry
from fromto.transitions.lookalikes import _opens


#: Matchers of this priority or more run only in a sentence that holds a trigger (:func:`_gated`): every
#: construction they find holds one, and most sentences hold none. The matchers before it (本来是X，现在成了Y)
#: have triggers of their own (``requires`` in the registry).
GATE_PRIORITY = 20


def _gated(s: str) -> bool:
    """True when ``s`` holds a character of TRIGGER, a word of GATE_WORDS or a verb of conversion joined to one of
    building (COORD_TURN_RE, tested only where COORD_TURN_HINT occurs: an alternation would slow the scan)."""
    if L.TRIGGER.search(s):
        return True
    for w in L.GATE_WORDS:
        if w in s:
            return True
    for w in L.COORD_TURN_HINT:
        if w in s:
            return bool(L.COORD_TURN_RE.search(s))
    return False


def extract(sentence: str, previous: str = "") -> list[dict]:
    """Every transition in one sentence, in order of appearance.

    ``previous`` is the sentence before it in the same paragraph, if any: a pronoun source with no antecedent in
    its own sentence (使其转化为Y) is resolved there (:func:`_resolve_pending`); without it such a row is dropped.

    Each dict has ``marker, subject, source, target, verb, source_quote, target_quote, start, end, construction,
    chain_id, step``: ``construction`` is the id of the registered construction that found it (``marker`` is that
    construction's marker), ``chain_id`` numbers the transitions of the sentence from 1 (the steps of one chain share
    it), ``step`` is 1 for a single transition and 1..n along a chain, and ``start``/``end`` are character offsets of
    the construction in ``sentence``. Poles are stored without quotation marks; the marks are in ``*_quote``.

    >>> [(r["source"], r["target"]) for r in extract("组织关系从“松散型”向“紧密型”转变")]
    [('松散型', '紧密型')]
    """
    s = sentence
    found: list[list[dict]] = []
    taken: list[tuple[int, int]] = []
    # each matcher is read from the package namespace at call time, so a replacement there is seen (a test counts
    # the work of one)
    package = sys.modules["fromto.transitions"]
    gate_passed = False
    for gated, words, required, mode, name in _plan or _make_plan():
        if gated and not gate_passed:
            if not _gated(s):
                break
            gate_passed = True
        if required is not None:
            if not required.search(s):
                continue
        elif words:
            for w in words:
                if w in s:
                    break
            else:
                continue
        fn = getattr(package, name)
        if mode == "opener":
            _walk_openers(s, fn, found, taken)
        elif mode == "free":
            for r in fn(s):
                if not any(a <= r["start"] < b for a, b in taken):
                    found.append([r])
                    taken.append((r["start"], r["end"]))
        else:
            for r in fn(s, taken):
                found.append([r])
    if found and any("pronoun" in r or "demonstrative" in r for rows in found for r in rows):
        found = _resolve_pending(found, previous)
    return _number(found) if found else []


#: What :func:`_resolve_pending` writes after the pronoun in ``source_resolved`` (the table adds the sentence id).
PREVIOUS_SENTENCE = "(previous sentence)"


def _resolve_pending(found: list[list[dict]], previous: str) -> list[list[dict]]:
    """Give each row whose source is a pronoun still to be resolved (key ``pronoun``) the antecedent in
    ``previous`` (:func:`~fromto.transitions.sources.previous_sentence_antecedent`), ``source_resolved`` saying
    so (其 (previous sentence)); drop it when there is none or the pair is a look-alike. A source that is a
    demonstrative and a noun (key ``demonstrative``: 这份优势) takes the phrase of ``previous`` that ends in the same
    noun (:func:`~fromto.transitions.sources.demonstrative_antecedent`) and keeps its own words when there is none."""
    from fromto.transitions.clauses import _quotes_of, clean_pole
    from fromto.transitions.lookalikes import _reject_reason
    from fromto.transitions.sources import demonstrative_antecedent, previous_sentence_antecedent

    antecedent = previous_sentence_antecedent(previous) if previous else ""
    out = []
    for rows in found:
        kept = []
        for r in rows:
            if "demonstrative" in r:
                # 把这份优势转化为Y: the phrase of the sentence before with the same noun, else the source as written
                head = r.pop("demonstrative")
                phrase = demonstrative_antecedent(previous, head) if previous else ""
                if phrase and not _reject_reason(clean_pole(phrase), r["target"]):
                    r = {**r, "source": clean_pole(phrase), "source_quote": _quotes_of(phrase),
                         "source_resolved": f"{r['source']} {PREVIOUS_SENTENCE}"}
                kept.append(r)
                continue
            if "pronoun" not in r:
                kept.append(r)
                continue
            pronoun = r.pop("pronoun")
            src = clean_pole(antecedent)
            if not src or _reject_reason(src, r["target"]):
                continue
            kept.append({**r, "source": src, "source_quote": _quotes_of(antecedent),
                         "source_resolved": f"{pronoun} {PREVIOUS_SENTENCE}"})
        if kept:
            out.append(kept)
    return out


_plan: list[tuple] = []


def _make_plan() -> list[tuple]:
    """The registry's steps as the engine runs them: (behind the gate, required words, a pattern for them when
    there are more than three, mode, name), read once."""
    for st in registry.steps():
        many = len(st.requires) > 3
        _plan.append((st.priority >= GATE_PRIORITY, st.requires, st.required if many else None, st.mode, st.name))
    return _plan


def _walk_openers(s: str, fn, found: list[list[dict]], taken: list[tuple[int, int]]) -> None:
    """Run the opener matcher ``fn`` at every 从/由 that opens a phrase, left to right, resuming after each
    construction it takes. A construction just before (ending in the previous clause or item) whose registry row
    has ``series`` makes the next one ``parallel``: …由A到B，由C到D is its own evidence."""
    constructions = registry.constructions()
    m = L.OPENER_RE.search(s)
    last_to = None  # where the last construction of a series ended
    while m:
        i = m.start()
        if _opens(s, i):
            res = fn(s, i, s, parallel=last_to is not None and 0 <= i - last_to <= 2
                     and all(ch in "，,、；;" for ch in s[last_to:i]))
            if res:
                rows, resume = res
                end = max(r["end"] for r in rows)
                last_to = end if constructions[rows[0]["construction"]].series else None
                found.append(rows)
                taken.append((rows[0]["start"], end))
                m = L.OPENER_RE.search(s, max(resume, i + 1))
                continue
        m = L.OPENER_RE.search(s, i + 1)


def _number(found: list[list[dict]]) -> list[dict]:
    """The rows of each construction in order of appearance, with chain_id and step."""
    found.sort(key=lambda rows: rows[0]["start"])
    out = []
    for n, rows in enumerate(found, start=1):
        for k, r in enumerate(rows, start=1):
            out.append({**r, "chain_id": n, "step": k})
    return out
