"""Segmentation: the project tokenizer (jieba's dictionary, the domain lexicon and the stoplist, cut by the rjieba
engine) and new-word discovery over a reference corpus."""
