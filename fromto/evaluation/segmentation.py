"""Scoring a segmentation against a hand-segmented gold standard, as the SIGHAN bakeoff scorer counts words."""

from __future__ import annotations

from collections.abc import Iterable

from fromto.evaluation.metrics import precision_recall_f1, ratio


def word_spans(tokens: Iterable[str]) -> set[tuple[int, int]]:
    """The character spans ``(start, end)`` of the tokens laid end to end (white space ignored)."""
    spans, pos = set(), 0
    for tok in tokens:
        tok = "".join(tok.split())
        if not tok:
            continue
        spans.add((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def segmentation_prf(gold: Iterable[list[str]], system: Iterable[list[str]], known: set[str] | None = None) -> dict:
    """Word precision, recall and F1 of ``system`` against ``gold``, line by line, as the SIGHAN scorer counts them.

    A system word is correct when a gold word has exactly the same character span. Lines must hold the same
    characters (white space aside); a mismatch raises ``ValueError``. With ``known`` (the training word list),
    ``oov_recall`` is the recall on gold words outside it.
    """
    n_gold = n_sys = n_ok = oov_gold = oov_ok = 0
    for i, (g, s) in enumerate(zip(gold, system, strict=True), start=1):
        gtext, stext = "".join("".join(g).split()), "".join("".join(s).split())
        if gtext != stext:
            raise ValueError(f"line {i}: system text differs from gold text")
        gs, ss = word_spans(g), word_spans(s)
        n_gold += len(gs)
        n_sys += len(ss)
        ok = gs & ss
        n_ok += len(ok)
        if known is not None:
            for a, b in gs:
                if gtext[a:b] not in known:
                    oov_gold += 1
                    oov_ok += (a, b) in ok
    p, r, f = precision_recall_f1(n_ok, n_sys - n_ok, n_gold - n_ok)
    out = {"gold_words": n_gold, "system_words": n_sys, "correct": n_ok, "precision": p, "recall": r, "f1": f}
    if known is not None:
        out["oov_words"] = oov_gold
        out["oov_recall"] = ratio(oov_ok, oov_gold)
    return out
