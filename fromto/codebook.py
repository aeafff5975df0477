"""Code the extracted transitions, gloss their poles, and measure extraction and coding against a gold standard.

Coding (:func:`code_transitions`) gives every transition one primary code from ``resources/codebook.csv`` by
the first of these ordered rules that applies, and records which rule decided in ``code_rule``:

R0 ``no change of kind`` a pole is only the direction of a quantity (下降 → 上升) or the two poles name the same
                        thing and hold no keyword (胜利 → 更大的胜利): UNCODED, for a reader to judge (the codebook
                        counts a numeric change as NOT_A_TRANSITION, which only a reader may assign).

R1 ``subject``          the stated subject ends in a head noun listed for a code (``subject_heads``: 关系 → TIES,
                        触角 → REACH, 体系 → SYSTEM, 力量 → FORCES, 所有制 → ECONOMIC_SYSTEM …) and, where the
                        codebook asks for it (``subject_must_contain``), names the kind of thing the code is about
                        (党组织间的关系 is a relation of organisations, so TIES; 两岸关系 is RELATIONS). Chinese is
                        head-final, so 党组织间的关系 is a kind of 关系.
R2 ``restatement``      no subject rule applies, but another transition of the same document with the same poles
                        was coded by R1 (a body sentence or nominal form repeating a heading whose subject it
                        leaves out): it takes that code.
R3 ``keywords``         words of the kind of content each code covers (``keywords``) are counted in the two poles;
                        the code with the highest score wins, ties going to the codebook's row order. A longer
                        keyword is matched first and the characters it covers are not counted again (城镇居民
                        counts once, for STATUS, not also as 城 and 镇 for SCALE); a one-character keyword scores
                        ½, one of two or three characters 1, a longer one 1½ (one character is ambiguous: 城 in
                        城乡; a long term is specific: 土地所有制); ``=X`` matches only a whole pole X and scores 1
                        (化危为机: 危 → 机).
R4 ``context``          no keyword in the poles, but the words around them name the kind of change: the head noun
                        that follows the construction (…向市场经济转变的**经济体制**; :func:`head_noun`), read first
                        as a subject head (R1's list) and then for keywords, together with the stated subject and
                        the verb. ``code_rule`` names the words (``R4 head noun 经济体制``, ``R4 context keywords
                        …``).
R5 ``verb``             nothing above applies, and the construction is a verb of conversion (转化为/转化成):
                        CONVERSION. The verb never overrides content words (由产品经济向商品经济转化 is
                        ECONOMIC_SYSTEM by R3).
R6 ``sentence``         the weakest signal: keywords anywhere in the sentence, scored as in R3 but only when one
                        code scores strictly more than every other and at least 1 (a tie or a lone character leaves
                        the row to a reader). It is reached only when the poles hold no keyword, so it never
                        outweighs a pole hit.
R7 ``none``             nothing applies: UNCODED, "needs a reader". The rules never assign OTHER: OTHER and
                        NOT_A_TRANSITION are a reader's decisions, made on the coding sheet (:mod:`fromto.qda`).

The keyword lists were written deductively from the codes' definitions as general vocabulary of each kind of
change in official and economic-political prose (see the codebook's header), not read off the sentences coded.

Glosses (``source_en``, ``target_en``) come from ``resources/glossary.csv``, looked up on the pole with quotes,
punctuation and spaces removed; a pole without a gloss gets ``""`` and :func:`glossary_gaps` lists it.

Evaluation is pure functions over DataFrames: :func:`match_transitions` aligns extracted rows with gold rows
(same sentence, overlapping poles, one-to-one), :func:`extraction_scores` gives precision/recall/F1 at the
statement and the pole level, and :func:`percent_agreement`, :func:`cohen_kappa`, :func:`krippendorff_alpha`
and :func:`disagreements` compare the rule codes with the reader's codes per statement.

Exports: :func:`export_qdc` writes the REFI-QDA codebook exchange format (``.qdc``) read by NVivo, MAXQDA,
ATLAS.ti and Taguette, codes nested under their parent groups, and :func:`coded_statements` the table of coded
statements for the CSV export. Coding sheets for readers and whole REFI-QDA projects (``.qdpx``) are in
:mod:`fromto.qda`.
"""

from __future__ import annotations

import functools
import math
import os
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

from fromto import paths
from fromto.textio import atomic_write, read_resource_csv

