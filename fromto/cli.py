"""Command line: ``python -m fromto {run,report,clean,segment,transitions,corpus}``.

Every command reads input through :func:`fromto.textio.read_text`. Exit status: 0 success; 1 the run finished
but some of it failed, each reported: documents (corpus; transitions, e.g. past the time limit) or a notebook (run,
report); 2 bad input or options, one line on stderr (``fromto: PATH: problem``), no traceback and nothing
half-written; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 129 hung up (SIGHUP).
"""

from __future__ import annotations

import argparse
import sys

from fromto.run.processes import Terminated
from fromto.textio import InputError, csv_text


def _emit(text: str) -> None:
    """Write finished output to stdout in one piece (so an error never leaves half a table)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def cmd_run(args: argparse.Namespace) -> int:
    from fromto.run import processes, runner

    with processes.signals_end_run():
        return runner.run_all(only=args.only, render=not args.no_html, jobs=args.jobs)


def cmd_report(args: argparse.Namespace) -> int:
    from fromto.run import processes, report

    with processes.signals_end_run():
        return report.run_report(args.page, args.out, jobs=args.jobs, time_limit=args.time_limit)


def cmd_clean(args: argparse.Namespace) -> int:
    from fromto import clean
    from fromto.textio import read_text

    result = clean.clean_page(read_text(args.path))
    _emit(csv_text(result.paragraphs))
    return 0


def cmd_segment(args: argparse.Namespace) -> int:
    from fromto.segment import tokens
    from fromto.textio import read_text

    text = read_text(args.path)
    tok = tokens.get_tokenizer()
    out = [" ".join(tok.cut(line)) for line in text.split("\n")]
    if out and out[-1] == "" and text.endswith("\n"):
        out.pop()
    _emit("\n".join(out) + "\n")
    return 0


def cmd_transitions(args: argparse.Namespace) -> int:
    from fromto import corpus

    failed = []

    def report(doc: str, reason: str) -> None:  # as corpus mode reports a document it could not process
        failed.append(doc)
        print(f"fromto: {doc}: {reason}", file=sys.stderr, flush=True)

    table = corpus.transitions_for_paths(args.paths, time_limit=args.time_limit, on_error=report)
    _emit(csv_text(table))
    return 1 if failed else 0


def cmd_corpus(args: argparse.Namespace) -> int:
    from fromto import corpus

    return corpus.run_corpus(args.path, args.out, workers=args.workers, progress=not args.quiet,
                             time_limit=args.time_limit, format=args.format, scheduler=args.scheduler,
                             batch_size=args.batch_size)


def corpus_time_limit() -> float:
    from fromto import corpus

    return corpus.DEFAULT_TIME_LIMIT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fromto", description="From-to transitions in Chinese text: clean, segment, extract, run the notebooks.",
        epilog="Exit status: 0 success; 1 some documents (corpus, transitions) or a notebook (run, report) failed, "
               "each reported; 2 bad input or options (one line on stderr); 130 interrupted; 143 terminated; "
               "129 hung up.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="execute every notebook in order, in place, and regenerate data/, figures/, docs/")
    p.add_argument("--only", nargs="*", default=None, help="notebook numbers to run (e.g. 01 03); default all")
    p.add_argument("--no-html", action="store_true", help="skip rendering docs/")
    p.add_argument("--jobs", type=int, default=None,
                   help="notebooks executed at once when their inputs are ready (default: all cores; 1: in order)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("report", help="run the page notebooks (01-04) on another page dump and write a full report")
    p.add_argument("page", help="a page dump (text exported from the layout program, like seeds/000_*.txt)")
    p.add_argument("--out", required=True,
                   help="a folder outside the repository, new, empty or an earlier report's: notebooks, data/, "
                        "figures/ and index.html with one HTML page each")
    p.add_argument("--jobs", type=int, default=None, help="notebooks executed at once (default: all cores)")
    p.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help=f"time the page pipeline may take on the page, checked before anything is written "
                        f"(default {corpus_time_limit():g}; 0: no limit)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("clean", help="clean a page dump and print its paragraphs table as CSV")
    p.add_argument("path", help="a text file (UTF-8, UTF-16 with BOM or GB18030), or - for standard input")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("segment", help="print each input line as tokens separated by single spaces")
    p.add_argument("path", help="a text file (UTF-8, UTF-16 with BOM or GB18030), or - for standard input")
    p.set_defaults(func=cmd_segment)

    p = sub.add_parser("transitions", help="print every 'from X to Y' transition found in the inputs as CSV")
    p.add_argument("paths", nargs="+", help="text files, folders of .txt files (and .md files with front matter), "
                                            "or CSV/JSONL files with id,text")
    p.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help=f"time one document may take before it is reported as failed and left out (default "
                        f"{corpus_time_limit():g}; 0: no limit)")
    p.set_defaults(func=cmd_transitions)

    p = sub.add_parser("corpus", help="run cleaning, segmentation and transition extraction over many documents")
    p.add_argument("path", help="a folder of .txt files (and .md files with front matter), or a CSV/JSONL file "
                                "with id and text columns")
    p.add_argument("--out", required=True,
                   help="folder for the output tables: new, empty, or written by an earlier corpus run")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes, 1 or more (default: $FROMTO_WORKERS if set, else the number of "
                        "cores; most: the number of cores)")
    p.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help=f"time one document may take before it is reported as failed (default "
                        f"{corpus_time_limit():g}; 0: no limit)")
    p.add_argument("--format", default=None, metavar="FORMAT",
                   help="csv (default): five .csv files; parquet: one folder of Parquet parts per table "
                        "(documents.parquet/, ...), the same rows")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="run the documents on a dask.distributed cluster: a scheduler's address "
                        "(tcp://HOST:8786), or local:N for a LocalCluster of N worker processes on this machine; "
                        "the tables are the same")
    p.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help="with --scheduler: documents sent in one task (default 32)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"fromto: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("fromto: interrupted", file=sys.stderr)
        return 130
    except Terminated as exc:  # SIGTERM or SIGHUP (fromto.run.processes.signals_end_run)
        print(exc.message, file=sys.stderr)
        return int(exc.code)
