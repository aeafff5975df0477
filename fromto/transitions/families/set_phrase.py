"""Set phrases with both poles: 由大变强, 由治及兴, 由乱到治走向由治及兴."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _row
from fromto.transitions.lexicon import GO_VERBS, PRONOUN_SOURCE, SPATIAL_PAIRS, STATE_PAIRS, _alts
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _subject_before

#: Set phrases with both poles: 由大变强, 由被动变主动 (变 + a pole of one or two characters), 由治及兴 (及, state
#: pairs only). A phrase that goes on into a verb (由浅入深地讲解) is an adverbial of manner and does not match.
_SET_PHRASE_RE = re.compile(r"[从由]([^\W\d_]{1,2}?)(变|及)(?![成为化得革动更迁换])([^\W\d_]{1,2}?)"
                            r"(?=[，,、；;。！!？?：:”’」]|[的是时]|$)")
#: 由乱到治走向由治及兴: a set phrase of a state pair with 到 that runs straight into a verb of going, which joins
#: it to the next phrase (the 从X到Y rule would read the whole rest as its target).
_SET_PHRASE_TO_RE = re.compile(rf"[从由]([^\W\d_])(到)([^\W\d_])(?=(?:{_alts(GO_VERBS)})[从由])")


def _set_phrase(s: str, i: int) -> tuple[list[dict], int] | None:
    """由X变Y / 由X及Y as a set phrase at ``i`` (see :data:`_SET_PHRASE_RE`)."""
    m = _SET_PHRASE_RE.match(s, i) or _SET_PHRASE_TO_RE.match(s, i)
    if not m:
        return None
    src, verb, tgt = m.groups()
    if verb in "及到" and ((src, tgt) not in STATE_PAIRS or (src, tgt) in SPATIAL_PAIRS):
        return None
    if (src, tgt) in SPATIAL_PAIRS or _reject_reason(src, tgt) or PRONOUN_SOURCE.match(src):
        return None
    marker = ("由X" if s[i] == "由" else "从X") + verb + "Y"
    return [_row(marker, _subject_before(s, i), src, tgt, verb, i, m.end())], m.end()
