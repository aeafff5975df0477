"""The words and patterns of the transition rules, read from ``resources/`` the first time a rule asks for one.

Two hand-made files hold them (each opens with ``#`` lines saying how it was made):

* ``resources/transition_lexicon.tsv`` (:data:`fromto.paths.TRANSITION_LEXICON`): one row per word of a named list
  (verbs and nouns of change, the characters that make 从/由/到/向/变 part of another word, boundary words, the
  words of the look-alike kinds). A list is read into the container :data:`SHAPES` names (a list keeps the file's
  order, which the rules rely on where the first word found wins); ``@LIST`` takes in another list, ``-word``
  leaves a word out, and two words joined by a space make a pair.
* ``resources/transition_patterns.tsv`` (:data:`fromto.paths.TRANSITION_PATTERNS`): one row per regular expression
  that holds Chinese, with what it describes and an example. ``{NAME}`` in a pattern stands for the text of another
  pattern, ``{alts:LIST}`` for a list's words as an alternation (longest first), ``{join:LIST}`` for them joined
  by ``|`` in sorted order.

The rules read a word list or pattern as ``L.NAME`` (``from fromto.transitions import lexicon as L``): the first
such read loads both files, so importing the package needs no file (an installed copy without the repository
imports; it fails only when it extracts). :func:`load` reads them at once (corpus mode's workers call it before
they fork).
"""

from __future__ import annotations

import re
from typing import Iterable

#: Columns of the table :func:`extract_sentences` returns (the shared data contract).
COLUMNS = [
    "doc", "article", "section", "paragraph_id", "sentence_id", "position", "sentence", "marker", "subject",
    "source", "target", "verb", "source_quote", "target_quote", "chain_id", "step", "start", "end",
    "source_resolved",
]

#: Longest pole accepted (characters, quotes included); longer spans are clauses, not poles. Party prose has
#: long targets (已经转化为人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾: 32 characters).
MAX_POLE = 40

#: Characters that end a clause: a pole never crosses one (ASCII forms occur in the page too).
CLAUSE_END = set("，,；;：:。！？!?（）()[]【】\n\t") | {"…", "—"}

#: The container of each list of the lexicon that is not a plain list: a set (membership only), a tuple (used with
#: str.startswith/endswith), pairs (a set of two-word tuples) a map (the first word of each pair to the second) or a word (a list of one).
SHAPES = {
    "set": {"STATE_NAMED_VERBS", "JOIN_VERBS", "ROLE_TAKING_VERBS", "LIST_CONTEXT_END", "OWNER_VERBS", "GAI_NOT_AFTER", "ZHUAN_NOT_AFTER", "ZHUAN_VERBS", "HUA_VERBS", "DENG_NOT_AFTER", "WEI_NOT_BEFORE", "HUA_ZHUAN_NOT_BEFORE", "BIAN_NOT_BEFORE", "DAO_AFTER_WORD", "BECOME_NOT_AFTER", "COPULA_NOT_BEFORE", "REACH_VERBS", "STATE_PAIR_VERBS", "NOUN_COORDINATORS", "SUBST_NOT_BEFORE", "FUNCTION_CHARS", "SUBST_PREPOSITIONS", "CONG_PLACE_MOTION", "NEGATION_START", "NOUN_SUFFIX", 
        "NOUN_ENDINGS", "WEI_NOT_AFTER", "YONG_NOT_AFTER", "YI_NOT_AFTER", "CONVERSION_VERBS", "MOTION_VERBS",
        "GROWTH_TURN_VERBS", "CONG_NOT_BEFORE", "CONG_WORD_AFTER", "CONG_NOT_AFTER", "YOU_NOT_BEFORE",
        "YOU_NOT_AFTER", "YOU_WORD_BEFORE", "DAO_NOT_AFTER", "DAO_NOT_BEFORE", "COPULA_NOT_AFTER", "XIANG_NOT_AFTER",
        "XIANG_NOT_BEFORE", "BIAN_NOT_AFTER", "SCOPE_WORDS", "FOREIGN_ENTITIES", "ENTITY_SOURCE", "EXTEND_VERBS",
        "JIANG_MODAL", "BECOME_ANY_VERBS", "RESUMED_VERBS", "WEI_WORD_AFTER", "PLAN_NOUNS", "MADE_INTO_NOT_VERBS",
        "BA_ONLY_VERBS", "REMAKE_VERBS", "TRAIN_VERBS", "BA_HUA_VERBS", "IDENTITY_BECOME",
    },
    "tuple": {"FACILITY_HEAD", "PEOPLE_HEAD", "ROLE_HEAD", "CONTENT_HEAD", "PRESENTATION_HEAD", "FOCUS_HEAD", "ACTION_LEAD", "PERSON_HEAD", "MONEY_HEAD", "FORMER_ROLE_HEAD", "NEW_ROLE_HEAD", "PROCESS_STEP_WORDS", "REALISED_ADVERBS", "SERIES_SEPARATORS", "ACHIEVE_LEADS", "TARGET_STOPS", "CONVERT_LEAD", "HUA_ALLOWED_BEFORE"},
    "pairs": {"STATE_PAIRS", "SPATIAL_PAIRS", "SET_PHRASE_POLES"},
    "map": {"OPENER_TAGS", "SET_PHRASE_TAGS", "VERB_FIRST_TAGS", "GATHER_TAGS"},
    "word": {"SERIES_TO_VERB", "GAI", "DENG", "BIAN", "WEI", "YONG", "REACH", "ZHI", "XIANG_CHAR", "ZHUANYI", "ZHUAN", "DAO", "LE", "COPULA", "JIANG", "DE", "SHIFEN", "VIA_STAGE_VERB", "LED_TO_CONNECTOR", "QUOTED_BIAN_VERB"},
}

