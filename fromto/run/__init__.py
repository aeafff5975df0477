"""Running the collection: executing the notebooks (``python -m fromto run`` and ``report``), rendering them to
HTML, the run manifest, the checks a report makes before it writes, and the lifetime of the processes a run starts."""
