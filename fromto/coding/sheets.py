"""The coding sheet: transitions out to a reader and back, and the agreement of the reader with the rules.

The rules of :mod:`fromto.coding.rules` code every transition and record why (``code_rule``); a reader checks them,
codes what the rules left ``UNCODED``, and records OTHER or NOT_A_TRANSITION where only a reader can decide.

* :func:`coding_sheet` — one row per transition with its sentence, the sentence before and after it, the poles,
  the rule's code and rule, and empty ``human_code``, ``confidence`` and ``note`` columns;
  :func:`write_coding_sheet` writes it as CSV (and, optionally, XLSX with a drop-down of the codes and the
  codebook on a second sheet); :mod:`fromto.coding.sheet_reading` reads a filled one back, checked;
* :func:`merge_sheet` puts a filled sheet's codes onto the sheet's rows, :func:`apply_human_codes` gives the final
  ``code`` — the human code where given, else the rule's — and ``code_source`` = ``human`` | ``rule``;
  :func:`sheet_agreement` compares rule and human codes per statement with the measures of notebook 03 (percent
  agreement, Cohen's κ, Krippendorff's α, per code and overall) and lists the disagreements.

Nothing a document holds can turn into something else on the way out. Every cell of a coding sheet is text that
no spreadsheet runs as a formula (:func:`fromto.textio.spreadsheet_safe`: ``-松散型`` is written ``'-松散型``),
and XLSX cells are written as strings, never formulas. Characters XML 1.0 cannot hold (most control characters,
lone surrogates, U+FFFE, U+FFFF) are replaced by U+FFFD, one for one (:func:`fromto.textio.xml_safe`), and a
:class:`ReplacedCharacterWarning` says how many and which.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd

from fromto.coding import codebook as cb
from fromto.evaluation import metrics
from fromto.textio import (InputError, atomic_write, cell_text, describe_chars, spreadsheet_safe,
                           spreadsheet_unquote, write_csv, xml_safe)

#: Columns of a coding sheet, in order. The last three are the reader's.
SHEET_COLUMNS = [
    "statement_id", "doc", "sentence_id", "prev_sentence", "sentence", "next_sentence", "marker", "subject",
    "source", "target", "rule_code", "code_rule", "human_code", "confidence", "note",
]
#: Columns a reader fills in.
READER_COLUMNS = ["human_code", "confidence", "note"]
#: Allowed confidence values (empty is allowed too).
CONFIDENCE = ("high", "medium", "low")


class ReplacedCharacterWarning(UserWarning):
    """Characters an export cannot hold (XML 1.0: most control characters, lone surrogates, U+FFFE, U+FFFF) were
    replaced by U+FFFD, one for one; the message says where, how many and which."""


def _warn_replaced(where: str, chars: list[str]) -> None:
    if chars:
        warnings.warn(f"{where}: {len(chars)} character{'' if len(chars) == 1 else 's'} XML 1.0 cannot hold "
                      f"replaced by U+FFFD ({describe_chars(chars)})", ReplacedCharacterWarning, stacklevel=3)


def sheet_cell(value) -> tuple[str, list[str]]:
    """A coding sheet's cell for ``value``: its text (:func:`_text`) with line breaks as LF (a bare CR is not
    quoted by the CSV writer, so it would end the row), the characters XML 1.0 cannot hold replaced
    (:func:`fromto.textio.xml_safe`) and a ``'`` in front where a spreadsheet would read it as a formula
    (:func:`fromto.textio.spreadsheet_safe`); and the characters replaced. The same text goes into the CSV and
    the XLSX sheet, so both read back alike. Applying it again changes nothing."""
    text, replaced = xml_safe(cell_text(value).replace("\r\n", "\n").replace("\r", "\n"))
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
    text = spreadsheet_unquote(xml_safe(cell_text(value))[0])
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --------------------------------------------------------------------------------------------------------------
# Statement ids and context
# --------------------------------------------------------------------------------------------------------------

def statement_ids(transitions: pd.DataFrame) -> list[str]:
    """One id per transition: ``<doc>:<sentence_id>t<n>`` (``<sentence_id>t<n>`` when ``doc`` is empty), n
    numbering the transitions of one sentence from 1 in table order."""
    docs = [cell_text(d) for d in (transitions["doc"] if "doc" in transitions else [""] * len(transitions))]
    sids = [cell_text(s) for s in transitions["sentence_id"]]
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
    rows = list(zip([cell_text(d) for d in docs], [cell_text(s) for s in sentences["sentence_id"]],
                    [cell_text(t) for t in sentences["text"]]))
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
    :func:`fromto.coding.rules.code_transitions`), with the previous and next sentence from ``sentences`` (a
    sentences table with ``doc, sentence_id, text``) where given. The reader's columns are empty.

    Every cell is already what a spreadsheet should show (:func:`sheet_cell`): a cell that would start a formula
    has a ``'`` in front, characters XML 1.0 cannot hold are U+FFFD (a :class:`ReplacedCharacterWarning` says so),
    whichever way the sheet is written. For all other text the cells equal the transitions' fields."""
    ctx = sentence_context(sentences) if sentences is not None else {}
    docs = [cell_text(d) for d in (coded["doc"] if "doc" in coded else [""] * len(coded))]
    rows = []
    for sid_, doc, rec in zip(statement_ids(coded), docs, coded.to_dict("records")):
        prev, nxt = ctx.get((doc, cell_text(rec.get("sentence_id"))), ("", ""))
        rows.append({
            "statement_id": sid_, "doc": doc, "sentence_id": cell_text(rec.get("sentence_id")),
            "prev_sentence": prev, "sentence": cell_text(rec.get("sentence")), "next_sentence": nxt,
            "marker": cell_text(rec.get("marker")), "subject": cell_text(rec.get("subject")),
            "source": cell_text(rec.get("source")), "target": cell_text(rec.get("target")),
            "rule_code": cell_text(rec.get("code")), "code_rule": cell_text(rec.get("code_rule")),
            "human_code": "", "confidence": "", "note": "",
        })
    sheet, replaced = _sheet_cells(pd.DataFrame(rows, columns=SHEET_COLUMNS, dtype=object))
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
        ws.append([cell_text(v) for v in row])
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
        if cell_text(rec.get("kind")) == "group" or rec["code"] == cb.UNCODED_CODE:
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
            out[col] = [cell_text(by_id[k][col]) if k in by_id else "" for k in keys]
    return out


