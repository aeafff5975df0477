"""What a page must hold before ``python -m fromto report`` writes anything about it.

The page notebooks describe a Chinese page's body text: its paragraphs and sentences, its words, its transitions.
:func:`page_problem` runs their pipeline on the page once, in a worker under corpus mode's per-document time limit
(:func:`fromto.corpus.check_document`), and refuses in one line a page that runs past the limit, has no body
paragraph (only headings, bylines or captions), or has no Chinese body text to speak of — instead of failing
half-way through a notebook or running for ever.
"""

from __future__ import annotations

from pathlib import Path

#: The fewest Chinese characters of body text a report describes (about one short sentence).
MIN_BODY_HAN = 20


def summary_problem(check) -> str | None:
    """The one-line reason a page with these counts (a :class:`fromto.corpus.DocumentCheck`) cannot be reported
    on, or None."""
    if check.error is not None:
        return f"the page pipeline did not finish ({check.error})"
    if check.n_body_paragraphs == 0:
        return (f"has no body paragraph (the cleaner found {check.n_paragraphs} headings, bylines or captions and no "
                "running text): a report would have nothing to describe")
    han, latin = check.n_body_chinese_chars, check.n_body_latin_letters
    if han < MIN_BODY_HAN or latin > han:
        return (f"its body text holds {han} Chinese characters and {latin} Latin letters: the report reads Chinese "
                f"pages (at least {MIN_BODY_HAN} Chinese characters of body text)")
    return None


def page_problem(path: str | Path, time_limit: float | None = None) -> str | None:
    """Why the page at ``path`` cannot be reported on (one line), or None when it can. ``time_limit`` is corpus
    mode's (default :data:`fromto.corpus.DEFAULT_TIME_LIMIT` seconds, 0 none); an unreadable page raises
    :class:`~fromto.textio.InputError`."""
    from fromto import corpus

    return summary_problem(corpus.check_document(Path(path), time_limit))
