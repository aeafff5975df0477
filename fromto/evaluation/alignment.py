"""Aligning extracted transitions with a gold standard made by reading, and comparing their codes.

:func:`match_transitions` aligns extracted rows with gold rows (same sentence, overlapping poles, one-to-one);
:func:`extraction_scores` gives precision, recall and F1 at the statement and the pole level;
:func:`coded_alignment` pairs the rules' codes with the reader's for the matched statements, and
:func:`disagreements` lists where they differ and why (the agreement measures are in :mod:`fromto.evaluation.metrics`).
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

from fromto.coding.codebook import normalise_for_match, normalise_pole
from fromto.evaluation.metrics import precision_recall_f1
from fromto.textio import cell_text

# --------------------------------------------------------------------------------------------------------------
# Extraction against gold
# --------------------------------------------------------------------------------------------------------------

def poles_overlap(a, b, min_common: int = 2) -> bool:
    """True when two poles share text: one contains the other, or they share ``min_common`` characters in a row.

    Quotes and spaces are ignored. ``管好“一幢楼”`` overlaps ``一幢楼``; ``松散型`` does not overlap ``紧密型``.
    """
    a, b = normalise_pole(a), normalise_pole(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= min_common


def _same_pole(a, b) -> bool:
    """Identical poles: the same characters once quotes, punctuation and spaces are removed."""
    a, b = normalise_for_match(a), normalise_for_match(b)
    return bool(a) and a == b


def _similarity(a, b) -> float:
    a, b = normalise_pole(a), normalise_pole(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _resolved(gold_row, ext_row) -> bool:
    """True when the gold source is written as the pronoun (其) whose antecedent the extracted row took as its
    source (``source_resolved``: the pronoun, followed by where its antecedent stands when that is the sentence
    before, 其 (previous sentence a1p05s02))."""
    pronoun = cell_text(ext_row.get("source_resolved")).split(" ")[0]
    return pronoun != "" and cell_text(gold_row.get("source")) == pronoun


def match_transitions(extracted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Align extracted transitions with gold transitions, one to one.

    An extracted row can match a gold row when (1) the gold ``locator`` occurs in the extracted ``sentence``
    (both compared without punctuation, quotes or spaces), (2) the ``article`` numbers agree when both are
    given, and (3) the source poles overlap and the target poles overlap (:func:`poles_overlap`); a gold source
    written as a pronoun (其) matches the row whose ``source_resolved`` is that pronoun. Candidate
    pairs are taken greedily, best first: more identical poles, then more similar poles, then the locator
    covering more of the sentence (so a heading's gold row goes to the heading, not to a body sentence that
    repeats it).

    Returns one row per pair or leftover: ``status`` (``TP``, ``FN`` = gold not extracted, ``FP`` = extracted,
    not in gold), ``gold_id``, ``ext_row`` (the extracted row's index label), ``sentence_id``, ``sentence``,
    ``gold_source, gold_target, ext_source, ext_target``, ``source_exact, target_exact`` (poles identical
    after removing quotes, punctuation and spaces: the same span of the sentence). Order: gold order, then unmatched extractions in their order.
    """
    ext = extracted.copy()
    ext["ext_row"] = list(extracted.index)
    ext_recs = ext.to_dict("records")
    gold_recs = gold.to_dict("records")
    ext_norm = [normalise_for_match(r.get("sentence")) for r in ext_recs]

    candidates = []
    for gi, g in enumerate(gold_recs):
        loc = normalise_for_match(g.get("locator"))
        g_art = cell_text(g.get("article"))
        for ei, e in enumerate(ext_recs):
            if not loc or loc not in ext_norm[ei]:
                continue
            e_art = cell_text(e.get("article"))
            if g_art and e_art and str(int(float(g_art))) != str(int(float(e_art))):
                continue
            source_ok = poles_overlap(g.get("source"), e.get("source")) or _resolved(g, e)
            if not (source_ok and poles_overlap(g.get("target"), e.get("target"))):
                continue
            exact = _same_pole(g.get("source"), e.get("source")) + _same_pole(g.get("target"), e.get("target"))
            similar = _similarity(g.get("source"), e.get("source")) + _similarity(g.get("target"), e.get("target"))
            coverage = len(loc) / max(len(ext_norm[ei]), 1)
            candidates.append(((exact, similar, coverage), gi, ei))
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], -c[0][2], c[1], c[2]))

    gold_to_ext: dict[int, int] = {}
    used_ext: set[int] = set()
    for _, gi, ei in candidates:
        if gi in gold_to_ext or ei in used_ext:
            continue
        gold_to_ext[gi] = ei
        used_ext.add(ei)

    def row(status, g, e):
        g = g or {}
        e = e or {}
        return {
            "status": status,
            "gold_id": cell_text(g.get("gold_id")),
            "ext_row": e.get("ext_row", pd.NA) if e else pd.NA,
            "sentence_id": cell_text(e.get("sentence_id")),
            "sentence": cell_text(e.get("sentence")),
            "gold_source": cell_text(g.get("source")),
            "gold_target": cell_text(g.get("target")),
            "ext_source": cell_text(e.get("source")),
            "ext_target": cell_text(e.get("target")),
            "source_exact": bool(g and e and (_same_pole(g.get("source"), e.get("source")) or _resolved(g, e))),
            "target_exact": bool(g and e and _same_pole(g.get("target"), e.get("target"))),
        }

    rows = []
    for gi, g in enumerate(gold_recs):
        if gi in gold_to_ext:
            rows.append(row("TP", g, ext_recs[gold_to_ext[gi]]))
        else:
            rows.append(row("FN", g, None))
    for ei, e in enumerate(ext_recs):
        if ei not in used_ext:
            rows.append(row("FP", None, e))
    columns = ["status", "gold_id", "ext_row", "sentence_id", "sentence", "gold_source", "gold_target",
               "ext_source", "ext_target", "source_exact", "target_exact"]
    out = pd.DataFrame(rows, columns=columns)
    out["ext_row"] = out["ext_row"].astype("Int64")
    return out


