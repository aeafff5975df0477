"""Reading the SIGHAN 2005 PKU test set in place (benchmarks and the tests that skip without it).

The Second International Chinese Word Segmentation Bakeoff (SIGHAN 2005) distributes the Peking University test
set — People's Daily text of January 2001 with a hand-segmented gold — for research use. It is never copied into
this repository: point ``$FROMTO_PKU`` at a folder holding ``pku_test.utf8``, ``pku_test_gold.utf8`` and
(optionally) ``pku_training_words.utf8``, or place it at ``../shared/reference/pku/`` beside the repository.
"""

from __future__ import annotations

from pathlib import Path

from fromto import paths


def read_pku(folder: str | Path | None = None) -> tuple[list[str], list[list[str]], set[str]]:
    """The PKU test set read in place: raw lines, gold token lists, training words (empty set if absent).

    Raises ``FileNotFoundError`` naming the folder when the test files are absent (callers skip and say so).
    """
    folder = Path(folder) if folder else paths.PKU
    raw_path, gold_path = folder / paths.PKU_RAW.name, folder / paths.PKU_GOLD.name
    if not (raw_path.is_file() and gold_path.is_file()):
        raise FileNotFoundError(f"the PKU test set is not in {folder}")
    gold = [line.split() for line in gold_path.read_text(encoding="utf-8").split("\n")]
    raw = ["".join(toks) for toks in gold]  # the raw file's lines without the gold's spaces
    while raw and not raw[-1]:
        raw.pop()
        gold.pop()
    words_path = folder / paths.PKU_TRAINING_WORDS.name
    known = set(words_path.read_text(encoding="utf-8").split()) if words_path.is_file() else set()
    return raw, gold, known
