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

import sys as _sys


def _python_string_storage(pandas) -> None:
    """Keep pandas' text columns in Python strings, whatever else is installed.

    pandas 3 stores text in pyarrow when pyarrow is installed (corpus mode's Parquet needs it), and pyarrow cannot
    hold a lone surrogate, which the project's text rules accept in memory and replace on writing; Python strings
    hold anything, as before pyarrow was installed, so every table comes out as it did.
    """
    pandas.set_option("mode.string_storage", "python")


class _WhenPandasIsImported:
    """Applies :func:`_python_string_storage` right after pandas is first imported (a one-off import hook), so
    commands that never use pandas do not pay for importing it."""

    def find_spec(self, name, path=None, target=None):
        if name != "pandas":
            return None
        import importlib.util

        _sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            exec_module = spec.loader.exec_module

            def exec_then_configure(module):
                exec_module(module)
                _python_string_storage(module)

            spec.loader.exec_module = exec_then_configure
        return spec


if "pandas" in _sys.modules:
    _python_string_storage(_sys.modules["pandas"])
elif not any(isinstance(f, _WhenPandasIsImported) for f in _sys.meta_path):
    _sys.meta_path.insert(0, _WhenPandasIsImported())
