"""Shared parsing for answers that are sequences of moves (planning families).

An answer is split into steps: one per line, or separated by semicolons, or (where the family
allows it) by commas outside parentheses. Step numbering such as ``1.``, ``2)``, ``Step 3:``
and bullets (``-``, ``*``) are dropped, as are blank steps. Each family then reads its steps.
"""

from __future__ import annotations

import re

_NUMBERING = re.compile(r"^(?:(?:step|move|crossing|action)\s*)?\d{1,5}\s*[.):]\s*|^[-*\u2022]\s+", re.IGNORECASE)
_NUMBERED_START = frozenset("0123456789-*\u2022")
_NUMBERED_WORDS = frozenset(("step", "move", "cros", "acti"))
_LINE_BREAKS = re.compile(r"[\r\n;]+")
_ALL_BREAKS = re.compile(r"[\r\n;,]+")


def _unnumbered(step: str) -> str:
    """The step without a leading number or bullet."""
    if step[:1] in _NUMBERED_START or step[:4].lower() in _NUMBERED_WORDS:
        return _NUMBERING.sub("", step, count=1).strip()
    return step


def _split_commas(text: str) -> list[str]:
    """Split at commas that are not inside parentheses or brackets."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return pieces


def split_steps(text: str, *, max_steps: int, max_chars: int, commas: bool = True) -> list[str] | None:
    """The steps of a move-sequence answer, stripped of numbering; None when too long to read.

    ``max_chars`` bounds the text and ``max_steps`` the number of steps, so the work done on
    junk stays small. An empty answer gives an empty list.
    """
    if not isinstance(text, str) or len(text) > max_chars:
        return None
    text = text.strip()
    if len(text) >= 2 and text[0] + text[-1] == "[]":
        text = text[1:-1]
    if commas and "(" not in text and "[" not in text:
        pieces = _ALL_BREAKS.split(text)
    else:
        lines = [_unnumbered(line.strip()) for line in _LINE_BREAKS.split(text)]
        pieces = [piece for line in lines for piece in (_split_commas(line) if commas else [line])]
    steps: list[str] = []
    for piece in pieces:
        step = piece.strip()
        if step[:1] in _NUMBERED_START or step[:4].lower() in _NUMBERED_WORDS:
            step = _unnumbered(step)
        step = step.rstrip(".")
        if step:
            steps.append(step)
            if len(steps) > max_steps:
                return None
    return steps
