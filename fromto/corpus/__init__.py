"""Corpus mode: the page's method applied to many documents, streamed, in worker processes.

One code path. Every document goes through :func:`~fromto.corpus.document.process_document`, which calls exactly the functions the
notebooks call: :func:`fromto.clean.clean_document` (cleaning and sentence splitting),
:meth:`fromto.segment.tokens.get_tokenizer().words <fromto.segment.tokens>` (term counts),
:func:`fromto.transitions.extract_sentences` and :func:`fromto.coding.rules.code_transitions` (coded transitions).
``python -m fromto corpus`` (:func:`run_corpus`) and ``python -m fromto transitions``
(:func:`transitions_for_paths`) are thin drivers around it, and so is ``python -m fromto corpus --scheduler`` on a
Dask cluster (:mod:`fromto.corpus.cluster`; for one's own Dask code, :func:`cluster_results`).

Inputs (:func:`iter_tasks`)
    * a folder of ``.txt`` files, one document each, ``doc`` = the path relative to the folder (POSIX ``/``);
      a file may open with a YAML front-matter block ``---\\ntitle: …\\ndate: …\\n---`` that becomes metadata
      (its length is kept as ``body_offset`` so raw offsets can be traced back into the file); without a
      ``date`` there, a file named by its date (``1954.txt``, ``2023-11-28.txt``) takes it (:func:`date_from_name`);
    * Markdown files (``.md``) in the same folder that open with such front matter (a README without it is no
      document): the body is read as plain text, one line a heading, paragraph, list item or table row, markup
      removed with markdown-it-py (:func:`fromto.corpus.readers.markdown_text`), so their paragraphs' offsets point
      into that text;
    * a CSV (``.csv``) or JSON Lines (``.jsonl``/``.ndjson``) file with ``id`` and ``text`` and optional
      ``date``/``title``;
    * a single ``.txt`` file (one document).

Outputs (:func:`run_corpus`), UTF-8 CSV with LF (or, with ``format="parquet"``, the same rows as partitioned
Parquet: :mod:`fromto.corpus.tables`, read back by :func:`read_tables`), rows in input order whatever the number
of workers or the cluster:
``documents.csv``, ``paragraphs.csv``, ``term_frequencies.csv`` (doc, term, count), ``transitions.csv``
(coded), ``errors.csv`` (doc, reason). A text cell a spreadsheet would read as a formula (a document id, a
title, a sentence or a pole starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is written with a ``'`` in front
(:func:`fromto.textio.spreadsheet_safe`), so such a paragraph's ``text`` is one character longer than its raw span;
numbers are written as they are.

Nothing half-written, nothing overwritten: ``--out`` must be new, empty, or written by an earlier corpus run
(it then holds :data:`MARKER` and only the five tables); any other file in it, or an input that is one of the
tables, is refused before anything is written. The run holds an exclusive lock on ``--out``, appends the tables,
document by document, inside a hidden temporary folder in it (``.fromto-partial-XXXX``) and only when the run
finishes moves them into place with ``os.replace`` and removes the temporary folder. An interrupted or failed run
(Ctrl-C, SIGTERM, an error) removes its temporary folder and leaves ``--out`` as it was; one killed outright
leaves the folder, which the next run into ``--out`` removes. Memory stays flat: documents are read lazily (the
worker reads a ``.txt`` file itself), results come back as small CSV fragments and are written at once.

Workers ignore Ctrl-C (the parent ends them); a worker that dies (SIGKILL, out of memory) costs only the document
it was processing, and one document may take at most ``time_limit`` seconds: both are listed in ``errors.csv``.
``python -m fromto transitions`` runs its documents in such a worker too, under the same ``--time-limit``: a
document past it is named on stderr and left out, the others are printed, and the status is 1. Before a report,
:func:`check_document` runs the page pipeline on the page in such a worker, under the same limit, and says what it
found (:class:`DocumentCheck`).

Exit status of :func:`run_corpus`: 0 every document processed; 1 the run finished but some documents could not
be processed (each in ``errors.csv`` and on stderr); unusable input (no such path, a CSV without ``id``/``text``)
raises :class:`~fromto.textio.InputError`, which the command line turns into status 2.

Modules: :mod:`fromto.corpus.readers` (the inputs, as lazy tasks), :mod:`fromto.corpus.document` (the unit of work
and the table layouts), :mod:`fromto.corpus.pool` (the watched worker pool, the time limit),
:mod:`fromto.corpus.cluster` (the same on a Dask cluster), :mod:`fromto.corpus.tables` (CSV and Parquet on disk) and
:mod:`fromto.corpus.run` (the drivers). The names below are corpus mode's public interface; those of
:mod:`fromto.corpus.cluster` (:func:`cluster_results`, :class:`CorpusWorkerPlugin`, :func:`process_batch`) import
dask and distributed when first used.
"""

from fromto.corpus.document import (CODE_COLUMNS, DOCUMENT_COLUMNS, ERROR_COLUMNS, PARAGRAPH_COLUMNS, TABLES,
                                    TERM_COLUMNS, TRANSITION_COLUMNS, coded_transitions, coding_resources,
                                    process_document, term_counts)
from fromto.corpus.pool import (DEFAULT_TIME_LIMIT, KILL_GRACE, check_time_limit, check_workers, default_workers,
                                iter_results)
from fromto.corpus.readers import date_from_name, iter_tasks, load_task, name_problem, printable, split_front_matter
from fromto.corpus.run import (DocumentCheck, MARKER, check_document, folder_tables, page_counts, run_corpus,
                               transitions_for_paths)
from fromto.corpus.tables import FORMATS, read_tables

__all__ = [
    "CODE_COLUMNS", "DOCUMENT_COLUMNS", "ERROR_COLUMNS", "PARAGRAPH_COLUMNS", "TABLES", "TERM_COLUMNS",
    "TRANSITION_COLUMNS", "coded_transitions", "coding_resources", "process_document", "term_counts",
    "DEFAULT_TIME_LIMIT", "KILL_GRACE", "check_time_limit", "check_workers", "default_workers", "iter_results",
    "date_from_name", "iter_tasks", "load_task", "name_problem", "printable", "split_front_matter",
    "MARKER", "DocumentCheck", "check_document", "folder_tables", "page_counts", "run_corpus", "transitions_for_paths",
    "FORMATS", "read_tables", "cluster_results", "CorpusWorkerPlugin", "process_batch",
]

_CLUSTER_NAMES = ("cluster_results", "CorpusWorkerPlugin", "process_batch")


def __getattr__(name):
    """The names of :mod:`fromto.corpus.cluster`, imported on first use (dask and distributed take a second)."""
    if name in _CLUSTER_NAMES:
        from fromto.corpus import cluster

        return getattr(cluster, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
