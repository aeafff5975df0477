"""Word segmentation for fromto: jieba with the discourse's own lexicon and a published stoplist.

``get_tokenizer()`` returns one :class:`Tokenizer`, loaded once per process. Its reference is a *private*
``jieba.Tokenizer`` (never jieba's global one), whose dictionary cache lives in the project's private
``paths.CACHE`` folder instead of the shared temp folder, and which has the domain lexicon
(``resources/lexicon.tsv``) added to jieba's default dictionary.

The cutting itself is done by an *engine* (see :data:`ENGINES`): ``rjieba`` (the binding of jieba-rs, the Rust
port of jieba: same dictionary, same DAG + HMM algorithm, about ten times faster) when it is installed at the
verified versions, otherwise jieba itself. ``FROMTO_ENGINE=jieba`` (or ``Tokenizer(engine="jieba")``) forces
jieba. The engine gets exactly jieba's dictionary: jieba's own ``dict.txt`` (the wheel's embedded copy is checked
word by word against it by the tests), the lexicon words with the frequencies *jieba's* ``add_word`` gave them
(``suggest_freq`` when the lexicon leaves it empty), and jieba's total frequency (which counts the duplicate
dictionary line and re-added words, where jieba-rs does not) made up by a filler entry no text can reach. Where
the two implementations differ, :meth:`Tokenizer.cut` repairs or falls back (see :func:`_engine_cut`), so its
tokens are jieba's; ``tests/test_engine_parity.py`` checks it on the page and every report.

- ``.cut(text)``: every token, white space dropped (what ``python -m fromto segment`` prints).
- ``.words(text)``: content words only: stopwords, punctuation, numbers and quantity expressions removed.
  One-character words are *not* filtered by length, so 党 (the Party), 楼 (building), 城 (city) stay.

The stoplist is the stopwords-iso Chinese list (package ``stopwordsiso`` 0.7.1; its name, version and sha256
are in :func:`stoplist_provenance` and the run manifest), minus a documented keep-list of meaningful one-character
words it contains (区, 共, …), plus the project's additions; both live in ``resources/stopwords_additions.tsv``,
each row with its reason.

``lexicon_candidates(texts)`` is how the lexicon was made: it proposes the terms the page itself marks as units
(quoted terms, repeated runs that jieba breaks, names of mechanisms and places) for review.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import os
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterable

from fromto import paths

#: The published stoplist the project uses, and the sha256 of the list as :func:`published_stopwords` builds it
#: (sorted words joined by ``\n``, UTF-8). A different list (another package version) fails loudly.
STOPLIST_NAME = "stopwords-iso (zh)"
STOPLIST_PACKAGE = "stopwordsiso"
STOPLIST_VERSION = "0.7.1"
STOPLIST_SHA256 = "ea00e03f336743f6736d3e27f46a2e2c50089029229da85ec3c0192156187232"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_WORD_CHAR = re.compile(rf"[{_CJK}A-Za-z]")
_ALL_CJK = re.compile(rf"^[{_CJK}]+$")
#: A quantity expression: numerals (Arabic or Chinese) optionally followed by classifiers / approximators,
#: e.g. 两个, 一幢, 余家, 余万名, 30, 100%. Words that merely start with a numeral (一体化, 三级, 两村) do not match.
_QUANTITY = re.compile(
    r"^[0-9０-９.．%％一二三四五六七八九十两百千万亿几余多数]+"
    r"[个名家幢座片条批次位项种类件所张户元万千百亿人]*$"
)

_JIEBA_LOCK = threading.Lock()
_BUILD_LOCK = threading.RLock()

#: Engines that can cut for the project tokenizer; jieba is the reference, rjieba must give the same tokens.
ENGINES = ("rjieba", "jieba")
#: The versions whose agreement was verified (embedded dictionary word by word, parity on page, reports, PKU).
#: ``engine="auto"`` uses rjieba only at these versions and jieba's dict.txt with this sha256.
ENGINE_VERIFIED = {"jieba": "0.42.1", "rjieba": "0.2.2"}
JIEBA_DICT_SHA256 = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"

#: Characters jieba-rs treats as Chinese but jieba 0.42.1 (``[\u4E00-\u9FD5]``) does not: CJK extension A,
#: U+9FD6–9FFF, compatibility ideographs and the supplementary planes. jieba yields each as a token of its own;
#: the engine would glue them to their neighbours, so the text is split at them first.
_ENGINE_ONLY_HAN = re.compile("[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0002FA1F]")
#: A token made only of the non-Chinese characters of jieba's block pattern ``re_han_default``.
_ASCII_RUN = re.compile(r"^[a-zA-Z0-9+#&._%\-]+$")
#: jieba's HMM stage (``jieba.finalseg.re_skip``) splits a run of such characters with this pattern
#: (2011-2020 -> 2011 / - / 2020); jieba-rs keeps letters and digits joined by . - _ whole.
#: A letter or digit next to one of + # & . _ % - : without one, no token can need step 3 of _engine_cut.
_ASCII_JOIN = re.compile(r"[a-zA-Z0-9][+#&._%\-]|[+#&._%\-][a-zA-Z0-9]")
_FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
#: A Chinese character three times in a row (会会会) or a run of 2–4 Chinese characters twice in a row (代建代建):
#: there the HMM's Viterbi can score two different cuts exactly alike (the same emission and transition terms in
#: another order), and jieba and jieba-rs break such ties differently. A block of jieba's ``re_han_default``
#: holding one is cut with jieba's own HMM. Found by differential fuzzing (tests/test_engine_parity.py); never seen
#: in the page, the reports or the PKU test set.
_REPEAT = re.compile(r"([\u4E00-\u9FD5])\1\1|([\u4E00-\u9FD5]{2,4})\2")  # the cheap test before the block search
_NEAR_TIE_BLOCK = re.compile(
    r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]*?(?:([\u4E00-\u9FD5])\1\1|([\u4E00-\u9FD5]{2,4})\2)[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]*"
)


# --------------------------------------------------------------------------------------------------------------
# Stoplist
# --------------------------------------------------------------------------------------------------------------

def published_stopwords() -> list[str]:
    """The stopwords-iso Chinese list as shipped by the ``stopwordsiso`` package, sorted."""
    import stopwordsiso

    return sorted(stopwordsiso.stopwords("zh"))


def _sha256_of_words(words: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(words)).encode("utf-8")).hexdigest()


def stoplist_provenance() -> dict:
    """Name, package version and sha256 of the published list, and the size of the project's changes to it."""
    words = published_stopwords()
    additions = read_stopword_additions()
    return {
        "name": STOPLIST_NAME,
        "package": STOPLIST_PACKAGE,
        "version": metadata.version(STOPLIST_PACKAGE),
        "expected_version": STOPLIST_VERSION,
        "sha256": _sha256_of_words(words),
        "expected_sha256": STOPLIST_SHA256,
        "size": len(words),
        "additions": int((additions["action"] == "add").sum()),
        "kept": int((additions["action"] == "keep").sum()),
    }


