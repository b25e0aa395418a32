"""Verifier for grid_transform: the answered grid equals the hidden transformation applied to the test input."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_DIGITS = frozenset("0123456789")
_BRACKETED_ROW = re.compile(r"\[([^\[\]]*)\]")
_CELL_SEPARATORS = re.compile(r"[\s,|;]+")
_RULE_LINE = frozenset("-+=| ")


def _expected(rows: int, cols: int) -> str:
    return f"expected the output grid as {rows} lines of {cols} digits, one line per row"


def parse_rows(text: str) -> list[list[str]] | None:
    """The grid as written, row by row: one row per line (``0 3 3``, ``033``, ``0, 3, 3``, ``| 0 | 3 |``)
    or bracketed rows (``[[0, 3], [3, 0]]``). The shape is kept as written; None when unreadable."""
    bracketed = _BRACKETED_ROW.findall(text) if "[" in text else []
    lines = bracketed or [line for line in text.splitlines() if line.strip() and not set(line) <= _RULE_LINE]
    grid = []
    for line in lines:
        cells = [cell for cell in _CELL_SEPARATORS.split(line) if cell]
        if len(cells) == 1:
            cells = list(cells[0])
        if not cells:
            return None
        grid.append(cells)
    return grid or None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    target = data["output"]
    rows, cols = len(target), len(target[0])
    if not isinstance(answer, str) or len(answer) > 8 * rows * cols + 200:
        return Verdict.unparsable(f"the answer is too long; {_expected(rows, cols)}")
    grid = parse_rows(answer)
    if grid is None or any(len(cell) != 1 or cell not in _DIGITS for row in grid for cell in row):
        return Verdict.unparsable(f"every cell must be one digit 0-9; {_expected(rows, cols)}")
    if len({len(row) for row in grid}) != 1:
        return Verdict.unparsable(f"the rows have different lengths; {_expected(rows, cols)}")
    if (len(grid), len(grid[0])) != (rows, cols):
        return Verdict.wrong(f"the grid has {len(grid)} rows of {len(grid[0])} cells; the correct output has a "
                             "different shape")
    wrong = sum(cell != want for row, truth in zip(grid, target, strict=True)
                for cell, want in zip(row, truth, strict=True))
    if wrong:
        return Verdict.wrong(f"{wrong} of the {rows * cols} cells are wrong")
    return Verdict.right()


def render(rows: list[str] | tuple, spaced: bool = True) -> str:
    return "\n".join((" " if spaced else "").join(str(cell) for cell in row) for row in rows)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    target = data["output"]
    return [render(target, spaced=False), "\n".join(", ".join(row) for row in target),
            "[" + ", ".join("[" + ", ".join(row) + "]" for row in target) + "]",
            "\n".join("| " + " | ".join(row) + " |" for row in target), f"\n\n{reference}\n"]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    target = [list(row) for row in data["output"]]
    changed = [row[:] for row in target]
    changed[-1][-1] = "1" if changed[-1][-1] != "1" else "2"
    misses = [
        render(changed),  # one cell wrong
        render(data["test_input"]),  # the test input copied back
        render(data["examples"][0]["output"]),  # an example's output copied
        render([row[::-1] for row in target]),  # mirrored
        render(target[::-1]),  # upside down
        render(list(zip(*target, strict=True))),  # transposed
        render(target[:-1]) if len(target) > 1 else render([row[:-1] for row in target]),  # a row short
        f"{reference}\nor\n{render(changed)}",
        render([["0"] * len(row) for row in target]),
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
