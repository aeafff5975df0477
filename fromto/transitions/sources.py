"""Sources found outside the verb's clause: the clause before, a relative clause's noun, and a pronoun's antecedent
in the sentence before."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _strip_words, clean_pole
from fromto.transitions.poles import _clause_subject, _source_core


def _previous_clause_source(s: str, c0: int, bare: bool = False) -> tuple[str, int, bool]:
    """The source of a verb whose own clause holds only adverbs, taken from the clause before: its noun phrase
    (…的事情，如今却变成了现实), the object of 把 (把X，逐步转为Y) or of a verb (增强X，并切实转化为Y).
    ``bare`` says the verb opens its clause: then a sentence's opening clause of up to six characters is a topic
    too (荒山秃岭，化作绿水青山, the couplet of a caption or headline). Returns (source, start, after_ba) or
    ('', -1, False)."""
    if c0 == 0 or s[c0 - 1] not in "，,":
        return "", -1, False
    p0 = _clause_start(s, c0 - 1)
    clause = s[p0: c0 - 1]
    if L.ASIDE_LEAD.match(clause) and p0 >= 2 and s[p0 - 1] in "，,":
        # 把X，特别是其中的Z，进一步放开，改由Y: the clause before is an aside naming a part; 把's object stands before it
        q0 = _clause_start(s, p0 - 1)
        mb = None
        for mb in L.BA_ONLY.finditer(s[q0: p0 - 1]):
            pass
        if mb is not None and p0 - 1 - (q0 + mb.end()) >= 2:
            core = _source_core(L.RELEASE_END.sub("", s[q0 + mb.end(): p0 - 1]))
            if core:
                return core, s.rfind(core, q0, p0), True
    m = None
    for m in L.BA_MARKER.finditer(clause):
        pass
    if m is not None and len(clause) - m.end() >= 2 and not (m.group() == L.JIANG and clause[m.end()] in L.JIANG_MODAL):
        core = _source_core(L.RELEASE_END.sub("", clause[m.end():]))
        return core, (s.rfind(core, p0, c0) if core else -1), True
    m = L.EXISTENTIAL_COUNT.search(clause)
    if m:  # 全国有七十四万多个高级社，现在已经改组成为Y: the body counted by 有 is the source
        core = m.group(1)
        return core, s.rfind(core, p0, c0), False
    if L.TIME_CLAUSE_END.search(clause):
        # 有些知识分子在长期改造以后，已经开始转变为Y: the subject of a clause of time carries into the next
        core = _clause_subject(L.QUANTITY_LEAD_RE.sub("", clause))
        if core:
            return core, s.rfind(core, p0, c0), False
    if bare and L.LAPSE_CLAUSE.match(clause) and p0 >= 2 and s[p0 - 1] in "，,":
        # 这些饮足甘霖的果子，再过几个月就能红透树梢，化作Y: a clause of time passing and the verb's clause share
        # the subject of the clause before them, a noun phrase standing alone as the topic
        q0 = _clause_start(s, p0 - 1)
        topic = s[q0: p0 - 1]
        if L.TOPIC_NP.match(topic) and not L.PRONOUN_SOURCE.match(topic):
            return topic, q0, False
    m = L.MEASURE_OBJECT.search(clause)
    if m:
        clause = m.group(1)  # 掀起了一场…的政治动乱，进而发展成为Y: the object counted after the verb
    mp = L.PRONOUN_IS.match(clause)
    if mp and p0 > 0:
        # 不雇职工的私营零售商，…，同时他们是私有者，所以很容易转变成为投机者: the pronoun's 是-clause gives a reason;
        # who changes is the pronoun's antecedent, the noun phrase that opens the sentence as its topic
        topic = s[: _clause_end(s, 0)]
        if L.TOPIC_NP.match(topic) and not L.PRONOUN_SOURCE.match(topic):
            return topic, 0, False
    if L.COPULA in clause:
        clause = clause[clause.rindex(L.COPULA) + 1:]
    # only a noun phrase can be the source: one built with 的, or a short one (not 示范者严格执行, not 这就是说)
    short = len(clause) <= (6 if bare and p0 == 0 else 4)
    if not (L.DE in clause or short) or L.DISCOURSE_END.search(clause):
        return "", -1, False
    if L.DE in clause:
        cut = max((clause.rfind(v) + len(v) for v in L.OBJECT_VERBS
                   if 0 <= clause.rfind(v) < clause.rfind(L.DE) and clause[clause.rfind(v) + len(v)] != L.DE), default=0)
        clause = clause[cut:]
    core = _source_core(_strip_words(clause, L.SOURCE_TRAIL, (L.DE,)))
    return core, (s.rfind(core, p0, c0) if core else -1), False


def _relative_source(s: str, c0: int, before: str, tgt_raw: str) -> tuple[str, str, int] | None:
    """(source, target, end of the source after the verb) when the verb of becoming at the end of ``before`` heads a
    relative clause (see :data:`_REL_ASPECT`); None otherwise. Without a preposition the clause before is tried
    first: 增强X，已经转化为Y的N keeps X (see :func:`_previous_clause_source`)."""
    ma = L.REL_ASPECT.match(before.strip(" 　"))
    mt = L.REL_TARGET.match(tgt_raw) if ma else None
    if not mt or L.REL_HEAD_NOT.match(mt.group(2)):
        return None
    if not ma.group(1) and _previous_clause_source(s, c0)[0]:
        return None
    return mt.group(2), mt.group(1), mt.end()


def previous_sentence_antecedent(previous: str) -> str:
    """The antecedent a pronoun source (使其转化为Y) resolves to in the sentence before its own, or ``""``.

    The rule, first that applies: the object that ends ``previous`` after a verb with an aspect marker
    (社区总结了一批好的议事做法 -> 议事做法: what was just named is what the pronoun takes up); the noun phrase that
    makes up ``previous``'s opening clause (:data:`TOPIC_NP`: 好的经验做法，值得推广 -> 好的经验做法). Anything else
    (a whole clause, a person, a pronoun) is no antecedent, and the row is dropped: precision before recall.
    """
    text = previous.rstrip("".join(L.SENTENCE_TRAIL))
    if not text:
        return ""
    m = L.ASPECT_OBJECT_RE.search(text[_clause_start(text, len(text) - 1):])
    core = _source_core(m.group("o")) if m else ""
    if len(clean_pole(core)) < 2 or L.PRONOUN_SOURCE.match(clean_pole(core)) or L.ASPECT_MARK.search(core):
        topic = text[: _clause_end(text, 0)]
        core = topic if L.TOPIC_NP.match(topic) and not L.PRONOUN_SOURCE.match(topic) else ""
    return core


def demonstrative_antecedent(previous: str, head: str) -> str:
    """What a demonstrative source (这份优势) points at in the sentence before: the last phrase there that ends in
    ``的`` + the same noun after a verb of having or forming (…形成了流动快、覆盖广的优势 -> 流动快、覆盖广的优势);
    ``""`` when there is none (the demonstrative source then stands as written)."""
    k = previous.rfind(L.DE + head)
    if k < 1:
        return ""
    phrase = previous[_clause_start(previous, k): k + 1 + len(head)]
    m = None
    for m in L.HAVE_VERB.finditer(phrase, 0, len(phrase) - len(head) - 1):
        pass
    if m is None:
        return ""  # 超额完成的可能性是完全存在的。这种可能性…: a phrase not introduced as a quality had is left as written
    phrase = phrase[m.end():]
    return phrase if len(phrase) > len(head) + 2 else ""
