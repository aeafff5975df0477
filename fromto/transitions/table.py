"""Tables: extract_sentences, extract_rows, extract_text and the review queue."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.engine import PREVIOUS_SENTENCE, extract
from fromto.transitions.lexicon import COLUMNS


def review_cue(sentence: str) -> str:
    """The first change-construction cue in ``sentence`` (:data:`REVIEW_CUES`), or ``""`` when it has none.

    A cue is no transition: it marks a sentence a reader should look at when the rules took nothing from it.
    """
    m = L.REVIEW_CUES.search(sentence)
    return m.group(0) if m else ""


def review_queue(sentences, found) -> "pd.DataFrame":
    """The sentences a reader should check: those of ``sentences`` (a sentence table with ``doc``, ``sentence_id``
    and ``text``) that hold a change-construction cue (:func:`review_cue`) but gave the rules no transition
    (``found``: the extracted table, matched on ``doc`` and ``sentence_id``).

    The rules' recall on prose they were not tuned on is below their precision (EVALUATION.md): this list is where the
    transitions they miss are, at a reading cost the caller can count. Columns ``doc, sentence_id, cue, text``.
    """
    import pandas as pd

    taken = set(zip(found["doc"].astype(str), found["sentence_id"].astype(str))) if len(found) else set()
    rows = []
    for row in sentences[["doc", "sentence_id", "text"]].itertuples(index=False):
        key = (str(row.doc), str(row.sentence_id))
        if key in taken:
            continue
        cue = review_cue(str(row.text))
        if cue:
            rows.append({"doc": key[0], "sentence_id": key[1], "cue": cue, "text": row.text})
    return pd.DataFrame(rows, columns=["doc", "sentence_id", "cue", "text"])


def extract_sentences(sentences):
    """Transitions of every sentence in a ``sentences`` table (see :mod:`fromto.clean`), as a DataFrame.

    ``sentences`` is the DataFrame or its rows (an iterable of dicts, as ``CleanResult.sentence_rows``).
    Columns are :data:`COLUMNS`; ``chain_id`` is ``<sentence_id>-c<n>`` so it is unique in the table.
    Missing context columns (``article``, ``section`` …) are left empty.
    """
    import pandas as pd

    return pd.DataFrame(extract_rows(sentences), columns=COLUMNS)


def extract_rows(sentences) -> list[dict]:
    """The rows of :func:`extract_sentences` as a list of dicts (no DataFrame is built: corpus mode's path).

    The sentences are read in order: each is given the sentence before it when both are of one paragraph (same
    ``doc``, ``article`` and ``paragraph_id``), where a pronoun source with no antecedent in its own sentence is
    resolved; ``source_resolved`` then reads ``其 (previous sentence <sentence_id>)``."""
    if hasattr(sentences, "to_dict"):
        sentences = sentences.to_dict("records")
    records = []
    rows = sentences
    before = None  # the sentence before, while in the same document and paragraph
    for row in rows:
        text = str(row.get("text", ""))
        para = (row.get("doc", ""), row.get("article", ""), row.get("paragraph_id", ""))
        previous = before if before is not None and before[0] == para else None
        before = (para, text, str(row.get("sentence_id", "")))
        found = extract(text, previous[1] if previous else "")
        if not found:
            continue
        sid = str(row.get("sentence_id", ""))
        for t in found:
            resolved = t.get("source_resolved", "")
            if previous and resolved.endswith(PREVIOUS_SENTENCE):
                resolved = f"{resolved[:-1]} {previous[2]})"  # 其 (previous sentence a1p05s02)
            records.append({
                "doc": row.get("doc", ""),
                "article": row.get("article", ""),
                "section": row.get("section", ""),
                "paragraph_id": row.get("paragraph_id", ""),
                "sentence_id": sid,
                "position": row.get("position", ""),
                "sentence": text,
                **{k: t[k] for k in ("marker", "subject", "source", "target", "verb", "source_quote",
                                     "target_quote")},
                "chain_id": f"{sid}-c{t['chain_id']}",
                "step": t["step"],
                "start": t["start"],
                "end": t["end"],
                "source_resolved": resolved,
            })
    return records


def extract_text(text: str, doc: str = "text"):
    """Clean plain text with :func:`fromto.clean.clean_document` (the same path as every command) and
    extract the transitions of its sentences (a table with :data:`COLUMNS`)."""
    from fromto.clean import clean_document

    return extract_sentences(clean_document(text, doc).sentences)


def _last_sentence(text: str) -> tuple[str, str]:
    """``(sentence, previous)``: the last sentence of ``text`` and the one before it (``""`` when there is one),
    so that an example of two sentences gives its first as the sentence before, where a pronoun source is resolved."""
    import re

    parts = re.findall(r"[^。！？]+[。！？]?", text)
    if not parts:
        return text, ""
    return parts[-1], parts[-2] if len(parts) > 1 else ""


def examples_table() -> "pd.DataFrame":
    """The registry's own examples run through :func:`extract`: each construction's ``must_match`` and ``must_not``
    sentences (``resources/constructions.tsv``) and every row of ``resources/construction_examples.tsv``, in the
    registry's order.

    Columns ``family`` (the kind of construction), ``construction`` (its id), ``kind`` ("transition" for an example
    the construction must take, else the look-alike's kind: time, numeric, space …), ``sentence``, ``extracted``
    (``marker: source → target`` per row, ``"— nothing"`` for none) and ``as_expected``: an example gives its pair
    by its construction; a look-alike gives no row.
    """
    import pandas as pd

    from fromto import paths
    from fromto.transitions import registry
    from fromto.transitions.lexicon import read_table

    reg = registry.constructions()
    cases: list[tuple[str, str, str, str, str]] = []  # construction, kind, sentence, source, target
    for c in reg.values():
        if c.must_match:
            cases.append((c.id, "transition", c.must_match, c.match_source, c.match_target))
        if c.must_not:
            cases.append((c.id, c.not_kind, c.must_not, "", ""))
    more: dict[str, list] = {}
    for construction, sentence, source, target, kind in (row[:5] for row in read_table(paths.CONSTRUCTION_EXAMPLES)):
        more.setdefault(construction, []).append((construction, kind, sentence, source, target))
    order = {cid: i for i, cid in enumerate(reg)}
    cases = sorted(cases + [case for group in more.values() for case in group],
                   key=lambda case: order.get(case[0], len(order)))  # stable: registry rows first within one id
    rows = []
    for construction, kind, sentence, source, target in cases:
        found = extract(*_last_sentence(sentence))
        if kind == "transition":
            ok = any((r["construction"], r["source"], r["target"]) == (construction, source, target) for r in found)
        else:
            ok = not found
        rows.append({
            "family": reg[construction].family if construction in reg else "",
            "construction": construction, "kind": kind, "sentence": sentence,
            "extracted": "; ".join(f"{r['marker']}: {r['source']} → {r['target']}" for r in found) or "— nothing",
            "as_expected": ok,
        })
    return pd.DataFrame(rows, columns=["family", "construction", "kind", "sentence", "extracted", "as_expected"])