def read_stopword_additions(path: str | Path | None = None):
    """The project's stoplist changes: columns ``word, action, why`` (action ``add`` or ``keep``)."""
    from fromto.textio import InputError, read_resource_csv

    path = Path(path or paths.STOPWORDS_ADDITIONS)
    table = read_resource_csv(path, quoting=csv.QUOTE_NONE)  # reasons open with a "quoted" gloss: keep it
    missing = {"word", "action", "why"} - set(table.columns)
    if missing:
        raise InputError(path, f"missing columns {sorted(missing)}")
    bad = table[~table["action"].isin(["add", "keep"]) | (table["why"].str.strip() == "")]
    if len(bad):
        raise InputError(path, f"row for {bad.iloc[0]['word']!r} needs action add|keep and a reason")
    return table


def build_stoplist(published: Iterable[str], additions) -> frozenset[str]:
    """Published list minus the ``keep`` rows plus the ``add`` rows of ``additions``."""
    keep = set(additions.loc[additions["action"] == "keep", "word"])
    add = set(additions.loc[additions["action"] == "add", "word"])
    return frozenset((set(published) - keep) | add)


def is_punctuation(token: str) -> bool:
    """True when every character is punctuation, a symbol or white space (Unicode categories P*, S*, Z*)."""
    return bool(token) and all(unicodedata.category(ch)[0] in "PSZ" or ch.isspace() for ch in token)


def is_quantity(token: str) -> bool:
    """True for numbers and numeral + classifier expressions (30, 100%, 两个, 一幢, 余万名)."""
    return bool(_QUANTITY.match(token))


# --------------------------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LexiconEntry:
    word: str
    freq: int | None
    tag: str | None
    source: str
    why: str


