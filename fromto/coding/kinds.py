"""Evidence of a kind that does not come from counting keywords: constructions of a transition that name the kind of
change whatever words its poles hold, and who or what the stated subject is.

The coding rules (:mod:`fromto.coding.rules`) consult these before and after R3's keyword count:

* :func:`public_made_private` — what is held in common ends in private hands (集体资金 → 个人腰包): CONDUCT;
* :func:`judged_by` — both poles open with the same verb of judging (看过程 → 看成效): what work is judged by
  changes, WORK_METHOD;
* :func:`said_of_organisations` — acting alone or together, said of villages, firms or work teams: how
  organisations are bound, TIES rather than PARTICIPATION;
* :func:`said_of_a_task` — passive or active, said of a task a body performs (监督, 服务): how the body goes about
  it, WORK_METHOD rather than PARTICIPATION;
* :func:`stated_subject` — the stated subject as evidence, or nothing when it only repeats a pole.

Each applies only when the codebook holds the code it names. The word lists name kinds in general, written from
the codes' definitions; the unit tests in ``tests/test_codebook.py`` give each its examples and look-alikes.
"""

from __future__ import annotations

import functools

import pandas as pd

from fromto.coding.codebook import CONVERSION_CODE, normalise_pole
from fromto.coding.keywords import keyword_hits
from fromto.textio import cell_text


def stated_subject(row) -> str:
    """The stated subject of a transition as evidence for R1: ``row["subject"]``, or ``""`` when it only repeats
    one of the poles (a reader who names the converted thing as the subject: 惠民政策, from 惠民政策 to 民生实事).
    Such a subject says what the source or target is, not what changes from one to the other; the poles, read
    together by R3, decide, so the head of one pole does not outrank the words of both."""
    subject = normalise_pole(row.get("subject"))
    if subject and subject in (normalise_pole(row.get("source")), normalise_pole(row.get("target"))):
        return ""
    return cell_text(row.get("subject"))


#: Codes that the construction rules below name (each applies only when the codebook has it).
PARTICIPATION_CODE, TIES_CODE, CONDUCT_CODE, WORK_METHOD_CODE = "PARTICIPATION", "TIES", "CONDUCT", "WORK_METHOD"
OWNERSHIP_CODE = "ECONOMIC_SYSTEM"
#: Codes whose words make a change of hands lawful: forms of ownership and rules of tenure (集体林 → 家庭承包).
TENURE_CODES = (OWNERSHIP_CODE, "INSTITUTIONS")

#: Words that end a subject naming organisations or units (a firm, a village, a work team, a district), not people.
#: Taking part together is PARTICIPATION when people do it and TIES when organisations do (the codebook's TIES is
#: how strongly organisations are bound to one another): 各村从单打独斗到抱团发展 binds villages. 社区 and 街道 are
#: left out, as are 商户 (shopkeepers): a neighbourhood's or a street's taking part is most often its people's.
ORGANISATION_WORDS = ("企业", "单位", "组织", "党组织", "支部", "党支部", "部门", "机构", "村", "工作队", "片区",
                      "园区", "乡镇", "学校", "医院", "协会", "商会", "合作社", "楼宇")


#: Words that end a subject naming a task or a function that a body performs (supervision, service, inspection), not
#: people: passive or active, said of a task, is how the body goes about it (WORK_METHOD), as PARTICIPATION is how
#: people take part. 治理 (governance) is not among them: who takes part in it is what changes.
TASK_WORDS = ("工作", "监督", "服务", "执法", "巡察", "巡视", "督查", "办案", "审批", "宣传", "宣讲", "调研")


#: PARTICIPATION's words of initiative: passive or active, reluctant or willing. Said of a task, they say how a body
#: goes about it; its other words (few or many, alone or together) still say how people take part in the task.
INITIATIVE_WORDS = ("被动", "主动", "消极", "积极", "自觉", "自发")


def said_of_a_task(row, codebook: pd.DataFrame) -> bool:
    """True when the stated subject (:func:`stated_subject`) ends in a word that names a task a body performs
    (:data:`TASK_WORDS`: 纪检监督, 基层服务), not people, and the poles' PARTICIPATION words are only words of
    initiative (:data:`INITIATIVE_WORDS`): 监督 from 被动 to 主动 is how supervision is done, while 党建工作 from
    少数人参与 to 人人参与 is still who takes part."""
    subject = normalise_pole(stated_subject(row))
    if not subject or not subject.endswith(TASK_WORDS):
        return False
    words = keyword_hits([row.get("source"), row.get("target")], codebook).get(PARTICIPATION_CODE, [])
    return bool(words) and set(words) <= set(INITIATIVE_WORDS)


#: PARTICIPATION's words of acting alone or together and of strangers or kin: said of organisations they say how
#: closely the organisations are bound. Its other words (onlookers and participants, few or many) still say who takes
#: part in a common effort, organisations among them.
TOGETHER_WORDS = ("单打独斗", "各自为战", "孤军奋战", "共同奋战", "共同", "一起", "独角戏", "大合唱", "合唱", "独唱",
                  "一家人", "一家亲", "陌生人", "陌生", "不相识", "互不相识", "熟人", "亲人", "外人", "自己人",
                  "=指", "=拳", "拳头", "五指", "握指成拳", "攥指成拳", "十指成拳")


