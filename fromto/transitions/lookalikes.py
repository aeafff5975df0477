"""False triggers and the kinds of look-alike a pair of poles can be (time, numeric, space, same pole ...)."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.lexicon import CLAUSE_END


def _is_cong(s: str, i: int) -> bool:
    """True if the 从 at ``i`` opens a phrase (not 从事, 服从, 何去何从 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    if nxt in L.NEGATION_START and L.CONG_BU_STATE.match(s, i):
        return True  # 从不平衡达到新的平衡: 不 begins the source state, 从 is no "never"
    if nxt in L.CONG_NOT_BEFORE and L.CONG_PARALLEL.match(s, i):
        return True  # 从重过程向重结果转变: the target opens with the same word, so 重 begins the source state
    if (nxt in L.CONG_NOT_BEFORE and s[i + 1: i + 3] not in L.CONG_WORD_AFTER and s[i + 1: i + 4] not in L.CONG_WORD_AFTER) \
            or prev in L.CONG_NOT_AFTER:
        # 从小到大, 从无到有: single-character state poles are handled by the STATE_PAIRS rule
        return False
    if s[i + 1: i + 3] in L.CONG_PLACE_MOTION:
        return False
    return bool(nxt) and nxt not in CLAUSE_END


def _is_you(s: str, i: int) -> bool:
    """True if the 由 at ``i`` opens a phrase (not 由于, 自由, 理由 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    if prev in L.YOU_NOT_AFTER and s[max(0, i - 2): i] not in L.YOU_WORD_BEFORE:
        return False
    return bool(nxt) and nxt not in L.YOU_NOT_BEFORE and nxt not in CLAUSE_END


_OPENER_TESTS = {"cong": _is_cong, "you": _is_you}


def _opens(s: str, i: int) -> bool:
    """True if the character at ``i`` is an opener of the 从/由 family (lexicon OPENER_TAGS) that opens a phrase
    there (:func:`_is_cong`, :func:`_is_you`)."""
    tag = L.OPENER_TAGS.get(s[i])
    return tag is not None and _OPENER_TESTS[tag](s, i)


def _is_time(p: str) -> bool:
    """A point or stretch of time as a pole; a noun dated by a time phrase (几千年来的私有制) is not one."""
    q = L.DATED_NOUN_LEAD.sub("", _no_shifen(p))
    return bool(L.TIME_POLE.match(q)) and not L.STAGE_BY_LENGTH.match(q)  # 5年过渡期 names a stage


def _is_numeric(p: str) -> bool:
    """A quantity as a pole (23%, 三成, 100万元); a quantified noun (七万户的私营工业企业) is not one."""
    return bool(L.NUMERIC_POLE.search(_unquantified(_no_shifen(p)))) and not L.STAGE_BY_LENGTH.match(p)


def _no_shifen(p: str) -> str:
    """A pole without the adverb 十分 "very" (十分友好), which is no quantity or time (ten points, ten minutes)."""
    return L.SHIFEN_RE.sub("", p) if L.SHIFEN in p else p


def _unquantified(p: str) -> str:
    """A pole without a leading quantifier of its noun: 七万户的私营工业企业 / １８万户私营商店 -> the noun; a count of the
    body with 有 (全国共有１８万户私营商店) and a counted owner before 的 (一亿农户和五百万个手工业者的个体经济) likewise."""
    p = L.UNQUANT_LEAD.sub("", p)  # 将近二百万户的…, 全国共有１８万户…
    p = L.UNQUANT_COUNT_DE.sub("", p)
    if L.DE in p:
        # a count, not the article 一 (一个贫穷落后的国家, 一定年限的): two numerals at least, or a digit
        p = L.UNQUANT_OWNER.sub("", p)
    return L.UNQUANT_COUNT.sub("", p)


def _is_trend(p: str) -> bool:
    """A direction of a quantity as a pole (下降, 今年的生产下降, 回升): ruling R1 counts a turn of trend as numeric;
    a degree of speed (超高速状态) is numeric too (R4)."""
    return bool(L.TREND_POLE.match(p)) or bool(L.DEGREE_POLE.match(p))


def _is_place(p: str) -> bool:
    return p in L.SCOPE_WORDS or (len(p) <= 6 and bool(L.PLACE_SUFFIX.search(p)) and not L.KIND_SUFFIX.search(p))


def _scale_only(src: str, tgt: str) -> bool:
    """True when the poles share a head and differ only in a modifier of size (小规模的X, 规模较大的X)."""
    k = 0
    while k < min(len(src), len(tgt)) and src[-1 - k] == tgt[-1 - k]:
        k += 1
    if k < 2 or k == len(src) or k == len(tgt):
        return False
    return bool(L.SCALE_MODIFIER.match(src[: -k])) and bool(L.SCALE_MODIFIER.match(tgt[: -k]))


def _new_of_same_head(src: str, tgt: str) -> bool:
    """True when the target is only 新/更好的 … + the head noun of a source that is that noun described by a 的-clause
    naming no former state (把一切可以改造的人改造成为新人): the same kind of pole on both sides (R2), since what
    the source was before is not stated."""
    for k in range(1, min(len(tgt), 6)):
        head = tgt[k:]
        if L.SAME_KIND_PREFIX.match(tgt[:k]) and src.endswith(L.DE + head) and not L.OLD_STATE.search(src[: -len(head)]):
            return True
    return False


def _money_relabelled(src: str, tgt: str) -> bool:
    """True when both poles name money under different heads (旅游支出 -> 培训费用, 人民币 -> 美元): an expense relabelled
    or money exchanged (ruling N7). The same head in two states (死钱 -> 活钱, 闲置资金 -> 流动资金) is a change of the
    money's state."""
    heads = [next((h for h in L.MONEY_HEAD if p.endswith(h)), None) for p in (src, tgt)]
    if heads[0] is not None and L.PRIVATE_OWNER.match(tgt):
        return True  # 将集体资金变成个人“提款机”: money put to a person's private use is moved, not changed
    return None not in heads and heads[0] != heads[1]


def _reject_reason(src: str, tgt: str) -> str | None:
    """Why a pair of cleaned poles is no transition (time, numeric, identical …), or None."""
    if not src or not tgt:
        return "empty pole"
    if src == tgt:
        return "identical poles"
    if _is_time(src) or _is_time(tgt):
        return "time"
    if _is_numeric(src) or _is_numeric(tgt):
        return "numeric"
    if (_is_trend(src) or _is_trend(tgt)) and not (L.DEGREE_POLE.match(src) and L.QUALITY_MODE.search(tgt)):
        return "numeric"  # but 从高速增长迈向高质量发展: a mode of growth by speed left for one by quality
    if L.FREQUENCY_POLE.match(src) and L.FREQUENCY_POLE.match(tgt):
        return "numeric"
    if L.QUESTION_POLE.match(src) or L.QUESTION_POLE.match(tgt) or L.QUESTION_TARGET.match(tgt) \
            or L.MANNER_TARGET.match(tgt) or L.PREVALENCE_TARGET.match(tgt):
        return "no source"  # a question word, a bare 这样 or only 日常/常态 stands where a pole should: no state is stated
    if tgt.endswith(src) and L.SAME_KIND_PREFIX.match(tgt[: -len(src)]):
        return "same pole"
    if _new_of_same_head(src, tgt):
        return "same pole"
    if _scale_only(src, tgt):
        return "same pole"
    if _money_relabelled(src, tgt):
        return "money"  # 将旅游支出转化为培训费用: money relabelled or moved (newspaper gold ruling N7)
    if src.endswith(L.CONTENT_HEAD) and tgt.endswith(L.PRESENTATION_HEAD):
        return "content into a form"  # 把宫廷御宴变成沉浸式剧场: content presented as a show (ruling N3)
    if L.LOCATIVE_SOURCE.match(src):
        return "locative"  # 到基层变成…: where something happens, not what it was
    if L.RELOCATED_PEOPLE.search(src):
        return "space"
    if L.MOTION_IN_POLE.search(src) and len(src) <= 8:
        return "space"
    if src in L.SCOPE_WORDS and tgt in L.SCOPE_WORDS:
        return "space"
    if L.VIEWPOINT_END.search(tgt):
        return "viewpoint"
    return None
