"""Set phrases with both poles: 由大变强, 由治及兴, 由乱到治走向由治及兴."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _row
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _subject_before


def _set_phrase(s: str, i: int) -> tuple[list[dict], int] | None:
    """由X变Y / 由X及Y as a set phrase at ``i`` (see :data:`_SET_PHRASE_RE`)."""
    m = L.SET_PHRASE_RE.match(s, i) or L.SET_PHRASE_TO_RE.match(s, i)
    if not m:
        return None
    src, verb, tgt = m.groups()
    if verb in L.STATE_PAIR_VERBS and ((src, tgt) not in L.STATE_PAIRS or (src, tgt) in L.SPATIAL_PAIRS):
        return None
    if (src, tgt) in L.SPATIAL_PAIRS or _reject_reason(src, tgt) or L.PRONOUN_SOURCE.match(src):
        return None
    cid = L.OPENER_TAGS[s[i]] + "_set_" + L.SET_PHRASE_TAGS[verb]
    return [_row(cid, _subject_before(s, i), src, tgt, verb, i, m.end())], m.end()
