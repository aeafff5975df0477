"""The coding rules: one primary code for every extracted transition, and the rule that decided it.

Coding (:func:`code_transitions`) gives every transition one primary code from ``resources/codebook.csv`` by
the first of these ordered rules that applies, and records which rule decided in ``code_rule``:

R0 ``no change of kind`` a pole is only the direction of a quantity (下降 → 上升), the source names nothing (无 → 有,
                        零 → …: a thing made, with no real source) or the two poles name the same thing and hold no
                        keyword (胜利 → 更大的胜利): UNCODED, for a reader to judge (the codebook counts a numeric
                        change or a target without a real source as NOT_A_TRANSITION, which only a reader may assign).

R1 ``subject``          the stated subject ends in a head noun listed for a code (``subject_heads``: 关系 → TIES,
                        触角 → REACH, 体系 → SYSTEM, 力量 → FORCES, 所有制 → ECONOMIC_SYSTEM, a way of thinking
                        about or the focus of work, 思路 or 重心 of 工作, 干部 or 服务, → WORK_METHOD …) and, where the
                        codebook asks for it (``subject_must_contain``), names the kind of thing the code is about
                        (党组织间的关系 is a relation of organisations, so TIES; 两岸关系 is RELATIONS). Chinese is
                        head-final, so 党组织间的关系 is a kind of 关系. A subject that only repeats a pole
                        (:func:`stated_subject`) is no evidence of its own: the poles decide.
R2 ``restatement``      no subject rule applies, but another transition of the same document with the same poles
                        was coded by R1 (a body sentence or nominal form repeating a heading whose subject it
                        leaves out): it takes that code.
R3 ``keywords``         words of the kind of content each code covers (``keywords``) are counted in the two poles;
                        the code with the highest score wins. A keyword matches a word of the project tokenizer
                        or a run of its words, never the inside of a word (乡 is not in 三下乡, 村 not in 地球村,
                        楼 not in 老楼). A longer keyword is matched first and the characters it covers are not
                        counted again (城镇居民 counts once, for STATUS); a one-character keyword scores ½, one of
                        two or three characters 1, a longer one 1½ (a long term is specific: 土地所有制); ``=X``
                        matches only a whole pole X and scores 1 (化危为机: 危 → 机). A pole is read by its head:
                        in a pole M的H whose head phrase H holds a keyword, the modifier M's keywords score half
                        (:func:`pole_parts`: 城镇的旁观者 is an onlooker, not a town). A source that holds only
                        words of a problem or condition and a target only words of a result are an adversity
                        made a result, CONVERSION by its definition (:func:`adversity_to_result`: 风险清单 →
                        成果清单). Two codes tied for the top score: when one is CONVERSION and its words stand in
                        the source alone, an asset is made into the other kind's thing (潜力 → 市场): CONVERSION;
                        else the code whose keyword ends the target (its head: what the thing becomes,
                        :func:`head_codes`: 破旧围墙 → 开放绿地 is STRUCTURE, not ECONOMIC_SYSTEM) wins; else
                        they abstain: UNCODED, the tie named in ``code_rule``, for a reader. First, a construction
                        with a verb of conversion (R5's list) is read pole by pole (:func:`conversion_across_kinds`):
                        when the poles are no two kinds of one thing (their keywords share no code, a word both
                        poles hold left out, or only the source holds any: 调研成果 → 政策工具箱, 问题清单 → 履职清单),
                        X yields Y and the row is CONVERSION (``R3 conversion verb …``); two kinds of one thing
                        (产品经济 → 商品经济) and a target that alone names a kind (土地 → 建设用地) are left to the
                        keywords. Before the count, two constructions name a kind whatever words they hold: what is
                        held in common made private (:func:`public_made_private`: 集体资金 → 个人腰包, 公共绿地 →
                        私人菜园) is CONDUCT, and two poles that open with the same verb of judging (:func:`judged_by`:
                        看过程 → 看成效, 凭资历 → 凭实绩) change what the work is judged by, WORK_METHOD. After it,
                        taking part together said of organisations (:func:`said_of_organisations`: a subject of
                        villages, firms or work teams) is how organisations are bound, TIES, not PARTICIPATION;
                        said of a task a body performs (:func:`said_of_a_task`: 监督, 服务), passive or active is
                        how the body goes about it, WORK_METHOD. An asset tied with a target that is a phase
                        (…阶段) enters the phase: the head of the target decides.
R4 ``context``          no keyword in the poles, but the words around them name the kind of change: the head noun
                        that follows the construction (…向市场经济转变的**经济体制**; :func:`head_noun`), read first
                        as a subject head (R1's list) and then for keywords, together with the verb (a tie decides
                        nothing). ``code_rule`` names the words (``R4 head noun 经济体制``, ``R4 context keywords
                        …``).
R5 ``verb``             nothing above applies, and the construction is a verb of conversion (the extractor's
                        :data:`fromto.transitions.CONVERSION_VERBS`: 转化为/转化成, 蜕变为, 嬗变为, 演变为; and
                        :data:`YIELD_VERBS`, 化作/化为/化成, read as verbs, not inside 异化为 or 演化为):
                        CONVERSION. The verb never overrides poles of one kind (由产品经济向商品经济转化 is
                        ECONOMIC_SYSTEM by R3).
R6 ``hint``             keywords of the stated subject or anywhere in the sentence, scored as in R3, are not enough
                        to code: they say what thing changes or what the sentence is about, not the kind of change
                        (干部 in a sentence about a change of attitude; 村 for a village that grows rich; 乡村治理 for
                        village affairs that villagers come to treat as their own; 工作成效 for a way of working).
                        Measured on the People's Daily 2025 statements before the keywords of its kinds were
                        widened, letting the subject's words code would have coded 5 more rows, 3 as the
                        independent coder did (after, one row, as the coder did): too few, and too mixed, to let
                        a subject's words code. When the poles, their context and the verb decided nothing, the
                        row is UNCODED and ``code_rule`` names the code the subject's (or else the sentence's)
                        words point to, as a hint for the reader.
R7 ``none``             nothing applies: UNCODED, "needs a reader". The rules never assign OTHER: OTHER and
                        NOT_A_TRANSITION are a reader's decisions, made on the coding sheet (:mod:`fromto.coding.sheets`).

The keyword lists were written deductively from the codes' definitions as general vocabulary of each kind of
change in official and economic-political prose (see the codebook's header), not read off the sentences coded.
How keywords are matched as whole words and scored is :mod:`fromto.coding.keywords`; the constructions that name a
kind whatever words the poles hold, and the stated subject as evidence, are :mod:`fromto.coding.kinds`; this
module orders that evidence into the rules above.
"""

