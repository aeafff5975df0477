"""Hand coding and QDA exchange: coding sheets out and back, agreement from a filled sheet, REFI-QDA projects.

The rules of :mod:`fromto.codebook` code every transition and record why (``code_rule``); a reader checks them,
codes what the rules left ``UNCODED``, and records OTHER or NOT_A_TRANSITION where only a reader can decide.
This module carries the statements to that reader and back:

* :func:`coding_sheet` — one row per transition with its sentence, the sentence before and after it, the poles,
  the rule's code and rule, and empty ``human_code``, ``confidence`` and ``note`` columns;
  :func:`write_coding_sheet` writes it as CSV (and, optionally, XLSX with a drop-down of the codes and the
  codebook on a second sheet);
* :func:`read_coding_sheet` reads a filled sheet back (CSV or XLSX) and checks every code against the codebook:
  a problem ends in one line naming the file, the row and the problem (:class:`fromto.textio.InputError`). An
  XLSX sheet is read as a stream of rows, each checked as it comes, after its size has been checked against
  :data:`MAX_SHEET_BYTES`, :data:`MAX_SHEET_ROWS`, :data:`MAX_ROW_CELLS` and :data:`MAX_XLSX_ELEMENTS`;
* :func:`apply_human_codes` gives the final ``code`` — the human code where given, else the rule's — and
  ``code_source`` = ``human`` | ``rule``; :func:`sheet_agreement` compares rule and human codes per statement
  with the same measures as notebook 03 (percent agreement, Cohen's κ, Krippendorff's α, per code and overall)
  and lists the disagreements;
* :func:`export_qdpx` writes a REFI-QDA project (``.qdpx``: a zip of ``project.qde`` and ``sources/``): the
  codebook with its parent groups, the source texts, and every coded transition as a ``PlainTextSelection`` over
  its sentence's raw character offsets, with a ``Coding`` for its code. GUIDs are uuid5 names, the zip has fixed
  timestamps, so an unchanged input gives identical bytes. ``tests/test_qda.py`` validates ``project.qde``
  against the published REFI-QDA Project schema;
* :func:`draw_coding_sample` and :func:`coder_definitions_markdown` make an independent second coder's packet.

Nothing a document holds can turn into something else on the way out. Every cell of a coding sheet is text that
no spreadsheet runs as a formula (:func:`fromto.textio.spreadsheet_safe`: ``-松散型`` is written ``'-松散型``),
and XLSX cells are written as strings, never formulas. Characters XML 1.0 cannot hold (most control characters,
lone surrogates, U+FFFE, U+FFFF) are replaced by U+FFFD, one for one, in the sheet and in the REFI-QDA project
(:func:`fromto.textio.xml_safe`), and a :class:`ReplacedCharacterWarning` says how many and which.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from fromto import codebook as cb
from fromto import paths
from fromto.textio import (InputError, atomic_write, describe_chars, read_resource_csv, read_text, spreadsheet_safe,
                           spreadsheet_unquote, write_csv, xml_safe)

#: XML namespace of the REFI-QDA project format (``project.qde``).
PROJECT_XMLNS = "urn:QDA-XML:project:1.0"
#: Namespace of the deterministic GUIDs of sources, selections, codings and users (codes use codebook's).
QDPX_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/fromto/qdpx")
#: Timestamp written for every member of a .qdpx zip, so the bytes do not depend on the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

#: Columns of a coding sheet, in order. The last three are the reader's.
SHEET_COLUMNS = [
    "statement_id", "doc", "sentence_id", "prev_sentence", "sentence", "next_sentence", "marker", "subject",
    "source", "target", "rule_code", "code_rule", "human_code", "confidence", "note",
]
#: Columns a reader fills in.
READER_COLUMNS = ["human_code", "confidence", "note"]
#: Allowed confidence values (empty is allowed too).
CONFIDENCE = ("high", "medium", "low")

#: Most data rows a filled coding sheet may have: far above any sheet a person codes (the page's has 20 rows, the
#: reports' 242) and above a sheet of every transition of a large corpus run.
MAX_SHEET_ROWS = 50_000
#: Most bytes a coding sheet may take: a CSV file's size, or the uncompressed size its zip declares for all members
#: of an XLSX workbook together (openpyxl writes about 2.2 KB a row with the context sentences, so
#: :data:`MAX_SHEET_ROWS` rows take about 110 MB). An XLSX file itself, being compressed, may take a quarter of it.
MAX_SHEET_BYTES = 128 * 2**20
#: Most cells one row of an XLSX sheet may hold (a coding sheet has 15 columns). A row of empty ``<c/>`` elements
#: costs openpyxl some 80 times its bytes in memory, so the byte bound alone does not bound memory.
MAX_ROW_CELLS = 1_000
#: Most XML elements all members of an XLSX workbook may hold together (a sheet openpyxl writes has about 42 a
#: row). Each element costs openpyxl a Python object or more while it parses shared strings and styles.
MAX_XLSX_ELEMENTS = 4_000_000
#: The start tag of a worksheet row or cell, whatever its namespace prefix: local name, then its attributes.
_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)")
#: A row's ``r`` attribute (its row number) among a start tag's attributes.
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']\s*(\d{1,12})""")


class ReplacedCharacterWarning(UserWarning):
    """Characters an export cannot hold (XML 1.0: most control characters, lone surrogates, U+FFFE, U+FFFF) were
    replaced by U+FFFD, one for one; the message says where, how many and which."""


def _warn_replaced(where: str, chars: list[str]) -> None:
    if chars:
        warnings.warn(f"{where}: {len(chars)} character{'' if len(chars) == 1 else 's'} XML 1.0 cannot hold "
                      f"replaced by U+FFFD ({describe_chars(chars)})", ReplacedCharacterWarning, stacklevel=3)


def _text(value) -> str:
    return cb._text(value)


