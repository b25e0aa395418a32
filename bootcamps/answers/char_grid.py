"""Grids of one-character cells (digits, a block mark), read from the many ways models write them."""

from __future__ import annotations

import re

from bootcamps.answers.text import parse_grid

_NOISE = re.compile(r"[\s,;|\[\](){}'\"]+")
_SEPARATOR_LINE = set("-+=| ")
_MAX_CHARS_PER_CELL = 12


def parse_cell_grid(text: str, rows: int, cols: int) -> list[list[str]] | None:
    """A rows x cols grid of cells as written, or None when the shape cannot be read.

    Accepted: one row per line with cells separated by spaces, commas or ``|`` (box-drawing
    separator lines and blank lines ignored); rows of one-character cells written together
    (``1234``); a list of lists (``[[1,2],[2,1]]``); or all the one-character cells on one line
    in row-major order. Cells are returned as written (they may be longer than one character
    when separated): checking them is the caller's job. Over-long text gives None at once.
    """
    if not isinstance(text, str) or len(text) > _MAX_CHARS_PER_CELL * rows * cols + 200:
        return None
    grid = parse_grid(text, rows, cols)
    if grid is not None:
        return grid
    lines = [line for line in text.splitlines() if line.strip() and not set(line.strip()) <= _SEPARATOR_LINE]
    packed = [_NOISE.sub("", line) for line in lines]
    if len(packed) == rows and all(len(row) == cols for row in packed):
        return [list(row) for row in packed]
    joined = "".join(packed)
    if len(joined) == rows * cols:
        return [list(joined[r * cols:(r + 1) * cols]) for r in range(rows)]
    return None


def parse_digit_rows(answer: str, size: int) -> list[str] | str:
    """A size x size grid of digits 1..size as row strings, or the reason it cannot be read.

    The reason says what was expected and never echoes more than a few characters of the answer.
    """
    expected = f"expected {size} lines of {size} digits from 1 to {size}, one line per row"
    if not isinstance(answer, str) or not 1 <= size <= 9:
        return expected
    digits = "123456789"[:size]
    if len(answer) <= 8 * size * size:
        packed = "".join(answer.split())
        if len(packed) == size * size and not packed.strip(digits):
            # the usual case, digits separated by spaces and newlines, read without regexes
            return [packed[r * size:(r + 1) * size] for r in range(size)]
    grid = parse_cell_grid(answer, size, size)
    if grid is None:
        return expected
    for row in grid:
        for cell in row:
            if len(cell) != 1 or cell not in digits:
                shown = cell if len(cell) <= 3 else cell[:3] + "..."
                return f"every cell must be a digit from 1 to {size}; found {shown!r}"
    return ["".join(row) for row in grid]


def grid_renderings(rows: list[str], reference: str) -> list[str]:
    """Other ways models write a grid of one-character cells, all of which ``parse_cell_grid`` reads:
    for the ``equivalents`` audit hook of grid families."""
    return [
        f"\n  {reference}  \n",
        "\n".join(rows),
        "\n".join(", ".join(row) for row in rows),
        "\n".join(" | ".join(row) for row in rows),
        "".join(rows),
        " ".join(" ".join(row) for row in rows),
        "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]",
        "\n\n".join(" ".join(row) for row in rows),
    ]
