"""fromto: from a raw People's Daily page to traceable text, vocabulary, coded transitions and figures.

The package does the computing; the numbered notebooks in ``notebooks/`` call it and narrate. One folder a stage,
in the one direction data flows:

==================  ==============================================================================================
``textio``, ``paths``  reading input (encodings, one-line errors) and every path the project uses
``clean/``          the raw page into articles, paragraphs and sentences, with a log of every change
``segment/``        the project tokenizer (jieba's dictionary, the lexicon, the stoplist) and new-word discovery
``transitions``     every "from X to Y" statement of a sentence
``coding/``         the codebook, the coding rules, the coding sheet and the QDA exports
``evaluation/``     gold samples, alignment with them, and the measures (precision, recall, agreement)
``corpus/``         the same method over many documents, in a watched worker pool
``views/``          vocabulary tables and figures, the findings, the corpus report, the one figure style
``run/``            running the notebooks (``run``, ``report``), rendering them, the manifest, process lifetimes
``cli``             ``python -m fromto``
==================  ==============================================================================================
"""

__version__ = "0.1.0"