def apply_human_codes(sheet: pd.DataFrame) -> pd.DataFrame:
    """The sheet with the final ``code`` (the human code where given, else the rule's) and ``code_source``
    (``human`` | ``rule``)."""
    out = sheet.copy()
    human = [cell_text(h) for h in out["human_code"]]
    out["code"] = [h if h else cell_text(r) for h, r in zip(human, out["rule_code"])]
    out["code_source"] = ["human" if h else "rule" for h in human]
    return out


def sheet_agreement(sheet: pd.DataFrame, codebook: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Rule codes against human codes on the rows a reader coded (``human_code`` filled).

    Returns ``{"overall", "per_code", "disagreements"}``. ``overall`` has the three measures for two sets of
    units: all coded rows, and the rows the reader judged real transitions (NOT_A_TRANSITION left out, since
    the rules cannot give it). ``per_code`` has, per code, how often each side used it and the binary (this code
    or not) agreement measures (:func:`fromto.evaluation.metrics.per_code_agreement`). ``disagreements`` lists the rows
    whose codes differ, with the rule that decided and the reader's note.
    """
    codebook = cb.load_codebook() if codebook is None else codebook
    coded = sheet[[bool(cell_text(h)) for h in sheet["human_code"]]]
    real = coded[coded["human_code"] != cb.NOT_A_TRANSITION]
    decided = real[real["rule_code"] != cb.UNCODED_CODE]
    coverage = pd.DataFrame([{"measure": "rules_coverage", "value": metrics.ratio(len(decided), len(real)),
                              "n_statements": len(real), "units": "rows the reader judged transitions"}])
    overall = pd.concat([
        metrics.agreement_table(coded["rule_code"], coded["human_code"]).assign(units="all rows coded by the reader"),
        metrics.agreement_table(real["rule_code"], real["human_code"]).assign(
            units="rows the reader judged transitions"),
        coverage,
        metrics.agreement_table(decided["rule_code"], decided["human_code"]).assign(
            units="rows the reader judged transitions and the rules coded"),
    ], ignore_index=True)[["units", "measure", "value", "n_statements"]]
    order = [c for c in codebook["code"] if cell_text(codebook.set_index("code").at[c, "kind"]) != "group"]
    per_code = metrics.per_code_agreement(coded["rule_code"], coded["human_code"], order).rename(
        columns={"n_a": "n_rule", "n_b": "n_human"})
    cols = ["statement_id", "doc", "sentence_id", "sentence", "source", "target", "rule_code", "code_rule",
            "human_code", "confidence", "note"]
    d = coded[coded["rule_code"] != coded["human_code"]]
    d = d[[c for c in cols if c in d.columns]].reset_index(drop=True)
    return {"overall": overall, "per_code": per_code, "disagreements": d}
