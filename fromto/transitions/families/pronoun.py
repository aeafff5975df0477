"""A source resumed by a pronoun: 改造X，使之转变为Y."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _clause_end, _clause_start, _row, clean_pole
from fromto.transitions.lexicon import ENTITY_OWNED, ENTITY_SOURCE, MAX_POLE, PRONOUN_SOURCE, TURN_VERBS, _alts
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _next_construction, _trim_target

# --- A source resumed by a pronoun: 改造X，使之转变为Y ------------------------------------------------------------------
#: 改造/改组 X，使 + pronoun + (adverbs) + a verb of becoming + Y: the pronoun resumes the object of the verb of
#: conversion in the same sentence, so that object is the stated source (the report gold's policy). After a verb of
#: conversion a plain 成为 names the result of the conversion (改造X使它们成为Y); after any other verb (发展X，使之成为Y,
#: 修改计划，使它成为Y) the pronoun's 成为 is a bare result and is refused, like a pronoun with no antecedent.
CONVERT_VERBS = ["改造", "改组", "改编"]
#: What may stand before the verb of conversion: a clause start, a modal, a conjunction or an adverb (…来改造X,
#: 而改造X, 要逐步改造X); a noun before it makes 改造 a noun (技术改造工作，使它…).
_CONVERT_LEAD = ("要", "来", "而", "并", "和", "地", "去", "也", "还", "逐步", "继续", "彻底", "积极", "进一步", "认真", "切实",
                 "必须", "应当", "应该", "能够", "可以", "努力", "是", "就")
_RESUMED_RE = re.compile(
    rf"({_alts(CONVERT_VERBS)})([^，,。；;！？!?使让]{{2,30}}?)[，,]?(?:使|让)(?:它们|他们|她们|之|其|它|他|她)"
    r"(?:逐步|逐渐|最后|最终|终于|真正|都|也|能够|能|尽快|更快|彻底|地)*"
    rf"({_alts(set(TURN_VERBS) | {'成为'})})([^，,。；;！？!?]{{2,40}})")


def _resumed_by_pronoun(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """改造X，使之转变为Y / 改造X使它们成为Y / 改造X的人们，使他们改造成为Y: the pronoun's antecedent X is the source."""
    rows = []
    for m in _RESUMED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken):
            continue
        before = s[_clause_start(s, k): k]
        if before and not before.endswith(_CONVERT_LEAD):
            continue  # 技术改造工作，使它成为…: 改造 is a noun, its clause has no object to resume
        src_raw = m.group(2)
        tgt_end = _next_construction(s, m.start(4), _clause_end(s, m.start(4)))
        tgt_raw = _trim_target(s[m.start(4): tgt_end])
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or len(tgt_raw) > MAX_POLE:
            continue
        if src in ENTITY_SOURCE or ENTITY_OWNED.match(src) or _reject_reason(src, tgt):
            continue  # 改造旧中国，使它成为…: a country is an entity, not a state
        rows.append(_row("改造X，使之成为Y", "", src_raw, tgt_raw, m.group(3), k, m.start(4) + len(tgt_raw)))
        taken.append((k, m.start(4) + len(tgt_raw)))
    return rows
