"""The 从/由 opener: the connector after it, the source, and the family that takes the rest."""

from __future__ import annotations

from typing import NamedTuple

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _strip_trail
from fromto.transitions.families.from_to import from_to_chain
from fromto.transitions.families.go_become import from_go_become
from fromto.transitions.families.set_phrase import _set_phrase
from fromto.transitions.families.toward import from_toward
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _opens
from fromto.transitions.poles import _subject_before
from fromto.transitions.registry import matcher


# --- The 从/由 family -------------------------------------------------------------------------------------------
def _find_connector(s: str, j: int, end: int, opener: str) -> tuple[str, int, int, str] | None:
    """The first connector after the opener: (kind, start, end, verb), kind in to/toward/go/become."""
    go = L.GO_VERB
    become = L.BECOME_VERB
    k = j
    while k < end:
        ch = s[k]
        prev = s[k - 1] if k > 0 else ""
        nxt = s[k + 1] if k + 1 < len(s) else ""
        if k > j:
            m = go.match(s, k)
            if m:
                return ("go", k, m.end(), m.group())
            m = become.match(s, k)
            if m and prev not in L.BECOME_NOT_AFTER:
                return ("become", k, m.end(), m.group())
        if ch == L.DAO and (prev == L.ZHUAN or s[k - 2: k] == L.ZHUANYI):
            v0 = k - 2 if s[k - 2: k] == L.ZHUANYI else k - 1
            if v0 > j and (prev == L.ZHUAN and L.TRACK_RE.match(s, k - 1) or L.FOCUS_RE.search(s, 0, j)
                           or L.EMPHASIS_RE.match(s, j) and L.EMPHASIS_RE.match(s, k + 1)):
                return ("become", v0, k + 1, s[v0: k + 1])
        if ch == L.DAO and k > j and (prev not in L.DAO_NOT_AFTER or s[k - 2:k] in L.DAO_AFTER_WORD) and nxt not in L.DAO_NOT_BEFORE:
            v = next((v for v in L.SCOPE_TO_VERBS if s[k - len(v): k] == v), None)
            if v and s.find(v, k + 1, _clause_end(s, k + 1)) == -1:
                # 由试点推广到全省 widens a scope; in 从有形覆盖到有效覆盖 the word heads both poles, a noun
                return ("scope", k, k + 1, "")
            return ("to", k, k + 1, "")
        if ch == L.XIANG_CHAR and k > j and prev not in L.XIANG_NOT_AFTER and nxt not in L.XIANG_NOT_BEFORE:
            return ("toward", k, k + 1, "")
        if ch == L.ZHI and k > j:
            return ("until", k, k + 1, "")
        if k > j and _opens(s, k):
            return None
        k += 1
    return None

class Opening(NamedTuple):
    """What the 从/由 opener at ``i`` found: the connector (kind, c0..c1, verb), the raw source, the subject, a lead
    verb before the opener (实现, 经历 …) and where it starts, the clause end, whether the first 到 opened the next
    clause (从A，到B), the whole sentence, and whether a parallel 从X到Y came just before."""
    s: str
    i: int
    opener: str
    kind: str
    c0: int
    c1: int
    verb: str
    src_raw: str
    subject: str
    lead: str
    lead_start: int
    clause_end: int
    comma_form: bool
    whole_sentence: str
    parallel: bool


@matcher("opener")
def _from_family(s: str, i: int, whole_sentence: str, parallel: bool = False) -> tuple[list[dict], int] | None:
    """Rows for a 从/由 opener at ``i`` (one per chain step) and the index where scanning may resume.

    ``parallel`` is True when a 从X到Y taken just before ends in the previous clause or item (…由A到B，由C到D):
    the series is its own evidence."""
    phrase = _set_phrase(s, i)
    if phrase:
        return phrase
    opener = s[i]
    lead_start = i
    lead = ""
    for w in L.LEAD_VERBS:
        if s[max(0, i - len(w)): i] == w:
            lead, lead_start = w, i - len(w)
            break
    clause_end = _clause_end(s, i + 1)
    conn = _find_connector(s, i + 1, clause_end, opener)
    comma_form = False
    long_source = False
    if conn is None and clause_end < len(s) and s[clause_end] in "，," and s[clause_end + 1: clause_end + 2] == L.DAO:
        # 从A，到B，再到C: the first 到 opens the next clause
        conn = ("to", clause_end + 1, clause_end + 2, "")
        comma_form = True
    elif conn is None and clause_end < len(s) and s[clause_end] in "，,":
        # 把重点从X，Y，转为Z: a verb of becoming that opens a later clause closes a source running over commas
        m = L.LATE_BECOME_RE.match(s, clause_end)
        if m and m.start(1) - i - 1 <= MAX_POLE:
            conn = ("become", m.start(1), m.end(1), m.group(1))
            long_source = True
    if conn is not None and conn[0] == "become" and conn[3] == L.SERIES_TO_VERB and L.FROM_TO_BEFORE.search(s[:i]):
        # 从A到B，从产业发展到乡风文明: after a plain 从X到Y the same shape goes on; 发展 ends the source, 到 joins
        conn = ("to", conn[2] - 1, conn[2], "")
    if conn is None:
        return None
    kind, c0, c1, verb = conn
    if kind in ("until", "scope"):
        return None
    src_raw = s[i + 1: clause_end if comma_form else c0]
    if len(src_raw) > MAX_POLE or L.TIME_FROM.match(src_raw):
        return None
    if kind != "to":
        src_raw = _strip_trail(src_raw, L.FROM_SOURCE_TRAIL)
        src_raw = L.ADVERB_DI.sub("", src_raw) if len(L.ADVERB_DI.sub("", src_raw)) >= 2 else src_raw
    if long_source:
        src_raw = src_raw.rstrip("，,")
        m = L.MEANS_IN_SOURCE.search(src_raw)
        if m and m.start() >= 2:
            src_raw = src_raw[: m.start()]
        if L.VIEWPOINT_END.search(src_raw) or verb.startswith(L.REACH) and L.GOAL_TARGET.search(
                s[c1: _clause_end(s, c1)]):
            return None  # 从X入手，…，达到Y的目的: a starting point and a goal
    if L.SELECT_FROM.search(src_raw):
        return None
    subject = _subject_before(s, lead_start)
    o = Opening(s, i, opener, kind, c0, c1, verb, src_raw, subject, lead, lead_start, clause_end, comma_form,
                whole_sentence, parallel)
    if kind == "toward":
        return from_toward(o)
    if kind in ("go", "become"):
        return from_go_become(o)
    return from_to_chain(o)
