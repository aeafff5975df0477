"""A former state and a present one: 本来是X，现在成了Y and its relatives."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _clause_start, _only_words, _row, clean_pole
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _trim_target
from fromto.transitions.sources import QUANTITY_LEAD

#: 本来是X，现在成了Y: a former state with 是, then the present one with a verb of becoming after a word of now.
_WAS_NOW_RE = re.compile(
    r"(?:本来|原来|原本|过去|从前|昔日|以往|以前|曾经)(?:是|为)([^，,。；;！？!?]{2,24}?)[，,]"
    r"([^，,。；;！？!?]{0,10}?)(?:现在|如今|今天|而今|今日|现已|眼下)([^，,。；;！？!?]{0,8}?)"
    r"(成了|成为了|成为|变成了|变成|变为|转变为|转为|改为|发展为|发展成为|建设成为|建成)([^，,。；;！？!?]{2,30})")
#: 原来X，以后改为Y: a former state without 是 (原来设计烧煤), then a verb of change after a word of then or now
#: (a plain 成为 there names a result, so a verb of change is required).
_WAS_THEN_RE = re.compile(
    r"(?:本来|原来|原本|原先|从前|以往|曾经)(?![是为的])([^，,。；;！？!?]{2,16}?)[，,]"
    r"([^，,。；;！？!?]{0,6}?)(?:现在|如今|而今|现已|以后|后来|之后|此后)([^，,。；;！？!?]{0,6}?)"
    r"(变成了|变成|变为|转变为|转为|改为|改成|改变为)([^，,。；;！？!?]{2,30})")
#: 过去X，现在变成了Y: 过去 also opens a span of time (过去五年，…), so only a word of now closes it.
_WAS_PAST_RE = re.compile(
    r"(?:过去|以前)(?![是为的])([^，,。；;！？!?的]{2,16}?)[，,]"  # 过去…的事情 is a noun phrase: X变成Y takes it
    r"([^，,。；;！？!?]{0,6}?)(?:现在|如今|而今|现已)([^，,。；;！？!?]{0,6}?)"
    r"(变成了|变成|变为|转变为|转为|改为|改成|改变为)([^，,。；;！？!?]{2,30})")
#: 本来十分友好的中越关系恶化到了严重对立的地步: one entity described by its prior state (a modifier after 本来)
#: and by the state it sank or grew into; the states are the poles, not the entity.
_WAS_MODIFIER_RE = re.compile(
    r"(?:本来|原来|原本|曾经)([^，,。；;！？!?的]{2,12})的([^，,。；;！？!?的]{1,10}?)(?:已经|已|竟然|竟|却|也|逐渐|逐步)?"
    r"(恶化到了|恶化到|恶化为|恶化成|沦为|退化为|退化到了|退化到|演变到了|演变到|发展到了|发展到)"
    r"([^，,。；;！？!?]{2,24}?)的?(?:地步|程度|境地|田地|状态|局面)")
#: 过去要由国家供应粮食的缺粮户，现在已经有一部分能够自给: a body described in an attributive by its former state,
#: then, after a word of now, the state it is in (a part of it, at times): both states are stated, so it counts like
#: 本来是X，现在成了Y. A plan (现在要…) or a state kept (现在仍…) is no change; a verb of becoming there is X变成Y's.
_WAS_ATTR_RE = re.compile(
    r"(?:过去|原来|原先|本来|以前|从前)(?![是为])([^，,。；;！？!?的]{2,16})的([^，,。；;！？!?的]{1,10})[，,]"
    r"[^，,。；;！？!?]{0,4}?(?:现在|如今|而今|现已)(?:已经|已|也|都|却|又|大都|多已)?"
    r"(?:有(?:相当多|相当|很多|许多)?的?)?(?:一部分|一大部分|部分|大部分|多数|大多数|绝大部分|绝大多数|不少)?(?:已经|已)?"
    r"(?![要应需必仍还依])((?:(?!成了|成为|变成|变为|转为|改为)[^，,。；;！？!?]){2,24})(?=[，,。；;！？!?]|$)")
#: 过去要交纳地租，现在不再交纳了: a former state in a 过去 clause and, after a word of now, its end (不再/再也不): the
#: negated present state is the target, like a prevented or negated change.
_WAS_NO_LONGER_RE = re.compile(
    r"(?:过去|以前|从前|原来|原先|本来)(?![是为的])([^，,。；;！？!?]{2,20}?)[，,](?:而|但|可是)?(?:现在|如今|而今|今天)"
    r"(?:已经|已|就|都|也|却)?((?:不再|再也不|再不)[^，,。；;！？!?]{1,12})(?=[，,。；;！？!?]|$)")
_WAS_NOW_HINT = re.compile("本来|原来|原本|原先|过去|从前|昔日|以往|以前|曾经")


def _was_now(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """本来是X，现在成了Y (过去是X，现在已经成为Y): the sentence states both the former and the present state."""
    rows = []
    for m in _WAS_NOW_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw = re.sub(r"^(?:一个|一种|一片|一块)", "", m.group(1))
        tgt_raw = _trim_target(m.group(5))
        tgt_raw = re.sub(r"^(?:一个|一种|一片|一块)", "", re.sub(r"^了", "", tgt_raw))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, m.group(4), m.start(),
                         m.start(5) + len(m.group(5))))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in _WAS_ATTR_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not _only_words(s[_clause_start(s, m.start()): m.start()], QUANTITY_LEAD + ["有许多", "凡是", "有", "很多"]):
            continue  # the attributive must be the clause's subject (由于过去遭受X的统治，现在又… is a cause)
        src_raw, tgt_raw = m.group(1), re.sub(r"了$", "", m.group(3))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt):
            continue
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, "", m.start(), m.start(3) + len(tgt_raw)))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in _WAS_NO_LONGER_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src, tgt = clean_pole(m.group(1)), clean_pole(m.group(2))
        if len(src) < 2 or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        rows.append(_row("本来是X，现在成了Y", "", m.group(1), m.group(2), "", m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in list(_WAS_THEN_RE.finditer(s)) + list(_WAS_PAST_RE.finditer(s)) + list(_WAS_MODIFIER_RE.finditer(s)):
        if any(a <= m.start() < b for a, b in taken):
            continue
        modifier = m.re is _WAS_MODIFIER_RE
        src_raw = m.group(1)
        tgt_raw = m.group(4) if modifier else _trim_target(re.sub(r"^了", "", m.group(5)))
        if not modifier and "的" not in src_raw and "的" in tgt_raw[2:]:
            tgt_raw = tgt_raw[: tgt_raw.index("的", 2)]  # 原来设计烧煤，以后改为烧油的电站: parallel to the source
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        verb = m.group(3) if modifier else m.group(4)
        end = m.end(4) if modifier else m.start(5) + len(tgt_raw)
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, verb, m.start(), end))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    return rows