def read_lexicon(path: str | Path | None = None) -> list[LexiconEntry]:
    """The domain lexicon (``word, freq, tag, source, why``), in file order. ``freq``/``tag`` may be empty."""
    from fromto.textio import InputError, read_resource_csv

    path = Path(path or paths.LEXICON)
    table = read_resource_csv(path, quoting=csv.QUOTE_NONE)  # reasons open with a "quoted" gloss: keep it
    missing = {"word", "freq", "tag", "source", "why"} - set(table.columns)
    if missing:
        raise InputError(path, f"missing columns {sorted(missing)}")
    entries, seen = [], set()
    for row in table.itertuples(index=False):
        word = row.word.strip()
        if not word or any(ch.isspace() for ch in word):
            raise InputError(path, f"lexicon word {row.word!r} is empty or holds white space")
        if word in seen:
            raise InputError(path, f"lexicon word {word!r} is listed twice")
        if not row.why.strip():
            raise InputError(path, f"lexicon word {word!r} has no reason (why)")
        seen.add(word)
        freq = int(row.freq) if str(row.freq).strip() else None
        entries.append(LexiconEntry(word, freq, row.tag.strip() or None, row.source.strip(), row.why.strip()))
    return entries


# --------------------------------------------------------------------------------------------------------------
# The tokenizer
# --------------------------------------------------------------------------------------------------------------

