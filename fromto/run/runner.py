"""``python -m fromto run``: execute every numbered notebook top to bottom, in place, then render docs/ (the same
machinery runs a report on another page: :mod:`fromto.run.report`).

Each notebook runs in a fresh ``python3`` kernel from the ``notebooks/`` folder, in number order, with
nbclient's per-cell timing metadata turned off and ``PYTHONHASHSEED`` fixed, so a re-run with no change
leaves every notebook, table and figure byte-identical. A failing cell stops the run with one message that
names the notebook and the cell; the failed notebook is not written back. SIGTERM and SIGHUP end a run like
Ctrl-C (:mod:`fromto.run.processes`): its workers and their kernels end with it. After the notebooks, the table of
figure sizes (``data/figure_sizes.csv``) and the run manifest (``data/manifest.json``) are written, and each
notebook is rendered to self-contained HTML in ``docs/`` with an index page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from fromto import paths
from fromto.run import processes
from fromto.textio import InputError, atomic_write

NOTEBOOK_PATTERN = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")


def _skip_iri_format_checker() -> None:
    """Keep ``jsonschema`` (imported by nbformat) from importing ``rfc3987_syntax``, which builds some thirty Lark
    parsers at import time — 2 s here, before the first notebook could start (jsonschema issue #1428). It only
    backs the ``iri`` format checker, which no notebook schema uses, so nothing the runner validates changes."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  (an import of it now fails)


_skip_iri_format_checker()


def _kernel_manager_class():
    """nbclient's kernel manager, waiting 1 s (not 5) for a kernel to end once its notebook is done.

    ipykernel 7 sometimes hangs on its way out — its control thread blocks publishing the last "idle" status while
    the main thread closes the IOPub thread (a race also reported as posit-dev/positron#7142) — until the terminate
    signal frees it, which cost 2.5-3.5 s in about one kernel in five here. Every cell has run and every output has
    arrived by then."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Float

    class QuickExitKernelManager(AsyncKernelManager):
        shutdown_wait_time = Float(1.0, config=True, help="Seconds to wait for a kernel to end before killing it.")

    return QuickExitKernelManager


class NotebookFailed(Exception):
    """A cell of a notebook raised; the message names the notebook and the cell."""


def list_notebooks(folder: Path | None = None) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in reading order."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name))


def read_notebook(path: Path):
    """A notebook read with nbformat; a file that is not a valid notebook raises :class:`InputError` (one line
    naming the file), never nbformat's multi-line traceback."""
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:  # NotJSONError, JSONDecodeError, a validation error, an OSError …
        problem = " ".join(str(exc).split())[:200] or type(exc).__name__
        try:
            name = paths.rel(path)
        except ValueError:  # a notebook outside the repository
            name = str(path)
        raise InputError(name, f"is not a valid notebook ({problem})") from None


def select_notebooks(notebooks: list[Path], only: list[str] | None) -> list[Path]:
    """The notebooks named by ``only`` (numbers like ``3`` or ``03``, or names like ``03_transitions``).

    A name that matches no notebook raises :class:`InputError` instead of silently running nothing.
    """
    if not only:
        return list(notebooks)
    chosen: set[Path] = set()
    for item in only:
        key = item.strip()
        hits = [nb for nb in notebooks
                if (key.isdigit() and nb.name[:2] == key.zfill(2)) or key in (nb.name, nb.stem)]
        if not hits:
            known = ", ".join(nb.stem for nb in notebooks)
            raise InputError("--only", f"no notebook {key!r} (the notebooks are {known})")
        chosen.update(hits)
    return [nb for nb in notebooks if nb in chosen]


def _normalise(nb) -> None:
    """Drop volatile metadata so that an unchanged notebook re-runs to the same bytes."""
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if not cell.get("id"):
            cell["id"] = f"cell-{i:02d}"
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)


def _coalesce_streams(outputs: list) -> list:
    """Merge consecutive stdout (or stderr) chunks into one output.

    How a kernel's prints are cut into messages depends on timing, so without this the same run could be saved
    as one stream output or as two; merged, it is always one.
    """
    merged: list = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] = merged[-1]["text"] + out["text"]
        else:
            merged.append(out)
    return merged


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:70]
    return ""