from __future__ import annotations

import re

import pandas as pd

from fromto.coding.codebook import (CONVERSION_CODE, UNCODED_CODE, _split_list, gloss, load_codebook,
                                    load_glossary, normalise_for_match, normalise_pole)
from fromto.textio import cell_text
from fromto import transitions
from fromto.coding.kinds import (CONDUCT_CODE, PARTICIPATION_CODE, TIES_CODE, WORK_METHOD_CODE, judged_by,
                                 public_made_private, said_of_a_task, said_of_organisations, stated_subject)
from fromto.coding.keywords import (_best_code, _is_rule_row, _keyword_table, _ranked_codes, _tie,  # noqa: F401
                                    head_codes, keyword_hits, keyword_score, pole_parts,
                                    word_bounds)

# --------------------------------------------------------------------------------------------------------------
# Coding rules
# --------------------------------------------------------------------------------------------------------------

#: Heads that name a phase of something rather than a kind of thing: 帮扶政策阶段 is a phase of a policy, so the
#: policy decides (R1 reads past them); a subject that is no more than a phase (发展阶段) keeps its own head.
PHASE_HEADS = ("阶段", "时期", "进程", "过程")


def subject_code(subject, codebook: pd.DataFrame) -> tuple[str, str] | None:
    """R1: ``(code, head)`` when the subject ends in a head noun listed in ``subject_heads`` and contains one of
    the code's ``subject_must_contain`` words (when it lists any), else ``None``.

    The longest matching head wins, so a subject ending in 覆盖面 is read as 覆盖面, not as a shorter head. A
    subject ending in a phase (:data:`PHASE_HEADS`) is read first without it: the phase of a policy is the policy's.
    """
    subject = normalise_pole(subject)
    if not subject:
        return None
    for phase in PHASE_HEADS:
        if subject.endswith(phase) and len(subject) > len(phase):
            found = subject_code(subject[: -len(phase)], codebook)
            if found:
                return found
    best: tuple[str, str] | None = None
    must = codebook["subject_must_contain"] if "subject_must_contain" in codebook else [""] * len(codebook)
    kinds = codebook["kind"] if "kind" in codebook else [""] * len(codebook)
    for code, heads, need, kind in zip(codebook["code"], codebook["subject_heads"], must, kinds):
        if not _is_rule_row(kind):
            continue
        need_words = _split_list(need)
        for head in _split_list(heads):
            if not subject.endswith(head):
                continue
            if need_words and not any(w in subject[: len(subject) - len(head)] or w in head for w in need_words):
                continue
            if best is None or len(head) > len(best[1]):
                best = (code, head)
    return best