def _writable_cache(cache_dir: Path) -> Path:
    """``cache_dir``, created if need be; one that cannot be created or written raises
    :class:`~fromto.textio.InputError` (one line naming it and ``FROMTO_CACHE``)."""
    cache_dir = Path(cache_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if not os.access(cache_dir, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        from fromto.textio import InputError

        raise InputError(cache_dir, f"the cache folder is not writable ({exc.strerror or exc}); "
                                    "set FROMTO_CACHE to a writable folder") from None
    return cache_dir


def _new_jieba(cache_dir: Path):
    """A private ``jieba.Tokenizer`` on the default dictionary whose cache file lives in ``cache_dir``."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict … cost 0.5 seconds" in notebook output
    cache_dir = _writable_cache(cache_dir)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir)
    tk.cache_file = "jieba.default.cache"
    with _JIEBA_LOCK:
        tk.initialize()
    return tk


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str], int, frozenset[str]]:
    """jieba's dict.txt as jieba reads it, once per process: ``(word -> frequency, word -> tag, total, heads)``.

    The frequency is the last line's for a word and the total counts every line (as
    ``jieba.Tokenizer.gen_pfdict`` does); the tag is read as ``jieba.posseg``'s ``load_word_tag`` reads it
    (``word freq tag`` split on single spaces); ``heads`` are the first characters of the words (jieba's prefix
    dictionary holds each with frequency 0 when it is no word itself).
    """
    text = _jieba_dict_path().read_text(encoding="utf-8")
    fields = text.split()
    if len(fields) != 3 * text.count("\n"):  # not three fields on every line: read it line by line as jieba does
        fields = [f for line in text.split("\n") if line.strip() for f in line.strip().split(" ")]
    words, counts = fields[0::3], list(map(int, fields[1::3]))
    freq = dict(zip(words, counts))  # a repeated word: the last line wins, as in jieba
    tags = dict(zip(words, fields[2::3]))
    return freq, tags, sum(counts), frozenset(w[0] for w in freq)


#: A word jieba's ``add_word`` arithmetic is replayed for without jieba: one block of jieba's ``re_han_default``,
#: so ``cut(word, HMM=False)`` is one block cut on the dictionary path (no skipped characters).
_ONE_BLOCK = re.compile("^[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+$")
_ENG_CHAR = re.compile("[a-zA-Z0-9]")


def _jieba_added_frequencies(words: list[tuple[str, int | None]]) -> tuple[list[int], int] | None:
    """The frequencies ``jieba.Tokenizer.add_word`` gives ``(word, freq)`` entries added in order to the default
    dictionary, and jieba's total afterwards — jieba's arithmetic replayed on :func:`_dictionary`, so neither
    jieba nor its prefix dictionary (a second of building, cold) is needed.

    ``add_word(word, None)`` takes ``suggest_freq(word)``: the product of ``FREQ.get(seg, 1) / total`` over the
    segments of ``cut(word, HMM=False)`` times the total, plus one, or ``FREQ.get(word, 1)`` if larger. The cut is
    jieba's: a DAG of the dictionary words starting at each character (a character alone when none), the route of
    highest summed ``log(FREQ or 1) - log(total)`` from the end, ties to the longer step, one-character ASCII
    letters and digits run together. ``FREQ.get`` of a string that is no word but begins one is 0 (its prefix
    entry). Returns None when a word is not one block of jieba's ``re_han_default`` (the caller then asks jieba).
    """
    from math import log

    base, _, total, heads = _dictionary()
    added: dict[str, int] = {}
    heads = set(heads)

    def get(word: str, default, longer_prefixes: bool = False):
        if word in added:
            return added[word]
        if word in base:
            return base[word]
        if len(word) == 1:
            return 0 if word in heads else default
        if longer_prefixes:  # a longer string that begins a word is in jieba's FREQ as 0 (only asked of ASCII runs)
            if any(w.startswith(word) for w in added) or any(w.startswith(word) for w in base):
                return 0
        return default

    out = []
    for word, freq in words:
        if not _ONE_BLOCK.match(word):
            return None
        if freq is None:
            n = len(word)
            dag = []
            for k in range(n):
                ends = [i for i in range(k, n) if get(word[k:i + 1], 0)]
                dag.append(ends or [k])
            logtotal = log(total)
            route = [(0.0, 0)] * (n + 1)
            for idx in range(n - 1, -1, -1):
                route[idx] = max((log(get(word[idx:x + 1], None) or 1) - logtotal + route[x + 1][0], x)
                                 for x in dag[idx])
            segments, buf, x = [], "", 0
            while x < n:  # jieba's __cut_DAG_NO_HMM: one-character ASCII letters and digits are run together
                y = route[x][1] + 1
                piece = word[x:y]
                if len(piece) == 1 and _ENG_CHAR.match(piece):
                    buf += piece
                else:
                    if buf:
                        segments.append(buf)
                        buf = ""
                    segments.append(piece)
                x = y
            if buf:
                segments.append(buf)
            product = 1
            for seg in segments:
                product *= get(seg, 1, longer_prefixes=True) / float(total)
            freq = max(int(product * total) + 1, get(word, 1))  # 0 or 1 for a non-word: the same maximum
        freq = int(freq)
        added[word] = freq
        total += freq
        heads.add(word[0])
        out.append(freq)
    return out, total


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _jieba_dict_path() -> Path:
    import importlib.util

    return Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"


def resolve_engine(engine: str | None = "auto") -> str:
    """The engine a :class:`Tokenizer` will use: ``"rjieba"`` or ``"jieba"``.

    ``"auto"`` (or ``None``) reads ``FROMTO_ENGINE`` and otherwise picks rjieba when it is installed and both it
    and jieba are at the verified versions (:data:`ENGINE_VERIFIED`); anything else falls back to jieba.
    An explicit ``"rjieba"`` that is not installed raises ``ImportError``.
    """
    engine = engine or "auto"
    if engine == "auto":
        engine = os.environ.get("FROMTO_ENGINE", "auto") or "auto"
    if engine == "auto":
        ok = all(_version(pkg) == version for pkg, version in ENGINE_VERIFIED.items())
        return "rjieba" if ok else "jieba"
    if engine not in ENGINES:
        raise ValueError(f"unknown tokenizer engine {engine!r}; choose one of {ENGINES} or 'auto'")
    if engine == "rjieba" and _version("rjieba") is None:
        raise ImportError("the rjieba engine is not installed (pip install -r requirements.txt)")
    return engine


def _cached_json(cache_dir: Path, name: str, key: object, build):
    """``build()`` (JSON-able), remembered in ``cache_dir`` under a hash of ``key``; rebuilt if absent or bad."""
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    path = Path(cache_dir) / f"{name}-{digest[:24]}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return stored["value"]
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    value = build()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"key": key, "value": value}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # atomic: worker processes may race to write the same entry
    except OSError:  # a read-only cache only costs the next start its speed, as with jieba's own cache
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
    return value


def _rjieba_class():
    """``rjieba.Jieba``, loaded without running ``rjieba/__init__.py``.

    That file builds a module-level default instance on import (a second copy of the dictionary: 0.2 s and
    memory, for nothing the project uses). The compiled module is loaded under its own name, so a later
    ``import rjieba`` reuses it; if that fails for any reason the package is imported the ordinary way.
    """
    import importlib.machinery
    import importlib.util
    import sys

    module = sys.modules.get("rjieba.rjieba")
    if module is None:
        try:
            folder = Path(importlib.util.find_spec("rjieba").origin).parent  # locates, does not execute
            binary = next(p for p in sorted(folder.iterdir())
                          if p.name.startswith("rjieba.") and p.suffix in (".so", ".pyd"))
            loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(binary))
            module = importlib.util.module_from_spec(importlib.util.spec_from_loader("rjieba.rjieba", loader))
            loader.exec_module(module)
            sys.modules["rjieba.rjieba"] = module
        except Exception:  # noqa: BLE001 — any surprise: the ordinary import
            import rjieba

            return rjieba.Jieba
    return module.Jieba


#: A word no text can reach (its brackets are outside jieba's blocks), carrying the frequency that makes the
#: engine's total equal to jieba's.
_TOTAL_FILLER = "〈fromto:total〉"


@dataclass
class Tokenizer:
    """jieba + domain lexicon + stoplist, cut by an engine. Build with :func:`get_tokenizer` (loaded once)."""

    lexicon: list[LexiconEntry] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    hmm: bool = True
    cache_dir: Path = paths.CACHE
    engine: str = "auto"

    def __post_init__(self):
        _writable_cache(self.cache_dir)  # a mistyped FROMTO_CACHE is said at once, not left to cost every run time
        self.engine = resolve_engine(self.engine)
        self._engine = self._new_engine() if self.engine == "rjieba" else None
        if self._engine is None:
            self._jieba  # noqa: B018  (load jieba now, as before: the reference is the engine)

    # -- the reference: jieba itself, loaded when first needed --------------------------------------------------

    @property
    def _jieba(self):
        """The private ``jieba.Tokenizer`` with the lexicon added (loaded on first use, once)."""
        tk = self.__dict__.get("_jieba_tk")
        if tk is None:
            with _BUILD_LOCK:
                tk = self.__dict__.get("_jieba_tk")
                if tk is None:
                    tk = _new_jieba(self.cache_dir)
                    for entry in self.lexicon:
                        tk.add_word(entry.word, entry.freq, entry.tag)
                    self.__dict__["_jieba_tk"] = tk
        return tk

    def engine_dictionary(self) -> dict:
        """What the engine must be given so its dictionary is jieba's, computed by jieba (cached on disk).

        ``words``: ``[word, freq, tag]`` for each lexicon entry, with the frequency jieba's ``add_word`` gave it
        (its ``suggest_freq`` when the lexicon leaves it empty, computed in file order as jieba does);
        ``filler``: jieba's total frequency minus the total jieba-rs keeps after the same additions (jieba adds a
        re-added word's frequency to its total without taking the old one off, and counts the duplicate line of
        its dict.txt twice).
        """
        dict_path = _jieba_dict_path()
        key = {
            "jieba": _version("jieba"), "rjieba": _version("rjieba"), "hmm": self.hmm,
            "dict_sha256": hashlib.sha256(dict_path.read_bytes()).hexdigest(),
            "lexicon": [[e.word, e.freq, e.tag] for e in self.lexicon],
        }

        def build():
            replayed = _jieba_added_frequencies([(e.word, e.freq) for e in self.lexicon])
            if replayed is None:  # a word jieba cuts with more than its dictionary path: ask jieba
                tk = self._jieba
                freqs, total = [int(tk.FREQ[e.word]) for e in self.lexicon], int(tk.total)
            else:
                freqs, total = replayed
            base = dict(_dictionary()[0])  # what jieba-rs keeps: the last line of a word wins
            rs_total = sum(base.values())
            words = []
            for e, freq in zip(self.lexicon, freqs):
                rs_total += freq - base.get(e.word, 0)
                base[e.word] = freq
                words.append([e.word, freq, e.tag])
            return {"words": words, "filler": total - rs_total, "total": total}

        return _cached_json(self.cache_dir, "engine-dictionary", key, build)

    def _new_engine(self):
        spec = self.engine_dictionary()
        engine = _rjieba_class()()  # jieba-rs's embedded copy of jieba's dict.txt (tests check it word by word)
        for word, freq, tag in spec["words"]:
            engine.add_word(word, freq, tag)
        if spec["filler"] < 0:
            raise RuntimeError("the engine's total frequency exceeds jieba's; use engine='jieba'")
        if spec["filler"]:
            engine.add_word(_TOTAL_FILLER, spec["filler"], None)
        return engine

    # -- cutting -------------------------------------------------------------------------------------------------

    def _lcut(self, text: str) -> list[str]:
        """Every token including white space, exactly as ``jieba.Tokenizer.lcut(text, HMM=self.hmm)``."""
        if self._engine is None:
            return self._jieba.lcut(text, HMM=self.hmm)
        return _engine_cut(self, text)

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(token, start, end)`` for every token of ``text`` (character offsets), white space dropped.

        Offsets are counted over the tokens laid end to end, as ``jieba.Tokenizer.tokenize`` does.
        """
        out, start = [], 0
        for tok in self._lcut(text):
            end = start + len(tok)
            if tok.strip():
                out.append((tok, start, end))
            start = end
        return out

    def cut(self, text: str) -> list[str]:
        """Every token of ``text`` in order, white space dropped."""
        return [tok for tok in self._lcut(text) if tok.strip()]

    def is_word(self, token: str) -> bool:
        """True for a content word: not a stopword, not punctuation, not a number or quantity expression."""
        return (
            token not in self.stopwords
            and not is_punctuation(token)
            and not is_quantity(token)
            and bool(_HAS_WORD_CHAR.search(token))
        )

    def words(self, text: str) -> list[str]:
        """Content words of ``text`` in order (see :meth:`is_word`); one-character words are kept.

        The verdict of :meth:`is_word` is remembered per token type, so each distinct token is judged once.
        """
        verdicts = self.__dict__.setdefault("_is_word_cache", {})
        verdict = verdicts.get
        out = []
        append = out.append
        for tok in self._lcut(text):
            keep = verdict(tok)
            if keep is None:
                keep = verdicts[tok] = bool(tok.strip()) and self.is_word(tok)
            if keep:
                append(tok)
        return out

    def word_counts(self, text: str) -> Counter:
        """Content-word counts of ``text``: ``Counter(self.words(text))``, computed by counting every token first
        (in C) and then dropping the token types that are no content words, so the per-token work is not done in
        Python. What corpus mode needs, where order does not matter."""
        verdicts = self.__dict__.setdefault("_is_word_cache", {})
        counts = Counter(self._lcut(text))
        for tok in list(counts):
            keep = verdicts.get(tok)
            if keep is None:
                keep = verdicts[tok] = bool(tok.strip()) and self.is_word(tok)
            if not keep:
                del counts[tok]
        return counts

    def tag(self, word: str) -> str:
        """The part-of-speech tag jieba's dictionary (or the lexicon) gives ``word``; ``"x"`` when unknown.

        What ``jieba.posseg.POSTokenizer`` looks up (its ``word_tag_tab`` read from dict.txt, then the tags
        ``add_word`` recorded for the lexicon), read from the dictionary once per process and shared by every
        tokenizer, so asking for a tag does not load jieba.
        """
        user = self.__dict__.get("_user_tags")
        if user is None:
            user = self.__dict__["_user_tags"] = {e.word: e.tag for e in self.lexicon if e.tag}
        found = user.get(word)
        return found if found is not None else _dictionary()[1].get(word, "x")

    def known(self, word: str) -> bool:
        """True when ``word`` is in this tokenizer's dictionary with a frequency above 0 (jieba's
        ``FREQ[word] > 0``): a lexicon entry, or a word of jieba's dict.txt."""
        lex = self.__dict__.get("_lexicon_freq")
        if lex is None:
            lex = self.__dict__["_lexicon_freq"] = {e.word: (1 if e.freq is None else e.freq) for e in self.lexicon}
        if word in lex:
            return lex[word] > 0
        return _dictionary()[0].get(word, 0) > 0