def sheet_cell(value) -> tuple[str, list[str]]:
    """A coding sheet's cell for ``value``: its text (:func:`_text`) with line breaks as LF (a bare CR is not
    quoted by the CSV writer, so it would end the row), the characters XML 1.0 cannot hold replaced
    (:func:`fromto.textio.xml_safe`) and a ``'`` in front where a spreadsheet would read it as a formula
    (:func:`fromto.textio.spreadsheet_safe`); and the characters replaced. The same text goes into the CSV and
    the XLSX sheet, so both read back alike. Applying it again changes nothing."""
    text, replaced = xml_safe(_text(value).replace("\r\n", "\n").replace("\r", "\n"))
    return spreadsheet_safe(text), replaced


def _sheet_cells(sheet: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """``sheet`` with every cell made by :func:`sheet_cell`, and every character replaced."""
    replaced: list[str] = []
    columns = {}
    for col in sheet.columns:
        cells = []
        for value in sheet[col].tolist():
            cell, chars = sheet_cell(value)
            cells.append(cell)
            replaced.extend(chars)
        columns[col] = cells
    return pd.DataFrame(columns, columns=list(sheet.columns), index=sheet.index), replaced


def _shown(text: str) -> str:
    """``text`` as an error message may show it on one line: as it is, or quoted with escapes when it holds a
    line break, a control character or a lone surrogate."""
    return text if text.isprintable() else repr(text)


def _one_line(exc: Exception) -> str:
    """An exception's message on one line (openpyxl's span several)."""
    return " ".join(str(exc).split())


def _id_key(value) -> str:
    """A statement id as a sheet and its filled copy are matched on: the cell text (:func:`sheet_cell`) with what
    a spreadsheet or a CSV round trip may change undone: the ``'`` before a would-be formula (a spreadsheet
    drops it when it saves a CSV), CR line breaks (read as LF) and surrounding white space."""
    text = spreadsheet_unquote(xml_safe(_text(value))[0])
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --------------------------------------------------------------------------------------------------------------
# Statement ids and context
# --------------------------------------------------------------------------------------------------------------

def statement_ids(transitions: pd.DataFrame) -> list[str]:
    """One id per transition: ``<doc>:<sentence_id>t<n>`` (``<sentence_id>t<n>`` when ``doc`` is empty), n
    numbering the transitions of one sentence from 1 in table order."""
    docs = [_text(d) for d in (transitions["doc"] if "doc" in transitions else [""] * len(transitions))]
    sids = [_text(s) for s in transitions["sentence_id"]]
    seen: dict[tuple, int] = {}
    out = []
    for doc, sid in zip(docs, sids):
        seen[(doc, sid)] = seen.get((doc, sid), 0) + 1
        out.append(f"{doc + ':' if doc else ''}{sid}t{seen[(doc, sid)]}")
    return out


def sentence_context(sentences: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str]]:
    """``{(doc, sentence_id): (previous sentence, next sentence)}`` within each document, in table order
    (``""`` at a document's first or last sentence)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    docs = sentences["doc"] if "doc" in sentences else [""] * len(sentences)
    rows = list(zip([_text(d) for d in docs], [_text(s) for s in sentences["sentence_id"]],
                    [_text(t) for t in sentences["text"]]))
    for i, (doc, sid, _) in enumerate(rows):
        prev = rows[i - 1][2] if i > 0 and rows[i - 1][0] == doc else ""
        nxt = rows[i + 1][2] if i + 1 < len(rows) and rows[i + 1][0] == doc else ""
        out[(doc, sid)] = (prev, nxt)
    return out


# --------------------------------------------------------------------------------------------------------------
# Coding sheet out
# --------------------------------------------------------------------------------------------------------------

def coding_sheet(coded: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The coding sheet (:data:`SHEET_COLUMNS`) of coded transitions (``code``, ``code_rule`` from
    :func:`fromto.codebook.code_transitions`), with the previous and next sentence from ``sentences`` (a
    sentences table with ``doc, sentence_id, text``) where given. The reader's columns are empty.

    Every cell is already what a spreadsheet should show (:func:`sheet_cell`): a cell that would start a formula
    has a ``'`` in front, characters XML 1.0 cannot hold are U+FFFD (a :class:`ReplacedCharacterWarning` says so),
    whichever way the sheet is written. For all other text the cells equal the transitions' fields."""
    ctx = sentence_context(sentences) if sentences is not None else {}
    docs = [_text(d) for d in (coded["doc"] if "doc" in coded else [""] * len(coded))]
    rows = []
    for sid_, doc, rec in zip(statement_ids(coded), docs, coded.to_dict("records")):
        prev, nxt = ctx.get((doc, _text(rec.get("sentence_id"))), ("", ""))
        rows.append({
            "statement_id": sid_, "doc": doc, "sentence_id": _text(rec.get("sentence_id")),
            "prev_sentence": prev, "sentence": _text(rec.get("sentence")), "next_sentence": nxt,
            "marker": _text(rec.get("marker")), "subject": _text(rec.get("subject")),
            "source": _text(rec.get("source")), "target": _text(rec.get("target")),
            "rule_code": _text(rec.get("code")), "code_rule": _text(rec.get("code_rule")),
            "human_code": "", "confidence": "", "note": "",
        })
    sheet, replaced = _sheet_cells(pd.DataFrame(rows, columns=SHEET_COLUMNS))
    _warn_replaced("coding sheet", replaced)
    return sheet


def write_coding_sheet(sheet: pd.DataFrame, path: str | os.PathLike, codebook: pd.DataFrame | None = None,
                       xlsx: bool = False) -> list[Path]:
    """Write ``sheet`` as CSV to ``path`` (UTF-8, LF); with ``xlsx`` also ``path`` with suffix ``.xlsx``: the
    sheet with a drop-down of the codes a reader may choose in ``human_code`` and ``confidence``, the header
    frozen, and the codebook's definitions on a second sheet. Returns the paths written.

    Every cell is written as :func:`sheet_cell` makes it (a sheet from :func:`coding_sheet` already is), as
    text in both files: no cell a spreadsheet would run as a formula, no character XML cannot hold."""
    target = Path(path)
    sheet, replaced = _sheet_cells(sheet)
    _warn_replaced(str(target), replaced)
    written = [write_csv(sheet, target)]
    if xlsx:
        written.append(_write_xlsx(sheet, target.with_suffix(".xlsx"),
                                   cb.load_codebook() if codebook is None else codebook))
    return written


