"""The engine under the project tokenizer: jieba's dictionary given to jieba-rs (rjieba), and where the two differ.

The engine gets exactly jieba's dictionary: jieba's own ``dict.txt`` (parsed once per process,
:func:`_dictionary`), the lexicon words with the frequencies *jieba's* ``add_word`` gave them
(:func:`_jieba_added_frequencies` replays its arithmetic, ``suggest_freq`` when the lexicon leaves it empty), and
jieba's total frequency made up by a filler entry no text can reach. Where the two implementations differ,
:func:`_engine_cut` repairs or falls back to jieba's own HMM, so the tokens are jieba's;
``tests/test_engine_parity.py`` checks it on the page and every report.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import threading
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fromto.segment.tokens import Tokenizer

_JIEBA_LOCK = threading.Lock()

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


# jieba's Viterbi copies every state's path at every character, so its time grows with the square of a run's length:
# 32,000 repeats of 的 take seconds in jieba.lcut itself. Runs of one-character steps longer than this are handed to
# it in pieces of this length, which keeps the cut linear. Real text has no such runs (the longest in the PKU text
# and the reports is far shorter), so tokens differ from jieba's only on input like a character repeated hundreds of
# times, and then only at a piece's edge.
HMM_RUN_LIMIT = 500


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
                for i in range(0, len(buf), HMM_RUN_LIMIT):
                    out.extend(finalseg.cut(buf[i:i + HMM_RUN_LIMIT]))

    for step in engine.cut(block, False):
        if len(step) == 1 or (step.isascii() and step.isalnum() and not engine.has_word(step)):
            buf += step
        else:
            flush()
            buf = ""
            out.append(step)
    flush()
    return out