def _engine_cut(tk: Tokenizer, text: str) -> list[str]:
    """``tk``'s engine cut of ``text``, made equal to jieba's where the two implementations differ.

    1. Characters jieba-rs counts as Chinese but jieba does not (:data:`_ENGINE_ONLY_HAN`) are tokens of their
       own in jieba: the text is split at them and each is yielded alone.
    2. (HMM on) A block of jieba's ``re_han_default`` with a character three times in a row or a repeated run
       (:data:`_REPEAT`) is cut as jieba cuts it, with jieba's own HMM (:func:`_jieba_hmm_cut`); blocks are cut
       independently by both, so the rest stays with the engine.
    3. (HMM on) A token of letters, digits and ``+#&._%-`` that is not a dictionary word came from the HMM stage,
       where jieba splits it with ``finalseg.re_skip``: it is split the same way.
    """
    engine, hmm = tk._engine, tk.hmm
    if _ENGINE_ONLY_HAN.search(text) is None and not (hmm and _REPEAT.search(text)):
        toks = engine.cut(text, hmm)
    else:
        toks = []
        pos = 0
        for m in _ENGINE_ONLY_HAN.finditer(text):
            toks.extend(_engine_cut_plain(tk, text[pos:m.start()]))
            toks.append(m.group())
            pos = m.end()
        toks.extend(_engine_cut_plain(tk, text[pos:]))
    if not hmm or _ASCII_JOIN.search(text) is None:
        return toks
    out = []
    for tok in toks:
        if tok.isascii() and _ASCII_RUN.match(tok) and not engine.has_word(tok):
            out.extend(piece for piece in _FINALSEG_SKIP.split(tok) if piece)
        else:
            out.append(tok)
    return out