def execute_notebook(path: Path, timeout: int = 1800, parameters: dict | None = None,
                     shown: dict[str, str] | None = None) -> None:
    """Execute one notebook in place (outputs written back only if every cell succeeds).

    ``parameters`` are injected papermill's way: a cell tagged ``injected-parameters`` right after the cell tagged
    ``parameters``, so the notebook runs exactly as ``papermill -p NAME VALUE`` would run it. ``shown`` maps text
    in the injected cell to what the saved notebook shows instead (a report built in a temporary folder shows the
    folder it is moved to).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    try:
        nb = read_notebook(path)
    except InputError as exc:
        raise NotebookFailed(str(exc)) from None
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    if parameters:
        from papermill.parameterize import parameterize_notebook

        nb.metadata.setdefault("papermill", {})  # papermill records the parameters there (dropped on save)
        for cell in nb.cells:  # papermill reads metadata.tags on every cell
            cell.metadata.setdefault("tags", [])
        nb = parameterize_notebook(nb, parameters)
        for cell in nb.cells:
            if not cell.metadata.get("tags"):
                cell.metadata.pop("tags", None)
        for i, cell in enumerate(nb.cells, start=1):
            if not cell.get("id") or "injected-parameters" in cell.metadata.get("tags", []):
                cell["id"] = f"injected-{i:02d}"
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        kernel_manager_class=_kernel_manager_class(),
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        allow_errors=False,
    )
    try:
        # The kernel's own log (a TCP-transport notice at every start) is not notebook output: keep it off the terminal.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as exc:
        index, source = None, ""
        code_no = 0
        for i, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            code_no += 1
            if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                index, source = i, cell.source
                break
        err = f"{exc.ename}: {exc.evalue}" if getattr(exc, "ename", None) else str(exc).strip().splitlines()[-1]
        where = f"cell {index} (code cell {code_no}, `{_first_line(source)}`)" if index else "an unknown cell"
        raise NotebookFailed(f"{path.name} failed in {where}: {err}") from None
    _normalise(nb)
    for cell in nb.cells:
        if shown and "injected-parameters" in cell.metadata.get("tags", []):
            for old, new in shown.items():
                cell.source = cell.source.replace(old, new)
    with atomic_write(path) as fh:
        nbformat.write(nb, fh)


def render_html(notebooks: list[Path], out: Path | None = None) -> list[Path]:
    """Render executed notebooks to self-contained HTML in ``docs/`` with an index (see :mod:`fromto.run.docs`)."""
    from fromto.run import docs

    return docs.render_html(notebooks, out)


def notebook_needs(path: Path, numbered: list[Path]) -> set[str]:
    """The notebooks (by two-digit number) whose outputs ``path`` reads.

    Declared in the notebook's metadata as ``{"fromto": {"needs": ["01"]}}``; a notebook that declares nothing
    needs every lower-numbered notebook, which is always safe. Data flows one way, so a declared need must have a
    lower number (checked by the tests).
    """
    nb = read_notebook(path)
    declared = nb.metadata.get("fromto", {}).get("needs")
    if declared is None:
        return {p.name[:2] for p in numbered if p.name[:2] < path.name[:2]}
    return {str(n).zfill(2) for n in declared}


def _execute_timed(path: Path, parameters: dict | None = None, shown: dict | None = None) -> float:
    t0 = time.perf_counter()
    execute_notebook(path, parameters=parameters, shown=shown)
    return time.perf_counter() - t0


def _kernel_environment(jobs: int | None = None) -> None:
    os.environ["PYTHONHASHSEED"] = "0"
    if max(1, jobs or os.cpu_count() or 1) > 1:
        # notebooks run side by side already fill the cores: a notebook's corpus run (05) takes one worker
        # instead of starting one per core to compete with them (its tables do not depend on the number)
        os.environ.setdefault("FROMTO_WORKERS", "1")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # Kernels import the package from this repository (the one the runner itself runs from), never another
    # checkout that happens to be installed: a notebook must write into its own data/ and figures/.
    os.environ["PYTHONPATH"] = os.pathsep.join([str(paths.ROOT)] + [p for p in os.environ.get(
        "PYTHONPATH", "").split(os.pathsep) if p and p != str(paths.ROOT)])


def _execute_in_order(chosen: list[Path], needs: dict[str, set[str]], jobs: int | None,
                      parameters: dict | None = None, on_done=None, on_started=None,
                      shown: dict | None = None) -> int:
    """Execute ``chosen`` notebooks, each once the notebooks it ``needs`` are done, ``jobs`` kernels at a time, with
    a progress line per notebook; ``on_done(path)`` runs in this process as each notebook finishes (while the
    others go on in their kernels). ``on_started()`` runs once the worker processes exist: anything that starts a
    thread in this process must wait for that, since the workers are forked from it, and a fork taken while another
    thread holds an import lock leaves the worker waiting for that lock for ever. Returns 0, or 1 after printing
    the failing notebook and cell."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    jobs = max(1, jobs or os.cpu_count() or 1)
    total = len(chosen)
    done: set[str] = set()
    pending = list(chosen)
    running = {}
    failed = None
    unwritable = None
    just_done: list[Path] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=processes.init_worker)
    finished_cleanly = False
    try:
        while (pending or running or just_done) and failed is None:
            for nb in list(pending):
                if len(running) < jobs and needs[nb.name[:2]] <= done:
                    pending.remove(nb)
                    print(f"[{total - len(pending)}/{total}] {nb.name} ...", flush=True)
                    running[pool.submit(_execute_timed, nb, parameters, shown)] = nb
                    if on_started is not None:  # the first submit forked every worker (fork start method)
                        on_started()
                        on_started = None
            # the notebooks that finished are handed on only now, once the ones they freed are running
            for nb in just_done:
                if on_done is not None:
                    on_done(nb)
            just_done = []
            if not running:
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in sorted(finished, key=lambda f: running[f].name):
                nb = running.pop(fut)
                try:
                    seconds = fut.result()
                except NotebookFailed as exc:
                    failed = failed or str(exc)
                    continue
                except BrokenProcessPool:
                    failed = failed or f"{nb.name}: its worker process died before the notebook finished"
                    continue
                except OSError as exc:  # the executed notebook could not be written back (read-only, disk full)
                    unwritable = unwritable or InputError(paths.rel(nb), f"cannot be written ({exc.strerror or exc})")
                    failed = failed or str(unwritable)
                    continue
                done.add(nb.name[:2])
                just_done.append(nb)
                print(f"      {nb.name} done in {seconds:.1f} s", flush=True)
        if failed is not None:
            for fut in running:
                fut.cancel()
        finished_cleanly = True
    finally:
        if finished_cleanly:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, SIGTERM/SIGHUP, an error in this process: stop the workers (and so their kernels) now
            processes.stop_pool(pool)
    if unwritable is not None:
        raise unwritable
    if failed is not None:
        print(f"fromto: {failed}", file=sys.stderr)
        return 1
    return 0