def extraction_scores(alignment: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of extraction from a :func:`match_transitions` table, at two levels.

    ``statement``: a matched pair is a true positive (lenient: same sentence, overlapping poles).
    ``pole``: each statement has two poles; a pole is a true positive only when a matched pair has it
    identical to the gold pole after removing quotes and punctuation (strict boundaries). Extracted poles = 2 × extracted
    statements, gold poles = 2 × gold statements.
    """
    n_tp = int((alignment["status"] == "TP").sum())
    n_fp = int((alignment["status"] == "FP").sum())
    n_fn = int((alignment["status"] == "FN").sum())
    tp_rows = alignment[alignment["status"] == "TP"]
    pole_tp = int(tp_rows["source_exact"].sum() + tp_rows["target_exact"].sum())
    n_ext_poles = 2 * (n_tp + n_fp)
    n_gold_poles = 2 * (n_tp + n_fn)
    rows = []
    for level, tp, fp, fn in (
        ("statement", n_tp, n_fp, n_fn),
        ("pole", pole_tp, n_ext_poles - pole_tp, n_gold_poles - pole_tp),
    ):
        p, r, f = precision_recall_f1(tp, fp, fn)
        rows.append({"level": level, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------------------------


def coded_alignment(alignment: pd.DataFrame, coded: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The matched pairs (``TP``) of ``alignment`` with the rule's ``code, code_rule`` (from ``coded``, by
    ``ext_row`` = index label) and the reader's ``gold_code, gold_note, subject, verb``."""
    tp = alignment[alignment["status"] == "TP"].copy()
    rule = coded.loc[tp["ext_row"].astype(int).tolist()]
    tp["rule_code"] = rule["code"].tolist()
    tp["code_rule"] = rule["code_rule"].tolist()
    tp["subject"] = [cell_text(x) for x in (rule["subject"] if "subject" in rule else [""] * len(tp))]
    tp["verb"] = [cell_text(x) for x in (rule["verb"] if "verb" in rule else [""] * len(tp))]
    g = gold.set_index("gold_id")
    tp["gold_code"] = [g.at[i, "code"] for i in tp["gold_id"]]
    tp["gold_note"] = [g.at[i, "note"] if "note" in g else "" for i in tp["gold_id"]]
    return tp.reset_index(drop=True)


def disagreement_reason(rule_code: str, gold_code: str, code_rule: str) -> str:
    """A sentence saying why the rules and the reader differ, derived from the rule that decided."""
    kind, _, detail = cell_text(code_rule).partition(" ")
    if kind == "R0":
        return f"the poles name no change of kind ({detail.split(':')[0]}: needs a reader); the reader coded {gold_code}"
    if kind == "R1":
        return f"the stated subject names {rule_code} ({detail}), but the reader coded the content {gold_code}"
    if kind == "R2":
        return f"the poles repeat a transition coded {rule_code} by its subject, but the reader coded {gold_code}"
    if kind == "R3" and rule_code == "UNCODED":
        return f"pole words tie between codes ({detail.removesuffix(': needs a reader')}); the reader coded {gold_code}"
    if kind == "R3":
        return f"pole words point to {rule_code} ({detail}), but the reader coded {gold_code}"
    if kind == "R4":
        return f"the words around the poles point to {rule_code} ({detail}), but the reader coded {gold_code}"
    if kind == "R5":
        return f"the conversion verb decides {rule_code}, but the reader coded the content {gold_code}"
    if kind == "R6":
        return (f"only the subject's or the sentence's words hint at a code ({detail.removesuffix(': needs a reader')}), "
                f"which is not enough to code; the reader coded {gold_code}")
    return f"no subject, keyword or verb of any code ({rule_code}: needs a reader); the reader coded {gold_code}"


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """Statements where the rule code differs from the gold code, with a ``reason`` (see
    :func:`disagreement_reason`) and the reader's note. Input: :func:`coded_alignment`."""
    d = pairs[pairs["rule_code"] != pairs["gold_code"]].copy()
    d["reason"] = [disagreement_reason(r, g, c) for r, g, c in zip(d["rule_code"], d["gold_code"], d["code_rule"])]
    cols = ["gold_id", "sentence_id", "ext_source", "ext_target", "subject", "rule_code", "code_rule",
            "gold_code", "reason", "gold_note"]
    return d[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------------------
# The rule codes against the reader's, on a page with a gold standard
# --------------------------------------------------------------------------------------------------------------

#: Columns of :func:`rule_agreement`'s ``agreement`` table.
AGREEMENT_COLUMNS = ["units", "measure", "value", "n_statements"]


def rule_agreement(matched: pd.DataFrame, coded: pd.DataFrame, gold: pd.DataFrame, codebook: pd.DataFrame) -> dict:
    """The rules' codes against the reader's, measured twice: on the statements both the extractor and the reader
    found (``matched``: :func:`match_transitions` of ``coded`` and ``gold``), and on every gold statement coded by
    the rules from the reader's own poles and subject, which separates coding errors from extraction errors.

    Returns ``agreement`` (percent agreement, Cohen's κ, Krippendorff's α for both sets of units:
    :data:`AGREEMENT_COLUMNS`), ``crosstab`` (rule codes by reader codes on the statements found by both) and
    ``disagreements`` (:func:`disagreements` of both sets, each row naming its ``units``).
    """
    from fromto.coding import rules
    from fromto.evaluation.metrics import agreement_table

    pairs = coded_alignment(matched, coded, gold)
    on_gold = rules.code_transitions(gold.drop(columns=["code"]).assign(doc="page"), codebook)
    agreement = pd.concat([
        agreement_table(pairs["rule_code"], pairs["gold_code"]).assign(units="statements found by both"),
        agreement_table(on_gold["code"], gold["code"]).assign(units="all gold statements"),
    ], ignore_index=True)[AGREEMENT_COLUMNS]
    crosstab = pd.crosstab(pairs["rule_code"], pairs["gold_code"], rownames=["rules"], colnames=["reader"])
    disagree = pd.concat([
        disagreements(pairs).assign(units="statements found by both"),
        disagreements(
            on_gold.rename(columns={"code": "rule_code", "source": "ext_source", "target": "ext_target", "note": "gold_note"})
            .assign(gold_code=gold["code"].tolist(), sentence_id="")
        ).assign(units="all gold statements"),
    ], ignore_index=True)
    return {"agreement": agreement, "crosstab": crosstab, "disagreements": disagree}


#: Columns of :func:`misses`.
MISS_COLUMNS = ["status", "gold_id", "locator", "gold_source", "gold_target", "sentence_id", "ext_source", "ext_target",
                "note"]


def misses(matched: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The rows of an alignment (:func:`match_transitions`) that are not true positives: gold statements not
    extracted (``FN``) and extracted statements not in the gold (``FP``), with the gold row's ``locator`` and
    ``note`` (:data:`MISS_COLUMNS`)."""
    out = matched[matched["status"] != "TP"].merge(gold[["gold_id", "locator", "note"]], on="gold_id", how="left")
    return out[MISS_COLUMNS]
