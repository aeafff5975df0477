"""What a reader sees: vocabulary tables, the findings' tables, the corpus report's tables and figures, and the
one style (font, palette, sizes, saving) every figure is drawn in."""
