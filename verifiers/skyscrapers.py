"""Verifier for skyscrapers: a Latin square of heights that keeps the given cells and matches every shown clue."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers import parse_grid
from bootcamps.answers.char_grid import grid_renderings
from bootcamps.types import Verdict

_NOISE = re.compile(r"[\s,;|\[\](){}]+")
_SIDES = {"top": "from the top of column", "bottom": "from the bottom of column",
          "left": "from the left of row", "right": "from the right of row"}


def _format(size: int) -> str:
    return f"expected {size} lines of {size} heights from 1 to {size}, one line per row"


def parse_answer(answer: str, size: int) -> list[str] | str:
    """The answer's rows as strings of digits, or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > 12 * size * size + 200:
        return f"the answer is too long; {_format(size)}"
    digits = "1234567"[:size]
    packed = "".join(answer.split())
    if len(packed) == size * size and not packed.strip(digits):
        return [packed[r * size:(r + 1) * size] for r in range(size)]
    grid = parse_grid(answer, size, size)
    if grid is None:
        joined = _NOISE.sub("", answer)  # a list of lists or comma-separated cells
        if len(joined) != size * size:
            return _format(size)
        grid = [list(joined[r * size:(r + 1) * size]) for r in range(size)]
    for row in grid:
        for cell in row:
            if len(cell) != 1 or cell not in digits:
                shown = cell if len(cell) <= 3 else cell[:3] + "..."
                return f"every cell must be a height from 1 to {size}; found {shown!r}"
    return ["".join(row) for row in grid]


def _visible(line: str) -> int:
    count, tallest = 0, "0"
    for h in line:
        if h > tallest:
            count, tallest = count + 1, h
    return count


def rule_violation(rows: list[str], data: dict[str, Any]) -> str | None:
    """The first broken rule, described for the model, or None."""
    size = len(rows)
    for r, (given, row) in enumerate(zip(data["givens"], rows, strict=True)):
        for c, g in enumerate(given):
            if g != "." and row[c] != g:
                return f"row {r + 1}, column {c + 1} must keep its given height {g}"
    columns = ["".join(row[c] for row in rows) for c in range(size)]
    for name, lines in (("row", rows), ("column", columns)):
        for i, line in enumerate(lines):
            if len(set(line)) != size:
                return f"{name} {i + 1} repeats a height"
    views = {"top": columns, "bottom": [col[::-1] for col in columns],
             "left": rows, "right": [row[::-1] for row in rows]}
    for side, lines in views.items():
        for i, (clue, line) in enumerate(zip(data["clues"][side], lines, strict=True)):
            if clue and _visible(line) != clue:
                return f"{_visible(line)} buildings are visible {_SIDES[side]} {i + 1}, but the clue says {clue}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = parse_answer(answer, data["size"])
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()
    problem = rule_violation(rows, data)
    return Verdict.wrong(problem) if problem else Verdict.right()


def _text(rows: list[str], sep: str = " ", row_sep: str = "\n") -> str:
    return row_sep.join(sep.join(row) for row in rows)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return grid_renderings(data["solution"], reference)


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, size = data["solution"], data["size"]
    changed = [list(row) for row in rows]
    changed[0][0] = str(int(rows[0][0]) % size + 1)
    swapped_cols = ["".join(row[1] + row[0] + row[2:]) for row in rows]  # a Latin square still
    misses = [
        _text(data["givens"]),  # the givens copied back
        _text(["".join(row) for row in changed]),
        _text(rows[1:] + rows[:1]),  # rows rotated: Latin, but the clues break
        _text(swapped_cols),
        _text([row[::-1] for row in rows]),  # mirrored
        _text(["".join(str(h) for h in range(1, size + 1))] * size),
        _text(rows[:-1]),
        f"{reference}\nor\n{_text(rows[1:] + rows[:1])}",
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
