"""The coding rules against an independent coder on newspaper prose (People's Daily 2025 and 2001).

    python benchmarks/newspaper_coding.py packet --out DIR   # the coder's packet (outside the repository)
    python benchmarks/newspaper_coding.py                    # measure; rewrite resources/newspaper_coding_facts.csv
    python benchmarks/newspaper_coding.py --check            # exit 1 when the committed facts differ from a fresh run

The statements are the transitions readers found in newspaper prose: every row with ``transition`` = 1 of
``resources/newspaper_gold_transitions.csv`` (People's Daily party-building page, 2025: its tune half, on which
codebook version 3 was grown, and its held-out half) and of ``resources/pku_dev_transitions.csv`` (People's Daily,
January 2001, never used to write the codebook or its keywords). Their sentences are research-only, read in place
beside the repository (``../shared``), so the packet is written outside it and the committed files hold ids, codes
and short notes only.

The packet (``codebook_definitions.md``, the definitions with the machine columns removed; ``sample.csv``: id,
sentence, source, target, in a fixed pseudo-random order) is what the coder saw. The coder's filled sheet is
``resources/newspaper_second_coder_codes.csv``. Measuring codes the same rows with the current rules (the gold's poles,
subject and construction, and the sentence) and writes ``resources/newspaper_coding_facts.csv`` (id, set, coder_code,
rules_code, code_rule), which notebook 03 reads to show the agreement, so a clone with nothing beside it still
reproduces every committed file. Sets: ``pd2025-tune`` (the codebook's growth material), ``pd2025-heldout`` (held
out, then opened for tuning the rules), ``pd2026-tune`` and ``pd2026-heldout`` (the 2026 pages of January to July,
both opened for tuning after their looks; ``--only pd2026`` writes their packet), ``pd2026late-heldout`` and
``pd2026commentary-heldout`` (the later 2026 party-building pages and the commentary page of the same issues, held
out; ``--only pd2026late`` / ``--only pd2026commentary``) and ``pku`` (held out).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from fromto import paths  # noqa: E402
from fromto.coding import codebook as cb  # noqa: E402
from fromto.coding import rules  # noqa: E402
from fromto.coding.second_coder import coder_definitions_markdown  # noqa: E402
from fromto.evaluation.newspaper import (GOLD_SETS_2026, PD2025, coding_summary, gold_set_ready,  # noqa: E402
                                        gold_set_sentences)
from fromto.textio import atomic_write, read_resource_csv  # noqa: E402

CODER = paths.NEWSPAPER_SECOND_CODER
FACTS = paths.NEWSPAPER_CODING_FACTS
SALT = "fromto-newspaper-coder"
INTRO = ("Each row of `sample.csv` is a transition statement in a sentence of the People's Daily (人民日报), from news\n"
         "reports, features and commentaries: a sentence that claims that something changes **from** a state X **to** a\n"
         "different state Y. The columns `source` and `target` give X and Y as a reader marked them. Readers found these\n"
         "statements by reading, so most rows are real transitions; a row may still be judged otherwise.\n\n")

FACTS_HEADER = """# The coding rules against an independent coder on newspaper prose: one row per statement, ids and codes only.
# Made by `python benchmarks/newspaper_coding.py` (read its docstring) with the research-only sentences beside the
# repository; notebook 03 reads this file. Statements: the transitions readers found in the People's Daily 2025
# party-building corpus (resources/newspaper_gold_transitions.csv; set pd2025-tune, on which codebook version 3 was
# grown, and pd2025-heldout, opened for tuning the rules after two looks), in the People's Daily 2026 party-building
# pages (resources/newspaper2026_gold_transitions.csv; sets pd2026-tune and pd2026-heldout, fresh for coding at their
# first look, then opened for tuning the rules in turn), in the later 2026 party-building pages and the commentary
# page of the same issues (resources/newspaper2026late_gold_transitions.csv and
# newspaper2026commentary_gold_transitions.csv; sets pd2026late-heldout and pd2026commentary-heldout, held out) and in
# the People's Daily 2001 sample (resources/pku_dev_transitions.csv; set pku, never used to write the codebook).
# coder_code: resources/newspaper_second_coder_codes.csv, LLM-based coders given only the codebook's definitions (no
# keywords, no rules, no other coder's codes). rules_code and code_rule: the current rules (fromto.coding.rules) on the readers'
# poles, subject and construction and the sentence.
"""


def statements() -> pd.DataFrame:
    """The statements with their sentences (read in place), sets and the fields the rules use."""
    found, gold, _unread = gold_set_sentences(PD2025)
    sentences = {(s["file"], s["sentence_id"]): s["text"] for s in found}
    rows = []
    for r in [g for g in gold if g["transition"] == "1"]:
        rows.append({"id": f"pd2025:{r['file']}:{r['gold_sentence_id']}:{r['item']}", "set": f"pd2025-{r['split']}",
                     "sentence": sentences[(r["file"], r["sentence_id"])], "source": r["source"],
                     "target": r["target"], "subject": r["subject"], "marker": r["construction"], "doc": r["file"]})
    for _name, gold_set, available in GOLD_SETS_2026:
        if not gold_set_ready(gold_set, available):
            continue
        found26, gold26, _unread = gold_set_sentences(gold_set)
        fresh = {(s["file"], s["sentence_id"]): s["text"] for s in found26}
        for r in [g for g in gold26 if g["transition"] == "1"]:
            rows.append({"id": f"{gold_set.name}:{r['file']}:{r['gold_sentence_id']}:{r['item']}",
                         "set": f"{gold_set.name}-{r['split']}", "sentence": fresh[(r["file"], r["sentence_id"])],
                         "source": r["source"], "target": r["target"], "subject": r["subject"],
                         "marker": r["construction"], "doc": r["file"]})
    lines = paths.PKU_RAW.read_text(encoding="utf-8").split("\n")
    pku = read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    for r in pku[pku["transition"] == "1"].to_dict("records"):
        line, a, b = int(r["line"]), int(r["start"]), int(r["end"])
        rows.append({"id": f"pku2001:{line}:{a}:{b}:{r['item']}", "set": "pku", "sentence": lines[line - 1][a:b],
                     "source": r["source"], "target": r["target"], "subject": "", "marker": "", "doc": f"pku{line}"})
    table = pd.DataFrame(rows)
    order = [hashlib.sha1(f"{SALT}:{i}".encode()).hexdigest() for i in table["id"]]
    return table.assign(_order=order).sort_values("_order").drop(columns="_order").reset_index(drop=True)


def write_packet(out: Path, only: str | None = None) -> None:
    """The coder's packet in ``out``: the definitions and the statements (those whose id starts with ``only``)."""
    out = Path(out).resolve()
    if paths.inside_repository(out):
        raise SystemExit(f"{out}: the packet holds research-only sentences; give a folder outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    definitions = coder_definitions_markdown(cb.load_codebook())
    start, end = definitions.index("Each row of `sample.csv`"), definitions.index("## How to record")
    (out / "codebook_definitions.md").write_text(definitions[:start] + INTRO + definitions[end:], encoding="utf-8")
    table = statements()
    if only:
        table = table[table["id"].str.startswith(only + ":")]
    table[["id", "sentence", "source", "target"]].to_csv(out / "sample.csv", index=False)
    print(f"{out}: codebook_definitions.md, sample.csv")


def facts() -> pd.DataFrame:
    table = statements()
    coder = read_resource_csv(CODER)[["id", "code"]].rename(columns={"code": "coder_code"})
    coded = rules.code_transitions(table, glossary={})
    out = coded[["id", "set", "code", "code_rule"]].rename(columns={"code": "rules_code"}).merge(coder, on="id")
    return out[["id", "set", "coder_code", "rules_code", "code_rule"]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", nargs="?", choices=["packet", "measure"], default="measure")
    ap.add_argument("--out", help="packet folder (outside the repository)")
    ap.add_argument("--only", help="packet: only the statements of one corpus (pd2025, pd2026, pd2026late, pd2026commentary, pku2001)")
    ap.add_argument("--check", action="store_true", help="compare with the committed facts instead of writing them")
    args = ap.parse_args(argv)
    if not (paths.newspapers_available() and paths.pku_available()):
        print(f"skipped: the People's Daily 2025 corpus ({paths.NEWSPAPERS}) and the PKU text ({paths.PKU}) must be "
              "beside the repository")
        return 0
    if args.command == "packet":
        if not args.out:
            ap.error("packet needs --out DIR")
        write_packet(Path(args.out), args.only)
        return 0
    table = facts()
    print(coding_summary(table).to_string(index=False))
    buf = io.StringIO()
    buf.write(FACTS_HEADER)
    table.to_csv(buf, index=False, lineterminator="\n")
    if args.check:
        same = FACTS.is_file() and FACTS.read_text(encoding="utf-8") == buf.getvalue()
        print(f"{paths.rel(FACTS)}: {'as committed' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    with atomic_write(FACTS) as fh:
        fh.write(buf.getvalue())
    print(f"{paths.rel(FACTS)}: {len(table)} statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