#: Words that name only the direction of a quantity: a pole that is nothing else makes a numeric change, which the
#: codebook counts as no transition (NOT_A_TRANSITION), a reader's decision.
TREND_WORDS = ("上升", "下降", "增长", "减少", "增加", "下滑", "回升", "回落", "上涨", "下跌", "提高", "降低", "扩大",
               "缩小", "负增长", "正增长", "增", "减", "升", "降", "涨", "跌", "增收", "减收")
#: Adverbs and particles stripped from a pole before it is compared with :data:`TREND_WORDS`.
_TREND_FILLER = re.compile(r"^(?:逐渐|逐步|开始|明显|大幅度?|稳步|持续|继续|将|会|转|由|为|了|的)+|"
                           r"(?:逐渐|逐步|开始|明显|大幅度?|稳步|持续|继续|将|会|了|的)+$")


#: Sources that name nothing: 从无到有 (from nothing to something) and 从零起步 make a thing, with no real source to
#: change from, which the codebook counts as no transition (NOT_A_TRANSITION), a reader's decision.
ABSENCE_WORDS = ("无", "零", "0", "没有", "空白", "一片空白")


def not_a_change_of_kind(source, target, codebook: pd.DataFrame) -> str:
    """R0: why the two poles name no change of kind, or ``""``. Either a pole is only the direction of a quantity
    (下降 → 上升: a numeric change), or the source names nothing (无 → 有: a thing made, with no real source), or one
    pole contains the other and neither holds a keyword (胜利 → 更大的胜利: the same thing on both sides). Such rows
    are left UNCODED for a reader, who may judge them NOT_A_TRANSITION."""
    a, b = normalise_for_match(source), normalise_for_match(target)
    if a in ABSENCE_WORDS:
        return f"nothing on the source side {a}"
    for pole in (a, b):
        core = _TREND_FILLER.sub("", pole)
        if core in TREND_WORDS:
            return f"numeric trend {core}"
    if a and b and (a in b or b in a) and not keyword_hits([a, b], codebook):
        return f"same thing on both sides {min(a, b, key=len)}"
    return ""


#: The code of a condition or problem (a liability) and its realised result: CONVERSION's source may be an adversity.
ADVERSITY_CODE = "SITUATION"


def adversity_to_result(source, target, codebook: pd.DataFrame) -> bool:
    """True when the source pole holds only words of a problem or condition (:data:`ADVERSITY_CODE`) and the target
    only words of a realised result (CONVERSION): 问题清单 → 成果清单, a list of problems made a list of results. The
    codebook's CONVERSION takes an adversity as its source; a condition that moves either way (短缺 → 平衡) has
    condition words on both sides and stays SITUATION."""
    src = set(keyword_hits([source], codebook))
    tgt = set(keyword_hits([target], codebook))
    return src == {ADVERSITY_CODE} and tgt == {CONVERSION_CODE}


