"""Work that grows with the length of a sentence, and the time one document may take outside corpus mode.

Linearity is pinned by counting work (characters a normalising function reads, spans a scan reads), never by
timing. Time limits are pinned as corpus mode's are: a patched slow function and a tiny limit, in a child process
ended by the test's own ``timeout=`` if anything hangs.
"""

from __future__ import annotations

from fromto import codebook


# --- Coding reads a sentence once, however many transitions it holds ---------------------------------------------
def test_coding_normalises_a_long_sentence_once_not_once_per_transition(monkeypatch):
    n = 300
    sentence = "从甲向乙转变" * n  # no keyword anywhere: every row falls through to R6, the sentence rule
    rows = [{"doc": "d", "sentence_id": "s1", "sentence": sentence, "marker": "从X向Y转变", "subject": "",
             "source": "甲", "target": "乙", "verb": "转变", "start": 6 * i, "end": 6 * i + 4} for i in range(n)]
    read = []
    real = codebook.normalise_pole
    monkeypatch.setattr(codebook, "normalise_pole", lambda text: read.append(len(codebook._text(text))) or real(text))
    coded = codebook.code_rows(rows, codebook.load_codebook(), {})
    assert len(coded) == n
    # once per sentence plus a few characters per row; once per row would be n times the sentence (540,000)
    assert sum(read) < 3 * len(sentence)