def _engine_cut_plain(tk: Tokenizer, text: str) -> list[str]:
    """Engine cut of text free of :data:`_ENGINE_ONLY_HAN`, with near-tie blocks (HMM on) cut by jieba."""
    if not text:
        return []
    if not tk.hmm or _REPEAT.search(text) is None:
        return tk._engine.cut(text, tk.hmm)
    toks, pos = [], 0
    for m in _NEAR_TIE_BLOCK.finditer(text):
        if m.start() > pos:
            toks.extend(tk._engine.cut(text[pos:m.start()], True))
        toks.extend(_jieba_hmm_cut(tk._engine, m.group()))
        pos = m.end()
    if pos < len(text):
        toks.extend(tk._engine.cut(text[pos:], True))
    return toks


def _jieba_hmm_cut(engine, block: str) -> list[str]:
    """jieba's own HMM cut of one block, replayed on the engine's dictionary path.

    jieba's ``Tokenizer.__cut_DAG``: walk the best dictionary path (the engine's cut with the HMM off, which is
    jieba's: same dictionary, same arithmetic, same tie rule), gather runs of one-character steps, and hand each
    run of two or more that is not a dictionary word to ``jieba.finalseg.cut`` — jieba's Viterbi, so its ties
    are broken as jieba breaks them. With the HMM off the engine glues one-character steps of ASCII letters and
    digits; such a token that is not a dictionary word is taken back apart (a dictionary word is never beaten
    by its own characters on the best path, so one that is a word was one step).
    """
    from jieba import finalseg

    out: list[str] = []
    buf = ""

    def flush():
        if len(buf) == 1:
            out.append(buf)
        elif buf:
            if engine.has_word(buf):
                out.extend(buf)
            else:
                out.extend(finalseg.cut(buf))

    for step in engine.cut(block, False):
        if len(step) == 1 or (step.isascii() and step.isalnum() and not engine.has_word(step)):
            buf += step
        else:
            flush()
            buf = ""
            out.append(step)
    flush()
    return out


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@functools.lru_cache(maxsize=None)
def get_tokenizer(engine: str | None = None) -> Tokenizer:
    """The project's tokenizer (domain lexicon + stoplist), loaded once per process (and per ``engine``).

    The lexicon and stoplist as read and checked are remembered in ``paths.CACHE`` under the hashes of their
    files and package versions, so a warm start needs neither pandas nor jieba (``python -m fromto segment``).
    """
    key = {
        "lexicon": _file_sha256(paths.LEXICON),
        "stopword_additions": _file_sha256(paths.STOPWORDS_ADDITIONS),
        "stopwordsiso": _version(STOPLIST_PACKAGE),
    }

    def build():
        return {
            "lexicon": [[e.word, e.freq, e.tag, e.source, e.why] for e in read_lexicon()],
            "stopwords": sorted(project_stoplist()),
        }

    spec = _cached_json(paths.CACHE, "project-tokenizer", key, build)
    lexicon = [LexiconEntry(*row) for row in spec["lexicon"]]
    return Tokenizer(lexicon=lexicon, stopwords=frozenset(spec["stopwords"]), engine=engine or "auto")