def keyword_code(source, target, codebook: pd.DataFrame) -> tuple[str, list[str]] | None:
    """R3: ``(code, distinct words hit)`` for the code whose keyword occurrences in the two poles score highest
    (:func:`keyword_score`), else ``None``. Ties go to the code listed first in the codebook."""
    found = _best_code([source, target], codebook)
    return (found[0], found[1]) if found else None


#: Punctuation that ends the noun phrase after a construction.
_PHRASE_END = "，。；：、！？,.;:!?（）()“”‘’「」『』\"' \t\n—…"
#: Closing quotes that may stand between a quoted target pole and the rest of its sentence.
_CLOSING_QUOTES = "”’」』\"'"
#: How far after the target pole the 的 of a following head noun may stand (room for the verb: 转变的, 过渡的).
_HEAD_GAP = 4
#: Longest head-noun phrase read after 的.
_HEAD_MAX = 10


def _construction_end(row) -> int | None:
    """Where the construction ends in ``row["sentence"]``: the column ``end`` when given, else just after the
    target pole (found in the sentence as written, or with its quotes), else ``None``."""
    end = row.get("end")
    try:
        if cell_text(end) != "":
            return int(float(end))
    except (TypeError, ValueError):
        pass
    sentence, target = cell_text(row.get("sentence")), cell_text(row.get("target")).strip()
    for t in (target, normalise_pole(target)):
        i = sentence.find(t) if t else -1
        if i != -1:
            return i + len(t)
    return None


def _phrase(text: str) -> str:
    out = []
    for ch in text[:_HEAD_MAX]:
        if ch in _PHRASE_END:
            break
        out.append(ch)
    return "".join(out)


def head_noun(row) -> str:
    """The noun phrase that the construction modifies, read in ``row["sentence"]``: the words after the 的 that
    follows the construction (由X向Y转变的**经济体制**, 从X向Y的**转变**), or, for a construction of the form
    从X到Y的N, its N and the words that follow it (…的**发展过程**). Up to the next punctuation mark and at most
    ten characters; ``""`` when there is none."""
    sentence = cell_text(row.get("sentence"))
    end = _construction_end(row)
    if not sentence or end is None:
        return ""
    # Only the few characters after the construction can be read (the 的 within _HEAD_GAP, then at most _HEAD_MAX):
    # slicing just those keeps the work per transition independent of the sentence's length.
    rest = sentence[end:end + _HEAD_GAP + 1 + _HEAD_MAX] if end >= 0 else sentence[end:]
    if cell_text(row.get("marker")).endswith("的N") and cell_text(row.get("verb")):
        return _phrase(cell_text(row.get("verb")) + rest)
    rest = rest.lstrip(_CLOSING_QUOTES)  # a target in quotes ends after its closing quote: 化“听”为“行”的行动力
    de = rest.find("的", 0, _HEAD_GAP + 1)
    if de == -1 or any(ch in _PHRASE_END for ch in rest[:de]):
        return ""
    return _phrase(rest[de + 1:])


def context_code(row, codebook: pd.DataFrame) -> tuple[str, str] | None:
    """R4: ``(code, what decided)`` from the words around the poles: the head noun after the construction when
    it ends in a subject head (:func:`subject_code`: ``head noun 经济体制``), else keywords counted in the verb and
    the head noun together (``context keywords …``), as in R3. The stated subject's keywords are not counted: a
    subject names the thing that changes (干部, a village), not the kind of change; only its head noun decides (R1).
    """
    head = head_noun(row)
    found = subject_code(head, codebook)
    if found:
        return found[0], f"head noun {head} (subject head {found[1]})"
    found_kw = _best_code([row.get("verb"), head], codebook, strict=True)
    if found_kw:
        return found_kw[0], "context keywords " + "|".join(found_kw[1])
    return None