#: Quotation marks that may wrap a pole; they are dropped before comparing or glossing poles.
QUOTES = "“”‘’「」『』\"'〝〞"
#: The code the rules give when none of R1–R6 applies: the statement needs a reader.
UNCODED_CODE = "UNCODED"
#: The code used when no rule applies (kept as a name for callers of version 1).
DEFAULT_CODE = UNCODED_CODE
#: A reader's decision that the statement is a transition no code describes.
OTHER_CODE = "OTHER"
#: A reader's decision that the extracted row is not a transition at all.
NOT_A_TRANSITION = "NOT_A_TRANSITION"
#: Verbs of conversion for rule R5.
CONVERSION_VERBS = ("转化",)
#: The code rule R5 assigns.
CONVERSION_CODE = "CONVERSION"
#: Kinds of codebook row the rules may assign (the rest are groups, OTHER and the two status codes).
RULE_KINDS = ("dimension", "theme")
#: Kinds of codebook row a reader may choose (plus NOT_A_TRANSITION).
READER_KINDS = ("dimension", "theme", "residual")
#: Namespace of the deterministic code GUIDs in the .qdc export (uuid5 of ``fromto:code:<CODE>``).
QDC_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/fromto/codebook")
#: XML namespace of the REFI-QDA codebook exchange format.
QDC_XMLNS = "urn:QDA-XML:codebook:1.0"

#: Columns :func:`code_transitions` adds.
CODED_COLUMNS = ["code", "code_rule", "source_en", "target_en"]


# --------------------------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------------------------

