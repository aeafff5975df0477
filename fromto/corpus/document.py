"""The unit of work of corpus mode: one document cleaned, counted, extracted and coded, and its rows as CSV.

The table layouts of a corpus run live here too, with the CSV fragments a worker sends back (every text cell a
spreadsheet would read as a formula neutralised).
"""

from __future__ import annotations

import collections
import csv
import functools
import io
import re
from typing import Iterable

from fromto.textio import spreadsheet_safe

# --- Table layouts --------------------------------------------------------------------------------------------
# Fixed column lists (the shared data contracts), so every worker serialises rows the same way and the header
# is known before the first document arrives.
DOCUMENT_COLUMNS = [
    "doc", "title", "date", "body_offset", "n_chars", "n_articles", "n_paragraphs", "n_sentences",
    "n_words", "n_terms", "n_transitions",
]
PARAGRAPH_COLUMNS = [
    "doc", "article", "article_title", "byline", "section", "section_title", "paragraph", "paragraph_id",
    "position", "text", "raw_start", "raw_end",
]
TERM_COLUMNS = ["doc", "term", "count"]
TRANSITION_COLUMNS = [
    "doc", "article", "section", "paragraph_id", "sentence_id", "position", "sentence", "marker", "subject",
    "source", "target", "verb", "source_quote", "target_quote", "chain_id", "step", "start", "end",
    "source_resolved", "code", "code_rule", "source_en", "target_en",
]
ERROR_COLUMNS = ["doc", "reason"]
#: The columns :func:`fromto.coding.rules.code_transitions` adds.
CODE_COLUMNS = ["code", "code_rule", "source_en", "target_en"]

#: Output tables of corpus mode: file name -> columns, in the order they are written.
TABLES = {
    "documents.csv": DOCUMENT_COLUMNS,
    "paragraphs.csv": PARAGRAPH_COLUMNS,
    "term_frequencies.csv": TERM_COLUMNS,
    "transitions.csv": TRANSITION_COLUMNS,
    "errors.csv": ERROR_COLUMNS,
}
_RESULT_KEYS = {"documents.csv": "document", "paragraphs.csv": "paragraphs",
                "term_frequencies.csv": "terms", "transitions.csv": "transitions"}



# --- The per-document function ----------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def coding_resources() -> tuple:
    """The codebook and glossary :func:`fromto.coding.rules.code_transitions` needs, read once per process."""
    from fromto.coding import codebook

    return codebook.load_codebook(), codebook.load_glossary()


def coded_transitions(sentences) -> list[dict]:
    """Transitions of a cleaned document's sentences, extracted and coded (the notebooks' two calls), as rows.

    Returns a list of dicts (:data:`TRANSITION_COLUMNS`), empty for the many documents without a transition; no
    DataFrame is built, which for small documents would cost more than the extraction. The codebook and glossary
    are read once per process (:func:`coding_resources`) and passed in.
    """
    from fromto import transitions
    from fromto.coding import rules

    rows = transitions.extract_rows(sentences)
    if not rows:
        return []
    book, glossary = coding_resources()
    return rules.code_rows(rows, book, glossary)


def term_counts(paragraph_texts: Iterable[str]) -> collections.Counter:
    """Content-word counts over texts, with the project's tokenizer.

    The texts are segmented as one string joined by line breaks: jieba never lets a word cross a line break, so
    the counts are those of segmenting each text alone, with one call per document instead of one per paragraph.
    """
    from fromto.segment import tokens

    return tokens.get_tokenizer().word_counts("\n".join(paragraph_texts))