@functools.lru_cache(maxsize=None)
def get_plain_tokenizer() -> Tokenizer:
    """Plain jieba (default dictionary, HMM on, no lexicon) with the same stoplist: the audit's baseline."""
    return Tokenizer(lexicon=[], stopwords=project_stoplist())


@functools.lru_cache(maxsize=None)
def project_stoplist() -> frozenset[str]:
    """The stoplist the project uses (published list, checked against its recorded hash, with our changes)."""
    words = published_stopwords()
    digest = _sha256_of_words(words)
    if digest != STOPLIST_SHA256:
        raise RuntimeError(
            f"the stopwords-iso Chinese list has sha256 {digest}, not the recorded {STOPLIST_SHA256}; "
            f"install stopwordsiso=={STOPLIST_VERSION} (requirements.txt)"
        )
    return build_stoplist(words, read_stopword_additions())


# --------------------------------------------------------------------------------------------------------------
# How the lexicon was made
# --------------------------------------------------------------------------------------------------------------

#: Quotation marks the page uses around terms (“…” mostly, 「…」 once).
_QUOTED = re.compile(r"“([^”\n]{2,40})”|「([^」\n]{2,40})」")
#: Separators inside a quoted list of terms.
_LIST_SEP = re.compile(r"[、,，;；:：—\-+＋\s]+")
#: Heads of named mechanisms: a token before one of these, glued, names an organisation or arrangement.
MECHANISM_HEADS = ("会", "联盟", "共同体", "联合体", "党建", "工坊", "站", "型", "性", "化", "域")
#: Administrative units: a name before one of these, glued, is a place.
PLACE_HEADS = ("省", "市", "区", "县", "镇", "村", "街道", "里", "弄")


