"""One module per family of constructions."""
