"""A REFI-QDA project (``.qdpx``) of the coded transitions, for NVivo, MAXQDA, ATLAS.ti and Taguette.

:func:`export_qdpx` writes a zip of ``project.qde`` and ``sources/``: the codebook with its parent groups, the
source texts, and every coded transition as a ``PlainTextSelection`` over its sentence's raw character offsets,
with a ``Coding`` for its code. GUIDs are uuid5 names, the zip has fixed timestamps, so an unchanged input gives
identical bytes; ``tests/test_coding_exports.py`` validates ``project.qde`` against the published REFI-QDA Project schema.
Characters XML 1.0 cannot hold are replaced by U+FFFD, one for one (so offsets still select their sentences), with
a :class:`~fromto.coding.sheets.ReplacedCharacterWarning`; the project is parsed again before it is written.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd

from fromto.coding import codebook as cb
from fromto.coding.sheets import _warn_replaced, statement_ids
from fromto.textio import atomic_write, cell_text, xml_safe

#: XML namespace of the REFI-QDA project format (``project.qde``).
PROJECT_XMLNS = "urn:QDA-XML:project:1.0"
#: Namespace of the deterministic GUIDs of sources, selections, codings and users (codes use codebook's).
QDPX_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/fromto/qdpx")
#: Timestamp written for every member of a .qdpx zip, so the bytes do not depend on the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


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
    span = {(cell_text(d), cell_text(s)): (int(a), int(b)) for d, s, a, b in
            zip(docs, sentences["sentence_id"], sentences["raw_start"], sentences["raw_end"])}
    rows = []
    cdocs = coded["doc"] if "doc" in coded else [""] * len(coded)
    for sid_, doc, rec in zip(statement_ids(coded), cdocs, coded.to_dict("records")):
        key = (cell_text(doc), cell_text(rec.get("sentence_id")))
        if key not in span:
            raise ValueError(f"transition {sid_}: sentence {key[1]} of {key[0] or 'the document'} has no raw offsets")
        start, end = span[key]
        rows.append({
            "statement_id": sid_, "doc": key[0], "sentence_id": key[1], "start": start, "end": end,
            "code": cell_text(rec.get("code")), "code_source": cell_text(rec.get("code_source")) or "rule",
            "description": (f"{cell_text(rec.get('source'))} → {cell_text(rec.get('target'))} "
                            f"({cell_text(rec.get('marker'))}); {cell_text(rec.get('code_rule'))}").strip(),
        })
    # object columns: a description may hold a character a pyarrow-backed string column cannot (a lone
    # surrogate); the export replaces such characters, with a warning, when it writes the XML
    return pd.DataFrame(rows, columns=["statement_id", "doc", "sentence_id", "start", "end", "code",
                                       "code_source", "description"], dtype=object)


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
    # rows per document, grouped by hand: pandas' groupby would turn the names into a string column, which cannot
    # hold a lone surrogate when pyarrow backs it (the export replaces such characters when it writes)
    positions: dict = {}
    for pos, d in enumerate(segments["doc"].tolist()):
        positions.setdefault(d, []).append(pos)
    by_doc = {d: segments.iloc[p] for d, p in positions.items()}
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
