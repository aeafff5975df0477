"""``python -m fromto run``: execute every numbered notebook top to bottom, in place, then render docs/.

Each notebook runs in a fresh ``python3`` kernel from the ``notebooks/`` folder, in number order, with
nbclient's per-cell timing metadata turned off and ``PYTHONHASHSEED`` fixed, so a re-run with no change
leaves every notebook, table and figure byte-identical. A failing cell stops the run with one message that
names the notebook and the cell; the failed notebook is not written back. After the notebooks, the run
manifest (``data/manifest.json``) is written and each notebook is rendered to self-contained HTML in
``docs/`` with an index page.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from fromto import paths
from fromto.textio import InputError, atomic_write

NOTEBOOK_PATTERN = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")
# The lab template links MathJax and require.js from a CDN; the notebooks use neither (no maths, no widgets),
# and a self-contained page must not reach the network, so those tags are removed.
_REMOTE_SCRIPT = re.compile(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>\s*')


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


def execute_notebook(path: Path, timeout: int = 1800) -> None:
    """Execute one notebook in place (outputs written back only if every cell succeeds)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    try:
        nb = read_notebook(path)
    except InputError as exc:
        raise NotebookFailed(str(exc)) from None
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
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
    with atomic_write(path) as fh:
        nbformat.write(nb, fh)


def render_html(notebooks: list[Path], out: Path | None = None) -> list[Path]:
    """Render executed notebooks to self-contained HTML files in ``docs/`` plus ``docs/index.html``."""
    import nbformat
    from nbconvert import HTMLExporter

    out = out or paths.DOCS
    exporter = HTMLExporter(template_name="lab")
    exporter.embed_images = True
    written = []
    rows = []
    for nb_path in notebooks:
        nb = nbformat.read(nb_path, as_version=4)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
        body = _REMOTE_SCRIPT.sub("", body)
        target = out / f"{nb_path.stem}.html"
        with atomic_write(target) as fh:
            fh.write(body)
        written.append(target)
        title, question = _title_and_question(nb)
        rows.append((target.name, nb_path.stem, title, question))
    index = out / "index.html"
    with atomic_write(index) as fh:
        fh.write(_index_page(rows))
    written.append(index)
    return written


def _title_and_question(nb) -> tuple[str, str]:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            lines = [ln.strip() for ln in cell.source.strip().splitlines()]
            title = lines[0][2:].strip()
            rest = [ln for ln in lines[1:] if ln and not ln.startswith("#") and not ln.startswith("**")]
            return title, (rest[0] if rest else "")
    return "(untitled notebook)", ""


def _index_page(rows) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(href)}"><strong>{html.escape(stem)}</strong> — {html.escape(title)}</a>'
        f"<br><span>{html.escape(question)}</span></li>"
        for href, stem, title, question in rows
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fromto — rendered notebooks</title>
<style>body{{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:52em;
margin:2em auto;line-height:1.5;padding:0 1em}} li{{margin:0.8em 0}} span{{color:#555}}</style></head>
<body><h1>fromto — rendered notebooks</h1>
<p>From a People's Daily page on regional party building (区域化党建) in Shanghai to traceable text, vocabulary,
coded "from X to Y" transitions and figures. Each page is a notebook as executed by <code>python -m fromto run</code>.</p>
<ol>
{items}
</ol></body></html>
"""


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


def _execute_timed(path: Path) -> float:
    t0 = time.perf_counter()
    execute_notebook(path)
    return time.perf_counter() - t0


def run_all(only: list[str] | None = None, render: bool = True, jobs: int | None = None) -> int:
    """Execute the numbered notebooks (or just ``only``), write the manifest, render docs/.

    A notebook starts as soon as the notebooks it needs (see :func:`notebook_needs`) have finished, with up to
    ``jobs`` kernels at once (default: the number of cores; ``jobs=1`` runs them one by one in number order).
    Each notebook still runs top to bottom in its own fresh kernel, so the outputs do not depend on ``jobs``.
    Returns an exit status: 0 on success, 1 if a notebook failed (the message names notebook and cell).
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # Kernels import the package from this repository (the one the runner itself runs from), never another
    # checkout that happens to be installed: a notebook must write into its own data/ and figures/.
    os.environ["PYTHONPATH"] = os.pathsep.join([str(paths.ROOT)] + [p for p in os.environ.get(
        "PYTHONPATH", "").split(os.pathsep) if p and p != str(paths.ROOT)])
    notebooks = list_notebooks()
    if not notebooks:
        print(f"fromto: {paths.rel(paths.NOTEBOOKS)}: no numbered notebooks found", file=sys.stderr)
        return 2
    chosen = select_notebooks(notebooks, only)
    chosen_ids = {nb.name[:2] for nb in chosen}
    # Needs outside the chosen set are taken as already satisfied (their outputs are on disk).
    needs = {nb.name[:2]: notebook_needs(nb, notebooks) & chosen_ids for nb in chosen}
    jobs = max(1, jobs or os.cpu_count() or 1)
    total = len(chosen)
    started = time.perf_counter()
    done: set[str] = set()
    pending = list(chosen)
    running = {}
    failed = None
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while (pending or running) and failed is None:
            for nb in list(pending):
                if len(running) < jobs and needs[nb.name[:2]] <= done:
                    pending.remove(nb)
                    print(f"[{total - len(pending)}/{total}] {nb.name} ...", flush=True)
                    running[pool.submit(_execute_timed, nb)] = nb
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in sorted(finished, key=lambda f: running[f].name):
                nb = running.pop(fut)
                try:
                    seconds = fut.result()
                except NotebookFailed as exc:
                    failed = failed or str(exc)
                    continue
                done.add(nb.name[:2])
                print(f"      {nb.name} done in {seconds:.1f} s", flush=True)
        if failed is not None:
            for fut in running:
                fut.cancel()
    if failed is not None:
        print(f"fromto: {failed}", file=sys.stderr)
        return 1
    from fromto import manifest

    manifest.write_manifest()
    print(f"manifest: {paths.rel(paths.MANIFEST_JSON)}")
    if render:
        docs = render_html(notebooks)
        print(f"rendered {len(docs) - 1} notebooks to {paths.rel(paths.DOCS)}/ (with index.html)")
    print(f"run finished in {time.perf_counter() - started:.1f} s")
    return 0