def said_of_organisations(row, codebook: pd.DataFrame) -> bool:
    """True when the stated subject (:func:`stated_subject`) ends in a word that names organisations or units
    (:data:`ORGANISATION_WORDS`: 流域各村, 驻村工作队, 园区企业), not people (村民 ends in 民, not in 村), and the
    poles' PARTICIPATION words are only words of acting alone or together (:data:`TOGETHER_WORDS`): firms that
    turn from onlookers into participants (旁观者 → 参与者) still take part."""
    subject = normalise_pole(stated_subject(row))
    if not subject or not subject.endswith(ORGANISATION_WORDS):
        return False
    words = keyword_hits([row.get("source"), row.get("target")], codebook).get(PARTICIPATION_CODE, [])
    return bool(words) and set(words) <= set(TOGETHER_WORDS)


#: Words that name what is held in common (public space, a collective's account, public funds, what is everyone's)
#: and words that name private hands (a person, a family, a few people, a private plot): the two sides of
#: appropriation, which the codebook's CONDUCT names (a post for serving the people turned to private gain).
PUBLIC_WORDS = ("公共", "集体", "公家", "公款", "公物", "公用", "公有", "大家", "国有", "公")
PRIVATE_WORDS = ("私人", "个人", "自家", "私家", "少数人", "一己", "私囊", "腰包", "自留地", "私")


@functools.lru_cache(maxsize=8)
def _word_table(words: tuple) -> pd.DataFrame:
    """A one-code table (code ``W``) of ``words`` for :func:`keyword_hits`, built once per list."""
    return pd.DataFrame([{"code": "W", "kind": "theme", "keywords": "|".join(words)}])


def _words_found(text, words) -> list[str]:
    """The words of ``words`` that occur in ``text`` as whole words of the project tokenizer or a run of them (a
    one-code table matched by :func:`keyword_hits`), or that open a word of it: these words say whose a thing is,
    and the tokenizer keeps some such compounds whole (公共绿地, 私家车). A one-character word must stand alone."""
    from fromto.segment.tokens import get_tokenizer

    found = list(keyword_hits([text], _word_table(tuple(words))).get("W", []))
    for tok, _, _ in get_tokenizer().tokenize(normalise_pole(text)):
        found += [w for w in words if len(w) >= 2 and len(tok) > len(w) and tok.startswith(w)]
    return found


def _same_head(source, target) -> bool:
    """True when both poles end in the same word of the project tokenizer (集体的领导 → 个人的领导)."""
    from fromto.segment.tokens import get_tokenizer

    a, b = normalise_pole(source), normalise_pole(target)
    if not a or not b:
        return False
    tok = get_tokenizer()
    return tok.tokenize(a)[-1][0] == tok.tokenize(b)[-1][0]


def public_made_private(source, target, codebook: pd.DataFrame) -> str:
    """``"public → private"`` (the words found) when the source names what is held in common and the target private
    hands (:data:`PUBLIC_WORDS`, :data:`PRIVATE_WORDS`): a collective's account made a family's till, public space
    a few people's plot, by the codebook's CONDUCT. Else ``""``. Not a form of ownership or a rule of tenure: when a
    pole's words of ownership or of rules (ECONOMIC_SYSTEM, INSTITUTIONS: :data:`TENURE_CODES`) are more than these
    (集体所有制 → 个体经济, 国有企业 → 民营企业, 集体林地 → 个人承包), the economic system or its rules change; not
    common business that people come to treat as their own (大家的事 → 自家事: PARTICIPATION); not one thing whose
    holder changes (集体的领导 → 个人的领导: both poles end in the same word, 领导, and who leads changes)."""
    public, private = _words_found(source, PUBLIC_WORDS), _words_found(target, PRIVATE_WORDS)
    if not public or not private or _same_head(source, target):
        return ""
    src, tgt = keyword_hits([source], codebook), keyword_hits([target], codebook)
    if PARTICIPATION_CODE in tgt:
        return ""
    for code in TENURE_CODES:
        if not set(src.get(code, ())) <= set(public) or not set(tgt.get(code, ())) <= set(private):
            return ""
    return f"{public[0]} → {private[0]}"


#: Verbs of judging or valuing that open a pole naming what work is judged by (看 "look at", 重 "value", 求 "seek",
#: 讲 "stress", 比 "compare", 论 "judge by", 凭 "go by"): 看当前 → 看长远, 重显绩 → 重潜绩.
JUDGING_VERBS = ("看", "重", "求", "讲", "比", "论", "凭")


def judged_by(source, target, codebook: pd.DataFrame) -> str:
    """The judging verb when both poles open with the same one (:data:`JUDGING_VERBS`) and what follows it names a
    result or nothing listed: what the work is judged by changes, a way of working by the codebook's WORK_METHOD
    (work judged by its traces becomes work judged by its results). Else ``""``. The verb must be a word of its own
    or what follows it a word of results (重显绩 is one word of the tokenizer), so 看病 or 重建 is no judging; what
    follows must be more than one character; and when it names another kind (重数量 → 重质量: how growth is achieved)
    that kind decides."""
    from fromto.segment.tokens import get_tokenizer

    a, b = normalise_pole(source), normalise_pole(target)
    if len(a) < 3 or len(b) < 3 or a[0] != b[0] or a[0] not in JUDGING_VERBS:
        return ""
    for pole in (a, b):
        rest = pole[1:]
        codes = set(keyword_hits([rest], codebook))
        if codes - {CONVERSION_CODE}:
            return ""
        own_word = get_tokenizer().tokenize(pole)[0][0] == pole[0]
        if not own_word and CONVERSION_CODE not in codes:
            return ""
    return a[0]
