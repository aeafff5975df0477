"""The coding sheet and the exports neither inject, lose nor crash.

A spreadsheet must never run a cell as a formula; a filled sheet is read as a stream, within bounds, and a formula
where a reader types a code is an error; characters XML 1.0 cannot hold are replaced, one for one, so XLSX and
REFI-QDA exports are always written and valid. Hostile workbooks are built small: a real sheet written by openpyxl
whose XML is then patched, so no test allocates what the bounds exist to refuse.
"""

from __future__ import annotations

import csv
import io
import random
import re
import struct
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from fromto import codebook as cb
from fromto import corpus, qda, textio
from fromto.textio import InputError

XSD = Path(__file__).parent / "data" / "Project-mrt2019.xsd"
NS = "{urn:QDA-XML:project:1.0}"
SHEET_XML = "xl/worksheets/sheet1.xml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TEXTS = {"d1": "前言。组织关系从松散型向紧密型转变。结语。", "d2": "变压力为动力。"}
SENTENCES = pd.DataFrame([
    {"doc": "d1", "sentence_id": "s1", "text": "前言。", "raw_start": 0, "raw_end": 3},
    {"doc": "d1", "sentence_id": "s2", "text": "组织关系从松散型向紧密型转变。", "raw_start": 3, "raw_end": 18},
    {"doc": "d1", "sentence_id": "s3", "text": "结语。", "raw_start": 18, "raw_end": 21},
    {"doc": "d2", "sentence_id": "s1", "text": "变压力为动力。", "raw_start": 0, "raw_end": 7},
])
CODED = pd.DataFrame([
    {"doc": "d1", "sentence_id": "s2", "sentence": "组织关系从松散型向紧密型转变。", "marker": "从X向Y+V",
     "subject": "组织关系", "source": "松散型", "target": "紧密型", "code": "TIES", "code_rule": "R1 subject head 关系"},
    {"doc": "d2", "sentence_id": "s1", "sentence": "变压力为动力。", "marker": "变X为Y", "subject": "",
     "source": "压力", "target": "动力", "code": "CONVERSION", "code_rule": "R3 keywords 压力|动力"},
])


@pytest.fixture(scope="module")
def book() -> pd.DataFrame:
    return cb.load_codebook()


def _xlsx(path: Path, rows, header=("statement_id", "human_code")) -> Path:
    """A workbook as openpyxl writes it: ``header`` and ``rows`` on the first sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _rezip(path: Path, change) -> Path:
    """Rewrite the zip at ``path``, each member's bytes passed through ``change(name, data)``."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, change(info.filename, src.read(info)))
    path.write_bytes(buf.getvalue())
    return path


def _patch_sheet(path: Path, old: bytes, new: bytes) -> Path:
    def change(name, data):
        if name != SHEET_XML:
            return data
        assert old in data
        return data.replace(old, new, 1)
    return _rezip(path, change)


def _declare_size(path: Path, member: str, size: int) -> Path:
    """Make the zip declare ``size`` uncompressed bytes for ``member`` (local and central headers); the content
    stays as it was."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        for m in re.finditer(re.escape(sig), bytes(data)):
            if data[m.start() + name_at: m.start() + name_at + len(name)] == name:
                data[m.start() + size_at: m.start() + size_at + 4] = struct.pack("<I", size)
    path.write_bytes(bytes(data))
    return path


def _schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD)))


def _project(data: bytes):
    from lxml import etree

    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("project.qde"))


def _csv_cells(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# --- No cell a spreadsheet would run as a formula -----------------------------------------------------------------

HOSTILE_POLES = {"sentence": '=HYPERLINK("http://example.com","点击")', "source": "-松散型", "target": "+紧密型",
                 "subject": "@组织", "marker": "\t从X向Y", "code_rule": "-R1"}


def test_corpus_fragments_neutralise_text_cells_but_not_numbers():
    rows = [{"doc": "d", "sentence": "=1+1", "source": "-松散型", "target": "@x", "start": -1, "end": 5}]
    line = corpus._csv_fragment(rows, ["doc", "sentence", "source", "target", "start", "end"])
    assert next(csv.reader([line])) == ["d", "'=1+1", "'-松散型", "'@x", "-1", "5"]
    frame = corpus._csv_fragment(pd.DataFrame(rows), ["sentence", "start"])
    assert next(csv.reader([frame])) == ["'=1+1", "-1"]
    assert next(csv.reader([corpus._row_fragment(["+标题", 3])])) == ["'+标题", "3"]


def test_corpus_tables_hold_no_text_cell_that_starts_a_formula(tmp_path):
    src = tmp_path / "in.csv"
    text = "-近年来，社区党建工作实现了从松散型到紧密型的转变。\n@组织关系从“-松散型”向“=紧密型”转变。"
    src.write_text('id,text,title\nd1,"' + text + '",=标题\n', encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    transitions = pd.read_csv(out / "transitions.csv", dtype=str, keep_default_na=False)
    assert "'-松散型" in set(transitions["source"]) and "'=紧密型" in set(transitions["target"])
    for name in corpus.TABLES:
        for row in _csv_cells(out / name)[1:]:
            assert not [c for c in row if c.startswith(FORMULA_START) and not re.fullmatch(r"-?\d+", c)], (name, row)


def test_spreadsheet_safe_is_idempotent_and_leaves_numbers_alone():
    once = textio.spreadsheet_safe("=1+1")
    assert once == "'=1+1" and textio.spreadsheet_safe(once) == once
    assert textio.spreadsheet_safe(-3) == -3 and textio.spreadsheet_safe("结语") == "结语"
    assert corpus.spreadsheet_safe is textio.spreadsheet_safe  # one implementation
