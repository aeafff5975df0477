"""Word segmentation for fromto: jieba with the discourse's own lexicon and a published stoplist.

``get_tokenizer()`` returns one :class:`Tokenizer`, loaded once per process. Its reference is a *private*
``jieba.Tokenizer`` (never jieba's global one), whose dictionary cache lives in the project's private
``paths.CACHE`` folder instead of the shared temp folder, and which has the domain lexicon
(``resources/lexicon.tsv``) added to jieba's default dictionary.

The cutting itself is done by an *engine* (see :data:`fromto.segment.engine.ENGINES`): ``rjieba`` (the binding of jieba-rs, the Rust
port of jieba: same dictionary, same DAG + HMM algorithm, about ten times faster) when it is installed at the
verified versions, otherwise jieba itself. ``FROMTO_ENGINE=jieba`` (or ``Tokenizer(engine="jieba")``) forces
jieba. The engine gets exactly jieba's dictionary: jieba's own ``dict.txt`` (the wheel's embedded copy is checked
word by word against it by the tests), the lexicon words with the frequencies *jieba's* ``add_word`` gave them
(``suggest_freq`` when the lexicon leaves it empty), and jieba's total frequency (which counts the duplicate
dictionary line and re-added words, where jieba-rs does not) made up by a filler entry no text can reach. Where
the two implementations differ, :meth:`Tokenizer.cut` repairs or falls back (see :func:`fromto.segment.engine._engine_cut`), so its
tokens are jieba's; ``tests/test_engine_parity.py`` checks it on the page and every report.

- ``.cut(text)``: every token, white space dropped (what ``python -m fromto segment`` prints).
- ``.words(text)``: content words only: stopwords, punctuation, numbers and quantity expressions removed.
  One-character words are *not* filtered by length, so 党 (the Party), 楼 (building), 城 (city) stay.

The stoplist and the lexicon, and how the lexicon was made, are :mod:`fromto.segment.lexicon`; the engine and its
repairs are :mod:`fromto.segment.engine`.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fromto import paths
from fromto.segment.engine import (_TOTAL_FILLER, _cached_json, _dictionary, _engine_cut, _jieba_added_frequencies,
                                   _jieba_dict_path, _new_jieba, _rjieba_class, _version, _writable_cache,
                                   resolve_engine)
from fromto.segment.lexicon import (STOPLIST_PACKAGE, STOPLIST_SHA256, STOPLIST_VERSION, _HAS_WORD_CHAR, LexiconEntry,
                                    _sha256_of_words, build_stoplist, is_punctuation, is_quantity,
                                    published_stopwords, read_lexicon, read_stopword_additions)

_BUILD_LOCK = threading.RLock()


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


    def lexicon_words(self) -> frozenset[str]:
        """The words of this tokenizer's domain lexicon (phrases it keeps whole that plain jieba cuts)."""
        words = self.__dict__.get("_lexicon_words")
        if words is None:
            words = self.__dict__["_lexicon_words"] = frozenset(e.word for e in self.lexicon)
        return words


@functools.lru_cache(maxsize=4096)
def phrase_parts(phrase: str) -> tuple[str, ...]:
    """The words of jieba's default dictionary that ``phrase`` is made of, the phrase itself excluded: jieba's
    own route over its dictionary (the split whose word frequencies have the highest product; HMM off, so an
    unknown stretch falls apart into characters). A domain-lexicon entry is a phrase plain jieba cuts into more
    than one word (see ``resources/lexicon.tsv``): 工业锈带 -> 工业 / 锈 / 带, 田园五镇 -> 田园 / 五 / 镇.
    """
    import math

    freq, _tags, total, _heads = _dictionary()
    n = len(phrase)
    log_total = math.log(total)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, n + 1):
            piece = phrase[i:j]
            if (i, j) == (0, n):
                continue
            f = freq.get(piece, 0)
            if f > 0 or j == i + 1:
                options.append((math.log(f or 1) - log_total + best[j][0], j))
        best[i] = max(options)
    parts, i = [], 0
    while i < n:
        j = best[i][1]
        parts.append(phrase[i:j])
        i = j
    return tuple(parts)


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
