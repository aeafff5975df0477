"""Rule ``ascii-punct-in-chinese`` and ``corner-quotes``: the dump's ASCII punctuation and 「」 inside Chinese text."""

from __future__ import annotations

import re

from fromto.clean.chars import _CJK_CONTEXT, _HAN_RE


_ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
#: Signs written right after a number (``100%``, ``3‰``, ``25℃``, ``30°``).
_UNIT_SIGNS = "%‰℃°"
_CORNER_TO_CURLY = {"「": "“", "」": "”", "『": "‘", "』": "’"}


_PUNCT_CANDIDATE = re.compile("[" + re.escape("".join(sorted(set(_ASCII_TO_FULL) | set(_CORNER_TO_CURLY)))) + "]")


def normalise_punctuation(text: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Full-width punctuation inside Chinese text, and “” for 「」.

    Returns the new text (same length) and the changes as ``(index, before, after, rule)``.
    ASCII ``, ; : ? !`` change when the character before is Chinese and the one after is Chinese, a digit or the
    end of the text (``2007年,习`` -> ``2007年，习``; ``城”?`` -> ``城”？``), or when Chinese follows at once and
    the character before is a digit, a number's unit sign or a Latin letter (``达98%,但`` -> ``达98%，但``,
    ``APP,让`` -> ``APP，让``: an English comma is followed by a space). ASCII parentheses change first, as a
    pair, when they enclose Chinese or stand between Chinese characters, so that punctuation beside them is judged
    beside full-width ones (``（右一）,他`` -> ``（右一），他``).
    Digits and Latin text keep their ASCII punctuation (``10:30``, ``1,366``).
    """
    chars = list(text)
    changes: list[tuple[int, str, str, str]] = []
    n = len(chars)

    def cjk(i: int) -> bool:  # judged on the text as changed so far: parentheses first
        return 0 <= i < n and bool(_CJK_CONTEXT.match(chars[i]))

    def digit(i: int) -> bool:
        return 0 <= i < n and text[i].isascii() and text[i].isdigit()

    def after_number_or_latin(i: int) -> bool:
        return 0 <= i < n and (digit(i) or text[i] in _UNIT_SIGNS or (text[i].isascii() and text[i].isalpha()))

    for m in re.finditer(r"\(([^()\n]{0,40})\)", text):
        inside, o, c = m.group(1), m.start(), m.end() - 1
        if _HAN_RE.search(inside) or (cjk(o - 1) and (cjk(c + 1) or c + 1 == n)):
            chars[o], chars[c] = "（", "）"
            changes.append((o, "(", "（", "ascii-punct-in-chinese"))
            changes.append((c, ")", "）", "ascii-punct-in-chinese"))
    for m in _PUNCT_CANDIDATE.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _ASCII_TO_FULL:
            after_ok = cjk(i + 1) or digit(i + 1) or i + 1 == n
            if (cjk(i - 1) and after_ok) or (after_number_or_latin(i - 1) and cjk(i + 1)):
                chars[i] = _ASCII_TO_FULL[ch]
                changes.append((i, ch, chars[i], "ascii-punct-in-chinese"))
        elif ch in _CORNER_TO_CURLY:
            chars[i] = _CORNER_TO_CURLY[ch]
            changes.append((i, ch, chars[i], "corner-quotes"))
    changes.sort()
    return "".join(chars), changes
