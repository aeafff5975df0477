"""fromto: from a raw People's Daily page to traceable text, vocabulary, coded transitions and figures.

The package does the computing; the numbered notebooks in ``notebooks/`` call it and narrate.
Stages, in the one direction data flows:

``fromto.textio`` (reading) -> ``fromto.clean`` -> ``fromto.segment.tokens`` / ``fromto.views.vocab`` and
``fromto.transitions`` -> ``fromto.coding.rules`` -> ``fromto.views.style`` (figures) -> ``fromto.run.runner``.
"""

__version__ = "0.1.0"
