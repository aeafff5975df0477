"""The codebook: its codes and groups, the glossary of poles, the reader's gold, and the .qdc export.

``resources/codebook.csv`` holds one row per code or group (code, short labels in Chinese and English, definition,
when to use, when not to use, an example, and the keyword and subject-head lists the rules of
:mod:`fromto.coding.rules` read). This module loads it and the other hand-made inputs of coding, normalises poles
for comparison, and writes the codebook in the REFI-QDA codebook exchange format (``.qdc``) read by NVivo, MAXQDA,
ATLAS.ti and Taguette, codes nested under their parent groups; :func:`coded_statements` is the table of coded
statements for the CSV export.

Glosses (``source_en``, ``target_en``) come from ``resources/glossary.csv``, looked up on the pole with quotes,
punctuation and spaces removed; a pole without a gloss gets ``""`` and :func:`glossary_gaps` lists it.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from fromto import paths
from fromto.textio import QUOTE_CHARS, atomic_write, cell_text, read_resource_csv, strip_quotes

#: Quotation marks that may wrap a pole; they are dropped before comparing or glossing poles.
QUOTES = "".join(sorted(QUOTE_CHARS))
#: The code the rules give when none of R1–R6 applies: the statement needs a reader.
UNCODED_CODE = "UNCODED"
#: The code used when no rule applies (kept as a name for callers of version 1).
DEFAULT_CODE = UNCODED_CODE
#: A reader's decision that the statement is a transition no code describes.
OTHER_CODE = "OTHER"
#: A reader's decision that the extracted row is not a transition at all.
NOT_A_TRANSITION = "NOT_A_TRANSITION"
#: The code rule R5 assigns.
CONVERSION_CODE = "CONVERSION"
#: Kinds of codebook row the rules may assign (the rest are groups, OTHER and the two status codes).
RULE_KINDS = ("dimension", "theme")
#: Kinds of codebook row a reader may choose (plus NOT_A_TRANSITION).
READER_KINDS = ("dimension", "theme", "residual")
#: Namespace of the deterministic code GUIDs in the .qdc export (uuid5 of ``fromto:code:<CODE>``).
QDC_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/fromto/codebook")
#: XML namespace of the REFI-QDA codebook exchange format.
QDC_XMLNS = "urn:QDA-XML:codebook:1.0"

#: Columns :func:`code_transitions` adds.
CODED_COLUMNS = ["code", "code_rule", "source_en", "target_en"]


# --------------------------------------------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------------------------------------------

def load_codebook(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The codebook (``resources/codebook.csv``) as a DataFrame of strings, in its row order.

    Columns an older codebook lacks (``parent``, ``subject_must_contain``, ``v2_code`` …) are added empty, so small
    literal codebooks in tests and older files still work."""
    book = read_resource_csv(path or paths.CODEBOOK)
    for col in ("parent", "kind", "subject_heads", "subject_must_contain", "keywords", "v1_code", "v2_code"):
        if col not in book:
            book[col] = ""
    return book


def rule_codes(codebook: pd.DataFrame) -> list[str]:
    """Codes the rules may assign: rows of kind dimension or theme (a book without kinds: every code)."""
    kinds = codebook["kind"] if "kind" in codebook else pd.Series([""] * len(codebook))
    return [c for c, k in zip(codebook["code"], kinds) if k in RULE_KINDS or not k]


def reader_codes(codebook: pd.DataFrame) -> list[str]:
    """Codes a human coder may record: every dimension and theme, OTHER and NOT_A_TRANSITION (not the groups,
    which are not codable, nor UNCODED, which only the rules set)."""
    kinds = codebook["kind"] if "kind" in codebook else pd.Series([""] * len(codebook))
    out = [c for c, k in zip(codebook["code"], kinds) if k in READER_KINDS or not k]
    if NOT_A_TRANSITION not in out:
        out.append(NOT_A_TRANSITION)
    return out


def to_v1(codes, codebook: pd.DataFrame) -> list[str]:
    """Codes of this codebook mapped to the version-1 codebook (column ``v1_code``), so codings made with
    version 1 can be compared; a code without a mapping is kept as it is."""
    v1 = {c: v for c, v in zip(codebook["code"], codebook["v1_code"]) if v}
    return [v1.get(cell_text(c), cell_text(c)) for c in codes]


def to_v2(codes, codebook: pd.DataFrame) -> list[str]:
    """Codes of this codebook mapped to version 2.1 (column ``v2_code``): the code a statement coded with each
    would have had under v2.1 (``OTHER`` for a kind v2.1 had no place for), so codings made with v2.1 (the reports'
    second coder) can be compared; a code without a mapping is kept as it is."""
    v2 = {c: v for c, v in zip(codebook["code"], codebook["v2_code"]) if v}
    return [v2.get(cell_text(c), cell_text(c)) for c in codes]