def process_document(doc_id: str, text: str, meta: dict | None = None) -> dict:
    """Clean, segment and extract coded transitions from one document; the unit of work of corpus mode.

    Returns a dict of small tables: ``document`` (one dict: the row of ``documents.csv``), ``paragraphs``
    (the cleaned paragraphs as rows, dicts with :data:`fromto.clean.PARAGRAPH_COLUMNS`), ``terms`` (rows
    doc, term, count; most frequent first, ties by term) and ``transitions`` (the coded rows, a list of dicts,
    empty when the document holds none). Pure: depends only on its arguments and the loaded dictionaries, so any
    engine can map it over documents; on a Dask cluster, :func:`fromto.corpus.cluster_results` does (dictionaries
    loaded once per worker, batches, results in input order, a bad document or a dead worker reported).

    Exceptions propagate; drivers decide whether one bad document stops them.
    """
    from fromto import clean

    meta = meta or {}
    result = clean.clean_document(text, doc_id)
    paragraphs = result.paragraph_rows
    counts = term_counts([r["text"] for r in paragraphs])
    terms = [{"doc": doc_id, "term": t, "count": c}
             for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    coded = coded_transitions(result.sentence_rows)
    document = {
        "doc": doc_id,
        "title": meta.get("title", "") or _first_title(result),
        "date": meta.get("date", ""),
        "body_offset": int(meta.get("body_offset", 0)),
        "n_chars": len(text),
        "n_articles": len(result.article_rows),
        "n_paragraphs": len(paragraphs),
        "n_sentences": len(result.sentence_rows),
        "n_words": int(sum(counts.values())),
        "n_terms": int(len(counts)),
        "n_transitions": int(len(coded)),
    }
    return {"document": document, "paragraphs": paragraphs, "terms": terms, "transitions": coded}


def _first_title(result) -> str:
    """The first article title the cleaner found, for documents without a title in their metadata."""
    for row in result.article_rows:
        title = row.get("title", "")
        if isinstance(title, str) and title.strip():
            return title
    return ""


def _cell(value):
    """A value as the CSV writer should see it: missing values (None, NaN, pd.NA) as empty cells."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    return value


def _csv_fragment(table, columns: list[str]) -> str:
    """CSV rows (no header) of ``table`` (a DataFrame or a list of dicts) in ``columns`` order; absent columns
    are empty; text cells a spreadsheet would read as a formula get a ``'`` in front (:func:`spreadsheet_safe`).

    The standard csv writer over plain lists: several times faster than ``DataFrame.to_csv`` on the small
    tables of one document, which matters because this runs once per table per document.
    """
    if table is None or len(table) == 0:
        return ""
    if isinstance(table, list):  # rows of plain Python values (str, int, bool): nothing to convert
        rows = [[r.get(c, "") for c in columns] for r in table]
    else:
        n = len(table)
        cols = [[_cell(v) for v in table[c].tolist()] if c in table.columns else [""] * n for c in columns]
        rows = list(zip(*cols))
    return _csv_rows(rows)


#: A cell of CSV text that may start with a formula character (see :func:`spreadsheet_safe`): after a line break
#: or a comma, quoted or not (the first cell is checked with :data:`_FIRST_FORMULA`). Every such cell matches; a
#: match inside a quoted cell costs only time.
_CELL_FORMULA = re.compile(r'[\n,]"?[=+\-@\t\r]')
_FIRST_FORMULA = re.compile(r'"?[=+\-@\t\r]')
_FORMULA_CHARS = "=+-@\t\r"


def _may_hold_formula(text: str) -> bool:
    """Could a cell of the CSV ``text`` start with a formula character? Never wrong when it says no; scanning for
    the six characters first keeps the common case (none of them) at a few microseconds."""
    if not any(ch in text for ch in _FORMULA_CHARS):
        return False
    return bool(_FIRST_FORMULA.match(text) or _CELL_FORMULA.search(text))


def _csv_rows(rows: list) -> str:
    """``rows`` (lists of values) as CSV text, text cells made :func:`spreadsheet_safe`.

    Written once as they are; only when the text shows a cell that may start a formula (rare) are the rows
    written again through :func:`spreadsheet_safe`, so the common case costs one regular-expression scan.
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    # A lone carriage return in a cell is written bare by the csv writer (it quotes only for its line terminator)
    # and would read back as two rows: such rows are written again with every non-numeric cell quoted.
    quoting = csv.QUOTE_NONNUMERIC if "\r" in text else csv.QUOTE_MINIMAL
    if _may_hold_formula(text) or quoting != csv.QUOTE_MINIMAL:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n", quoting=quoting).writerows(
            [spreadsheet_safe(v) for v in row] for row in rows)
        text = buf.getvalue()
    return text


def _row_fragment(values: list) -> str:
    """One CSV row of ``values``, text cells made :func:`spreadsheet_safe`."""
    return _csv_rows([values])


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
