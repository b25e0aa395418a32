"""A parser for answers that list grid cells as (row, column) pairs: ``(1, 2), (3, 4)``.

Accepted forms: bracketed pairs ``(1, 2)`` or ``[1, 2]`` separated by commas, semicolons,
spaces, newlines or the word "and", optionally inside one pair of outer brackets
(``[(1, 2), (3, 4)]``, ``[[1, 2], [3, 4]]``); ``r1c2`` / ``R1C2`` items; or bare ``1 2`` /
``1,2`` pairs one per line or separated by semicolons. Bounded and linear: the length is refused
before any work and every pattern is free of nested quantifiers.
"""

from __future__ import annotations

import re

MAX_CELLS_CHARS = 20_000

_BRACKETED = re.compile(r"[(\[{]\s*(\d{1,4})\s*[,;\s]\s*(\d{1,4})\s*[)\]}]")
_RC = re.compile(r"\br\s?(\d{1,4})\s?c\s?(\d{1,4})\b", re.IGNORECASE)
_LEFTOVER = re.compile(r"(?:[\s,;()\[\]{}]|\band\b)*", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"[;\n]")
_BARE = re.compile(r"\s*[(\[]?\s*(\d{1,4})\s*(?:,|\s)\s*(\d{1,4})\s*[)\]]?\s*")
_NOISE = str.maketrans({"*": None, "`": None, '"': None, "'": None})


def _matched(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]] | None:
    """All matches of a pair pattern, or None when anything but separators is left between them."""
    pairs = [(int(a), int(b)) for a, b in pattern.findall(text)]
    if not pairs or not _LEFTOVER.fullmatch(pattern.sub(" ", text)):
        return None
    return pairs


def parse_cells(text: str, max_cells: int = 1000) -> list[tuple[int, int]] | None:
    """The (row, column) pairs of an answer in order, duplicates kept; None if not a cell list.

    The numbers are returned as written (the caller decides whether they are 1-based and in
    range). An empty list ``[]`` gives ``[]``. Text longer than MAX_CELLS_CHARS, or with more
    than ``max_cells`` pairs, gives None.
    """
    if not isinstance(text, str) or len(text) > MAX_CELLS_CHARS:
        return None
    text = text.translate(_NOISE).strip().rstrip(".").strip()
    if _LEFTOVER.fullmatch(text):
        return [] if text else None
    pairs = _matched(_BRACKETED, text) or _matched(_RC, text)
    if pairs is None:
        items = [item for item in _ITEM_SPLIT.split(text) if item.strip()]
        bare = [_BARE.fullmatch(item) for item in items]
        if not items or any(match is None for match in bare):
            return None
        pairs = [(int(m.group(1)), int(m.group(2))) for m in bare]  # type: ignore[union-attr]
    return pairs if len(pairs) <= max_cells else None