_PLACEHOLDER = re.compile(r"\{(?:(alts|join):)?([A-Z][A-Z0-9_]*)\}")
_loaded = False


def _alts(words: Iterable[str]) -> str:
    """A regex alternation, longest words first so 转变为 wins over 转变."""
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


def read_table(path) -> list[list[str]]:
    """The rows of a hand-made TSV resource: the leading ``#`` comment block and the header are skipped, every
    field is text. Read without a CSV dialect, so a pattern's quotation marks and backslashes stay as written."""
    from fromto.textio import read_text

    lines = read_text(path).split("\n")
    k = 0
    while k < len(lines) and (lines[k].startswith("#") or not lines[k].strip()):
        k += 1
    header = lines[k].split("\t") if k < len(lines) else []
    return [line.split("\t") + [""] * (len(header) - line.count("\t") - 1) for line in lines[k + 1:] if line.strip()]


def _words(lists: dict[str, list[str]], name: str, seen: tuple = ()) -> list[str]:
    """The words of list ``name`` with its ``@LIST`` rows taken in and its ``-word`` rows left out."""
    if name in seen:
        raise ValueError(f"transition lexicon: list {name} takes itself in")
    out, drop = [], set()
    for w in lists[name]:
        if w.startswith("@"):
            out.extend(_words(lists, w[1:], seen + (name,)))
        elif w.startswith("-") and len(w) > 1:
            drop.add(w[1:])
        else:
            out.append(w)
    return [w for w in out if w not in drop]


def _shape(name: str, words: list[str]):
    if name in SHAPES["set"]:
        return set(words)
    if name in SHAPES["tuple"]:
        return tuple(words)
    if name in SHAPES["pairs"]:
        return {tuple(w.split(" ")) for w in words}
    if name in SHAPES["map"]:
        return dict(w.split(" ") for w in words)
    if name in SHAPES["word"]:
        (word,) = words
        return word
    return words


def load() -> None:
    """Read the lexicon and the patterns into this module (once)."""
    global _loaded
    if _loaded:
        return
    from fromto import paths

    lists: dict[str, list[str]] = {}
    for name, word, *_ in read_table(paths.TRANSITION_LEXICON):
        lists.setdefault(name, []).append(word)
    values = {name: _shape(name, _words(lists, name)) for name in lists}
    templates = {row[0]: row[1] for row in read_table(paths.TRANSITION_PATTERNS)}
    texts: dict[str, str] = {}

    def text(name: str, seen: tuple = ()) -> str:
        if name not in texts:
            if name in seen:
                raise ValueError(f"transition patterns: {name} refers to itself")

            def fill(m: re.Match) -> str:
                kind, ref = m.groups()
                if kind == "alts":
                    return _alts(_words(lists, ref))
                if kind == "join":
                    return "|".join(sorted(_words(lists, ref)))
                return text(ref, seen + (name,))

            texts[name] = _PLACEHOLDER.sub(fill, templates[name])
        return texts[name]

    for name in templates:
        values[name] = re.compile(text(name))
    values["PATTERN_TEXT"] = texts
    globals().update(values)
    _loaded = True


def __getattr__(name: str):
    """A word list or pattern, loading the resources on the first read."""
    if not name[:1].isupper() or _loaded:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    load()
    return globals()[name] if name in globals() else __getattr__(name)
