"""The runner: notebook naming, the shared notebook skeleton, failure messages, and byte-for-byte re-runs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from fromto import paths
from fromto.run import runner

NOTEBOOKS = runner.list_notebooks()


def test_notebooks_exist_and_are_numbered_for_one_reading_order():
    names = sorted(p.name for p in paths.NOTEBOOKS.glob("*.ipynb"))
    assert names, "no notebooks found"
    assert all(runner.NOTEBOOK_PATTERN.match(n) for n in names), names
    numbers = [int(n[:2]) for n in names]
    assert numbers == list(range(1, len(numbers) + 1)), numbers


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_follows_the_house_skeleton(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert md[0].lstrip().startswith("# "), "first cell is not an H1 title"
    assert "Inputs" in md[0] + (md[1] if len(md) > 1 else "") and "Outputs" in md[0] + (md[1] if len(md) > 1 else "")
    imports_outside_setup = [c for c in code[1:] if re.search(r"^\s*(import|from \S+ import) ", c, re.M)]
    assert not imports_outside_setup, "imports belong in the one setup cell"
    assert any(re.match(r"##\s+\d", m.lstrip()) for m in md), "no numbered ## sections"
    assert re.search(r"^##\s+Summary", md[-1], re.M) or "Summary" in md[-1], "no closing Summary"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebook_is_one_clean_run(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    counts = [c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert counts == list(range(1, len(counts) + 1)), counts
    for c in nb["cells"]:
        assert "execution" not in c.get("metadata", {}), "per-cell timing metadata was saved"
        for out in c.get("outputs", []):
            assert out.get("output_type") != "error"
            text = "".join(out.get("text", "")) if isinstance(out.get("text"), (list, str)) else ""
            assert str(paths.ROOT) not in text, "an absolute path of this machine leaked into an output"


def test_a_failing_cell_is_reported_with_notebook_and_cell(tmp_path):
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# Broken"), new_code_cell("x = 1"), new_code_cell("1 / 0")]
    path = tmp_path / "07_broken.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    with pytest.raises(runner.NotebookFailed) as info:
        runner.execute_notebook(path)
    message = str(info.value)
    assert "07_broken.ipynb" in message and "cell 3" in message and "ZeroDivisionError" in message
    assert path.read_bytes() == before, "a failed notebook must not be written back"


def _snapshot():
    files = {}
    for folder in (paths.NOTEBOOKS, paths.DATA, paths.FIGURES, paths.DOCS):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and not p.name.startswith(".") and ".ipynb_checkpoints" not in p.parts:
                files[p.relative_to(paths.ROOT).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return files


def test_run_reproduces_every_committed_output_byte_for_byte(tmp_path):
    """`python -m fromto run` over the committed outputs must change nothing (the reproducibility contract), and
    nothing it writes may depend on a file outside the repository: the PKU reference is hidden for the run."""
    before = _snapshot()
    env = {**os.environ, "FROMTO_PKU": str(tmp_path / "no-pku-here")}
    proc = subprocess.run([sys.executable, "-m", "fromto", "run"], cwd=paths.ROOT, capture_output=True, text=True,
                          env=env)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert proc.stdout.count("done in") == len(NOTEBOOKS), "one progress line per notebook"
    after = _snapshot()
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"re-running changed committed outputs: {changed[:10]}"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_notebook_needs_only_lower_numbered_notebooks(nb_path):
    needs = runner.notebook_needs(nb_path, NOTEBOOKS)
    assert all(n < nb_path.name[:2] for n in needs), needs
    assert needs <= {p.name[:2] for p in NOTEBOOKS}


def test_undeclared_needs_default_to_every_earlier_notebook(tmp_path):
    for name in ("01_a.ipynb", "02_b.ipynb", "03_c.ipynb"):
        nbformat.write(new_notebook(), tmp_path / name)
    numbered = runner.list_notebooks(tmp_path)
    assert runner.notebook_needs(numbered[2], numbered) == {"01", "02"}


def test_consecutive_stream_chunks_are_saved_as_one_output():
    from nbformat.v4 import new_output

    outs = [new_output("stream", name="stdout", text="a\n"), new_output("stream", name="stdout", text="b\n"),
            new_output("stream", name="stderr", text="w\n"), new_output("stream", name="stdout", text="c\n")]
    merged = runner._coalesce_streams(outs)
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a\nb\n"), ("stderr", "w\n"), ("stdout", "c\n")]


def test_rel_prints_paths_relative_to_the_repository():
    assert paths.rel(paths.SENTENCES_CSV) == "data/sentences.csv"


def test_papermill_run_of_05_on_an_undated_corpus_writes_its_figures_and_tables_into_out_dir(tmp_path):
    """The README's papermill command on a folder without dates, one document in Markdown: tables and figures per
    document and over the whole corpus go to out_dir, named after the folder, and nothing committed changes."""
    corpus_dir = tmp_path / "my corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("社区治理由“各自为战”向“协同作战”转变。\n", encoding="utf-8")
    (corpus_dir / "b.md").write_text("---\ntitle: 来信\n---\n# 合作社\n\n推动组织设置由**单位**向区域转变。\n",
                                     encoding="utf-8")
    (corpus_dir / "README.md").write_text("# 说明\n\n两篇文档。\n", encoding="utf-8")
    out = tmp_path / "results"
    before = _snapshot()
    proc = subprocess.run(
        [sys.executable, "-m", "papermill", str(paths.NOTEBOOKS / "05_corpus.ipynb"), str(tmp_path / "out.ipynb"),
         "-p", "corpus_path", str(corpus_dir), "-p", "out_dir", str(out), "-p", "workers", "1",
         "--cwd", str(paths.NOTEBOOKS)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _snapshot() == before, "a papermill run with out_dir changed committed files"
    written = {p.name for p in out.iterdir()}
    assert {"05_corpus_rate_by_document.png", "05_corpus_codes.png", "05_corpus_constructions.png"} <= written
    assert not {"05_corpus_rate_by_year.png", "corpus_by_year.csv", "corpus_codes_by_decade.csv"} & written
    by_document = (out / "corpus_by_document.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:2] for line in by_document[1:]] == [["a.txt", ""], ["b.md", "来信"]]
    assert len((out / "corpus_top_pairs.csv").read_text(encoding="utf-8").splitlines()) == 3
    assert "named: my corpus" in (tmp_path / "out.ipynb").read_text(encoding="utf-8")  # the folder names it


def test_the_runner_keeps_jsonschema_from_building_the_iri_parsers():
    # nbformat -> jsonschema would import rfc3987_syntax (2 s of Lark grammars, for a format no notebook uses)
    code = ("import sys, fromto.run.runner, nbformat, nbclient; from jsonschema import FormatChecker; "
            "print(sys.modules.get('rfc3987_syntax') is None, 'iri' in FormatChecker().checkers)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(paths.ROOT)))
    assert out.stdout.split() == ["True", "False"]


def _no_work(path, parameters=None, shown=None) -> float:
    return 0.0


def test_threads_start_only_once_the_notebook_workers_are_forked(monkeypatch, tmp_path):
    # A worker forked while a thread of the runner holds an import lock waits for that lock for ever (seen: a run
    # hung with its workers inside `import asyncio`); the rendering warm-up thread must start after the fork.
    import multiprocessing

    monkeypatch.setattr(runner, "_execute_timed", _no_work)
    workers_at_start = []
    notebooks = [tmp_path / "01_a.ipynb", tmp_path / "02_b.ipynb"]
    status = runner._execute_in_order(notebooks, {"01": set(), "02": set()}, jobs=2,
                                      on_started=lambda: workers_at_start.append(len(multiprocessing.active_children())))
    assert status == 0
    assert workers_at_start == [2]