#: The least score R6 accepts: one word, not a lone character.
SENTENCE_MIN_SCORE = 1.0


def sentence_code(row, codebook: pd.DataFrame) -> tuple[str, list[str], float] | None:
    """R6: ``(code, words, score)`` from keywords anywhere in the sentence, only when one code scores strictly
    more than every other. The weakest signal: reached only when the poles, their context and the verb decided
    nothing."""
    found = _best_code([row.get("sentence")], codebook, strict=True)
    return found if found and found[2] >= SENTENCE_MIN_SCORE else None


#: Verbs that turn a thing into its yield, use or result (化作 "turn into", 化为, 化成): verbs of conversion beside
#: the extractor's list. Read as a verb, not as the end of a longer one: 化为 in 异化为 (degenerate into) or 演化为
#: (evolve into) is no conversion (:func:`_yield_verb`). The set phrase 化X为Y is not among them: its one-character
#: poles (化公为私, 化整为零) name kinds of their own, and its conversions (化危为机) are coded by their words.
YIELD_VERBS = ("化作", "化为", "化成")
#: Where a yield verb may stand in a construction's description (``marker``: X化作Y, X被化作Y, X…化为Y): after the
#: start, a pole letter, an ellipsis, a coverb or a space, never after a character of a longer verb.
_YIELD_IN_MARKER = re.compile(r"(?:^|(?<=[XYZ…被将把让使要能可\s]))(?:" + "|".join(YIELD_VERBS) + r")")


def _yield_verb(row) -> str:
    """The yield verb of ``row`` (:data:`YIELD_VERBS`), from its ``verb`` field or its ``marker``; ``""`` when it has
    none."""
    verb, marker = cell_text(row.get("verb")), cell_text(row.get("marker"))
    if verb in YIELD_VERBS:
        return verb
    m = _YIELD_IN_MARKER.search(marker)
    return m.group(0) if m else ""


def _has_conversion_verb(row) -> str:
    for field in ("verb", "marker"):
        value = cell_text(row.get(field))
        # the extractor's own list (read from resources/ on first use); sorted, so the first found is stable
        for verb in sorted(transitions.CONVERSION_VERBS):
            if verb in value:
                return verb
    return _yield_verb(row)


def conversion_across_kinds(row, codebook: pd.DataFrame) -> str:
    """R3's test of a construction with a verb of conversion (:func:`_has_conversion_verb`): ``""`` when it does
    not apply, else what ``code_rule`` says of it.

    A verb of conversion says that X yields Y, unless X and Y are two kinds of one thing (由产品经济向商品经济转化:
    two economic systems; 经济环境从紧张向宽松转化: two conditions). The poles are read one by one: when both hold
    keywords and no code is common to them, or only the source holds any, the poles are no two kinds of one thing
    and the row is CONVERSION (调研成果 → 政策工具箱; 网格高频事项 → 政府决策重要参考). A keyword found in both poles
    names what both sides are, not what changes, and is left out (问题清单 → 履职清单 is no change of 清单, a list).
    When neither pole or only the target holds a keyword, this test does not apply: the target's words may name what
    the source becomes (土地 → 建设用地), so R3 reads them, and poles with no keyword reach R4 and R5."""
    verb = _has_conversion_verb(row)
    if not verb:
        return ""
    hits = [keyword_hits([pole], codebook) for pole in (row.get("source"), row.get("target"))]
    shared = {w for ws in hits[0].values() for w in ws} & {w for ws in hits[1].values() for w in ws}
    src, tgt = ({c for c, ws in h.items() if any(w not in shared for w in ws)} for h in hits)
    if not src or (tgt and src & tgt):
        return ""
    name = lambda codes: "|".join(sorted(codes)) or "none"  # noqa: E731
    return f"conversion verb {verb}: the poles are no two kinds of one thing ({name(src)} → {name(tgt)})"


