"""A source resumed by a pronoun: 改造X，使之转变为Y; 对于X，…，使其转化为Y; 使其转化为Y after the sentence naming X."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _row, clean_pole
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _next_construction, _trim_target
from fromto.transitions.registry import matcher


# --- A source resumed by a pronoun: 改造X，使之转变为Y ------------------------------------------------------------------


@matcher("claims")
def _resumed_by_pronoun(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """改造X，使之转变为Y / 改造X使它们成为Y / 改造X的人们，使他们改造成为Y: the pronoun's antecedent X is the source."""
    rows = []
    for m in L.RESUMED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken):
            continue
        before = s[_clause_start(s, k): k]
        if before and not before.endswith(L.CONVERT_LEAD):
            continue  # 技术改造工作，使它成为…: 改造 is a noun, its clause has no object to resume
        src_raw = m.group(2)
        tgt_end = _next_construction(s, m.start(4), _clause_end(s, m.start(4)))
        tgt_raw = _trim_target(s[m.start(4): tgt_end])
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or L.PRONOUN_SOURCE.match(src) or len(tgt_raw) > MAX_POLE:
            continue
        if src in L.ENTITY_SOURCE or L.ENTITY_OWNED.match(src) or _reject_reason(src, tgt):
            continue  # 改造旧中国，使它成为…: a country is an entity, not a state
        rows.append(_row("resumed_by_pronoun", "", src_raw, tgt_raw, m.group(3), k, m.start(4) + len(tgt_raw)))
        taken.append((k, m.start(4) + len(tgt_raw)))
    return rows


def _target_from(s: str, start: int) -> str:
    """The target pole as written from ``start``: to the end of its clause or the next construction, trimmed."""
    return _trim_target(s[start: _next_construction(s, start, _clause_end(s, start))])


@matcher("claims")
def _topic_resumed(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """对于X，…，使其转化为Y: a topic introduced by 对于/关于 and resumed by a pronoun after a verb of conversion;
    the topic is the source, and the row records the pronoun it resolved (``source_resolved``)."""
    rows = []
    for m in L.TOPIC_RESUMED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken):
            continue
        tgt_raw = _target_from(s, m.start("y"))
        src, tgt = clean_pole(m.group("x")), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or len(tgt_raw) > MAX_POLE or L.PRONOUN_SOURCE.match(src):
            continue
        if src in L.ENTITY_SOURCE or L.ENTITY_OWNED.match(src) or _reject_reason(src, tgt):
            continue
        end = m.start("y") + len(tgt_raw)
        rows.append(_row("topic_resumed", "", m.group("x"), tgt_raw, m.group("v"), k, end, resolved=m.group("p")))
        taken.append((k, end))
    return rows


@matcher("claims")
def _previous_resumed(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """使其转化为Y with no antecedent of the pronoun in its own sentence (the matchers before found none): a row
    whose source is still to be resolved, ``pronoun`` naming the pronoun. The engine resolves it in the previous
    sentence of the paragraph (:func:`fromto.transitions.sources.previous_sentence_antecedent`) or drops it."""
    rows = []
    for m in L.PRONOUN_PENDING_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken):
            continue
        tgt_raw = _target_from(s, m.start("y"))
        tgt = clean_pole(tgt_raw)
        if len(tgt) < 2 or len(tgt_raw) > MAX_POLE:
            continue
        end = m.start("y") + len(tgt_raw)
        row = _row("previous_resumed", "", "", tgt_raw, m.group("v"), k, end, resolved=m.group("p"))
        row["pronoun"] = m.group("p")
        rows.append(row)
        taken.append((k, end))
    return rows
