"""The sentences of a folder of Markdown newspaper articles, with stable ids, for gold standards made by reading.

The People's Daily development corpus (``../shared/corpora/peoples-daily-2025-party-building/``, research-only)
stores one article per Markdown file with YAML front matter. Its text may never be committed, so a gold standard
made on it stores only ``(file, sentence_id, sha256 of the sentence, poles, codes)``; this module rebuilds the same
sentences from the files in place, and :func:`check_sentences` says when a file no longer gives the sentence a
gold row was made on.

How an article becomes sentences: the front matter is split off (:func:`fromto.corpus.readers.split_front_matter`);
each Markdown line loses its block marks (``#`` headings, ``>`` quotes, list bullets, emphasis stars); the text is
cleaned by :func:`fromto.clean.clean_document` as any plain document (one paragraph a line) and split into its
sentences. A sentence id is the cleaner's (``a1p3s02``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from collections import defaultdict
from dataclasses import dataclass

from fromto import paths
from fromto.clean import clean_document
from fromto.corpus.readers import split_front_matter
from fromto.textio import InputError, read_resource_csv, read_text

#: Articles dated up to this day are the tuning half; later ones are held out (split by date before annotation).
LAST_TUNE_DATE = "2025-04-22"


@dataclass(frozen=True)
class GoldSet:
    """A newspaper gold standard made by reading: the corpus folder it was read in, its gold rows, the sentences its
    readers read, the last date of its tuning half, and the splits whose errors may be listed (``opened``)."""

    name: str
    folder: Path
    gold: Path
    read: Path
    last_tune_date: str
    opened: tuple[str, ...] = ("tune",)


#: The 2025 party-building corpus. Its held-out half (from 2025-05-06) was measured three times and then opened for
#: tuning; the 2026 pages took its place as the held-out text.
PD2025 = GoldSet("pd2025", paths.NEWSPAPERS, paths.NEWSPAPER_GOLD, paths.NEWSPAPER_READ, LAST_TUNE_DATE,
                 opened=("tune", "heldout"))
#: 2026 party-building pages: January to March tune; April to July was held out, measured twice (before and after
#: the rules written from the tuning half) and then opened for tuning, as the 2025 held-out half had been.
PD2026 = GoldSet("pd2026", paths.PD2026, paths.NEWSPAPER_GOLD_2026, paths.NEWSPAPER_READ_2026, "2026-03-31",
                 opened=("tune", "heldout"))
#: The same page's later 2026 issues (2026-07-21 to 2026-09-01), read after that half was opened: every article is
#: held out (its split date precedes them all) and measured once.
PD2026_LATE = GoldSet("pd2026late", paths.PD2026_LATE, paths.NEWSPAPER_GOLD_2026_LATE, paths.NEWSPAPER_READ_2026_LATE,
                      "2026-07-14", opened=())
#: The commentary page (评论版) of the same later issues: another page of the newspaper, held out the same way.
PD2026_COMMENTARY = GoldSet("pd2026commentary", paths.PD2026_COMMENTARY, paths.NEWSPAPER_GOLD_2026_COMMENTARY,
                            paths.NEWSPAPER_READ_2026_COMMENTARY, "2026-07-14", opened=())
#: The 2026 gold sets, each with the name the benchmarks print and the id prefix of its coded statements.
GOLD_SETS_2026 = [("news 2026", PD2026, paths.pd2026_available), ("news 2026 late", PD2026_LATE,
                  paths.pd2026_late_available), ("comment 2026", PD2026_COMMENTARY, paths.pd2026_commentary_available)]


def gold_set_ready(gold_set: GoldSet, available) -> bool:
    """True when a gold set's corpus is beside the repository (``available()``) and its gold file exists."""
    return bool(available()) and gold_set.gold.is_file()

#: Block marks at the start of a Markdown line: headings, quotes, bullets.
_BLOCK_MARK = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)+")
#: Emphasis stars around a run of text.
_EMPHASIS = re.compile(r"\*{1,3}([^*\n]+)\*{1,3}")


def markdown_plain(text: str) -> str:
    """The text of a Markdown article body as plain lines: block marks and emphasis removed, blank lines dropped."""
    out = []
    for line in text.splitlines():
        line = _EMPHASIS.sub(r"\1", _BLOCK_MARK.sub("", line.strip())).strip()
        if line and not re.fullmatch(r"[-*_]{3,}", line):
            out.append(line)
    return "\n".join(out) + "\n"


