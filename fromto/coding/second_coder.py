"""An independent second coder's packet: a random sample of report transitions and the codebook's definitions.

The coder sees only the definitions (:func:`coder_definitions_markdown`: no keyword or subject-head list, no rule
code) and the sampled statements with their context; the rules' codes are kept apart. ``python -m
fromto.coding.packet packet --out DIR [--n N]`` writes a packet; :func:`second_coder_sheet` reads the returned codes
back beside the current rules' codes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd

from fromto import paths
from fromto.coding import rules
from fromto.coding import codebook as cb
from fromto.coding.sheet_reading import read_coding_sheet
from fromto.coding.sheets import _id_key, coding_sheet, merge_sheet, statement_ids
from fromto.textio import atomic_write, cell_text, csv_text, read_resource_csv, write_csv

# --------------------------------------------------------------------------------------------------------------
# Tables for a folder of documents
# --------------------------------------------------------------------------------------------------------------

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
    groups = [r for r in book if cell_text(r.get("kind")) == "group"]

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
            if cell_text(r.get("parent")) == g["code"]:
                lines += entry(r)
    lines += ["### Reader's decisions / 编码者的判断", ""]
    for r in book:
        if cell_text(r.get("kind")) in ("residual", "status") and r["code"] != cb.UNCODED_CODE:
            lines += entry(r)
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------------------------------------------
# Command line: python -m fromto.coding.second_coder packet --out DIR [--n N]
# --------------------------------------------------------------------------------------------------------------

#: Size of the second coder's sample of report transitions (at least 120 asked for; a few may be no transition).
PACKET_SIZE = 140

SAMPLE_HEADER = """# Report transitions drawn for an independent second coder: the rows of the coder's packet, with the
# extractor's fields, so notebook 03 can code the very same rows with the current rules and compare them with the
# coder's codes (resources/report_second_coder_codes.csv, keyed by id) even after the extractor changes.
# (The coder is LLM-based, a language model given only the codebook's definitions, not a person.)
# Made by `python -m fromto.coding.second_coder packet --out DIR --n {n}`: every report in
# seeds/government-work-reports/ cleaned (fromto.clean.clean_document, doc = year), transitions extracted (fromto.transitions.extract_sentences) as at
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
    from fromto import corpus

    tables = corpus.folder_tables(folder or paths.REPORTS)
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
    with atomic_write(resource) as fh:
        fh.write(SAMPLE_HEADER.format(n=n, total=len(sheet), salt=SAMPLE_SALT) + csv_text(fields[cols]))
    written["resource"] = resource
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m fromto.coding.second_coder", description="Hand-coding packets for fromto.")
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
        found = transitions.extract(cell_text(sentence))
        out.append(any(devset._pole_match(r["source"], cell_text(source)) and devset._pole_match(r["target"], cell_text(target))
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
    coded = rules.code_transitions(sample, codebook, glossary={})
    sheet = pd.DataFrame({
        "statement_id": sample["id"], "doc": sample["doc"], "sentence_id": sample["sentence_id"],
        "sentence": sample["sentence"], "source": sample["source"], "target": sample["target"],
        "rule_code": coded["code"], "code_rule": coded["code_rule"], "human_code": "", "confidence": "", "note": "",
    })
    return merge_sheet(sheet, read_coding_sheet(coder_path, codebook), coder_path)


#: The ``units`` of the extra row :func:`report_agreement` adds to ``overall``, completed by the row count.
STILL_EXTRACTED_UNITS = "rows the current extractor still finds"


def report_agreement(sheet: pd.DataFrame, codebook: pd.DataFrame | None = None) -> dict:
    """The rules against the second coder on the report sample (``sheet``: :func:`second_coder_sheet`'s table).

    Returns :func:`fromto.coding.sheets.sheet_agreement`'s ``{"overall", "per_code", "disagreements"}``, with one row
    more in ``overall``: the measures on every coded row the current extractor still finds (:func:`still_extracted`;
    the sample was drawn from an earlier extraction), its ``units`` naming how many rows that is. Also ``coded``
    (rows the coder coded), ``rows`` (rows in the sample) and ``not_a_transition`` (rows the coder judged no
    transition), as integers.
    """
    from fromto.coding.sheets import sheet_agreement

    codebook = cb.load_codebook() if codebook is None else codebook
    res = sheet_agreement(sheet, codebook)
    kept = sheet[still_extracted(sheet)]
    now = sheet_agreement(kept, codebook)["overall"]
    now = now[now["units"] == "all rows coded by the reader"].assign(units=f"{STILL_EXTRACTED_UNITS} ({len(kept)})")
    res["overall"] = pd.concat([res["overall"], now], ignore_index=True)
    coded = sheet[[bool(cell_text(h)) for h in sheet["human_code"]]]
    res["coded"] = len(coded)
    res["rows"] = len(sheet)
    res["not_a_transition"] = int((coded["human_code"] == cb.NOT_A_TRANSITION).sum())
    return res


def page_intercoder(gold: pd.DataFrame, second: pd.DataFrame, codebook: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The page's reader against a second coder who worked with codebook version 1.

    ``gold`` is the reader's gold standard (``gold_id``, ``code``), ``second`` the second coder's codes
    (``resources/second_coder_codes.csv``: ``gold_id``, ``code``, ``confidence``, ``reason``). The reader's codes are
    mapped back to version 1 (:func:`fromto.coding.codebook.to_v1`) before they are compared. Returns the agreement
    table (``units, measure, value, n_statements``) and the joined rows (``gold_id, code_reader, code_reader_v1,
    code_second, confidence, reason``).
    """
    from fromto.evaluation import metrics

    readers = gold[["gold_id", "code"]].merge(second, on="gold_id", how="left", suffixes=("_reader", "_second"))
    readers["code_reader_v1"] = cb.to_v1(readers["code_reader"], codebook)
    table = metrics.agreement_table(readers["code_second"], readers["code_reader_v1"]).assign(
        units="gold statements, reader vs second coder (codebook v1)")[["units", "measure", "value", "n_statements"]]
    return table, readers
