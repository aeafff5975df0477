"""Character classes and end marks shared by every rule: what is Chinese, what ends a sentence or a paragraph."""

from __future__ import annotations

import re


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters that count as "Chinese context" for punctuation: Han, CJK punctuation, full-width forms and the
#: curly quotes, dashes and ellipses Chinese text uses.
_CJK_CONTEXT = re.compile(f"[{_HAN}\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_HAN_RE = re.compile(f"[{_HAN}]")

#: End of a sentence.
SENTENCE_END = "。！？；!?;…"
#: End of a paragraph: a sentence end, or a colon introducing what follows.
PARAGRAPH_END = SENTENCE_END + "：:"
#: Closing quotes and brackets that stay with the sentence before them.
CLOSERS = "”’」』）)》〉】\"'"