def sentence_digest(text: str) -> str:
    """The first 16 hex digits of the sha256 of a sentence's text (how a committed gold row names its sentence)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_sentences(path: str | Path) -> tuple[dict, list[dict]]:
    """``(meta, sentences)`` of one Markdown article: meta has ``title`` and ``date``; each sentence is a dict with
    ``file``, ``sentence_id``, ``paragraph``, ``text`` and ``sha`` (:func:`sentence_digest`)."""
    path = Path(path)
    meta, body, _ = split_front_matter(read_text(path), path.name)
    result = clean_document(markdown_plain(body), path.name)
    rows = [{"file": path.name, "sentence_id": r["sentence_id"], "paragraph": r["paragraph"],
             "text": r["text"], "sha": sentence_digest(r["text"])} for r in result.sentence_rows]
    return meta, rows


def split_of(date: str, last_tune_date: str) -> str:
    """``"tune"`` for an article dated on or before ``last_tune_date`` (ISO dates compare as strings), else
    ``"heldout"``."""
    return "tune" if str(date) <= last_tune_date else "heldout"


def corpus_sentences(folder: str | Path, last_tune_date: str) -> list[dict]:
    """Every sentence of every ``articles/*.md`` file under ``folder`` (sorted by file name), each with its
    article's ``date``, ``title`` and ``split`` (:func:`split_of`)."""
    folder = Path(folder)
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    out = []
    for path in sorted(articles.glob("*.md")):
        meta, rows = article_sentences(path)
        for r in rows:
            out.append({**r, "date": meta.get("date", ""), "title": meta.get("title", ""),
                        "split": split_of(meta.get("date", ""), last_tune_date)})
    return out


def check_sentences(gold_rows, sentences) -> list[str]:
    """Problems, one line each, where a gold row's sentence cannot be found in ``sentences``: neither a sentence of
    its file with its ``sha`` nor a run of consecutive sentences whose joined text has it (see :func:`carry_over`).
    A sentence the cleaner now numbers otherwise is found by its ``sha``. Empty when all are found."""
    _rows, _read, lost = carry_over(gold_rows, sentences, {(g["file"], g["sha"]) for g in gold_rows})
    return [f"{g['file']}: sentence {g['sentence_id']} is not in the text (sha {g['sha']})" for g in lost]


#: Longest run of the cleaner's current sentences that may make up one sentence the readers read.
_MAX_PIECES = 4


def _strip_quotes(text: str) -> str:
    return re.sub(r"[“”‘’\"'「」『』《》]", "", str(text))


def carry_over(gold_rows, sentences, read: set[tuple[str, str]]):
    """Gold rows and read sentences carried over to the cleaner's current ``sentences``, by text, not by number.

    A gold standard names each sentence by file and sha256 of its text; the cleaner's sentence ids are only where it
    stood. When the cleaner changes, ids shift and some sentences are split otherwise (a heading line split off the
    paragraph it was printed with). So a read sentence is found in its file (a) as a current sentence with the same
    digest, wherever it is numbered now, or (b) as a run of up to four consecutive current sentences whose joined text
    has its digest: every piece of the run was read, and each row of that sentence moves to the piece holding both
    of its poles (quotes aside), else the piece holding its target, else the first piece.

    Returns ``(rows, read, lost)``: the gold rows with their current ``sentence_id`` and ``sha`` (the id the gold
    file gives stays as ``gold_sentence_id``, the row's stable name), the read set in
    current digests, and the rows whose sentence is found neither way (its text changed), which are left out.
    """
    by_file = defaultdict(list)
    for s in sentences:
        by_file[s["file"]].append(s)
    current = {(s["file"], s["sha"]) for s in sentences}
    pieces: dict[tuple[str, str], list[dict]] = {}
    wanted = {key for key in read | {(g["file"], g["sha"]) for g in gold_rows} if key not in current}
    wanted_files = {f for f, _sha in wanted}
    for f in wanted_files:
        run = by_file.get(f, [])
        for i in range(len(run)):
            text = run[i]["text"]
            for j in range(i + 1, min(i + _MAX_PIECES, len(run))):
                text += run[j]["text"]
                key = (f, sentence_digest(text))
                if key in wanted and key not in pieces:
                    pieces[key] = run[i:j + 1]
    read_now = {key for key in read if key in current}
    for key in read:
        read_now.update((p["file"], p["sha"]) for p in pieces.get(key, []))
    index = {(s["file"], s["sha"]): s for s in sentences}
    rows, lost = [], []
    for g in gold_rows:
        key = (g["file"], g["sha"])
        if key in index:
            rows.append({**g, "gold_sentence_id": g["sentence_id"], "sentence_id": index[key]["sentence_id"]})
            continue
        if key not in pieces:
            lost.append(g)
            continue
        run = pieces[key]
        source, target = _strip_quotes(g.get("source", "")), _strip_quotes(g.get("target", ""))
        both = [p for p in run if source and target and source in _strip_quotes(p["text"])
                and target in _strip_quotes(p["text"])]
        with_target = [p for p in run if target and target in _strip_quotes(p["text"])]
        chosen = (both or with_target or run)[0]
        rows.append({**g, "gold_sentence_id": g["sentence_id"], "sentence_id": chosen["sentence_id"],
                     "sha": chosen["sha"]})
    return rows, read_now, lost


def read_sentences(path: str | Path | None = None) -> set[tuple[str, str]]:
    """``(file, sha)`` of every sentence the gold standard's readers read (``resources/newspaper_read_sentences.csv``)."""
    table = read_resource_csv(path or paths.NEWSPAPER_READ)
    return set(zip(table["file"], table["sha"]))


def unread_sentences(sentences, read: set[tuple[str, str]]) -> list[dict]:
    """The sentences of ``sentences`` (from :func:`corpus_sentences`) that no reader read: the cleaner gives them now
    (a heading line split off the paragraph it was glued to, say) but did not when the gold was made."""
    return [s for s in sentences if (s["file"], s["sha"]) not in read]


def newspaper_items(folder: str | Path | None = None, gold=None, read: set[tuple[str, str]] | None = None,
                    last_tune_date: str = LAST_TUNE_DATE) -> list[tuple]:
    """Every sentence of the newspaper corpus that the readers read, as :func:`fromto.evaluation.devset.score`
    items ``((file, sentence_id), split, text, gold_pairs)``; ``gold_pairs`` come from the gold standard
    (``resources/newspaper_gold_transitions.csv``), and every read sentence it does not list holds none. A sentence
    nobody read (:func:`unread_sentences`) is left out rather than counted as one without a transition.

    Gold rows and read sentences are found by their text (:func:`carry_over`), so a cleaner that numbers or splits
    sentences otherwise keeps them. Raises :class:`fromto.textio.InputError` when the corpus no longer holds the text
    of a sentence a gold row was made on.
    """
    folder = Path(folder or paths.NEWSPAPERS)
    gold = read_resource_csv(paths.NEWSPAPER_GOLD) if gold is None else gold
    read = read_sentences() if read is None else read
    sentences = corpus_sentences(folder, last_tune_date)
    rows, read, lost = carry_over(gold.to_dict("records"), sentences, read)
    if lost:
        first = lost[0]
        raise InputError(folder, f"{len(lost)} gold sentences are not in the corpus; first: {first['file']} "
                                 f"sentence {first['sentence_id']} (sha {first['sha']})")
    unread = {(s["file"], s["sentence_id"]) for s in unread_sentences(sentences, read)}
    pairs = defaultdict(list)
    for r in rows:
        if str(r["transition"]) == "1":
            pairs[(r["file"], r["sentence_id"])].append((r["source"], r["target"]))
    return [((s["file"], s["sentence_id"]), s["split"], s["text"], pairs.get((s["file"], s["sentence_id"]), []))
            for s in sentences if (s["file"], s["sentence_id"]) not in unread]


def gold_set_items(gold_set: GoldSet) -> list[tuple]:
    """:func:`newspaper_items` of one :class:`GoldSet` (its folder, gold, read sentences and split date)."""
    return newspaper_items(gold_set.folder, read_resource_csv(gold_set.gold), read_sentences(gold_set.read),
                           gold_set.last_tune_date)


def evaluate_newspapers(folder: str | Path | None = None, show_errors: str | None = None, extractor=None,
                        gold=None, read: set[tuple[str, str]] | None = None,
                        last_tune_date: str = LAST_TUNE_DATE, opened: tuple[str, ...] = ("tune",)) -> dict:
    """Scores on a newspaper gold, splits "tune" and "heldout" (see :func:`fromto.evaluation.devset.score`).
    Only the errors of an ``opened`` split may be listed (by default the tune split): asking for another's raises
    ValueError, since a held-out split is reported, never read."""
    from fromto.evaluation.devset import score

    if show_errors is not None and show_errors not in opened:
        raise ValueError(f"the {show_errors} split's errors may not be listed; a held-out split is reported, never read")
    return score(newspaper_items(folder, gold, read, last_tune_date), show_errors, splits=("tune", "heldout"),
                 extractor=extractor)


#: The sets of ``resources/newspaper_coding_facts.csv``, and the held-out ones reported together.
#: The 2025 held-out half was opened for tuning the coding rules too. The 2026 statements were fresh for coding (the
#: rules had never seen 2026 text) at their first look; their tuning part (January to March) was then opened, and
#: after a second look their April to July part too. The later 2026 issues (the party-building and the commentary
#: page) with PKU 2001 are the held-out figure.
HELD_OUT_CODING = ("pd2026late-heldout", "pd2026commentary-heldout", "pku")
CODING_SETS = [("pd2025-tune", ("pd2025-tune",)), ("pd2025-opened", ("pd2025-heldout",)),
               ("pd2026-tune (opened)", ("pd2026-tune",)), ("pd2026-opened", ("pd2026-heldout",)),
               ("pd2026-late", ("pd2026late-heldout",)), ("pd2026-commentary", ("pd2026commentary-heldout",)),
               ("pku", ("pku",)), ("held-out (pd2026-late + commentary + pku)", HELD_OUT_CODING)]


def coding_summary(facts) -> "pd.DataFrame":
    """The rules against an independent coder per set of ``facts`` (columns ``set, coder_code, rules_code``: the
    table ``benchmarks/newspaper_coding.py`` writes). Per set: statements the coder judged transitions, how many the
    rules coded, ``coverage`` (their share), ``uncoded_or_other`` (the share the rules left UNCODED or the coder
    placed nowhere, OTHER) and percent agreement, Cohen's κ and Krippendorff's α on the rows the rules coded."""
    import pandas as pd

    from fromto.coding.codebook import NOT_A_TRANSITION, UNCODED_CODE
    from fromto.evaluation.metrics import agreement_table, ratio

    rows = []
    for name, sets in CODING_SETS:
        part = facts[facts["set"].isin(sets)]
        if part.empty:
            continue
        real = part[part["coder_code"] != NOT_A_TRANSITION]
        decided = real[real["rules_code"] != UNCODED_CODE]
        measures = agreement_table(decided["rules_code"], decided["coder_code"]).set_index("measure")["value"]
        left = int(((real["rules_code"] == UNCODED_CODE) | (real["coder_code"] == "OTHER")).sum())
        rows.append({"set": name, "transitions": len(real), "rules_coded": len(decided),
                     "coverage": round(ratio(len(decided), len(real)), 3),
                     "uncoded_or_other": round(ratio(left, len(real)), 3),
                     "percent_agreement": round(float(measures["percent_agreement"]), 3),
                     "cohen_kappa": round(float(measures["cohen_kappa"]), 3),
                     "krippendorff_alpha": round(float(measures["krippendorff_alpha_nominal"]), 3)})
    return pd.DataFrame(rows)


def coding_side_by_side(page_agreement, page_coded, news_coding, report_overall=None) -> "pd.DataFrame":
    """Coverage and agreement of the rule codes on the page, the reports and the newspapers, one row per text.

    ``page_agreement`` is notebook 03's agreement of the rules with the page's reader (``units, measure, value,
    n_statements``; its "all gold statements" α is used), ``page_coded`` the page's coded transitions (coverage: the
    share not UNCODED), ``news_coding`` :func:`coding_summary`'s table and ``report_overall`` the ``overall`` table of
    the rules against the reports' second coder (:func:`fromto.coding.second_coder.report_agreement`), or None when
    no second coder's codes exist. Columns ``text, reference coder, statements, coverage, alpha on coded rows``.
    """
    import pandas as pd

    from fromto.coding.codebook import UNCODED_CODE
    from fromto.evaluation.metrics import measure_of

    rows = []
    alpha, n = measure_of(page_agreement, "all gold statements", "krippendorff_alpha_nominal")
    rows.append({"text": "the page (gold statements)", "reference coder": "the codebook's reader (LLM-based)",
                 "statements": n, "coverage": round(float((page_coded["code"] != UNCODED_CODE).mean()), 3),
                 "alpha on coded rows": round(alpha, 3)})
    if report_overall is not None:
        alpha, n = measure_of(report_overall, "rows the reader judged transitions and the rules coded",
                              "krippendorff_alpha_nominal")
        cov, total = measure_of(report_overall, "rows the reader judged transitions", "rules_coverage")
        rows.append({"text": "Government Work Reports (random sample)", "reference coder": "independent, LLM-based",
                     "statements": total, "coverage": round(cov, 3), "alpha on coded rows": round(alpha, 3)})
    for _, row in news_coding.iterrows():
        rows.append({"text": f"People's Daily: {row['set']}", "reference coder": "independent, LLM-based",
                     "statements": int(row["transitions"]), "coverage": row["coverage"],
                     "alpha on coded rows": row["krippendorff_alpha"]})
    return pd.DataFrame(rows)


#: The held-out newspaper parts of ``resources/newspaper_extraction_scores.csv``, newest first, with how the held-out
#: sentence names them. The first present ones that belong together are reported: the later 2026 pages (the
#: party-building and the commentary page, read at once), else the April to July 2026 half, else the 2025 half.
_HELD_OUT_PARTS = [(("news 2026 late", "the later 2026 party-building pages"),
                    ("comment 2026", "the 2026 commentary pages")),
                   (("news 2026", "the 2026 held-out half"),),
                   (("newspapers", "the 2025 held-out half"),)]


def held_out_sentence(scores) -> str:
    """One sentence on the newspapers' held-out figures in ``scores`` (the table ``benchmarks/transitions_newspaper.py
    --write`` writes): the newest held-out parts measured (:data:`_HELD_OUT_PARTS`). Empty when none is there."""
    for group in _HELD_OUT_PARTS:
        said = []
        for gold, label in group:
            rows = scores[(scores["gold"] == gold) & (scores["split"] == "heldout") & (scores["level"] == "sentence")]
            if len(rows):
                row = rows.iloc[0]
                said.append(f"{label}: the rules find {float(row['recall']):.0%} of the sentences readers marked, and "
                            f"{float(row['precision']):.0%} of the sentences they take hold a transition; with the "
                            f"reading list, {float(row['reading_list_recall']):.0%} are reached")
        if said:
            return "Newspapers, " + "; ".join(said) + "."
    return ""


def gold_set_sentences(gold_set: GoldSet) -> tuple[list[dict], list[dict], list[dict]]:
    """``(sentences, gold rows, unread sentences)`` of one :class:`GoldSet` as the cleaner gives them now: the
    corpus's sentences, the gold rows carried over to them (:func:`carry_over`) and the sentences no reader read.
    Raises :class:`fromto.textio.InputError` as :func:`newspaper_items` does."""
    sentences = corpus_sentences(gold_set.folder, gold_set.last_tune_date)
    rows, read, lost = carry_over(read_resource_csv(gold_set.gold).to_dict("records"), sentences,
                                  read_sentences(gold_set.read))
    if lost:
        raise InputError(gold_set.folder, f"{len(lost)} gold sentences are not in the corpus; first: "
                                          f"{lost[0]['file']} sentence {lost[0]['sentence_id']}")
    return sentences, rows, unread_sentences(sentences, read)


def coding_by_code(facts, sets=HELD_OUT_CODING) -> "pd.DataFrame":
    """Agreement per code between the rules and the independent coder on the statements of ``sets`` (by default the
    held-out ones) that the coder judged transitions and the rules coded: per code, how often the rules used it
    (``n_rules``), the coder (``n_coder``) and both on one statement (``n_both``), and the agreement, Cohen's κ and
    Krippendorff's α of "this code or not" (:func:`fromto.evaluation.metrics.per_code_agreement`)."""
    from fromto.coding.codebook import NOT_A_TRANSITION, UNCODED_CODE
    from fromto.evaluation.metrics import per_code_agreement

    part = facts[facts["set"].isin(sets) & (facts["coder_code"] != NOT_A_TRANSITION)
                 & (facts["rules_code"] != UNCODED_CODE)]
    table = per_code_agreement(list(part["rules_code"]), list(part["coder_code"]))
    table = table.rename(columns={"n_a": "n_rules", "n_b": "n_coder"})
    return table.round(3)