def _warm_up_in_background(pages: Path) -> None:
    """Prepare rendering (:func:`fromto.run.docs.warm_up`) in a daemon thread while the first notebooks run in their
    kernels, and start making the web font the pages in ``pages`` use (:func:`fromto.run.docs.prefetch_subset`, a
    low-priority process); a failure there only costs the time it would have saved."""
    import threading

    from fromto.run import docs

    try:
        docs.prefetch_subset(pages)
    except Exception:  # noqa: BLE001 — an optimisation, never a reason to fail a run
        pass

    def warm():
        try:
            from fromto.run import docs

            docs.warm_up()
        except Exception:  # noqa: BLE001 — an optimisation, never a reason to fail a run
            pass

    threading.Thread(target=warm, name="fromto-warm-up", daemon=True).start()


def _os_problem(exc: OSError) -> str:
    return exc.strerror or str(exc)



def run_all(only: list[str] | None = None, render: bool = True, jobs: int | None = None) -> int:
    """Execute the numbered notebooks (or just ``only``), write the manifest, render docs/.

    A notebook starts as soon as the notebooks it needs (see :func:`notebook_needs`) have finished, with up to
    ``jobs`` kernels at once (default: the number of cores; ``jobs=1`` runs them one by one in number order).
    Each notebook still runs top to bottom in its own fresh kernel, so the outputs do not depend on ``jobs``.
    Returns an exit status: 0 on success, 1 if a notebook failed (the message names notebook and cell).
    """
    _kernel_environment(jobs)
    notebooks = list_notebooks()
    if not notebooks:
        print(f"fromto: {paths.rel(paths.NOTEBOOKS)}: no numbered notebooks found", file=sys.stderr)
        return 2
    chosen = select_notebooks(notebooks, only)
    chosen_ids = {nb.name[:2] for nb in chosen}
    # Needs outside the chosen set are taken as already satisfied (their outputs are on disk).
    needs = {nb.name[:2]: notebook_needs(nb, notebooks) & chosen_ids for nb in chosen}
    from fromto.run import docs, manifest

    started = time.perf_counter()
    exported: dict = {}  # each notebook is exported to HTML as soon as it has run, while the others still run
    status = _execute_in_order(chosen, needs, jobs,
                               on_done=(lambda nb: exported.update({nb: docs.export(nb)})) if render else None,
                               on_started=(lambda: _warm_up_in_background(paths.DOCS)) if render else None)
    if status:
        return status
    from fromto.views import style

    try:
        style.write_figure_sizes()
    except OSError as exc:
        raise InputError(paths.FIGURE_SIZES_CSV, f"cannot be written ({_os_problem(exc)})") from None
    print(f"figure sizes: {paths.rel(paths.FIGURE_SIZES_CSV)}")
    try:
        manifest.write_manifest()
    except OSError as exc:
        raise InputError(paths.MANIFEST_JSON, f"cannot be written ({_os_problem(exc)})") from None
    print(f"manifest: {paths.rel(paths.MANIFEST_JSON)}")
    if render:
        try:
            written = docs.render_html(notebooks, exported=exported)
        except OSError as exc:
            where = Path(exc.filename) if getattr(exc, "filename", None) else paths.DOCS
            raise InputError(where, f"cannot write the rendered pages ({_os_problem(exc)})") from None
        print(f"rendered {len(written) - 1} notebooks to {paths.rel(paths.DOCS)}/ (with index.html)")
    print(f"run finished in {time.perf_counter() - started:.1f} s")
    return 0