def from_v2(codebook: pd.DataFrame) -> dict[str, list[str]]:
    """The way back: ``{v2.1 code: [codes of this codebook that map to it]}`` in the codebook's order, from the
    ``v2_code`` column (a code v2.1 already had maps to itself; v2.1's OTHER also gathers the codes made for kinds
    it had no place for)."""
    back: dict[str, list[str]] = {}
    for code, v2 in zip(codebook["code"], codebook["v2_code"]):
        if cell_text(v2):
            back.setdefault(cell_text(v2), []).append(cell_text(code))
    return back


def load_glossary(path: str | os.PathLike | None = None) -> dict[str, str]:
    """The glossary as ``{key: English gloss}``, keyed by :func:`normalise_for_match` of the term, so that
    quotes and punctuation do not matter (``“生活秀带”“发展绣带”`` and ``生活秀带、发展绣带`` share a key)."""
    table = read_resource_csv(path or paths.GLOSSARY)
    return {normalise_for_match(t): en for t, en in zip(table["term"], table["en"]) if normalise_for_match(t)}


def load_gold(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The gold transitions (``resources/gold_transitions.csv``); ``article`` and ``step`` as integers."""
    gold = read_resource_csv(path or paths.GOLD_TRANSITIONS)
    gold["article"] = pd.to_numeric(gold["article"], errors="coerce").astype("Int64")
    gold["step"] = pd.to_numeric(gold["step"], errors="coerce").fillna(1).astype(int)
    return gold


# --------------------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------------------

def normalise_pole(text) -> str:
    """A pole without quotation marks or white space: ``“工业锈带”`` → ``工业锈带``."""
    return strip_quotes(cell_text(text))


def normalise_for_match(text) -> str:
    """Text without punctuation, symbols or white space, for matching a locator against a cleaned sentence.

    Cleaning may turn ASCII ``,`` into ``，`` or 「」 into “”; dropping all of them makes both sides comparable.
    """
    return "".join(
        ch for ch in cell_text(text) if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZ"
    )


def _split_list(cell) -> list[str]:
    return [w for w in cell_text(cell).split("|") if w]


def gloss(term, glossary: dict[str, str]) -> str:
    """The English gloss of a pole or subject, ``""`` when the glossary has none.

    ``glossary`` is keyed as :func:`load_glossary` keys it (quotes and punctuation removed)."""
    return glossary.get(normalise_for_match(term), "")


def glossary_gaps(transitions: pd.DataFrame, glossary: dict[str, str] | None = None) -> pd.DataFrame:
    """Poles and stated subjects that have no gloss: columns ``kind, term``, sorted, one row per term."""
    glossary = load_glossary() if glossary is None else glossary
    rows = set()
    for column, kind in (("source", "pole"), ("target", "pole"), ("subject", "subject")):
        if column not in transitions:
            continue
        for value in transitions[column]:
            term = normalise_pole(value)
            if term and normalise_for_match(term) not in glossary:
                rows.add((kind, term))
    return pd.DataFrame(sorted(rows), columns=["kind", "term"])


# Exports
# --------------------------------------------------------------------------------------------------------------

def code_guid(code: str) -> str:
    """A stable GUID for a code: uuid5 of ``fromto:code:<CODE>`` in :data:`QDC_NAMESPACE`."""
    return str(uuid.uuid5(QDC_NAMESPACE, f"fromto:code:{code}"))


def _qdc_description(row: dict) -> str:
    parts = [
        f"{row['label_zh']} / {row['label_en']}",
        f"Definition: {row['definition']}",
        f"When to use: {row['when_to_use']}",
        f"When not to use: {row['when_not_to_use']}",
        f"Example: {row['example']}",
    ]
    return "\n".join(p for p in parts if p.strip())


def _code_name(rec: dict) -> str:
    return " ".join(p for p in (cell_text(rec.get("code")), cell_text(rec.get("label_zh")), cell_text(rec.get("label_en"))) if p)


def add_code_elements(parent_el, codebook: pd.DataFrame, ns: str) -> None:
    """Append the codebook to ``parent_el`` (a REFI-QDA ``<Codes>`` element) as ``<Code>`` elements, nested under
    their ``parent`` codes (rows of kind ``group`` are ``isCodable="false"``); ``ns`` is ``"{namespace}"``.

    Shared by the codebook export (.qdc) and the project export (.qdpx, :mod:`fromto.coding.qdpx`), so both carry the
    same GUIDs, names, colours and descriptions."""
    records = codebook.to_dict("records")
    known = {cell_text(r["code"]) for r in records}
    elements: dict[str, object] = {}

    def make(rec, parent):
        attrs = {"guid": code_guid(rec["code"]), "name": _code_name(rec),
                 "isCodable": "false" if cell_text(rec.get("kind")) == "group" else "true"}
        color = cell_text(rec.get("color"))
        if re.fullmatch(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})", color):
            attrs["color"] = color
        el = ET.SubElement(parent, ns + "Code", attrs)
        ET.SubElement(el, ns + "Description").text = _qdc_description(rec)
        elements[cell_text(rec["code"])] = el

    for rec in records:  # the codebook lists a parent before its children (a test checks it)
        parent = cell_text(rec.get("parent"))
        make(rec, elements[parent] if parent in elements else parent_el)
    missing = {cell_text(r.get("parent")) for r in records} - known - {""}
    if missing:
        raise ValueError(f"codebook: parent code(s) not in the codebook: {', '.join(sorted(missing))}")


def qdc_xml(codebook: pd.DataFrame, origin: str = "fromto") -> bytes:
    """The REFI-QDA codebook (``urn:QDA-XML:codebook:1.0``) as UTF-8 XML bytes.

    Each code becomes ``<Code guid name isCodable color>`` with a ``<Description>`` holding the labels,
    definition, when (not) to use and example, nested under its ``parent`` (a non-codable group code).
    GUIDs are deterministic (:func:`code_guid`), so re-exporting an unchanged codebook gives identical bytes.
    """
    ET.register_namespace("", QDC_XMLNS)
    ns = "{%s}" % QDC_XMLNS
    root = ET.Element(ns + "CodeBook", {"origin": origin})
    codes_el = ET.SubElement(root, ns + "Codes")
    add_code_elements(codes_el, codebook, ns)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def export_qdc(codebook: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write :func:`qdc_xml` to ``path`` atomically; returns the path."""
    target = Path(path)
    with atomic_write(target, "wb", encoding=None) as fh:
        fh.write(qdc_xml(codebook))
    return target


def coded_statements(coded: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per coded transition for coders who carry on in a QDA tool or a spreadsheet.

    Columns: ``statement_id`` (sentence id + ``t`` + running number within the sentence), ``doc,
    sentence_id, sentence, marker, subject, source, target, source_en, target_en, code, code_guid,
    label_zh, label_en, code_rule``.
    """
    codebook = load_codebook() if codebook is None else codebook
    labels = codebook.set_index("code")
    out = coded.copy()
    out["statement_id"] = [
        f"{sid}t{n + 1}" for sid, n in zip(out["sentence_id"], out.groupby("sentence_id", sort=False).cumcount())
    ]
    out["code_guid"] = [code_guid(c) for c in out["code"]]
    out["label_zh"] = [labels.at[c, "label_zh"] if c in labels.index else "" for c in out["code"]]
    out["label_en"] = [labels.at[c, "label_en"] if c in labels.index else "" for c in out["code"]]
    cols = ["statement_id", "doc", "sentence_id", "sentence", "marker", "subject", "source", "target",
            "source_en", "target_en", "code", "code_guid", "label_zh", "label_en", "code_rule"]
    for c in cols:
        if c not in out:
            out[c] = ""
    return out[cols].reset_index(drop=True)


def code_counts(page: pd.DataFrame, reports: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """Transitions per code on the page and in the reports (two coded tables with a ``code`` column), side by side.

    Indexed by code in the codebook's order (codes neither table uses left out); columns ``page``, ``reports``, the
    code's ``parent``, ``label_zh`` and ``label_en``, and ``reports_share`` (the code's share of the reports'
    transitions, to three places).
    """
    labels = codebook.set_index("code")[["parent", "label_zh", "label_en"]]
    by_code = pd.DataFrame({
        "page": page["code"].value_counts(),
        "reports": reports["code"].value_counts(),
    }).fillna(0).astype(int)
    by_code = by_code.reindex([c for c in codebook["code"] if c in by_code.index]).join(labels)
    by_code["reports_share"] = (by_code["reports"] / by_code["reports"].sum()).round(3)
    return by_code


def unplaced_share(coded: pd.DataFrame) -> str:
    """The share of a coded table's transitions that no code holds (OTHER or UNCODED), as a percentage with one
    decimal (``"12.7%"``), or ``"(no transitions)"`` for an empty table."""
    if not len(coded):
        return "(no transitions)"
    return f"{coded['code'].isin([OTHER_CODE, UNCODED_CODE]).mean():.1%}"
