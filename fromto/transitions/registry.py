"""The registry of constructions: ``resources/constructions.tsv``, one row per construction the extractor knows.

A construction is one way of writing a transition (从X到Y, 由X转为Y, 变X为Y, 把X变成Y …). Its row names:

* ``id`` — the name the rules give the rows they build (``cong_to``, ``ba_turn`` …);
* ``family`` — the kind of construction it is a form of (从X到Y, 由X转为Y, 变X为Y, 把X变成Y, X变成Y, 以Y代X …);
* ``marker`` — the value written to the output's ``marker`` column (several constructions may share one);
* ``function`` — the matcher that finds it, ``module.function`` under :mod:`fromto.transitions.families`;
* ``priority`` — the order in which the engine runs the matchers (lower first; the spans an earlier one takes are
  closed to the later ones); every construction of one matcher has the same priority;
* ``requires`` — words separated by ``|``, one of which the sentence must hold for the matcher to run (empty: none);
* ``series`` — ``1`` when a construction of this kind just before is evidence for a plain 从X到Y after it
  (…由A到B，由C到D: a series of them is its own evidence);
* ``description`` and examples: ``must_match`` with ``match_source`` and ``match_target`` (a short sentence and
  the pair it must give), ``must_not`` with ``not_kind`` (a look-alike that must give no row, and its kind).

More examples per construction are in ``resources/construction_examples.tsv``; ``tests/test_constructions.py``
runs every one. A matcher declares how the engine calls it with :func:`matcher`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

#: How the engine calls a matcher: ``opener`` at each 从/由 that opens a phrase, ``(sentence, i, whole, parallel)``
#: -> (rows, resume) or None; ``free`` once, ``(sentence)`` -> rows, of which the engine keeps those starting outside
#: the taken spans; ``claims`` once, ``(sentence, taken)`` -> rows, the matcher adding its own spans to ``taken``.
MODES = ("opener", "free", "claims")

FAMILIES = "fromto.transitions.families."


def matcher(mode: str):
    """Declare how the engine calls the decorated matcher (one of :data:`MODES`)."""
    if mode not in MODES:
        raise ValueError(f"unknown matcher mode {mode!r}")

    def mark(fn):
        fn.mode = mode
        return fn

    return mark


@dataclass(frozen=True)
class Construction:
    id: str
    family: str
    marker: str
    function: str
    priority: int
    requires: tuple[str, ...]
    series: bool
    description: str
    must_match: str
    match_source: str
    match_target: str
    must_not: str
    not_kind: str


@dataclass(frozen=True)
class Step:
    """One matcher as the engine runs it: its priority, the words one of which a sentence must hold (and a pattern
    finding any of them, or None), how it is called, its name in the package namespace, and the constructions it
    finds."""
    priority: int
    requires: tuple[str, ...]
    required: re.Pattern | None
    mode: str
    name: str
    constructions: tuple[str, ...]


_registry: dict[str, Construction] | None = None
_steps: list[Step] | None = None
_exceptions: dict[tuple[str, str], re.Pattern] | None = None


def constructions() -> dict[str, Construction]:
    """Every registered construction by id, in the file's order (read once)."""
    global _registry
    if _registry is None:
        from fromto import paths
        from fromto.transitions.lexicon import read_table

        found = {}
        for row in read_table(paths.CONSTRUCTIONS):
            (cid, family, marker, function, priority, requires, series, description, must_match, match_source,
             match_target, must_not, not_kind) = row[:13]
            if cid in found:
                raise ValueError(f"{paths.CONSTRUCTIONS}: construction {cid} is registered twice")
            found[cid] = Construction(cid, family, marker, function, int(priority),
                                      tuple(w for w in requires.split("|") if w), series == "1", description,
                                      must_match, match_source, match_target, must_not, not_kind)
        _registry = found
    return _registry


def markers() -> dict[str, str]:
    """The output marker of every construction id."""
    return {cid: c.marker for cid, c in constructions().items()}


def resolve(function: str):
    """The matcher a registry row names (``module.function`` under :mod:`fromto.transitions.families`)."""
    module, _, name = function.rpartition(".")
    return getattr(importlib.import_module(FAMILIES + module), name)


def steps() -> list[Step]:
    """The matchers in the order the engine runs them (by priority, then by the file's order), each once."""
    global _steps
    if _steps is None:
        by_function: dict[str, list[Construction]] = {}
        for c in constructions().values():
            by_function.setdefault(c.function, []).append(c)
        out = []
        for function, group in by_function.items():
            first = group[0]
            if any(c.priority != first.priority or c.requires != first.requires for c in group):
                raise ValueError(f"constructions of {function} differ in priority or requires")
            required = re.compile("|".join(map(re.escape, first.requires))) if first.requires else None
            out.append(Step(first.priority, first.requires, required, resolve(function).mode, function.rpartition(".")[2],
                            tuple(c.id for c in group)))
        out.sort(key=lambda st: st.priority)
        _steps = out
    return _steps


#: Where an exception of resources/transition_exceptions.tsv applies: cut from the end of a target.
EXCEPTION_USES = ("target_end",)


def exceptions() -> dict[tuple[str, str], re.Pattern]:
    """The literal exceptions (``resources/transition_exceptions.tsv``) as one pattern per (use, construction): for
    ``target_end``, the literals at the end of a target."""
    global _exceptions
    if _exceptions is None:
        from fromto import paths
        from fromto.transitions.lexicon import read_table

        literals: dict[tuple[str, str], list[str]] = {}
        for literal, construction, use, *_ in read_table(paths.TRANSITION_EXCEPTIONS):
            if use not in EXCEPTION_USES or construction not in constructions():
                raise ValueError(f"{paths.TRANSITION_EXCEPTIONS}: {literal}: unknown use {use!r} or construction")
            literals.setdefault((use, construction), []).append(literal)
        _exceptions = {key: re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")
                       for key, words in literals.items()}
    return _exceptions