def lexicon_candidates(texts: Iterable[str], min_count: int = 2, max_len: int = 6, plain: Tokenizer | None = None):
    """Propose lexicon entries from the texts themselves, for a person to review.

    Four kinds of evidence, each a column ``kind``:

    - ``quoted``: a term the author puts in quotation marks (“紧密型”), or an item of a quoted list, that plain
      jieba cuts into more than one token;
    - ``repeated``: a run of 2–3 plain-jieba tokens (all Chinese, none a stopword, ``max_len`` characters at
      most) that occurs at least ``min_count`` times — a unit jieba keeps breaking;
    - ``mechanism``: a token glued to a following head that names an arrangement (…会, …联盟, …共同体, …型, …化);
    - ``place``: one or two tokens glued to an administrative unit (…区, …县, …镇, …村, …街道).

    Returns a DataFrame ``candidate, kind, count, jieba, known`` sorted by kind, count (desc), candidate, where
    ``jieba`` shows plain jieba's cut and ``known`` says whether jieba's dictionary already holds the word.
    Candidates that plain jieba already keeps whole are dropped: they need no lexicon entry.
    """
    import pandas as pd

    plain = plain or get_plain_tokenizer()
    stop = plain.stopwords
    texts = [t for t in texts if t]
    joined = "\n".join(texts)
    found: dict[tuple[str, str], int] = Counter()

    def ok_piece(tok: str) -> bool:
        return bool(_ALL_CJK.match(tok)) and tok not in stop

    # quoted terms and quoted list items
    for m in _QUOTED.finditer(joined):
        inner = m.group(1) or m.group(2)
        for item in [inner, *_LIST_SEP.split(inner)]:
            item = item.strip()
            if 2 <= len(item) <= max_len + 2 and _ALL_CJK.match(item):
                found[(item, "quoted")] += 1

    for text in texts:
        toks = plain.cut(text)
        # repeated runs of tokens
        for n in (2, 3):
            for i in range(len(toks) - n + 1):
                run = toks[i:i + n]
                if all(ok_piece(t) for t in run) and len("".join(run)) <= max_len:
                    found[("".join(run), "repeated")] += 1
        # mechanisms and places: token(s) + head
        for i, tok in enumerate(toks):
            if i == 0:
                continue
            if tok in MECHANISM_HEADS and ok_piece(toks[i - 1]):
                found[(toks[i - 1] + tok, "mechanism")] += 1
            if tok in PLACE_HEADS:
                for k in (1, 2):
                    if i - k < 0:
                        break
                    prev = toks[i - k:i]
                    name = "".join(prev)
                    if all(_ALL_CJK.match(p) for p in prev) and 2 <= len(name) <= 4 and prev[0] not in stop:
                        found[(name + tok, "place")] += 1

    rows = []
    for (cand, kind), count in found.items():
        if kind == "repeated" and count < min_count:
            continue
        cut = plain.cut(cand)
        if len(cut) <= 1:
            continue  # plain jieba already keeps it whole
        rows.append({
            "candidate": cand,
            "kind": kind,
            "count": joined.count(cand),
            "jieba": " / ".join(cut),
            "known": plain.known(cand),
        })
    table = pd.DataFrame(rows, columns=["candidate", "kind", "count", "jieba", "known"])
    order = {"quoted": 0, "mechanism": 1, "place": 2, "repeated": 3}
    table["_k"] = table["kind"].map(order)
    table = table.sort_values(["_k", "count", "candidate"], ascending=[True, False, True]).drop(columns="_k")
    return table.reset_index(drop=True)
