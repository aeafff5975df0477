"""The lexicon and the stoplist of the project tokenizer, and how the lexicon was made.

The stoplist is the stopwords-iso Chinese list (package ``stopwordsiso`` 0.7.1; its name, version and sha256
are in :func:`stoplist_provenance` and the run manifest), minus a documented keep-list of meaningful one-character
words it contains (区, 共, …), plus the project's additions; both live in ``resources/stopwords_additions.tsv``,
each row with its reason. :func:`is_punctuation` and :func:`is_quantity` say which tokens are never content words.
The domain lexicon is ``resources/lexicon.tsv`` (:func:`read_lexicon`); :func:`lexicon_candidates` is how it was
made: it proposes the terms the page itself marks as units (quoted terms, repeated runs that jieba breaks, names of
mechanisms and places) for review.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from fromto import paths

if TYPE_CHECKING:
    from fromto.segment.tokens import Tokenizer

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

    if plain is None:
        from fromto.segment.tokens import get_plain_tokenizer  # the tokenizer reads this module: import when used

        plain = get_plain_tokenizer()
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
