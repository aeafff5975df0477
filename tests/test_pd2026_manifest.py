"""The 2026 evaluation corpus is described by a manifest of digests, never by its text."""

import hashlib
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "benchmarks" / "pd2026" / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_corpus)


def test_the_manifest_holds_names_digests_and_addresses_but_no_title():
    rows = check_corpus.manifest_rows()
    assert rows and set(rows[0]) == {"file", "date", "page", "chars", "sha256", "source_url", "commit"}
    for row in rows:
        assert re.fullmatch(r"2026-\d\d-\d\d_\d+\.md", row["file"]) and row["file"].startswith(row["date"])
        assert re.fullmatch(r"[0-9a-f]{64}", row["sha256"]) and re.fullmatch(r"[0-9a-f]{40}", row["commit"])
        assert row["source_url"].startswith("https://paper.people.com.cn/")


def test_a_folder_is_checked_file_by_file(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("正文\n", encoding="utf-8")
    (tmp_path / "articles" / "b.md").write_text("改过\n", encoding="utf-8")
    good = hashlib.sha256("正文\n".encode("utf-8")).hexdigest()
    rows = [{"file": "a.md", "sha256": good}, {"file": "b.md", "sha256": good}, {"file": "c.md", "sha256": good}]
    assert check_corpus.check(tmp_path, rows) == ["b.md: differs from the manifest's sha256", "c.md: missing"]
