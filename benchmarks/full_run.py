"""Wall time of the full run (`python -m fromto run`), beside the fixed cost of a kernel, measured in one run.

Usage: ``python benchmarks/full_run.py [--repeats N]``

The run is measured in a throw-away copy of the repository (so the working tree is never touched), with
``--jobs 1`` (notebooks one after another) and with the default ``--jobs`` (all cores, each notebook starting as
soon as the notebooks it needs are done), each from a COLD cache (a fresh ``FROMTO_CACHE``: no tokenizer,
dictionary or web-font cache) and once more warm (the cache the previous run left), as a re-run while writing would
be. The baseline is the cost every notebook pays before its first cell: a fresh kernel executing an empty notebook,
times the number of notebooks. Per-notebook
times (from the run's progress lines) are printed too. Medians over ``--repeats`` runs; the machine is shared, so
read ratios rather than absolute seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fromto import paths
from fromto.run import runner


def _copy_repo(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".cache")
    shutil.copytree(paths.ROOT, dest, ignore=ignore, symlinks=True)
    return dest


_NOTEBOOK_TIMES: dict[str, list[float]] = {}


def _timed(cmd: list[str], cwd: Path, cache: Path, label: str = "", **extra_env: str) -> float:
    env = dict(os.environ, FROMTO_PKU=str(paths.PKU), FROMTO_CACHE=str(cache), **extra_env)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[1:3] == ["done", "in"]:
            how = label or ("one at a time" if "--jobs" in cmd else "side by side")
            _NOTEBOOK_TIMES.setdefault(f"{parts[0]} ({how})", []).append(float(parts[3]))
    return elapsed


def _empty_kernel_seconds(folder: Path) -> float:
    """A fresh kernel executing an empty notebook."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb_path = folder / "00_empty.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("pass")]), nb_path)
    t0 = time.perf_counter()
    runner.execute_notebook(nb_path)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    n_notebooks = len(runner.list_notebooks())
    runner._kernel_environment()  # the kernels below start as the runner's do
    kernel_start = "kernel start + empty notebook"
    results: dict[str, list[float]] = {kernel_start: [], "run --jobs 1, cold cache": [],
                                       "run (all cores), cold cache": [], "run (all cores), warm cache": []}
    run = [sys.executable, "-m", "fromto", "run"]
    with tempfile.TemporaryDirectory(prefix="fromto-fullrun-") as tmp:
        repo = _copy_repo(Path(tmp) / "repo")
        for k in range(args.repeats):
            results[kernel_start].append(_empty_kernel_seconds(Path(tmp)))
            results["run --jobs 1, cold cache"].append(_timed(run + ["--jobs", "1"], repo, Path(tmp) / f"cache-a{k}"))
            results["run (all cores), cold cache"].append(_timed(run, repo, Path(tmp) / f"cache-b{k}"))
            results["run (all cores), warm cache"].append(_timed(run, repo, Path(tmp) / f"cache-b{k}"))
    kernel = statistics.median(results[kernel_start])
    print(f"{n_notebooks} notebooks, {os.cpu_count()} cores, median of {args.repeats} runs (PKU "
          f"{'present' if paths.pku_available() else 'absent'})")
    print(f"{'what':<34} {'median s':>9} {'min s':>7} {'x kernel baseline':>18}")
    for name, values in results.items():
        med = statistics.median(values)
        base = kernel * (1 if name == kernel_start else n_notebooks)
        print(f"{name:<34} {med:>9.1f} {min(values):>7.1f} {med / base:>18.1f}")
    print(f"(baseline for the runs: {n_notebooks} x the empty-notebook time = {kernel * n_notebooks:.1f} s)")
    print("per notebook (median s, cold and warm runs together):")
    for name, values in sorted(_NOTEBOOK_TIMES.items()):
        print(f"  {name:<44} {statistics.median(values):>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