def _pole_keyword_code(row, codebook: pd.DataFrame) -> tuple[str, str]:
    """R3 by the poles' keywords: ``(code, code_rule)``; ``(UNCODED, …)`` for a tie nothing breaks; ``("", "")``
    when the poles hold no keyword. Each pole is read by its head (:func:`pole_parts`)."""
    parts = [pole_parts(row.get("source"), codebook), pole_parts(row.get("target"), codebook)]
    poles = [head for head, _ in parts]
    if CONVERSION_CODE in set(codebook["code"]) and adversity_to_result(poles[0], poles[1], codebook):
        return CONVERSION_CODE, "R3 an adversity turned into a result: " + "|".join(
            w for h in (keyword_hits([p], codebook) for p in poles) for ws in h.values() for w in ws)
    ranked = _ranked_codes(poles, codebook, modifiers=[m for _, m in parts if m])
    if ranked:
        tie = _tie(ranked)
        if tie:
            tied = tie.split("|")
            # codes whose words stand in the source alone: CONVERSION there, the other code's in the target only,
            # is an asset of the source made into the target's thing
            # (not when the target is a phase, 阶段 or 时期: a phase is entered, not made of an asset)
            in_source = set(keyword_hits([poles[0]], codebook)) - set(keyword_hits([poles[1]], codebook))
            phase = normalise_pole(poles[1]).endswith(PHASE_HEADS)
            asset = in_source & set(tied) == {CONVERSION_CODE} and not phase
            if len(tied) == 2 and CONVERSION_CODE in tied and asset:
                words = next(ws for c, ws, _ in ranked if c == CONVERSION_CODE)
                return CONVERSION_CODE, ("R3 keywords " + "|".join(words)
                                         + f" (a tie between {tie}: an asset of the source made into the target)")
            heads = head_codes(poles[1], tied, codebook)
            if len(heads) == 1:
                code = heads.pop()
                return code, ("R3 keywords " + "|".join(next(ws for c, ws, _ in ranked if c == code)) +
                              f" (a tie between {tie} broken by the head of the target)")
            words = "|".join(w for _, ws, sc in ranked if sc == ranked[0][2] for w in ws)
            return UNCODED_CODE, f"R3 the poles' keywords tie between {tie} ({words}): needs a reader"
        return ranked[0][0], "R3 keywords " + "|".join(ranked[0][1])
    return "", ""


def code_one(row: dict, codebook: pd.DataFrame, restated: dict | None = None,
             sentence_codes: dict | None = None) -> tuple[str, str]:
    """``(code, code_rule)`` for one transition (a mapping with ``subject, source, target`` and optionally
    ``verb, marker, doc, sentence, end``), by rules R0–R7 of the module docstring. ``restated`` maps
    ``(doc, source, target)`` (normalised poles) to ``(code, head)`` from R1 for rule R2. ``sentence_codes``, when
    given, is a dict that keeps R6's finding per sentence text across calls with the same codebook (see
    :func:`code_rows`)."""
    same = not_a_change_of_kind(row.get("source"), row.get("target"), codebook)
    if same:
        return UNCODED_CODE, f"R0 {same}: needs a reader"
    found = subject_code(stated_subject(row), codebook)
    if found:
        return found[0], f"R1 subject head {found[1]}"
    if restated:
        key = (cell_text(row.get("doc")), normalise_pole(row.get("source")), normalise_pole(row.get("target")))
        if key in restated:
            code, head = restated[key]
            return code, f"R2 restates a transition whose subject head is {head}"
    codes = set(codebook["code"])
    taken = public_made_private(row.get("source"), row.get("target"), codebook)
    if taken and CONDUCT_CODE in codes:
        return CONDUCT_CODE, f"R3 what is held in common made private ({taken})"
    judge = judged_by(row.get("source"), row.get("target"), codebook)
    if judge and WORK_METHOD_CODE in codes:
        return WORK_METHOD_CODE, f"R3 what the work is judged by changes ({judge}X → {judge}Y)"
    across = conversion_across_kinds(row, codebook)
    if across and CONVERSION_CODE in codes:
        return CONVERSION_CODE, f"R3 {across}"
    code, rule = _pole_keyword_code(row, codebook)
    if code == PARTICIPATION_CODE and TIES_CODE in codes and said_of_organisations(row, codebook):
        return TIES_CODE, rule + " (taking part together, said of organisations: TIES)"
    if code == PARTICIPATION_CODE and WORK_METHOD_CODE in codes and said_of_a_task(row, codebook):
        return WORK_METHOD_CODE, rule + " (said of a task a body performs: WORK_METHOD)"
    if code:
        return code, rule
    found_ctx = context_code(row, codebook)
    if found_ctx:
        return found_ctx[0], f"R4 {found_ctx[1]}"
    verb = _has_conversion_verb(row)
    if verb and CONVERSION_CODE in set(codebook["code"]):
        return CONVERSION_CODE, f"R5 conversion verb {verb}"
    found_subj = _best_code([row.get("subject")], codebook, strict=True)
    if found_subj:
        return UNCODED_CODE, (f"R6 only the subject's words point to {found_subj[0]} ("
                              + "|".join(found_subj[1]) + "): needs a reader")
    found_s = _sentence_code_once(row, codebook, sentence_codes)
    if found_s:
        return UNCODED_CODE, (f"R6 only the sentence's words point to {found_s[0]} ("
                              + "|".join(found_s[1]) + "): needs a reader")
    return UNCODED_CODE, "R7 no rule applies: needs a reader"


