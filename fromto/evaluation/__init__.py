"""Evaluation: gold standards drawn and read before the tools ran on them, and the measures that compare the tools
with them."""
