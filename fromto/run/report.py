"""``python -m fromto report PAGE --out DIR``: the page notebooks (01-04) on another page, into a folder of its own.

The folder lies outside the repository and is new, empty or an earlier report's; the report is built beside it and
swapped in whole, under a lock; the page is checked by its own pipeline, under a time limit, before anything is
written (:mod:`fromto.run.report_check`). The notebooks run as ``python -m fromto run`` runs them
(:mod:`fromto.run.runner`).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from fromto import paths
from fromto.run import runner
from fromto.run.runner import _os_problem

#: The notebooks of one page's report (01-04); 05 is about a corpus, not a page.
PAGE_NOTEBOOKS = ("01", "02", "03", "04")
#: Prefixes of the folders a report builds beside ``--out`` (removed when it ends, or by the next report).
_PARTIAL, _REPLACED = ".fromto-partial-", ".fromto-replaced-"


def _check_report_target(page: Path, out: Path) -> Path:
    """``out`` resolved, if a report may be written there (see :func:`run_report`), else ``InputError``."""
    from fromto.textio import InputError

    out = paths.check_output_folder(out, paths.REPORT_MARK)
    if out == page or out in page.parents:
        raise InputError(out, f"holds the page {page.name}, which the new report would replace: "
                              "copy the page elsewhere or choose another --out")
    return out


def _copy_for_page(source: Path, target: Path, seed: bool) -> None:
    """Copy a page notebook into a report, keeping the cells that belong to this page's run: the seed's own prose
    (cells tagged :data:`fromto.views.narrative.SEED_PAGE_TAG`) only when the page is the seed, the narration
    computed from the page's tables (:data:`~fromto.views.narrative.OTHER_PAGE_TAG`) only when it is not."""
    import nbformat

    from fromto.views import narrative

    nb = narrative.page_cells(nbformat.read(source, as_version=4), seed=seed)
    with open(target, "w", encoding="utf-8") as fh:
        nbformat.write(nb, fh)


class _ReportBuild:
    """The folder a report is built in (``path``); :meth:`finished` marks it complete, to be swapped in."""

    def __init__(self, path: Path):
        self.path = path
        self.complete = False

    def finished(self) -> None:
        self.complete = True


@contextlib.contextmanager
def _report_folder(out: Path):
    """Hold ``out`` for one report and yield a :class:`_ReportBuild`: an empty folder beside ``out`` to build in.

    ``out`` is created if new, and locked (an exclusive ``flock`` on it, to the end): a second report into the same
    folder is refused while this one runs. The report is built in ``.<name>.fromto-partial-*`` beside ``out``
    (same file system) and swapped in when the block ends after ``finished()`` was called; otherwise (a failed
    notebook, an error, a signal) the partial folder is removed and ``out`` is left as it was (removed again if
    this report created it). Partial folders that killed reports left beside ``out`` are removed first."""
    import shutil
    import tempfile

    from fromto.textio import InputError, held_folder

    with held_folder(out, "report") as hold:
        prefix = f".{out.name}"
        for left in [*out.parent.glob(f"{prefix}{_PARTIAL}*"), *out.parent.glob(f"{prefix}{_REPLACED}*")]:
            shutil.rmtree(left, ignore_errors=True)
        try:
            build = _ReportBuild(Path(tempfile.mkdtemp(prefix=f"{prefix}{_PARTIAL}", dir=out.parent)))
            (build.path / paths.REPORT_MARK).write_text("Written by python -m fromto report; a later report may "
                                                        "replace it.\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(out.parent, f"cannot write beside the report folder ({_os_problem(exc)})") from None
        try:
            yield build
            if build.complete:
                try:
                    if any(out.iterdir()):  # an earlier report: moved aside, removed once the new one is in
                        aside = Path(tempfile.mkdtemp(prefix=f"{prefix}{_REPLACED}", dir=out.parent))
                        os.replace(out, aside / "old")
                        os.replace(build.path, out)
                        shutil.rmtree(aside, ignore_errors=True)
                    else:
                        os.replace(build.path, out)  # replaces the empty folder
                except OSError as exc:
                    raise InputError(out, f"cannot put the finished report in place ({_os_problem(exc)})") from None
                hold.keep()
        finally:
            if not hold.kept:
                shutil.rmtree(build.path, ignore_errors=True)


def run_report(page: str | os.PathLike, out: str | os.PathLike, jobs: int | None = None,
               time_limit: float | None = None) -> int:
    """``python -m fromto report PAGE --out DIR``: the page notebooks (01-04) on another page, into ``DIR``.

    The notebooks are copied to ``DIR/notebooks/`` (with the seed's own prose only when the page is the seed, and
    the narration computed from the page's tables only when it is not) and executed there with the parameters ``page_path`` and
    ``out_dir`` (papermill's injection), so their tables go to ``DIR/data/``, their figures to ``DIR/figures/``,
    and nothing committed changes; then ``DIR/index.html`` and one self-contained HTML page per notebook are
    rendered. ``DIR`` must lie outside the repository and be new, empty, or an earlier report's folder; it must
    not hold the page. The report is built beside ``DIR`` and moved in only when complete, so a failed or
    interrupted report leaves ``DIR`` as it was, and a second report into ``DIR`` while one runs is refused.
    The page is checked first (:func:`fromto.run.report_check.page_problem`, under corpus mode's per-document
    ``time_limit``): a page the report cannot describe, or that runs past the limit, is refused before anything
    is written. Returns 0, 1 if a notebook failed (named with its cell), or raises
    :class:`~fromto.textio.InputError` for a bad page or folder.
    """
    import shutil

    from fromto.run import docs, report_check
    from fromto.textio import InputError, read_text

    page = Path(page).expanduser().resolve()
    read_text(page)  # a missing, binary or empty page is refused here, with the one-line error
    out = _check_report_target(page, Path(out))
    problem = report_check.page_problem(page, time_limit)
    if problem:
        raise InputError(page, problem)
    sources = [nb for nb in runner.list_notebooks() if nb.name[:2] in PAGE_NOTEBOOKS]
    runner._kernel_environment(jobs)
    started = time.perf_counter()
    with _report_folder(out) as area:
        build = area.path
        folder = build / "notebooks"
        try:
            folder.mkdir()
            copies = []
            seed = paths.is_seed_page(page)
            for nb in sources:
                target = folder / nb.name
                _copy_for_page(nb, target, seed)
                copies.append(target)
        except OSError as exc:
            raise InputError(out.parent, f"cannot write the report ({_os_problem(exc)})") from None
        ids = {c.name[:2] for c in copies}
        needs = {c.name[:2]: runner.notebook_needs(c, copies) & ids for c in copies}
        print(f"report on {page.name} into {out}", flush=True)
        exported: dict = {}
        shown = {str(build): str(out)}  # the notebooks show the folder the report ends up in
        status = runner._execute_in_order(copies, needs, jobs,
                                   parameters={"page_path": str(page), "out_dir": str(build)},
                                   on_done=lambda nb: exported.update({nb: docs.export(nb)}),
                                   on_started=lambda: runner._warm_up_in_background(out), shown=shown)
        if status:
            return status
        try:
            written = docs.render_html(copies, build, title=f"fromto report — {page.name}",
                                       intro=docs.report_intro(page), exported=exported, unlink_missing=True)
        except OSError as exc:
            raise InputError(out.parent, f"cannot write the report's pages ({_os_problem(exc)})") from None
        area.finished()
    print(f"rendered {len(written) - 1} notebooks to {out / 'index.html'}")
    print(f"report finished in {time.perf_counter() - started:.1f} s")
    return 0
