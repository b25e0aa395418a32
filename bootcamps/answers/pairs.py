"""A parser for answers that give each of several names a value: ``A=3, B=7`` or ``Alice: knight``.

The text is cleaned (markdown emphasis, quotes, list markers and outer brackets dropped), split
into items on commas, semicolons, newlines, sentence ends and the word "and", and every item
must be a whole ``key <connector> value`` pair (or several of them separated by spaces only).
Everything is bounded and linear: no nested quantifiers, input length refused before any work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

MAX_PAIRS_CHARS = 5_000

DEFAULT_CONNECTOR = r"\s*(?:=|:|->|=>|\u2192|\u21d2)\s*"
_NOISE = str.maketrans({"*": None, "`": None, '"': None, "'": None, "\u201c": None, "\u201d": None,
                        "\u2018": None, "\u2019": None})
_LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:[-\u2022+]|\d{1,3}[.)])[ \t]+")
_SEPARATOR = re.compile(r"\s*(?:[,;\n]|\band\b|\.(?=\s|$))\s*", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")  # every run of blanks but newlines: keeps the splitter linear
_BRACKETS = ("{}", "[]", "()")


@lru_cache(maxsize=64)
def _item_pattern(key: str, value: str, connector: str, flags: int) -> re.Pattern[str]:
    return re.compile(rf"\s?(?P<key>{key}){connector}(?P<value>{value})", flags)


def _clean(text: str) -> str:
    text = _LIST_MARKER.sub("", text.translate(_NOISE))
    text = _SPACES.sub(" ", text).strip().rstrip(".!").strip()
    while len(text) >= 2 and text[0] + text[-1] in _BRACKETS:
        text = text[1:-1].strip()
    return text


def parse_pairs(text: str, key: str, value: str, *, connector: str = DEFAULT_CONNECTOR,
                flags: int = re.IGNORECASE, max_pairs: int = 100) -> list[tuple[str, str]] | None:
    """The ``(key, value)`` pairs of an answer, in order, duplicates kept; None if not all pairs.

    ``key`` and ``value`` are regular expressions for one key and one value (keep them simple:
    no nested quantifiers); ``connector`` is what may stand between them (by default ``=``,
    ``:``, ``->``, ``=>`` or an arrow, with spaces around). Items may be separated by commas,
    semicolons, newlines, ". " or the word "and", and also by spaces alone (``A=1 B=2``).
    Returns None for text longer than MAX_PAIRS_CHARS, with more than ``max_pairs`` pairs, or
    with anything that is not a pair; an empty answer gives an empty list.
    """
    if not isinstance(text, str) or len(text) > MAX_PAIRS_CHARS:
        return None
    item = _item_pattern(key, value, connector, flags)
    pairs: list[tuple[str, str]] = []
    for chunk in _SEPARATOR.split(_clean(text)):
        position = 0
        while position < len(chunk):
            match = item.match(chunk, position)
            if match is None or match.end() == position:
                return None
            pairs.append((match.group("key"), match.group("value")))
            if len(pairs) > max_pairs:
                return None
            position = match.end()
            if position < len(chunk) and not chunk[position].isspace():
                return None  # "A=12B=3" or "Alice: knightly": a pair must end at a boundary
    return pairs


def render_pairs(values: Mapping[str, object], names: Sequence[str], sep: str = ", ", link: str = "=") -> str:
    """``name=value`` pairs in the given order, the form ``parse_pairs`` reads: for audit hooks."""
    return sep.join(f"{name}{link}{values[name]}" for name in names)
