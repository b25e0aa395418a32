"""Parsers for text, lists and grids."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

MAX_TEXT_CHARS = 20_000

_PUNCTUATION_EDGES = " \t\r\n.,;:!?\"'`*_()[]{}"
_SPACES = re.compile(r"\s+")


_SPACE_RUN = re.compile(r"\s{3}")


def has_space_run(text: str) -> bool:
    r"""Whether the text has three whitespace characters in a row.

    A pattern with ``\s*`` beside another optional ``\s*`` backtracks quadratically on a long run
    of spaces (2,000 spaces: ~80 ms); readers built of such patterns leave these texts to others.
    """
    return _SPACE_RUN.search(text) is not None


def normalize_text(text: str) -> str | None:
    """Case-folded, NFKC-normalised text with runs of whitespace folded and edge punctuation dropped."""
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        return None
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub(" ", text).strip(_PUNCTUATION_EDGES)


def split_items(text: str, max_items: int = 1000) -> list[str] | None:
    """Items of a flat list: ``[a, b, c]``, ``(a, b, c)``, ``a, b, c``, ``a; b; c`` or ``a b c``.

    Returns None for text too long to be an answer, or with more than ``max_items`` items.
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        return None
    text = text.strip()
    if len(text) >= 2 and text[0] + text[-1] in ("[]", "()", "{}"):
        text = text[1:-1].strip()
    if not text:
        return []
    if "," in text or ";" in text:
        items = [item.strip() for item in re.split(r"[,;]", text)]
    else:
        items = text.split()
    if len(items) > max_items or any(not item for item in items):
        return None
    return items


def parse_list(text: str, item: Callable[[str], T | None], max_items: int = 1000) -> list[T] | None:
    """A flat list whose every item parses with ``item``; None if any item does not."""
    raw = split_items(text, max_items)
    if raw is None:
        return None
    values = [item(entry) for entry in raw]
    return None if any(value is None for value in values) else values  # type: ignore[return-value]


def parse_grid(text: str, rows: int, cols: int, *, max_cell_chars: int = 3) -> list[list[str]] | None:
    """A rows x cols grid of cells, one row per line.

    Cells in a row are separated by spaces, commas or ``|``; when every cell is one character
    they may also be written together (``"1234"``). Blank lines and box-drawing separator lines
    made only of ``-+=|`` are ignored. Returns None unless the shape is exactly rows x cols.
    """
    if not isinstance(text, str) or len(text) > max(MAX_TEXT_CHARS, rows * cols * (max_cell_chars + 4)):
        return None
    grid: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or set(line) <= set("-+=| "):
            continue
        cells = [cell for cell in re.split(r"[\s,|]+", line) if cell]
        if len(cells) == 1 and len(cells[0]) == cols and cols > 1:
            cells = list(cells[0])
        if len(cells) != cols or any(len(cell) > max_cell_chars for cell in cells):
            return None
        grid.append(cells)
        if len(grid) > rows:
            return None
    return grid if len(grid) == rows else None