def load_codebook(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The codebook (``resources/codebook.csv``) as a DataFrame of strings, in its row order.

    Columns a version-1 codebook lacks (``parent``, ``subject_must_contain`` …) are added empty, so small
    literal codebooks in tests and older files still work."""
    book = read_resource_csv(path or paths.CODEBOOK)
    for col in ("parent", "kind", "subject_heads", "subject_must_contain", "keywords", "v1_code"):
        if col not in book:
            book[col] = ""
    return book


def rule_codes(codebook: pd.DataFrame) -> list[str]:
    """Codes the rules may assign: rows of kind dimension or theme (a book without kinds: every code)."""
    kinds = codebook["kind"] if "kind" in codebook else pd.Series([""] * len(codebook))
    return [c for c, k in zip(codebook["code"], kinds) if k in RULE_KINDS or not k]


def reader_codes(codebook: pd.DataFrame) -> list[str]:
    """Codes a human coder may record: every dimension and theme, OTHER and NOT_A_TRANSITION (not the groups,
    which are not codable, nor UNCODED, which only the rules set)."""
    kinds = codebook["kind"] if "kind" in codebook else pd.Series([""] * len(codebook))
    out = [c for c, k in zip(codebook["code"], kinds) if k in READER_KINDS or not k]
    if NOT_A_TRANSITION not in out:
        out.append(NOT_A_TRANSITION)
    return out


def to_v1(codes, codebook: pd.DataFrame) -> list[str]:
    """Codes of this codebook mapped to the version-1 codebook (column ``v1_code``), so codings made with
    version 1 can be compared; a code without a mapping is kept as it is."""
    v1 = {c: v for c, v in zip(codebook["code"], codebook["v1_code"]) if v}
    return [v1.get(_text(c), _text(c)) for c in codes]


def load_glossary(path: str | os.PathLike | None = None) -> dict[str, str]:
    """The glossary as ``{key: English gloss}``, keyed by :func:`normalise_for_match` of the term, so that
    quotes and punctuation do not matter (``“生活秀带”“发展绣带”`` and ``生活秀带、发展绣带`` share a key)."""
    table = read_resource_csv(path or paths.GLOSSARY)
    return {normalise_for_match(t): en for t, en in zip(table["term"], table["en"]) if normalise_for_match(t)}


def load_gold(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The gold transitions (``resources/gold_transitions.csv``); ``article`` and ``step`` as integers."""
    gold = read_resource_csv(path or paths.GOLD_TRANSITIONS)
    gold["article"] = pd.to_numeric(gold["article"], errors="coerce").astype("Int64")
    gold["step"] = pd.to_numeric(gold["step"], errors="coerce").fillna(1).astype(int)
    return gold


# --------------------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------------------

def _text(value) -> str:
    """``value`` as a string; missing values (None, NaN, pd.NA) become ``""``."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def normalise_pole(text) -> str:
    """A pole without quotation marks or white space: ``“工业锈带”`` → ``工业锈带``."""
    return "".join(ch for ch in _text(text) if ch not in QUOTES and not ch.isspace())


def normalise_for_match(text) -> str:
    """Text without punctuation, symbols or white space, for matching a locator against a cleaned sentence.

    Cleaning may turn ASCII ``,`` into ``，`` or 「」 into “”; dropping all of them makes both sides comparable.
    """
    return "".join(
        ch for ch in _text(text) if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ"
    )


def _split_list(cell) -> list[str]:
    return [w for w in _text(cell).split("|") if w]


# --------------------------------------------------------------------------------------------------------------
# Coding rules
# --------------------------------------------------------------------------------------------------------------

def _is_rule_row(kind) -> bool:
    return _text(kind) in RULE_KINDS or not _text(kind)


def subject_code(subject, codebook: pd.DataFrame) -> tuple[str, str] | None:
    """R1: ``(code, head)`` when the subject ends in a head noun listed in ``subject_heads`` and contains one of
    the code's ``subject_must_contain`` words (when it lists any), else ``None``.

    The longest matching head wins, so a subject ending in 覆盖面 is read as 覆盖面, not as a shorter head.
    """
    subject = normalise_pole(subject)
    if not subject:
        return None
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


def _keyword_table(codebook: pd.DataFrame) -> tuple[list, dict, dict]:
    """``(substring keywords, whole-pole keywords, index by first character)``: the first as ``(word, code rank,
    code)`` sorted longest first (then by code rank), the second as ``{pole: (code rank, code)}``, the third maps a
    character to the positions in the first list of the keywords that start with it. Built once per codebook
    content (the lists are long and coding calls this for every pole)."""
    # tolist() first: iterating a string column element by element costs more than the lookup it keys.
    kinds = tuple(codebook["kind"].tolist()) if "kind" in codebook else ("",) * len(codebook)
    return _keyword_table_of(tuple(codebook["code"].tolist()), tuple(codebook["keywords"].tolist()), kinds)


@functools.lru_cache(maxsize=8)
def _keyword_table_of(codes: tuple, keyword_cells: tuple, kinds: tuple) -> tuple[list, dict, dict]:
    subs, whole = [], {}
    for rank, (code, words, kind) in enumerate(zip(codes, keyword_cells, kinds)):
        if not _is_rule_row(kind):
            continue
        for w in _split_list(words):
            if w.startswith("=") and len(w) > 1:
                whole.setdefault(w[1:], (rank, code))
            else:
                subs.append((w, rank, code))
    subs.sort(key=lambda t: (-len(t[0]), t[1], t[0]))
    by_first: dict[str, list[int]] = {}
    for i, (w, _, _) in enumerate(subs):
        if w:
            by_first.setdefault(w[0], []).append(i)
    return subs, whole, by_first


def keyword_hits(texts, codebook: pd.DataFrame) -> dict[str, list[str]]:
    """Keyword occurrences per code in ``texts`` (each pole or subject separately): ``{code: [word, …]}``, one
    entry per occurrence. Longer keywords are matched first and the characters they cover are not matched
    again; ``=X`` keywords match only a whole text equal to X. (Only keywords whose first character occurs in
    the text are tried, in the same global order, so the result is that of trying them all.)"""
    subs, whole, by_first = _keyword_table(codebook)
    hits: dict[str, list[str]] = {}
    for text in texts:
        text = normalise_pole(text)
        if not text:
            continue
        if text in whole:
            hits.setdefault(whole[text][1], []).append("=" + text)
            continue
        candidates = sorted({i for ch in set(text) for i in by_first.get(ch, ())})
        covered = [False] * len(text)
        for i in candidates:
            word, _, code = subs[i]
            start = text.find(word)
            while start != -1:
                end = start + len(word)
                if any(covered[start:end]):
                    start = text.find(word, start + 1)
                    continue
                covered[start:end] = [True] * len(word)
                hits.setdefault(code, []).append(word)
                start = text.find(word, end)
    return hits


def keyword_score(word: str) -> float:
    """What one occurrence of a keyword scores in R3: ½ for a single character (ambiguous: 城 in 城乡), 1 for two
    or three characters, 1½ for four or more (a long term is specific: 土地所有制 says more than 地主)."""
    return 0.5 if len(word) == 1 else 1.0 if len(word) < 4 else 1.5


#: Words that name only the direction of a quantity: a pole that is nothing else makes a numeric change, which the
#: codebook counts as no transition (NOT_A_TRANSITION), a reader's decision.
TREND_WORDS = ("上升", "下降", "增长", "减少", "增加", "下滑", "回升", "回落", "上涨", "下跌", "提高", "降低", "扩大",
               "缩小", "负增长", "正增长", "增", "减", "升", "降", "涨", "跌", "增收", "减收")
#: Adverbs and particles stripped from a pole before it is compared with :data:`TREND_WORDS`.
_TREND_FILLER = re.compile(r"^(?:逐渐|逐步|开始|明显|大幅度?|稳步|持续|继续|将|会|转|由|为|了|的)+|"
                           r"(?:逐渐|逐步|开始|明显|大幅度?|稳步|持续|继续|将|会|了|的)+$")


def not_a_change_of_kind(source, target, codebook: pd.DataFrame) -> str:
    """R0: why the two poles name no change of kind, or ``""``. Either a pole is only the direction of a quantity
    (下降 → 上升: a numeric change), or one pole contains the other and neither holds a keyword (胜利 → 更大的胜利:
    the same thing on both sides). Such rows are left UNCODED for a reader, who may judge them NOT_A_TRANSITION."""
    a, b = normalise_for_match(source), normalise_for_match(target)
    for pole in (a, b):
        core = _TREND_FILLER.sub("", pole)
        if core in TREND_WORDS:
            return f"numeric trend {core}"
    if a and b and (a in b or b in a) and not keyword_hits([a, b], codebook):
        return f"same thing on both sides {min(a, b, key=len)}"
    return ""


def _best_code(texts, codebook: pd.DataFrame, strict: bool = False) -> tuple[str, list[str], float] | None:
    """``(code, distinct words hit, score)`` for the code whose keyword occurrences in ``texts`` score highest
    (:func:`keyword_score`); ties go to the code listed first, or, when ``strict``, leave no winner (``None``)."""
    hits = keyword_hits(texts, codebook)
    if not hits:
        return None
    order = {c: i for i, c in enumerate(codebook["code"])}
    score = {c: sum(1.0 if w.startswith("=") else keyword_score(w) for w in words) for c, words in hits.items()}
    ranked = sorted(hits, key=lambda c: (-score[c], order.get(c, len(order))))
    if strict and len(ranked) > 1 and score[ranked[0]] == score[ranked[1]]:
        return None
    code = ranked[0]
    return code, list(dict.fromkeys(hits[code])), score[code]


def keyword_code(source, target, codebook: pd.DataFrame) -> tuple[str, list[str]] | None:
    """R3: ``(code, distinct words hit)`` for the code whose keyword occurrences in the two poles score highest
    (:func:`keyword_score`), else ``None``. Ties go to the code listed first in the codebook."""
    found = _best_code([source, target], codebook)
    return (found[0], found[1]) if found else None


#: Punctuation that ends the noun phrase after a construction.
_PHRASE_END = "，。；：、！？,.;:!?（）()“”‘’「」『』\"' \t\n—…"
#: How far after the target pole the 的 of a following head noun may stand (room for the verb: 转变的, 过渡的).
_HEAD_GAP = 4
#: Longest head-noun phrase read after 的.
_HEAD_MAX = 10


def _construction_end(row) -> int | None:
    """Where the construction ends in ``row["sentence"]``: the column ``end`` when given, else just after the
    target pole (found in the sentence as written, or with its quotes), else ``None``."""
    end = row.get("end")
    try:
        if _text(end) != "":
            return int(float(end))
    except (TypeError, ValueError):
        pass
    sentence, target = _text(row.get("sentence")), _text(row.get("target")).strip()
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
    sentence = _text(row.get("sentence"))
    end = _construction_end(row)
    if not sentence or end is None:
        return ""
    # Only the few characters after the construction can be read (the 的 within _HEAD_GAP, then at most _HEAD_MAX):
    # slicing just those keeps the work per transition independent of the sentence's length.
    rest = sentence[end:end + _HEAD_GAP + 1 + _HEAD_MAX] if end >= 0 else sentence[end:]
    if _text(row.get("marker")).endswith("的N") and _text(row.get("verb")):
        return _phrase(_text(row.get("verb")) + rest)
    de = rest.find("的", 0, _HEAD_GAP + 1)
    if de == -1 or any(ch in _PHRASE_END for ch in rest[:de]):
        return ""
    return _phrase(rest[de + 1:])


def context_code(row, codebook: pd.DataFrame) -> tuple[str, str] | None:
    """R4: ``(code, what decided)`` from the words around the poles: the head noun after the construction when
    it ends in a subject head (:func:`subject_code`: ``head noun 经济体制``), else keywords counted in the stated
    subject, the verb and the head noun together (``context keywords …``), as in R3."""
    head = head_noun(row)
    found = subject_code(head, codebook)
    if found:
        return found[0], f"head noun {head} (subject head {found[1]})"
    found_kw = _best_code([row.get("subject"), row.get("verb"), head], codebook)
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


def _has_conversion_verb(row) -> str:
    for field in ("verb", "marker"):
        value = _text(row.get(field))
        for verb in CONVERSION_VERBS:
            if verb in value:
                return verb
    return ""


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
    found = subject_code(row.get("subject"), codebook)
    if found:
        return found[0], f"R1 subject head {found[1]}"
    if restated:
        key = (_text(row.get("doc")), normalise_pole(row.get("source")), normalise_pole(row.get("target")))
        if key in restated:
            code, head = restated[key]
            return code, f"R2 restates a transition whose subject head is {head}"
    found_kw = keyword_code(row.get("source"), row.get("target"), codebook)
    if found_kw:
        return found_kw[0], "R3 keywords " + "|".join(found_kw[1])
    found_ctx = context_code(row, codebook)
    if found_ctx:
        return found_ctx[0], f"R4 {found_ctx[1]}"
    verb = _has_conversion_verb(row)
    if verb and CONVERSION_CODE in set(codebook["code"]):
        return CONVERSION_CODE, f"R5 conversion verb {verb}"
    found_s = _sentence_code_once(row, codebook, sentence_codes)
    if found_s:
        return found_s[0], f"R6 sentence keywords (weak, score {found_s[2]:g}) " + "|".join(found_s[1])
    return UNCODED_CODE, "R7 no rule applies: needs a reader"


def _sentence_code_once(row, codebook: pd.DataFrame, memo: dict | None):
    """:func:`sentence_code` of ``row``, computed once per sentence text when ``memo`` (a dict) is given.

    R6 reads the whole sentence, and a long sentence may hold thousands of transitions: computing it once per
    transition made coding quadratic in the sentence's length. Its finding depends only on the sentence text and
    the codebook, so the text is the key (the rows of one sentence share one string, so the lookup is cheap)."""
    if memo is None:
        return sentence_code(row, codebook)
    key = _text(row.get("sentence"))
    if key not in memo:
        memo[key] = sentence_code(row, codebook)
    return memo[key]


def gloss(term, glossary: dict[str, str]) -> str:
    """The English gloss of a pole or subject, ``""`` when the glossary has none.

    ``glossary`` is keyed as :func:`load_glossary` keys it (quotes and punctuation removed)."""
    return glossary.get(normalise_for_match(term), "")


def code_rows(records: list[dict], codebook: pd.DataFrame | None = None,
              glossary: dict[str, str] | None = None) -> list[dict]:
    """The rows ``records`` (dicts with ``source, target`` and optionally ``subject, verb, marker, doc, sentence,
    end``) each with ``code, code_rule, source_en, target_en`` added, as new dicts in the same order. The rules of
    the module docstring, without building a DataFrame (corpus mode codes thousands of small documents)."""
    codebook = load_codebook() if codebook is None else codebook
    glossary = load_glossary() if glossary is None else glossary
    restated: dict = {}
    for rec in records:
        found = subject_code(rec.get("subject"), codebook)
        if found:
            key = (_text(rec.get("doc")), normalise_pole(rec.get("source")), normalise_pole(rec.get("target")))
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


def glossary_gaps(transitions: pd.DataFrame, glossary: dict[str, str] | None = None) -> pd.DataFrame:
    """Poles and stated subjects that have no gloss: columns ``kind, term``, sorted, one row per term."""
    glossary = load_glossary() if glossary is None else glossary
    rows = set()
    for column, kind in (("source", "pole"), ("target", "pole"), ("subject", "subject")):
        if column not in transitions:
            continue
        for value in transitions[column]:
            term = normalise_pole(value)
            if term and normalise_for_match(term) not in glossary:
                rows.add((kind, term))
    return pd.DataFrame(sorted(rows), columns=["kind", "term"])


# --------------------------------------------------------------------------------------------------------------
# Extraction against gold
# --------------------------------------------------------------------------------------------------------------

def poles_overlap(a, b, min_common: int = 2) -> bool:
    """True when two poles share text: one contains the other, or they share ``min_common`` characters in a row.

    Quotes and spaces are ignored. ``管好“一幢楼”`` overlaps ``一幢楼``; ``松散型`` does not overlap ``紧密型``.
    """
    a, b = normalise_pole(a), normalise_pole(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= min_common


def _same_pole(a, b) -> bool:
    """Identical poles: the same characters once quotes, punctuation and spaces are removed."""
    a, b = normalise_for_match(a), normalise_for_match(b)
    return bool(a) and a == b


def _similarity(a, b) -> float:
    a, b = normalise_pole(a), normalise_pole(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_transitions(extracted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Align extracted transitions with gold transitions, one to one.

    An extracted row can match a gold row when (1) the gold ``locator`` occurs in the extracted ``sentence``
    (both compared without punctuation, quotes or spaces), (2) the ``article`` numbers agree when both are
    given, and (3) the source poles overlap and the target poles overlap (:func:`poles_overlap`). Candidate
    pairs are taken greedily, best first: more identical poles, then more similar poles, then the locator
    covering more of the sentence (so a heading's gold row goes to the heading, not to a body sentence that
    repeats it).

    Returns one row per pair or leftover: ``status`` (``TP``, ``FN`` = gold not extracted, ``FP`` = extracted,
    not in gold), ``gold_id``, ``ext_row`` (the extracted row's index label), ``sentence_id``, ``sentence``,
    ``gold_source, gold_target, ext_source, ext_target``, ``source_exact, target_exact`` (poles identical
    after removing quotes, punctuation and spaces: the same span of the sentence). Order: gold order, then unmatched extractions in their order.
    """
    ext = extracted.copy()
    ext["ext_row"] = list(extracted.index)
    ext_recs = ext.to_dict("records")
    gold_recs = gold.to_dict("records")
    ext_norm = [normalise_for_match(r.get("sentence")) for r in ext_recs]

    candidates = []
    for gi, g in enumerate(gold_recs):
        loc = normalise_for_match(g.get("locator"))
        g_art = _text(g.get("article"))
        for ei, e in enumerate(ext_recs):
            if not loc or loc not in ext_norm[ei]:
                continue
            e_art = _text(e.get("article"))
            if g_art and e_art and str(int(float(g_art))) != str(int(float(e_art))):
                continue
            if not (poles_overlap(g.get("source"), e.get("source")) and poles_overlap(g.get("target"), e.get("target"))):
                continue
            exact = _same_pole(g.get("source"), e.get("source")) + _same_pole(g.get("target"), e.get("target"))
            similar = _similarity(g.get("source"), e.get("source")) + _similarity(g.get("target"), e.get("target"))
            coverage = len(loc) / max(len(ext_norm[ei]), 1)
            candidates.append(((exact, similar, coverage), gi, ei))
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], -c[0][2], c[1], c[2]))

    gold_to_ext: dict[int, int] = {}
    used_ext: set[int] = set()
    for _, gi, ei in candidates:
        if gi in gold_to_ext or ei in used_ext:
            continue
        gold_to_ext[gi] = ei
        used_ext.add(ei)

    def row(status, g, e):
        g = g or {}
        e = e or {}
        return {
            "status": status,
            "gold_id": _text(g.get("gold_id")),
            "ext_row": e.get("ext_row", pd.NA) if e else pd.NA,
            "sentence_id": _text(e.get("sentence_id")),
            "sentence": _text(e.get("sentence")),
            "gold_source": _text(g.get("source")),
            "gold_target": _text(g.get("target")),
            "ext_source": _text(e.get("source")),
            "ext_target": _text(e.get("target")),
            "source_exact": bool(g and e and _same_pole(g.get("source"), e.get("source"))),
            "target_exact": bool(g and e and _same_pole(g.get("target"), e.get("target"))),
        }

    rows = []
    for gi, g in enumerate(gold_recs):
        if gi in gold_to_ext:
            rows.append(row("TP", g, ext_recs[gold_to_ext[gi]]))
        else:
            rows.append(row("FN", g, None))
    for ei, e in enumerate(ext_recs):
        if ei not in used_ext:
            rows.append(row("FP", None, e))
    columns = ["status", "gold_id", "ext_row", "sentence_id", "sentence", "gold_source", "gold_target",
               "ext_source", "ext_target", "source_exact", "target_exact"]
    out = pd.DataFrame(rows, columns=columns)
    out["ext_row"] = out["ext_row"].astype("Int64")
    return out


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; a ratio with a zero denominator is NaN (undefined), not 0."""
    p = tp / (tp + fp) if tp + fp else math.nan
    r = tp / (tp + fn) if tp + fn else math.nan
    f = 2 * p * r / (p + r) if not (math.isnan(p) or math.isnan(r)) and p + r else math.nan
    return p, r, f


def extraction_scores(alignment: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of extraction from a :func:`match_transitions` table, at two levels.

    ``statement``: a matched pair is a true positive (lenient: same sentence, overlapping poles).
    ``pole``: each statement has two poles; a pole is a true positive only when a matched pair has it
    identical to the gold pole after removing quotes and punctuation (strict boundaries). Extracted poles = 2 × extracted
    statements, gold poles = 2 × gold statements.
    """
    n_tp = int((alignment["status"] == "TP").sum())
    n_fp = int((alignment["status"] == "FP").sum())
    n_fn = int((alignment["status"] == "FN").sum())
    tp_rows = alignment[alignment["status"] == "TP"]
    pole_tp = int(tp_rows["source_exact"].sum() + tp_rows["target_exact"].sum())
    n_ext_poles = 2 * (n_tp + n_fp)
    n_gold_poles = 2 * (n_tp + n_fn)
    rows = []
    for level, tp, fp, fn in (
        ("statement", n_tp, n_fp, n_fn),
        ("pole", pole_tp, n_ext_poles - pole_tp, n_gold_poles - pole_tp),
    ):
        p, r, f = precision_recall_f1(tp, fp, fn)
        rows.append({"level": level, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------------------------
# Agreement of codes per statement
# --------------------------------------------------------------------------------------------------------------

def _pairs(a, b) -> tuple[list[str], list[str]]:
    a, b = [_text(x) for x in a], [_text(x) for x in b]
    if len(a) != len(b):
        raise ValueError(f"the two codings differ in length ({len(a)} and {len(b)})")
    return a, b


def percent_agreement(a, b) -> float:
    """Share of units on which the two codings give the same code (NaN for no units)."""
    a, b = _pairs(a, b)
    return sum(x == y for x, y in zip(a, b)) / len(a) if a else math.nan


def cohen_kappa(a, b) -> float:
    """Cohen's κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginal distribution.

    Undefined (NaN) when there are no units or when p_e = 1 (both coders used one and the same code
    throughout, so chance agreement is already perfect).
    """
    a, b = _pairs(a, b)
    n = len(a)
    if not n:
        return math.nan
    p_o = percent_agreement(a, b)
    cats = sorted(set(a) | set(b))
    p_e = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if math.isclose(p_e, 1.0):
        return math.nan
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(a, b) -> float:
    """Krippendorff's α (nominal) of two codings, via the ``krippendorff`` package.

    Undefined (NaN) when fewer than two distinct codes occur in all (no variation to agree on).
    """
    import krippendorff
    import numpy as np

    a, b = _pairs(a, b)
    cats = sorted(set(a) | set(b))
    if len(cats) < 2 or not a:
        return math.nan
    index = {c: i for i, c in enumerate(cats)}
    data = np.array([[index[x] for x in a], [index[x] for x in b]], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                     value_domain=list(range(len(cats)))))


def coded_alignment(alignment: pd.DataFrame, coded: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The matched pairs (``TP``) of ``alignment`` with the rule's ``code, code_rule`` (from ``coded``, by
    ``ext_row`` = index label) and the reader's ``gold_code, gold_note, subject, verb``."""
    tp = alignment[alignment["status"] == "TP"].copy()
    rule = coded.loc[tp["ext_row"].astype(int).tolist()]
    tp["rule_code"] = rule["code"].tolist()
    tp["code_rule"] = rule["code_rule"].tolist()
    tp["subject"] = [_text(x) for x in (rule["subject"] if "subject" in rule else [""] * len(tp))]
    tp["verb"] = [_text(x) for x in (rule["verb"] if "verb" in rule else [""] * len(tp))]
    g = gold.set_index("gold_id")
    tp["gold_code"] = [g.at[i, "code"] for i in tp["gold_id"]]
    tp["gold_note"] = [g.at[i, "note"] if "note" in g else "" for i in tp["gold_id"]]
    return tp.reset_index(drop=True)


def agreement_table(rule_codes, gold_codes) -> pd.DataFrame:
    """Percent agreement, Cohen's κ and Krippendorff's α (nominal) of two codings of the same statements."""
    a, b = _pairs(rule_codes, gold_codes)
    return pd.DataFrame(
        [
            {"measure": "percent_agreement", "value": percent_agreement(a, b), "n_statements": len(a)},
            {"measure": "cohen_kappa", "value": cohen_kappa(a, b), "n_statements": len(a)},
            {"measure": "krippendorff_alpha_nominal", "value": krippendorff_alpha(a, b), "n_statements": len(a)},
        ]
    )


def per_code_agreement(a, b, codes=None) -> pd.DataFrame:
    """Agreement per code: for each code either coding used, how often coding ``a`` used it (``n_a``), coding
    ``b`` (``n_b``) and both on the same unit (``n_both``), and percent agreement, Cohen's κ and
    Krippendorff's α of the binary coding "this code or not" over all units. ``codes`` orders the rows (codes
    not listed follow, sorted)."""
    a, b = _pairs(a, b)
    used = set(a) | set(b)
    order = [c for c in (codes or []) if c in used] + sorted(used - set(codes or []))
    rows = []
    for c in order:
        x = ["yes" if v == c else "no" for v in a]
        y = ["yes" if v == c else "no" for v in b]
        rows.append({"code": c, "n_a": x.count("yes"), "n_b": y.count("yes"),
                     "n_both": sum(p == q == "yes" for p, q in zip(x, y)),
                     "percent_agreement": percent_agreement(x, y), "cohen_kappa": cohen_kappa(x, y),
                     "krippendorff_alpha_nominal": krippendorff_alpha(x, y)})
    return pd.DataFrame(rows, columns=["code", "n_a", "n_b", "n_both", "percent_agreement", "cohen_kappa",
                                       "krippendorff_alpha_nominal"])


def disagreement_reason(rule_code: str, gold_code: str, code_rule: str) -> str:
    """A sentence saying why the rules and the reader differ, derived from the rule that decided."""
    kind, _, detail = _text(code_rule).partition(" ")
    if kind == "R0":
        return f"the poles name no change of kind ({detail.split(':')[0]}: needs a reader); the reader coded {gold_code}"
    if kind == "R1":
        return f"the stated subject names {rule_code} ({detail}), but the reader coded the content {gold_code}"
    if kind == "R2":
        return f"the poles repeat a transition coded {rule_code} by its subject, but the reader coded {gold_code}"
    if kind == "R3":
        return f"pole words point to {rule_code} ({detail}), but the reader coded {gold_code}"
    if kind == "R4":
        return f"the words around the poles point to {rule_code} ({detail}), but the reader coded {gold_code}"
    if kind == "R5":
        return f"the conversion verb decides {rule_code}, but the reader coded the content {gold_code}"
    if kind == "R6":
        return f"words elsewhere in the sentence point to {rule_code} ({detail}), but the reader coded {gold_code}"
    return f"no subject, keyword or verb of any code ({rule_code}: needs a reader); the reader coded {gold_code}"


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """Statements where the rule code differs from the gold code, with a ``reason`` (see
    :func:`disagreement_reason`) and the reader's note. Input: :func:`coded_alignment`."""
    d = pairs[pairs["rule_code"] != pairs["gold_code"]].copy()
    d["reason"] = [disagreement_reason(r, g, c) for r, g, c in zip(d["rule_code"], d["gold_code"], d["code_rule"])]
    cols = ["gold_id", "sentence_id", "ext_source", "ext_target", "subject", "rule_code", "code_rule",
            "gold_code", "reason", "gold_note"]
    return d[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------------------------------------------

def code_guid(code: str) -> str:
    """A stable GUID for a code: uuid5 of ``fromto:code:<CODE>`` in :data:`QDC_NAMESPACE`."""
    return str(uuid.uuid5(QDC_NAMESPACE, f"fromto:code:{code}"))


def _qdc_description(row: dict) -> str:
    parts = [
        f"{row['label_zh']} / {row['label_en']}",
        f"Definition: {row['definition']}",
        f"When to use: {row['when_to_use']}",
        f"When not to use: {row['when_not_to_use']}",
        f"Example: {row['example']}",
    ]
    return "\n".join(p for p in parts if p.strip())


def _code_name(rec: dict) -> str:
    return " ".join(p for p in (_text(rec.get("code")), _text(rec.get("label_zh")), _text(rec.get("label_en"))) if p)


def add_code_elements(parent_el, codebook: pd.DataFrame, ns: str) -> None:
    """Append the codebook to ``parent_el`` (a REFI-QDA ``<Codes>`` element) as ``<Code>`` elements, nested under
    their ``parent`` codes (rows of kind ``group`` are ``isCodable="false"``); ``ns`` is ``"{namespace}"``.

    Shared by the codebook export (.qdc) and the project export (.qdpx, :mod:`fromto.qda`), so both carry the
    same GUIDs, names, colours and descriptions."""
    records = codebook.to_dict("records")
    known = {_text(r["code"]) for r in records}
    elements: dict[str, object] = {}

    def make(rec, parent):
        attrs = {"guid": code_guid(rec["code"]), "name": _code_name(rec),
                 "isCodable": "false" if _text(rec.get("kind")) == "group" else "true"}
        color = _text(rec.get("color"))
        if re.fullmatch(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})", color):
            attrs["color"] = color
        el = ET.SubElement(parent, ns + "Code", attrs)
        ET.SubElement(el, ns + "Description").text = _qdc_description(rec)
        elements[_text(rec["code"])] = el

    for rec in records:  # the codebook lists a parent before its children (a test checks it)
        parent = _text(rec.get("parent"))
        make(rec, elements[parent] if parent in elements else parent_el)
    missing = {_text(r.get("parent")) for r in records} - known - {""}
    if missing:
        raise ValueError(f"codebook: parent code(s) not in the codebook: {', '.join(sorted(missing))}")


def qdc_xml(codebook: pd.DataFrame, origin: str = "fromto") -> bytes:
    """The REFI-QDA codebook (``urn:QDA-XML:codebook:1.0``) as UTF-8 XML bytes.

    Each code becomes ``<Code guid name isCodable color>`` with a ``<Description>`` holding the labels,
    definition, when (not) to use and example, nested under its ``parent`` (a non-codable group code).
    GUIDs are deterministic (:func:`code_guid`), so re-exporting an unchanged codebook gives identical bytes.
    """
    ET.register_namespace("", QDC_XMLNS)
    ns = "{%s}" % QDC_XMLNS
    root = ET.Element(ns + "CodeBook", {"origin": origin})
    codes_el = ET.SubElement(root, ns + "Codes")
    add_code_elements(codes_el, codebook, ns)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def export_qdc(codebook: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write :func:`qdc_xml` to ``path`` atomically; returns the path."""
    target = Path(path)
    with atomic_write(target, "wb", encoding=None) as fh:
        fh.write(qdc_xml(codebook))
    return target


def coded_statements(coded: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per coded transition for coders who carry on in a QDA tool or a spreadsheet.

    Columns: ``statement_id`` (sentence id + ``t`` + running number within the sentence), ``doc,
    sentence_id, sentence, marker, subject, source, target, source_en, target_en, code, code_guid,
    label_zh, label_en, code_rule``.
    """
    codebook = load_codebook() if codebook is None else codebook
    labels = codebook.set_index("code")
    out = coded.copy()
    out["statement_id"] = [
        f"{sid}t{n + 1}" for sid, n in zip(out["sentence_id"], out.groupby("sentence_id", sort=False).cumcount())
    ]
    out["code_guid"] = [code_guid(c) for c in out["code"]]
    out["label_zh"] = [labels.at[c, "label_zh"] if c in labels.index else "" for c in out["code"]]
    out["label_en"] = [labels.at[c, "label_en"] if c in labels.index else "" for c in out["code"]]
    cols = ["statement_id", "doc", "sentence_id", "sentence", "marker", "subject", "source", "target",
            "source_en", "target_en", "code", "code_guid", "label_zh", "label_en", "code_rule"]
    for c in cols:
        if c not in out:
            out[c] = ""
    return out[cols].reset_index(drop=True)
