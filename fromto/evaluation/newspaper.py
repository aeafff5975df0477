"""The sentences of a folder of Markdown newspaper articles, with stable ids, for gold standards made by reading.

The People's Daily development corpus (``../shared/corpora/peoples-daily-2025-party-building/``, research-only)
stores one article per Markdown file with YAML front matter. Its text may never be committed, so a gold standard
made on it stores only ``(file, sentence_id, sha256 of the sentence, poles, codes)``; this module rebuilds the same
sentences from the files in place, and :func:`check_sentences` says when a file no longer gives the sentence a
gold row was made on.

How an article becomes sentences: the front matter is split off (:func:`fromto.corpus.readers.split_front_matter`);
each Markdown line loses its block marks (``#`` headings, ``>`` quotes, list bullets, emphasis stars); the text is
cleaned by :func:`fromto.clean.clean_document` as any plain document (one paragraph a line) and split into its
sentences. A sentence id is the cleaner's (``a1p3s02``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fromto.clean import clean_document
from fromto.corpus.readers import split_front_matter
from fromto.textio import read_text

#: Block marks at the start of a Markdown line: headings, quotes, bullets.
_BLOCK_MARK = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)+")
#: Emphasis stars around a run of text.
_EMPHASIS = re.compile(r"\*{1,3}([^*\n]+)\*{1,3}")


def markdown_plain(text: str) -> str:
    """The text of a Markdown article body as plain lines: block marks and emphasis removed, blank lines dropped."""
    out = []
    for line in text.splitlines():
        line = _EMPHASIS.sub(r"\1", _BLOCK_MARK.sub("", line.strip())).strip()
        if line and not re.fullmatch(r"[-*_]{3,}", line):
            out.append(line)
    return "\n".join(out) + "\n"


def sentence_digest(text: str) -> str:
    """The first 16 hex digits of the sha256 of a sentence's text (how a committed gold row names its sentence)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_sentences(path: str | Path) -> tuple[dict, list[dict]]:
    """``(meta, sentences)`` of one Markdown article: meta has ``title`` and ``date``; each sentence is a dict with
    ``file``, ``sentence_id``, ``paragraph``, ``text`` and ``sha`` (:func:`sentence_digest`)."""
    path = Path(path)
    meta, body, _ = split_front_matter(read_text(path), path.name)
    result = clean_document(markdown_plain(body), path.name)
    rows = [{"file": path.name, "sentence_id": r["sentence_id"], "paragraph": r["paragraph"],
             "text": r["text"], "sha": sentence_digest(r["text"])} for r in result.sentence_rows]
    return meta, rows


def split_of(date: str, last_tune_date: str) -> str:
    """``"tune"`` for an article dated on or before ``last_tune_date`` (ISO dates compare as strings), else
    ``"heldout"``."""
    return "tune" if str(date) <= last_tune_date else "heldout"


def corpus_sentences(folder: str | Path, last_tune_date: str) -> list[dict]:
    """Every sentence of every ``articles/*.md`` file under ``folder`` (sorted by file name), each with its
    article's ``date``, ``title`` and ``split`` (:func:`split_of`)."""
    folder = Path(folder)
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    out = []
    for path in sorted(articles.glob("*.md")):
        meta, rows = article_sentences(path)
        for r in rows:
            out.append({**r, "date": meta.get("date", ""), "title": meta.get("title", ""),
                        "split": split_of(meta.get("date", ""), last_tune_date)})
    return out


def check_sentences(gold_rows, sentences) -> list[str]:
    """Problems, one line each, where a gold row's ``(file, sentence_id)`` is missing from ``sentences`` or its
    ``sha`` differs (the file changed, or the cleaner now splits it otherwise). Empty when all agree."""
    index = {(s["file"], s["sentence_id"]): s["sha"] for s in sentences}
    problems = []
    for g in gold_rows:
        key = (g["file"], g["sentence_id"])
        if key not in index:
            problems.append(f"{key[0]}: sentence {key[1]} is not in the text")
        elif index[key] != g["sha"]:
            problems.append(f"{key[0]}: sentence {key[1]} differs from the one annotated (sha {g['sha']})")
    return problems
