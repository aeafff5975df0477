"""Word segmentation for fromto: jieba with the discourse's own lexicon and a published stoplist.

``get_tokenizer()`` returns one :class:`Tokenizer`, loaded once per process. It wraps a *private*
``jieba.Tokenizer`` (never jieba's global one), whose dictionary cache lives in the project's private
``paths.CACHE`` folder instead of the shared temp folder, and which has the domain lexicon
(``resources/lexicon.tsv``) added to jieba's default dictionary.

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

def _new_jieba(cache_dir: Path):
    """A private ``jieba.Tokenizer`` on the default dictionary whose cache file lives in ``cache_dir``."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict … cost 0.5 seconds" in notebook output
    cache_dir = Path(cache_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if not os.access(cache_dir, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        from fromto.textio import InputError

        raise InputError(cache_dir, f"the cache folder is not writable ({exc.strerror or exc}); "
                                    "set FROMTO_CACHE to a writable folder") from None
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir)
    tk.cache_file = "jieba.default.cache"
    with _JIEBA_LOCK:
        tk.initialize()
    return tk


@dataclass
class Tokenizer:
    """jieba + domain lexicon + stoplist. Build with :func:`get_tokenizer` (loaded once)."""

    lexicon: list[LexiconEntry] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    hmm: bool = True
    cache_dir: Path = paths.CACHE

    def __post_init__(self):
        self._jieba = _new_jieba(self.cache_dir)
        for entry in self.lexicon:
            self._jieba.add_word(entry.word, entry.freq, entry.tag)

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(token, start, end)`` for every token of ``text`` (character offsets), white space dropped."""
        out = []
        for tok, start, end in self._jieba.tokenize(text, HMM=self.hmm):
            if tok.strip():
                out.append((tok, start, end))
        return out

    def cut(self, text: str) -> list[str]:
        """Every token of ``text`` in order, white space dropped."""
        return [tok for tok in self._jieba.lcut(text, HMM=self.hmm) if tok.strip()]

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
        out = []
        for tok in self._jieba.lcut(text, HMM=self.hmm):
            keep = verdicts.get(tok)
            if keep is None:
                keep = verdicts[tok] = bool(tok.strip()) and self.is_word(tok)
            if keep:
                out.append(tok)
        return out

    def tag(self, word: str) -> str:
        """The part-of-speech tag jieba's dictionary (or the lexicon) gives ``word``; ``"x"`` when unknown."""
        if not hasattr(self, "_tags"):
            import jieba.posseg

            self._tags = dict(jieba.posseg.POSTokenizer(self._jieba).word_tag_tab)
            self._tags.update(self._jieba.user_word_tag_tab)
        return self._tags.get(word, "x")


@functools.lru_cache(maxsize=None)
def get_tokenizer() -> Tokenizer:
    """The project's tokenizer (domain lexicon + stoplist), loaded once per process."""
    return Tokenizer(lexicon=read_lexicon(), stopwords=project_stoplist())


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
            "known": cand in plain._jieba.FREQ and plain._jieba.FREQ[cand] > 0,
        })
    table = pd.DataFrame(rows, columns=["candidate", "kind", "count", "jieba", "known"])
    order = {"quoted": 0, "mechanism": 1, "place": 2, "repeated": 3}
    table["_k"] = table["kind"].map(order)
    table = table.sort_values(["_k", "count", "candidate"], ascending=[True, False, True]).drop(columns="_k")
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------------------
# Scoring a segmentation against a gold standard (SIGHAN bakeoff style)
# --------------------------------------------------------------------------------------------------------------

def word_spans(tokens: Iterable[str]) -> set[tuple[int, int]]:
    """The character spans ``(start, end)`` of the tokens laid end to end (white space ignored)."""
    spans, pos = set(), 0
    for tok in tokens:
        tok = "".join(tok.split())
        if not tok:
            continue
        spans.add((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def segmentation_prf(gold: Iterable[list[str]], system: Iterable[list[str]], known: set[str] | None = None) -> dict:
    """Word precision, recall and F1 of ``system`` against ``gold``, line by line, as the SIGHAN scorer counts them.

    A system word is correct when a gold word has exactly the same character span. Lines must hold the same
    characters (white space aside); a mismatch raises ``ValueError``. With ``known`` (the training word list),
    ``oov_recall`` is the recall on gold words outside it.
    """
    n_gold = n_sys = n_ok = oov_gold = oov_ok = 0
    for i, (g, s) in enumerate(zip(gold, system, strict=True), start=1):
        gtext, stext = "".join("".join(g).split()), "".join("".join(s).split())
        if gtext != stext:
            raise ValueError(f"line {i}: system text differs from gold text")
        gs, ss = word_spans(g), word_spans(s)
        n_gold += len(gs)
        n_sys += len(ss)
        ok = gs & ss
        n_ok += len(ok)
        if known is not None:
            for a, b in gs:
                if gtext[a:b] not in known:
                    oov_gold += 1
                    oov_ok += (a, b) in ok
    p = n_ok / n_sys if n_sys else 0.0
    r = n_ok / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"gold_words": n_gold, "system_words": n_sys, "correct": n_ok, "precision": p, "recall": r, "f1": f}
    if known is not None:
        out["oov_words"] = oov_gold
        out["oov_recall"] = oov_ok / oov_gold if oov_gold else 0.0
    return out


def read_pku(folder: str | Path | None = None) -> tuple[list[str], list[list[str]], set[str]]:
    """The PKU test set read in place: raw lines, gold token lists, training words (empty set if absent).

    Raises ``FileNotFoundError`` naming the folder when the test files are absent (callers skip and say so).
    """
    folder = Path(folder) if folder else paths.PKU
    raw_path, gold_path = folder / paths.PKU_RAW.name, folder / paths.PKU_GOLD.name
    if not (raw_path.is_file() and gold_path.is_file()):
        raise FileNotFoundError(f"the PKU test set is not in {folder}")
    gold = [line.split() for line in gold_path.read_text(encoding="utf-8").split("\n")]
    raw = ["".join(toks) for toks in gold]  # the raw file's lines without the gold's spaces
    while raw and not raw[-1]:
        raw.pop()
        gold.pop()
    words_path = folder / paths.PKU_TRAINING_WORDS.name
    known = set(words_path.read_text(encoding="utf-8").split()) if words_path.is_file() else set()
    return raw, gold, known
