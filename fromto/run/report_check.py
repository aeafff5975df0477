"""What a page must hold before ``python -m fromto report`` writes anything about it.

The page notebooks describe a Chinese page's body text: its paragraphs and sentences, its words, its transitions.
A page with no body paragraph (only headings, bylines or captions) or without Chinese body text gives them nothing
to describe, so the report refuses it in one line naming what is missing instead of failing half-way through a
notebook. :func:`page_summary` is what the check measures; :func:`page_problem` turns it into that line.
"""

from __future__ import annotations

import re
from pathlib import Path

#: A Han character (CJK unified ideographs and extension A), as counted in a page's body text.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: A Latin letter, counted against Han characters to tell an English page from a Chinese one.
LATIN = re.compile(r"[A-Za-z]")
#: The fewest Han characters of body text a report describes (about one short sentence).
MIN_BODY_HAN = 20


def page_summary(text: str) -> dict:
    """Counts of the cleaned page: ``paragraphs``, ``body_paragraphs``, ``sentences``, ``body_han`` (Han characters
    of the body paragraphs) and ``body_latin`` (Latin letters of the body paragraphs)."""
    from fromto import clean

    result = clean.clean_page(text)
    paras = result.paragraphs
    body = paras[paras["position"] == "body"]["text"].astype(str)
    joined = "".join(body)
    return {
        "paragraphs": int(len(paras)),
        "body_paragraphs": int(len(body)),
        "sentences": int(len(result.sentences)),
        "body_han": len(HAN.findall(joined)),
        "body_latin": len(LATIN.findall(joined)),
    }


def summary_problem(summary: dict) -> str | None:
    """The one-line reason a page with ``summary`` (see :func:`page_summary`) cannot be reported on, or None."""
    if summary["body_paragraphs"] == 0:
        return (f"has no body paragraph (the cleaner found {summary['paragraphs']} headings, bylines or captions "
                "and no running text): a report would have nothing to describe")
    if summary["body_han"] < MIN_BODY_HAN or summary["body_latin"] > summary["body_han"]:
        return (f"its body text holds {summary['body_han']} Chinese characters and {summary['body_latin']} Latin "
                f"letters: the report reads Chinese pages (at least {MIN_BODY_HAN} Chinese characters of body text)")
    return None


def page_problem(path: str | Path) -> str | None:
    """Why the page at ``path`` cannot be reported on (one line), or None when it can. The page is read with
    :func:`fromto.textio.read_text`, which raises :class:`~fromto.textio.InputError` for an unreadable file."""
    from fromto.textio import read_text

    return summary_problem(page_summary(read_text(Path(path))))
