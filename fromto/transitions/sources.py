"""Sources found outside the verb's clause: the clause before, and a relative clause's noun."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _clause_end, _clause_start, _strip_words
from fromto.transitions.lexicon import PRONOUN_SOURCE, SOURCE_TRAIL, _alts
from fromto.transitions.poles import _clause_subject, _source_core

#: Verbs whose object, in the clause before an adverb-only clause, is the source (增强X的责任感，并切实转化为Y).
OBJECT_VERBS = ["增强", "提高", "强化", "树立", "坚定", "激发", "形成", "凝聚", "发挥", "积累", "把", "将"]
#: Clause openers that are discourse markers, not noun phrases (这就是说，…; 总的来看，…).
_DISCOURSE_END = re.compile(r"(?:说|看|讲|而言|来说|所以|因此|同时|此外|其中|然而|但是|而且|并且|当然|首先|其次|总之)$")


#: Characters after 将 that make it a modal or part of a word (将要, 将会, 将来, 将近, 将使), not the 把 of 将X变成Y.
_JIANG_MODAL = set("要会来近使让是在有")


#: A clause that counts a body with 有 (全国有七十四万多个高级农业生产合作社): the body is a stated source.
_EXISTENTIAL_COUNT = re.compile(r"有(?:将近|近|约)?[0-9０-９零〇○一二三四五六七八九十百千万亿两几，,．.]+(?:余|多)?(?:万|千)?"
                                r"(?:个|户|家|所|座|名|位|批|种)([^的，,]{2,16})$")
#: A clause ending in a word of time (…在长期改造以后): its subject is the subject of the next clause.
_TIME_CLAUSE_END = re.compile(r"(?:以后|之后|以来)$")
#: Quantifiers that open a subject (有些知识分子, 一部分干部): not part of the source.
QUANTITY_LEAD = ["有些", "有的", "一些", "许多", "不少", "很多", "大批", "一批", "一部分", "部分", "大多数", "多数"]
#: A verb with 了 and a measure word (掀起了一场X, 发生了一次X): the object after the measure word.
_MEASURE_OBJECT = re.compile(r"了(?:一|两|几)(?:场|次|股|种)([^，,]{2,})$")


#: A clause of a personal pronoun and 是 (同时他们是私有者): it describes the pronoun's antecedent, which is the one that
#: changes in the next clause.
_PRONOUN_IS = re.compile(r"^(?:同时|而且|并且|但是|但|因为|由于|而|又)?(?:他们|她们|它们)(?:又|也|都|还|本来|原来|本身)?是")
#: A sentence-opening topic that is a noun phrase only (不雇职工的私营零售商): a modifier with 的 and a head, no verb of
#: its own after the head (no aspect, modal or copula), at most sixteen characters.
_TOPIC_NP = re.compile(r"^[^，,。；;是有在将要已]{1,12}的[^，,。；;的是有在将要已了着过]{2,6}$")


#: A verb letting go of 把's object ending its clause (把国营的小型商店进一步放开，改由Y经营): not part of the source.
_RELEASE_END = re.compile(r"(?<=[^，,]{2})(?:进一步|逐步|全部|适当|尽快|坚决|大胆)?(?:放开|下放|放活|交出|划出|让出|移交)$")
#: An aside naming a part of what was just named (特别是其中的…, 尤其是…): it interrupts a 把-phrase running over commas.
_ASIDE_LEAD = re.compile(r"^(?:特别是|尤其是|包括)")


def _previous_clause_source(s: str, c0: int) -> tuple[str, int, bool]:
    """The source of a verb whose own clause holds only adverbs, taken from the clause before: its noun phrase
    (…的事情，如今却变成了现实), the object of 把 (把X，逐步转为Y) or of a verb (增强X，并切实转化为Y).
    Returns (source, start, after_ba) or ('', -1, False)."""
    if c0 == 0 or s[c0 - 1] not in "，,":
        return "", -1, False
    p0 = _clause_start(s, c0 - 1)
    clause = s[p0: c0 - 1]
    if _ASIDE_LEAD.match(clause) and p0 >= 2 and s[p0 - 1] in "，,":
        # 把X，特别是其中的Z，进一步放开，改由Y: the clause before is an aside naming a part; 把's object stands before it
        q0 = _clause_start(s, p0 - 1)
        mb = None
        for mb in re.finditer(r"把", s[q0: p0 - 1]):
            pass
        if mb is not None and p0 - 1 - (q0 + mb.end()) >= 2:
            core = _source_core(_RELEASE_END.sub("", s[q0 + mb.end(): p0 - 1]))
            if core:
                return core, s.rfind(core, q0, p0), True
    m = None
    for m in re.finditer(r"[把将]", clause):
        pass
    if m is not None and len(clause) - m.end() >= 2 and not (m.group() == "将" and clause[m.end()] in _JIANG_MODAL):
        core = _source_core(_RELEASE_END.sub("", clause[m.end():]))
        return core, (s.rfind(core, p0, c0) if core else -1), True
    m = _EXISTENTIAL_COUNT.search(clause)
    if m:  # 全国有七十四万多个高级社，现在已经改组成为Y: the body counted by 有 is the source
        core = m.group(1)
        return core, s.rfind(core, p0, c0), False
    if _TIME_CLAUSE_END.search(clause):
        # 有些知识分子在长期改造以后，已经开始转变为Y: the subject of a clause of time carries into the next
        core = _clause_subject(re.sub(rf"^(?:{_alts(QUANTITY_LEAD)})", "", clause))
        if core:
            return core, s.rfind(core, p0, c0), False
    m = _MEASURE_OBJECT.search(clause)
    if m:
        clause = m.group(1)  # 掀起了一场…的政治动乱，进而发展成为Y: the object counted after the verb
    mp = _PRONOUN_IS.match(clause)
    if mp and p0 > 0:
        # 不雇职工的私营零售商，…，同时他们是私有者，所以很容易转变成为投机者: the pronoun's 是-clause gives a reason;
        # who changes is the pronoun's antecedent, the noun phrase that opens the sentence as its topic
        topic = s[: _clause_end(s, 0)]
        if _TOPIC_NP.match(topic) and not PRONOUN_SOURCE.match(topic):
            return topic, 0, False
    if "是" in clause:
        clause = clause[clause.rindex("是") + 1:]
    # only a noun phrase can be the source: one built with 的, or a short one (not 示范者严格执行, not 这就是说)
    if not ("的" in clause or len(clause) <= 4) or _DISCOURSE_END.search(clause):
        return "", -1, False
    if "的" in clause:
        cut = max((clause.rfind(v) + len(v) for v in OBJECT_VERBS
                   if 0 <= clause.rfind(v) < clause.rfind("的") and clause[clause.rfind(v) + len(v)] != "的"), default=0)
        clause = clause[cut:]
    core = _source_core(_strip_words(clause, SOURCE_TRAIL, ("的",)))
    return core, (s.rfind(core, p0, c0) if core else -1), False

#: A verb of becoming in a relative clause (没有转为公私合营的资本主义工业…; 给已经改造成守法劳动者的农民…): what
#: comes before the verb is only a word of aspect or negation, after a preposition at most, so the noun the clause
#: modifies is the thing that changed (a negated change counts).
_REL_ASPECT = re.compile(r"^(给|对|为|向|同|与|和)?(?:还|仍|都|也|均|尚|早)?(?:没有|未曾|尚未|未|已经|已|业已|早已|曾经)$")
_REL_TARGET = re.compile(r"^([^的，,]{2,12})的([^的、，,和与及在是将已都也还要有占被由从对把给]{2,12})")
#: Heads that a change modifies without being the thing that changed (…转为Y的过程, …的比重, …的一部分).
_REL_HEAD_NOT = re.compile(r"^(?:过程|时间|要求|途径|道路|趋势|阶段|时期|办法|做法|任务|方向|目标|条件|问题|情况|工作|"
                           r"步伐|速度|比重|比例|数量|规模|部分|一|这|那|各|多|大|少)")


def _relative_source(s: str, c0: int, before: str, tgt_raw: str) -> tuple[str, str, int] | None:
    """(source, target, end of the source after the verb) when the verb of becoming at the end of ``before`` heads a
    relative clause (see :data:`_REL_ASPECT`); None otherwise. Without a preposition the clause before is tried
    first: 增强X，已经转化为Y的N keeps X (see :func:`_previous_clause_source`)."""
    ma = _REL_ASPECT.match(before.strip(" 　"))
    mt = _REL_TARGET.match(tgt_raw) if ma else None
    if not mt or _REL_HEAD_NOT.match(mt.group(2)):
        return None
    if not ma.group(1) and _previous_clause_source(s, c0)[0]:
        return None
    return mt.group(2), mt.group(1), mt.end()
