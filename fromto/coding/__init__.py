"""Coding: the codebook and its .qdc export, the rules that code every transition, the coding sheet a reader fills
in and its checked read-back, the REFI-QDA project export, and an independent second coder's packet."""