def _write_xlsx(sheet: pd.DataFrame, path: Path, codebook: pd.DataFrame) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "coding"
    ws.append([sheet_cell(c)[0] for c in sheet.columns])
    for row in sheet.itertuples(index=False):  # cells made by sheet_cell in write_coding_sheet
        ws.append([_text(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    widths = {"prev_sentence": 40, "sentence": 60, "next_sentence": 40, "source": 24, "target": 24,
              "code_rule": 30, "note": 40}
    for i, col in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(col, 14)
        if col in ("prev_sentence", "sentence", "next_sentence", "note"):
            for cell in ws[get_column_letter(i)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    n = max(len(sheet) + 1, 2)
    if "human_code" in sheet.columns:
        col = get_column_letter(list(sheet.columns).index("human_code") + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(cb.reader_codes(codebook)) + '"', allow_blank=True)
        dv.add(f"{col}2:{col}{n}")
        ws.add_data_validation(dv)
    if "confidence" in sheet.columns:
        col = get_column_letter(list(sheet.columns).index("confidence") + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(CONFIDENCE) + '"', allow_blank=True)
        dv.add(f"{col}2:{col}{n}")
        ws.add_data_validation(dv)
    defs = wb.create_sheet("codebook")
    cols = ["code", "parent", "label_zh", "label_en", "definition", "when_to_use", "when_not_to_use", "example"]
    defs.append(cols)
    for rec in codebook.to_dict("records"):
        if _text(rec.get("kind")) == "group" or rec["code"] == cb.UNCODED_CODE:
            continue
        defs.append([sheet_cell(rec.get(c))[0] for c in cols])
    for sheet_ in (ws, defs):  # text stays text: openpyxl takes a string starting with "=" for a formula
        for cells in sheet_.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "wb", encoding=None) as fh:
        wb.save(fh)
    return path


# --------------------------------------------------------------------------------------------------------------
# Coding sheet back in
# --------------------------------------------------------------------------------------------------------------

#: A row of a sheet as read: its row number in the file, its cells as text (as many as the header), and the
#: positions of the cells that hold a formula.
_Row = tuple[int, list[str], set[int]]


def _xlsx_bounds(path: Path, z: zipfile.ZipFile) -> None:
    """Refuse a workbook too large for a coding sheet before openpyxl parses any of it.

    First the uncompressed size the zip declares for all members, against :data:`MAX_SHEET_BYTES` (reading a
    member never yields more than its declared size). Then every member is scanned as bytes, in chunks (memory
    stays flat), for a DTD (OOXML parts never have one; its entities could multiply elements unseen) and for
    more than :data:`MAX_XLSX_ELEMENTS` elements, a ``<row>`` beyond :data:`MAX_SHEET_ROWS` + 1 or a row of more
    than :data:`MAX_ROW_CELLS` ``<c>`` cells. The scan reads tags by their local name whatever their prefix and
    may count text that only looks like a tag, so it can count too many, never too few. The ``dimension`` a sheet
    declares is not read."""
    total = sum(info.file_size for info in z.infolist())
    if total > MAX_SHEET_BYTES:
        raise InputError(path, f"the workbook holds {total:,} bytes uncompressed, more than a coding sheet may "
                               f"({MAX_SHEET_BYTES:,})")
    elements = 0
    for info in z.infolist():
        rows = cells = 0
        carry = b""
        with z.open(info) as fh:
            while True:
                chunk = fh.read(1 << 20)
                data = carry + chunk
                cut = data.rfind(b"<") if chunk else -1  # a tag is never split: keep the last "<" for next time
                part, carry = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
                if b"<!DOCTYPE" in part or b"<!ENTITY" in part:
                    raise InputError(path, f"{info.filename} declares a DTD, which no XLSX workbook has")
                elements += part.count(b"<") - part.count(b"</")
                if elements > MAX_XLSX_ELEMENTS:
                    raise InputError(path, f"the workbook holds more than {MAX_XLSX_ELEMENTS:,} XML elements, "
                                           "more than a coding sheet needs")
                for m in _ROW_OR_CELL.finditer(part):
                    if m.group(1) == b"row":
                        number = _ROW_NUMBER.search(m.group(2))
                        rows = max(rows + 1, int(number.group(1)) if number else 0)
                        cells = 0
                        if rows > MAX_SHEET_ROWS + 1:
                            raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows (row {rows:,} "
                                                   f"in {info.filename}); a coding sheet has one row a statement")
                    else:
                        cells += 1
                        if cells > MAX_ROW_CELLS:
                            raise InputError(path, f"row {rows} holds more than {MAX_ROW_CELLS:,} cells "
                                                   f"({info.filename}); a coding sheet has {len(SHEET_COLUMNS)} "
                                                   "columns")
                if not chunk:
                    break


def _xlsx_rows(path: Path) -> Iterator[_Row]:
    """The rows of the first sheet of an XLSX workbook, read one at a time (openpyxl's read-only mode), the
    header first. Columns end at the header's last named cell; a body row is cut or padded to that many cells.
    Formulas are not evaluated: a formula cell's text is its formula. Wholly empty rows are skipped, as in CSV."""
    from openpyxl import load_workbook

    size = path.stat().st_size
    if size > MAX_SHEET_BYTES // 4:
        raise InputError(path, f"the file has {size:,} bytes, more than an XLSX coding sheet may "
                               f"({MAX_SHEET_BYTES // 4:,})")
    try:
        with zipfile.ZipFile(path) as z:
            _xlsx_bounds(path, z)
        wb = load_workbook(path, read_only=True, data_only=False)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one input problem
        raise InputError(path, f"not a readable XLSX workbook ({_one_line(exc)})") from None

    def values(cells) -> list[str]:
        return ["" if c.value is None else str(c.value) for c in cells]

    number = 0
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the dimension element is the writer's claim, not the sheet's size
        header = values(next(iter(ws.iter_rows(min_row=1, max_row=1, min_col=1)), ()))
        width = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
        number = 1
        yield 1, header[:width], set()
        if not width:
            return
        rows = ws.iter_rows(min_row=2, min_col=1, max_col=width)
        while True:
            cells = next(rows, None)
            if cells is None:
                return
            number += 1
            if number > MAX_SHEET_ROWS + 1:  # checked before parsing too; here as the rows are read
                raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows")
            row = values(cells)
            if any(v.strip() for v in row):
                yield number, row + [""] * (width - len(row)), {i for i, c in enumerate(cells) if c.data_type == "f"}
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a cell openpyxl cannot parse
        raise InputError(path, f"not a readable XLSX workbook (after row {number}: {_one_line(exc)})") from None
    finally:
        wb.close()


def _csv_rows(path: Path) -> Iterator[_Row]:
    """The rows of a CSV sheet, the header first (after a leading ``#`` comment block), each checked for size."""
    size = path.stat().st_size
    if size > MAX_SHEET_BYTES:
        raise InputError(path, f"the file has {size:,} bytes, more than a coding sheet may ({MAX_SHEET_BYTES:,})")
    text = read_text(path)
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) and (lines[skipped].startswith("#") or not lines[skipped].strip()):
        skipped += 1
    table = read_resource_csv(path)
    if len(table) > MAX_SHEET_ROWS:
        raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows")
    yield skipped + 1, [str(c) for c in table.columns], set()
    for i, row in enumerate(table.itertuples(index=False)):
        yield skipped + 2 + i, [_text(v) for v in row], set()


def read_coding_sheet(path: str | os.PathLike, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """A filled coding sheet (CSV or XLSX), checked: an id column (``statement_id`` or ``id``) with unique,
    non-empty ids; a code column (``human_code``, or ``code`` as in the second coder's packet) whose non-empty
    values are codes a reader may choose (:func:`fromto.codebook.reader_codes`; case and surrounding spaces
    do not matter); ``confidence``, where present and filled, one of high / medium / low. In an XLSX sheet, the
    id, code, confidence and note cells must hold what the reader typed, not a formula (openpyxl cannot compute
    one, and a formula without a cached value would read as empty); a formula elsewhere reads as its text.

    Rows are checked as they are read, so a bad code on row 2 is reported without reading row 3. A sheet larger
    than :data:`MAX_SHEET_BYTES` or :data:`MAX_SHEET_ROWS` is refused before its rows are read (for XLSX see
    :func:`_xlsx_bounds`).

    Returns the table with the ids in ``statement_id``, the codes (upper case) in ``human_code`` and
    ``confidence`` lower case; every other cell as read. Raises :class:`fromto.textio.InputError` with one line
    ``PATH: row N: problem``, N being the row in the file (a spreadsheet's row number).
    """
    path = Path(path)
    codebook = cb.load_codebook() if codebook is None else codebook
    if not path.is_file():
        raise InputError(path, "no such file")
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    try:
        return _checked_sheet(path, rows, codebook)
    finally:
        rows.close()  # a refused row leaves the rest unread; close the workbook now


def _checked_sheet(path: Path, rows: Iterator[_Row], codebook: pd.DataFrame) -> pd.DataFrame:
    """:func:`read_coding_sheet` on the rows of a sheet, checking each as it comes."""
    first = next(rows, None)
    if first is None:
        raise InputError(path, "the sheet is empty")
    header = [h.strip() for h in first[1]]
    keep = [i for i, h in enumerate(header) if h]  # an unnamed XLSX column is nobody's
    header = [header[i] for i in keep]
    id_col = next((c for c in ("statement_id", "id") if c in header), None)
    code_col = next((c for c in ("human_code", "code") if c in header), None)
    if id_col is None:
        raise InputError(path, "no id column (statement_id or id)")
    if code_col is None:
        raise InputError(path, "no code column (human_code or code)")
    allowed = cb.reader_codes(codebook)
    typed = [(c, keep[header.index(c)]) for c in (id_col, code_col, "confidence", "note") if c in header]
    records, numbers = [], []
    seen: dict[str, int] = {}
    for row, values, formulas in rows:
        for col, i in typed:
            if i in formulas:
                raise InputError(path, f"row {row}: {col} holds a formula ({_shown(values[i][:40])}); "
                                       "type the value itself")
        rec = dict(zip(header, (values[i] for i in keep)))
        sid = rec[id_col].strip()
        if not sid:
            raise InputError(path, f"row {row}: empty {id_col}")
        key = _id_key(sid)
        if key in seen:
            raise InputError(path, f"row {row}: {id_col} {_shown(sid)} repeats row {seen[key]}")
        seen[key] = row
        code = rec[code_col].strip().upper()
        if code and code not in allowed:
            hint = " (UNCODED is set by the rules only)" if code == cb.UNCODED_CODE else ""
            raise InputError(path, f"row {row}: unknown code {code!r} in {code_col}{hint}; "
                                   f"allowed: {', '.join(allowed)}")
        conf = rec.get("confidence", "").strip().lower()
        if conf and conf not in CONFIDENCE:
            raise InputError(path, f"row {row}: confidence {conf!r} is not one of {', '.join(CONFIDENCE)}")
        rec["statement_id"], rec["human_code"] = sid, code
        if "confidence" in rec:
            rec["confidence"] = conf
        records.append(rec)
        numbers.append(row)
    columns = header + [c for c in ("statement_id", "human_code") if c not in header]
    out = pd.DataFrame(records, columns=columns)
    out.attrs["first_row"] = numbers[0] if numbers else first[0] + 1
    out.attrs["rows"] = numbers
    return out


def merge_sheet(sheet: pd.DataFrame, filled: pd.DataFrame, path: str | os.PathLike = "<sheet>") -> pd.DataFrame:
    """``sheet`` (as :func:`coding_sheet` made it) with the reader's columns taken from ``filled`` (as
    :func:`read_coding_sheet` returns it), matched by ``statement_id`` (as :func:`_id_key` normalises it, so an
    id a spreadsheet saved without its leading ``'`` still matches). An id in ``filled`` that ``sheet`` lacks is
    an :class:`InputError` naming its row."""
    known = {_id_key(s) for s in sheet["statement_id"]}
    first = filled.attrs.get("first_row", 2)
    numbers = filled.attrs.get("rows") or [first + i for i in range(len(filled))]
    for row, sid in zip(numbers, filled["statement_id"]):
        if _id_key(sid) not in known:
            raise InputError(path, f"row {row}: statement id {_shown(sid)} is not in the coding sheet")
    by_id = {_id_key(s): rec for s, rec in zip(filled["statement_id"], filled.to_dict("records"))}
    keys = [_id_key(s) for s in sheet["statement_id"]]
    out = sheet.copy()
    for col in READER_COLUMNS:
        if col in filled:
            out[col] = [_text(by_id[k][col]) if k in by_id else "" for k in keys]
    return out


def apply_human_codes(sheet: pd.DataFrame) -> pd.DataFrame:
    """The sheet with the final ``code`` (the human code where given, else the rule's) and ``code_source``
    (``human`` | ``rule``)."""
    out = sheet.copy()
    human = [_text(h) for h in out["human_code"]]
    out["code"] = [h if h else _text(r) for h, r in zip(human, out["rule_code"])]
    out["code_source"] = ["human" if h else "rule" for h in human]
    return out


def sheet_agreement(sheet: pd.DataFrame, codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Rule codes against human codes on the rows a reader coded (``human_code`` filled).

    Returns ``{"overall", "per_code", "disagreements"}``. ``overall`` has the three measures for two sets of
    units: all coded rows, and the rows the reader judged real transitions (NOT_A_TRANSITION left out, since
    the rules cannot give it). ``per_code`` has, per code, how often each side used it and the binary (this code
    or not) agreement measures (:func:`fromto.codebook.per_code_agreement`). ``disagreements`` lists the rows
    whose codes differ, with the rule that decided and the reader's note.
    """
    codebook = cb.load_codebook() if codebook is None else codebook
    coded = sheet[[bool(_text(h)) for h in sheet["human_code"]]]
    real = coded[coded["human_code"] != cb.NOT_A_TRANSITION]
    overall = pd.concat([
        cb.agreement_table(coded["rule_code"], coded["human_code"]).assign(units="all rows coded by the reader"),
        cb.agreement_table(real["rule_code"], real["human_code"]).assign(
            units="rows the reader judged transitions"),
    ], ignore_index=True)[["units", "measure", "value", "n_statements"]]
    order = [c for c in codebook["code"] if _text(codebook.set_index("code").at[c, "kind"]) != "group"]
    per_code = cb.per_code_agreement(coded["rule_code"], coded["human_code"], order).rename(
        columns={"n_a": "n_rule", "n_b": "n_human"})
    cols = ["statement_id", "doc", "sentence_id", "sentence", "source", "target", "rule_code", "code_rule",
            "human_code", "confidence", "note"]
    d = coded[coded["rule_code"] != coded["human_code"]]
    d = d[[c for c in cols if c in d.columns]].reset_index(drop=True)
    return {"overall": overall, "per_code": per_code, "disagreements": d}


# --------------------------------------------------------------------------------------------------------------
# Tables for a folder of documents
# --------------------------------------------------------------------------------------------------------------

def document_tables(folder: str | os.PathLike, codebook: pd.DataFrame | None = None) -> dict:
    """Every ``*.txt`` of ``folder`` (sorted) cleaned, its transitions extracted and coded; ``doc`` = file stem.

    Returns ``{"texts": {doc: raw text}, "sentences": DataFrame, "transitions": DataFrame (coded)}`` — the raw
    text is what the sentences' ``raw_start``/``raw_end`` point into (:func:`fromto.textio.read_text`)."""
    from fromto import transitions
    from fromto.clean import clean_document

    codebook = cb.load_codebook() if codebook is None else codebook
    texts, sentence_tables = {}, []
    for f in sorted(Path(folder).glob("*.txt")):
        text = read_text(f)
        texts[f.stem] = text
        sentence_tables.append(clean_document(text, f.stem).sentences)
    sentences = pd.concat(sentence_tables, ignore_index=True)
    found = transitions.extract_sentences(sentences)
    coded = cb.code_transitions(found, codebook, glossary={})
    return {"texts": texts, "sentences": sentences, "transitions": coded}


# --------------------------------------------------------------------------------------------------------------
# REFI-QDA project (.qdpx)
# --------------------------------------------------------------------------------------------------------------

def _guid(kind: str, *parts) -> str:
    """A uuid5 GUID in :data:`QDPX_NAMESPACE` for ``kind`` and ``parts``. The name is hashed as UTF-8 with lone
    surrogates kept (``surrogatepass``), so any document name has a GUID, and every other name the GUID
    :func:`uuid.uuid5` gives."""
    name = ("fromto:" + kind + ":" + ":".join(str(p) for p in parts)).encode("utf-8", "surrogatepass")
    return str(uuid.UUID(bytes=hashlib.sha1(QDPX_NAMESPACE.bytes + name).digest()[:16], version=5))


#: The two coders a coding can come from: the rules, or a human on the coding sheet.
USERS = {"rule": "fromto coding rules", "human": "human coder (coding sheet)"}


def coded_segments(coded: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per coded transition with the raw offsets of its sentence: ``statement_id, doc, sentence_id,
    start, end, code, code_source, description`` (``start``/``end`` from the sentence's ``raw_start``/``raw_end``
    in ``sentences``). ``code_source`` is kept when ``coded`` has it, else ``rule``."""
    docs = sentences["doc"] if "doc" in sentences else [""] * len(sentences)
    span = {(_text(d), _text(s)): (int(a), int(b)) for d, s, a, b in
            zip(docs, sentences["sentence_id"], sentences["raw_start"], sentences["raw_end"])}
    rows = []
    cdocs = coded["doc"] if "doc" in coded else [""] * len(coded)
    for sid_, doc, rec in zip(statement_ids(coded), cdocs, coded.to_dict("records")):
        key = (_text(doc), _text(rec.get("sentence_id")))
        if key not in span:
            raise ValueError(f"transition {sid_}: sentence {key[1]} of {key[0] or 'the document'} has no raw offsets")
        start, end = span[key]
        rows.append({
            "statement_id": sid_, "doc": key[0], "sentence_id": key[1], "start": start, "end": end,
            "code": _text(rec.get("code")), "code_source": _text(rec.get("code_source")) or "rule",
            "description": (f"{_text(rec.get('source'))} → {_text(rec.get('target'))} "
                            f"({_text(rec.get('marker'))}); {_text(rec.get('code_rule'))}").strip(),
        })
    return pd.DataFrame(rows, columns=["statement_id", "doc", "sentence_id", "start", "end", "code",
                                       "code_source", "description"])


def project_xml(codebook: pd.DataFrame, texts: dict[str, str], segments: pd.DataFrame,
                name: str = "fromto transitions") -> bytes:
    """``project.qde`` of a REFI-QDA project as UTF-8 bytes: users (the rules, a human coder), the codebook
    (nested by ``parent``), one ``TextSource`` per text in ``texts`` (``plainTextPath`` into ``sources/``) and,
    inside it, one ``PlainTextSelection`` per segment with a ``Coding`` of its code.

    Characters XML 1.0 cannot hold, in any name, description or code, are replaced by U+FFFD (a
    :class:`ReplacedCharacterWarning` says how many), and the result is parsed again before it is returned: a
    document that would not be well-formed raises ``ValueError`` instead of being written."""
    data, replaced = _project_xml(codebook, texts, segments, name)
    _warn_replaced("project.qde", replaced)
    return data


def _xml_safe_tree(root: ET.Element) -> list[str]:
    """Replace, in place, every character XML 1.0 cannot hold in the texts, tails and attribute values under
    ``root`` (:func:`fromto.textio.xml_safe`); returns the characters replaced."""
    replaced: list[str] = []

    def clean(text):
        if text is None:
            return None
        text, chars = xml_safe(text)
        replaced.extend(chars)
        return text

    for el in root.iter():
        el.text, el.tail = clean(el.text), clean(el.tail)
        for key, value in el.attrib.items():
            el.attrib[key] = clean(value)
    return replaced


def _well_formed(text: str, member: str) -> bytes:
    """``text`` as UTF-8 once it parses as XML; ``ValueError`` naming ``member`` if it does not."""
    try:
        data = text.encode("utf-8")
        ET.fromstring(data)
    except (UnicodeEncodeError, ET.ParseError) as exc:
        raise ValueError(f"{member} is not well-formed XML ({exc}); nothing was written") from None
    return data


def _project_xml(codebook: pd.DataFrame, texts: dict[str, str], segments: pd.DataFrame,
                 name: str) -> tuple[bytes, list[str]]:
    """:func:`project_xml` and the characters it replaced."""
    ET.register_namespace("", PROJECT_XMLNS)
    ns = "{%s}" % PROJECT_XMLNS
    rule_user = _guid("user", "rule")
    root = ET.Element(ns + "Project", {"name": name, "origin": "fromto", "creatingUserGUID": rule_user})
    users = ET.SubElement(root, ns + "Users")
    for key, label in USERS.items():
        ET.SubElement(users, ns + "User", {"guid": _guid("user", key), "name": label})
    book_el = ET.SubElement(root, ns + "CodeBook")
    codes_el = ET.SubElement(book_el, ns + "Codes")
    cb.add_code_elements(codes_el, codebook, ns)
    known = set(codebook["code"])
    unknown = sorted(set(segments["code"]) - known)
    if unknown:
        raise ValueError(f"segments use codes not in the codebook: {', '.join(unknown)}")
    sources = ET.SubElement(root, ns + "Sources")
    by_doc = {d: g for d, g in segments.groupby("doc", sort=False)}
    for doc in texts:
        guid = _guid("source", doc)
        src = ET.SubElement(sources, ns + "TextSource", {
            "guid": guid, "name": doc, "plainTextPath": f"internal://{guid}.txt", "creatingUser": rule_user})
        if doc not in by_doc:
            continue
        n = len(texts[doc])
        for seg in by_doc[doc].to_dict("records"):
            if not 0 <= seg["start"] <= seg["end"] <= n:
                raise ValueError(f"segment {seg['statement_id']}: offsets {seg['start']}–{seg['end']} "
                                 f"outside the {n} characters of {doc}")
            user = _guid("user", seg["code_source"] if seg["code_source"] in USERS else "rule")
            sel = ET.SubElement(src, ns + "PlainTextSelection", {
                "guid": _guid("selection", doc, seg["statement_id"]), "name": seg["statement_id"],
                "startPosition": str(seg["start"]), "endPosition": str(seg["end"]), "creatingUser": user})
            ET.SubElement(sel, ns + "Description").text = seg["description"]
            coding = ET.SubElement(sel, ns + "Coding", {
                "guid": _guid("coding", doc, seg["statement_id"], seg["code"]), "creatingUser": user})
            ET.SubElement(coding, ns + "CodeRef", {"targetGUID": cb.code_guid(seg["code"])})
    replaced = _xml_safe_tree(root)
    ET.indent(root, space="  ")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return _well_formed(text, "project.qde"), replaced


def qdpx_bytes(codebook: pd.DataFrame, texts: dict[str, str], segments: pd.DataFrame,
               name: str = "fromto transitions") -> bytes:
    """The ``.qdpx`` zip: ``project.qde`` and ``sources/<source guid>.txt`` (UTF-8), members in a fixed order
    with a fixed timestamp, so equal inputs give equal bytes.

    The source texts too have every character XML 1.0 cannot hold replaced by U+FFFD, one for one, so the
    selections' character offsets still point at their sentences (QDA programs read the texts into their own XML;
    a lone surrogate cannot be written as UTF-8 at all). One :class:`ReplacedCharacterWarning` says how many
    characters were replaced, in the project and the texts together."""
    sources, replaced = {}, []
    for doc, text in texts.items():
        sources[doc], chars = xml_safe(text)
        replaced.extend(chars)
    project, chars = _project_xml(codebook, texts, segments, name)
    _warn_replaced("REFI-QDA project", replaced + chars)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def put(member: str, data: bytes) -> None:
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)

        put("project.qde", project)
        for doc, text in sources.items():
            put(f"sources/{_guid('source', doc)}.txt", text.encode("utf-8"))
    return buf.getvalue()


def export_qdpx(path: str | os.PathLike, codebook: pd.DataFrame, texts: dict[str, str], coded: pd.DataFrame,
                sentences: pd.DataFrame, name: str = "fromto transitions") -> Path:
    """Write the REFI-QDA project of ``coded`` transitions over ``texts`` (``{doc: raw text}``) to ``path``
    atomically (see :func:`coded_segments`, :func:`project_xml`, :func:`qdpx_bytes`); returns the path. The
    project is built and checked in memory first: if it cannot be made, nothing is written."""
    target = Path(path)
    data = qdpx_bytes(codebook, texts, coded_segments(coded, sentences), name)
    with atomic_write(target, "wb", encoding=None) as fh:
        fh.write(data)
    return target


# --------------------------------------------------------------------------------------------------------------
# A second coder's packet
# --------------------------------------------------------------------------------------------------------------

#: Salt of the sample order: sha1("<salt>:<statement_id>") sorts the transitions; the first n are drawn.
SAMPLE_SALT = "fromto-coder-sample-2"
#: Columns of the second coder's sample, in order; the last three are the coder's.
PACKET_COLUMNS = ["id", "doc", "sentence_id", "prev_sentence", "sentence", "next_sentence", "source", "target",
                  "code", "confidence", "note"]


def draw_coding_sample(sheet: pd.DataFrame, n: int, salt: str = SAMPLE_SALT) -> pd.DataFrame:
    """``n`` rows of a coding sheet drawn at random without generator state: rows are ordered by
    ``sha1(f"{salt}:{statement_id}")`` and the first ``n`` kept, then put back in sheet order. The same sheet
    and salt always give the same sample."""
    key = [hashlib.sha1(f"{salt}:{s}".encode()).hexdigest() for s in sheet["statement_id"]]
    chosen = set(pd.Series(key, index=sheet.index).sort_values().head(n).index)
    return sheet[[i in chosen for i in sheet.index]].reset_index(drop=True)


def packet_table(sample: pd.DataFrame) -> pd.DataFrame:
    """The coder's view of a sample: :data:`PACKET_COLUMNS`, with empty ``code, confidence, note`` and no rule
    code, rule or keyword anywhere."""
    out = pd.DataFrame({
        "id": sample["statement_id"], "doc": sample["doc"], "sentence_id": sample["sentence_id"],
        "prev_sentence": sample["prev_sentence"], "sentence": sample["sentence"],
        "next_sentence": sample["next_sentence"], "source": sample["source"], "target": sample["target"],
    })
    for col in ("code", "confidence", "note"):
        out[col] = ""
    return out[PACKET_COLUMNS]


def coder_definitions_markdown(codebook: pd.DataFrame) -> str:
    """The codebook as a second coder sees it: for each code its labels, definition, when to use, when not to
    use and example, grouped under its parent, and how to record a code and a confidence. No keywords, no rules,
    no first coder's codes."""
    lines = [
        "# Codebook: kinds of change in “from X to Y” statements",
        "",
        "Each row of `sample.csv` is a statement extracted by a program from a State Council Government Work Report",
        "(政府工作报告): a sentence that may claim that something changes **from** a state X **to** a different state Y.",
        "The columns `source` and `target` are what the program took for X and Y; `prev_sentence` and `next_sentence`",
        "give the context. The program can be wrong.",
        "",
        "## How to record",
        "",
        "For every row fill in three columns:",
        "",
        "- `code`: exactly one code from the list below (the upper-case name, e.g. `STAGE`), the code of **what",
        "  changes**. Read the sentence in its context; use `source` and `target` only as a pointer.",
        "  - If the row is **not a real transition** (a numeric rise or fall, a time span, a range or scope, a target",
        "    without a real source, poles that are fragments, the same thing on both sides), write",
        "    `NOT_A_TRANSITION`.",
        "  - If it is a real transition and no code's definition describes what changes, write `OTHER` and say in",
        "    `note` what changes.",
        "  - If two codes fit, choose the one whose *when to use* the poles meet most directly, and name the other",
        "    in `note`.",
        "- `confidence`: `high` (one code clearly fits), `medium` (a second code is plausible) or `low` (poor fit).",
        "- `note`: optional; required for `OTHER`, and welcome wherever you hesitated or the poles were cut badly.",
        "",
        "Work alone, from this file and the sentences only. Do not change any other column.",
        "",
        "## The codes",
        "",
    ]
    book = codebook.to_dict("records")
    groups = [r for r in book if _text(r.get("kind")) == "group"]

    def entry(r):
        return [
            f"#### {r['code']} — {r['label_zh']} / {r['label_en']}",
            "",
            f"- **Definition.** {r['definition']}",
            f"- **When to use.** {r['when_to_use']}",
            f"- **When not to use.** {r['when_not_to_use']}",
            f"- **Example.** {r['example']}",
            "",
        ]

    for g in groups:
        desc = g["definition"].replace("Group: ", "")
        lines += [f"### {g['label_zh']} / {g['label_en']}", "", desc[:1].upper() + desc[1:], ""]
        for r in book:
            if _text(r.get("parent")) == g["code"]:
                lines += entry(r)
    lines += ["### Reader's decisions / 编码者的判断", ""]
    for r in book:
        if _text(r.get("kind")) in ("residual", "status") and r["code"] != cb.UNCODED_CODE:
            lines += entry(r)
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------------------------------------------
# Command line: python -m fromto.qda packet --out DIR [--n N]
# --------------------------------------------------------------------------------------------------------------

#: Size of the second coder's sample of report transitions (at least 120 asked for; a few may be no transition).
PACKET_SIZE = 140

SAMPLE_HEADER = """# Report transitions drawn for an independent second coder (issue 10): the rows of the coder's packet, with the
# extractor's fields, so notebook 03 can code the very same rows with the current rules and compare them with the
# coder's codes (resources/report_second_coder_codes.csv, keyed by id) even after the extractor changes.
# Made by `python -m fromto.qda packet --out DIR --n {n}`: every report in seeds/government-work-reports/ cleaned
# (fromto.clean.clean_document, doc = year), transitions extracted (fromto.transitions.extract_sentences) as at
# commit time ({total} transitions); rows ordered by sha1("{salt}:<id>") and the first {n} kept (a random sample
# that needs no generator state), listed in corpus order. id = <year>:<sentence_id>t<n>. No codes here.
"""


def make_packet(out_dir: str | os.PathLike, n: int = PACKET_SIZE, folder: str | os.PathLike | None = None,
                sample_resource: str | os.PathLike | None = None) -> dict[str, Path]:
    """Write a second coder's packet for the report corpus: ``out_dir/coder_packet/codebook_definitions.md`` and
    ``sample.csv`` (what the coder sees), ``out_dir/coder_packet_rule_codes.csv`` (the rules' codes of the same
    rows, kept apart from the packet) and the sample with its extractor fields to ``sample_resource`` (default
    ``resources/report_coding_sample.csv``). Returns the paths."""
    book = cb.load_codebook()
    tables = document_tables(folder or paths.REPORTS, book)
    sheet = coding_sheet(tables["transitions"], tables["sentences"])
    sample = draw_coding_sample(sheet, n)
    fields = tables["transitions"].assign(id=statement_ids(tables["transitions"]))
    drawn = {_id_key(s) for s in sample["statement_id"]}  # the sheet's ids are its cells (sheet_cell)
    fields = fields[[_id_key(i) in drawn for i in fields["id"]]]
    out = Path(out_dir)
    packet = out / "coder_packet"
    packet.mkdir(parents=True, exist_ok=True)
    written = {}
    written["definitions"] = packet / "codebook_definitions.md"
    with atomic_write(written["definitions"]) as fh:
        fh.write(coder_definitions_markdown(book))
    written["sample"] = write_csv(packet_table(sample), packet / "sample.csv")
    written["rule_codes"] = write_csv(
        sample[["statement_id", "rule_code", "code_rule"]].rename(columns={"statement_id": "id"}),
        out / "coder_packet_rule_codes.csv")
    resource = Path(sample_resource or paths.REPORT_CODING_SAMPLE)
    cols = ["id", "doc", "sentence_id", "marker", "subject", "source", "target", "verb", "sentence"]
    body = io.StringIO()
    fields[cols].to_csv(body, index=False, lineterminator="\n")
    with atomic_write(resource) as fh:
        fh.write(SAMPLE_HEADER.format(n=n, total=len(sheet), salt=SAMPLE_SALT) + body.getvalue())
    written["resource"] = resource
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m fromto.qda", description="Hand-coding packets for fromto.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("packet", help="a second coder's packet of report transitions")
    p.add_argument("--out", required=True, help="folder for coder_packet/ and coder_packet_rule_codes.csv")
    p.add_argument("--n", type=int, default=PACKET_SIZE, help="transitions in the sample")
    args = ap.parse_args(argv)
    for kind, path in make_packet(args.out, args.n).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def still_extracted(sheet: pd.DataFrame) -> list[bool]:
    """For each row of a coding sheet: does the current extractor still find a transition with these poles in its
    sentence? (Poles match when one contains the other, quotes aside, as in :mod:`fromto.evaluation.devset`.) A sample drawn
    from an earlier extraction holds rows a later extractor drops; agreement on the rows it keeps is the
    agreement of the pipeline as it is now."""
    from fromto import transitions
    from fromto.evaluation import devset

    out = []
    for sentence, source, target in zip(sheet["sentence"], sheet["source"], sheet["target"]):
        found = transitions.extract(_text(sentence))
        out.append(any(devset._pole_match(r["source"], _text(source)) and devset._pole_match(r["target"], _text(target))
                       for r in found))
    return out


def second_coder_sheet(codebook: pd.DataFrame | None = None, sample_path: str | os.PathLike | None = None,
                       coder_path: str | os.PathLike | None = None) -> pd.DataFrame | None:
    """The report sample (``resources/report_coding_sample.csv``) coded by the current rules, with the second
    coder's codes (``resources/report_second_coder_codes.csv``, checked by :func:`read_coding_sheet`) as
    ``human_code``; ``None`` when the coder's file is absent."""
    codebook = cb.load_codebook() if codebook is None else codebook
    coder_path = Path(coder_path or paths.REPORT_SECOND_CODER)
    if not coder_path.is_file():
        return None
    sample = read_resource_csv(sample_path or paths.REPORT_CODING_SAMPLE)
    coded = cb.code_transitions(sample, codebook, glossary={})
    sheet = pd.DataFrame({
        "statement_id": sample["id"], "doc": sample["doc"], "sentence_id": sample["sentence_id"],
        "sentence": sample["sentence"], "source": sample["source"], "target": sample["target"],
        "rule_code": coded["code"], "code_rule": coded["code_rule"], "human_code": "", "confidence": "", "note": "",
    })
    return merge_sheet(sheet, read_coding_sheet(coder_path, codebook), coder_path)