def _sentence_code_once(row, codebook: pd.DataFrame, memo: dict | None):
    """:func:`sentence_code` of ``row``, computed once per sentence text when ``memo`` (a dict) is given.

    R6 reads the whole sentence, and a long sentence may hold thousands of transitions: computing it once per
    transition made coding quadratic in the sentence's length. Its finding depends only on the sentence text and
    the codebook, so the text is the key (the rows of one sentence share one string, so the lookup is cheap)."""
    if memo is None:
        return sentence_code(row, codebook)
    key = cell_text(row.get("sentence"))
    if key not in memo:
        memo[key] = sentence_code(row, codebook)
    return memo[key]


def code_rows(records: list[dict], codebook: pd.DataFrame | None = None,
              glossary: dict[str, str] | None = None) -> list[dict]:
    """The rows ``records`` (dicts with ``source, target`` and optionally ``subject, verb, marker, doc, sentence,
    end``) each with ``code, code_rule, source_en, target_en`` added, as new dicts in the same order. The rules of
    the module docstring, without building a DataFrame (corpus mode codes thousands of small documents)."""
    codebook = load_codebook() if codebook is None else codebook
    glossary = load_glossary() if glossary is None else glossary
    restated: dict = {}
    for rec in records:
        found = subject_code(stated_subject(rec), codebook)
        if found:
            key = (cell_text(rec.get("doc")), normalise_pole(rec.get("source")), normalise_pole(rec.get("target")))
            restated.setdefault(key, found)
    sentence_codes: dict = {}  # R6 once per sentence, not once per transition: coding stays linear in its length
    out = []
    for rec in records:
        code, rule = code_one(rec, codebook, restated, sentence_codes)
        out.append({**rec, "code": code, "code_rule": rule, "source_en": gloss(rec.get("source"), glossary),
                    "target_en": gloss(rec.get("target"), glossary)})
    return out


def code_transitions(
    transitions: pd.DataFrame,
    codebook: pd.DataFrame | None = None,
    glossary: dict[str, str] | None = None,
) -> pd.DataFrame:
    """A copy of ``transitions`` with ``code, code_rule, source_en, target_en`` added (see module docstring and
    :func:`code_rows`).

    Needs the columns ``source, target``; uses ``subject, verb, marker, doc, sentence, end`` when present. Row order and
    index are kept.
    """
    out = transitions.copy()
    coded = code_rows(out.to_dict("records"), codebook, glossary)
    for column in ("code", "code_rule", "source_en", "target_en"):
        out[column] = [row[column] for row in coded]
    return out
