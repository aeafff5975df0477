"""Work that grows with the length of a sentence, and the time one document may take outside corpus mode.

Linearity is pinned by counting work (characters a normalising function reads, spans a scan reads), never by
timing. Time limits are pinned as corpus mode's are: a patched slow function and a tiny limit, in a child process
ended by the test's own ``timeout=`` if anything hangs.
"""

from __future__ import annotations

from fromto import transitions
from fromto.coding import codebook
from fromto.coding import rules
from fromto.textio import cell_text


# --- Coding reads a sentence once, however many transitions it holds ---------------------------------------------
def test_coding_normalises_a_long_sentence_once_not_once_per_transition(monkeypatch):
    n = 300
    sentence = "从甲向乙转变" * n  # no keyword anywhere: every row falls through to R6, the sentence rule
    rows = [{"doc": "d", "sentence_id": "s1", "sentence": sentence, "marker": "从X向Y转变", "subject": "",
             "source": "甲", "target": "乙", "verb": "转变", "start": 6 * i, "end": 6 * i + 4} for i in range(n)]
    read = []
    real = rules.normalise_pole  # the rules' own reference to it
    monkeypatch.setattr(rules, "normalise_pole", lambda text: read.append(len(cell_text(text))) or real(text))
    coded = rules.code_rows(rows, codebook.load_codebook(), {})
    assert len(coded) == n
    # once per sentence plus a few characters per row; once per row would be n times the sentence (540,000)
    assert sum(read) < 3 * len(sentence)


# --- The bare X向Y转变 rule reads the spans already taken a bounded number of times ----------------------------------
class CountingSpans(list):
    """A list of taken spans that counts how many spans are read through iteration."""

    reads = 0

    def __iter__(self):
        for span in list.__iter__(self):
            self.reads += 1
            yield span


def spans_read_by_bare_toward(monkeypatch, sentence: str) -> int:
    seen = []
    real = transitions._bare_toward

    def counting(s, taken):
        spans = CountingSpans(taken)
        rows = real(s, spans)
        seen.append(spans.reads)
        return rows

    monkeypatch.setattr(transitions, "_bare_toward", counting)
    transitions.extract(sentence)
    return sum(seen)


def test_bare_toward_does_not_rescan_the_taken_spans_for_every_toward(monkeypatch):
    n = 400  # every 向 lies inside a 从X向Y转变 taken before; scanning them all per 向 reads n²/2 spans
    assert spans_read_by_bare_toward(monkeypatch, "从A向B转变" * n) <= 4 * n


def test_coordinated_bare_towards_find_the_previous_construction_without_rescanning(monkeypatch):
    n = 300  # 甲向乙转变、甲向乙转变、…: each source starts after the 、 that closed the construction before
    assert spans_read_by_bare_toward(monkeypatch, "甲向乙转变、" * n) <= 4 * n
