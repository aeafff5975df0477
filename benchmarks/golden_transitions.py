"""Freeze the extractor's output on the page, every report sentence and the PKU development sample as golden files.

    python benchmarks/golden_transitions.py            # write tests/data/golden_transitions/*.tsv
    python benchmarks/golden_transitions.py --check    # compare, print every difference, exit 1 if any

``tests/test_transitions_golden.py`` compares the extractor with these files, so a change to the rules shows every
sentence whose output moved; a commit that changes the files says why. The files hold keys and the extractor's
fields (marker, poles, verb, offsets), never a sentence: the page and the reports ship in ``seeds/``, and the PKU
text is research-only (its files key sentences by line and offsets and hold only short poles): ``pku_dev`` is the
annotated development sample, ``pku_all`` every sentence of the test text. The PKU parts are
written and checked only when ``pku_test.utf8`` is beside the repository.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fromto import paths  # noqa: E402
from fromto.clean import clean_document  # noqa: E402
from fromto.clean.sentences import split_sentences  # noqa: E402
from fromto.textio import read_resource_csv, read_text  # noqa: E402
from fromto.transitions import extract  # noqa: E402

FOLDER = ROOT / "tests" / "data" / "golden_transitions"
FIELDS = ["marker", "subject", "source", "target", "verb", "source_quote", "target_quote", "chain_id", "step",
          "start", "end"]


def page_sentences():
    """(key, sentence) of the seed page, as notebook 01 cleans it."""
    text = read_text(paths.SEED_PAGE)
    for r in clean_document(text, paths.SEED_PAGE.name).sentence_rows:
        yield r["sentence_id"], r["text"]


def report_sentences():
    """(key, sentence) of every report in seeds/government-work-reports, key = year:sentence_id."""
    for f in sorted(paths.REPORTS.glob("*.txt")):
        for r in clean_document(read_text(f), f.name).sentence_rows:
            yield f"{f.stem}:{r['sentence_id']}", r["text"]


def pku_sentences():
    """(key, sentence) of the PKU development sample (resources/pku_dev_transitions.csv), key = line:start:end."""
    if not paths.pku_available():
        return None
    lines = read_text(paths.PKU_RAW).split("\n")
    ann = read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    keys = sorted({(int(r["line"]), int(r["start"]), int(r["end"])) for r in ann.to_dict("records")})
    return [(f"{ln}:{a}:{b}", lines[ln - 1][a:b]) for ln, a, b in keys]


def pku_all_sentences():
    """(key, sentence) of every sentence of the PKU test text (People's Daily, 2001), key = line:start."""
    if not paths.pku_available():
        return None
    out = []
    for n, line in enumerate(read_text(paths.PKU_RAW).split("\n"), start=1):
        for a, b in split_sentences(line):
            out.append((f"{n}:{a}", line[a:b]))
    return out


def render(sentences) -> str:
    """The golden table of ``sentences`` as TSV text: one row per extracted transition (none for a sentence
    without one)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["key", *FIELDS])
    for key, text in sentences:
        for r in extract(text):
            w.writerow([key, *[r[f] for f in FIELDS]])
    return buf.getvalue()


def sets():
    out = {"page": list(page_sentences()), "reports": list(report_sentences())}
    pku = pku_sentences()
    if pku is not None:
        out["pku_dev"] = pku
        out["pku_all"] = pku_all_sentences()
    return out


def main(argv=None) -> int:
    check = "--check" in (argv or sys.argv[1:])
    FOLDER.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, sentences in sets().items():
        path = FOLDER / f"{name}.tsv"
        new = render(sentences)
        if check:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            a, b = set(old.splitlines()), set(new.splitlines())
            for line in sorted(a - b):
                print(f"{name} - {line}")
            for line in sorted(b - a):
                print(f"{name} + {line}")
            changed += len(a ^ b)
        else:
            path.write_text(new, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {new.count(chr(10)) - 1} rows")
    if check:
        print(f"{changed} differing lines")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
