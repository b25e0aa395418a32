"""Verifier for sudoku: a full grid of digits that keeps every clue and breaks no row, column or box rule."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers import parse_grid
from bootcamps.types import Verdict

_MAX_CHARS_PER_CELL = 12
_NOISE = re.compile(r"[\s,;|\[\](){}]+")
_SEPARATOR_LINE = set("-+=| ")


def _format(size: int) -> str:
    return f"expected {size} lines of {size} digits from 1 to {size}, one line per row"


def _compact(text: str, size: int) -> list[list[str]] | None:
    """Rows written without usable separators: ``534|678|912`` lines, or all cells on one line."""
    lines = [line for line in text.splitlines() if line.strip() and not set(line.strip()) <= _SEPARATOR_LINE]
    packed = [_NOISE.sub("", line) for line in lines]
    if len(packed) == size and all(len(row) == size for row in packed):
        return [list(row) for row in packed]
    joined = "".join(packed)
    if len(joined) == size * size:
        return [list(joined[r * size:(r + 1) * size]) for r in range(size)]
    return None


def parse_answer(answer: str, size: int) -> list[str] | str:
    """The answer's rows as strings of digits, or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS_PER_CELL * size * size + 200:
        return f"the answer is too long; {_format(size)}"
    digits = "123456789"[:size]
    packed = "".join(answer.split())
    if len(packed) == size * size and not packed.strip(digits):
        # the usual case, digits separated by spaces and newlines, read without regexes
        return [packed[r * size:(r + 1) * size] for r in range(size)]
    grid = parse_grid(answer, size, size) or _compact(answer, size)
    if grid is None:
        return _format(size)
    for row in grid:
        for cell in row:
            if len(cell) != 1 or cell not in digits:
                shown = cell if len(cell) <= 3 else cell[:3] + "..."
                return f"every cell must be a digit from 1 to {size}; found {shown!r}"
    return ["".join(row) for row in grid]


def rule_violation(rows: list[str], box_rows: int, box_cols: int) -> str | None:
    """The first row, column or box that repeats a digit, described for the model, or None."""
    size = len(rows)
    for r, row in enumerate(rows):
        if len(set(row)) != size:
            return f"row {r + 1} repeats a digit"
    for c in range(size):
        if len({row[c] for row in rows}) != size:
            return f"column {c + 1} repeats a digit"
    for b in range(size):
        top, left = (b // (size // box_cols)) * box_rows, (b % (size // box_cols)) * box_cols
        box = {rows[r][c] for r in range(top, top + box_rows) for c in range(left, left + box_cols)}
        if len(box) != size:
            return f"box {b + 1} (rows {top + 1}-{top + box_rows}, columns {left + 1}-{left + box_cols}) repeats a digit"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    size = data["size"]
    rows = parse_answer(answer, size)
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()  # the solution keeps the clues and the rules: no need to check again
    for r, (given, row) in enumerate(zip(data["puzzle"], rows, strict=True)):
        for c, clue in enumerate(given):
            if clue != "." and row[c] != clue:
                return Verdict.wrong(f"row {r + 1}, column {c + 1} must keep its given digit {clue}")
    problem = rule_violation(rows, data["box_rows"], data["box_cols"])
    if problem is not None:
        return Verdict.wrong(problem)
    return Verdict.right()


def _grid_text(rows: list[str], sep: str = " ", row_sep: str = "\n") -> str:
    return row_sep.join(sep.join(row) for row in rows)


def _boxed(rows: list[str], box_rows: int, box_cols: int) -> str:
    size = len(rows)
    rule = "-+-".join("-" * (2 * box_cols - 1) for _ in range(size // box_cols))
    lines = []
    for r, row in enumerate(rows):
        if r and r % box_rows == 0:
            lines.append(rule)
        lines.append(" | ".join(" ".join(row[c:c + box_cols]) for c in range(0, size, box_cols)))
    return "\n".join(lines)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    rows = data["solution"]
    return [
        f"\n  {reference}  \n",
        _grid_text(rows, ""),
        _grid_text(rows, ", "),
        _grid_text(rows, ","),
        _boxed(rows, data["box_rows"], data["box_cols"]),
        "\n".join("|".join(row[c:c + data["box_cols"]] for c in range(0, len(row), data["box_cols"]))
                  for row in rows),
        "".join(rows),
        "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]",
        _grid_text(rows, " ", "\n\n"),
    ]


def _swap_digits(rows: list[str], a: str, b: str) -> list[str]:
    return [row.translate(str.maketrans(a + b, b + a)) for row in rows]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, puzzle, size = data["solution"], data["puzzle"], data["size"]
    empty = [(r, c) for r in range(size) for c in range(size) if puzzle[r][c] == "."]
    clue = next((r, c) for r in range(size) for c in range(size) if puzzle[r][c] != ".")
    misses = [_grid_text(puzzle), _grid_text([row.replace(".", "0") for row in puzzle]),
              _grid_text(["1" * size] * size), _grid_text(rows[:-1]), f"{reference}\nor\n{reference}"]
    for r, c in (empty[0], clue):  # one cell changed: an empty cell, then a given clue
        changed = [list(row) for row in rows]
        changed[r][c] = str(int(rows[r][c]) % size + 1)
        misses.append(_grid_text(["".join(row) for row in changed]))
    # two empty cells of one row swapped: the row stays a permutation, two columns break
    by_row: dict[int, list[int]] = {}
    for r, c in empty:
        by_row.setdefault(r, []).append(c)
    r, cols = max(by_row.items(), key=lambda item: len(item[1]))
    c1, c2 = cols[0], cols[-1] if len(cols) > 1 else (cols[0] + 1) % size
    swapped = list(rows[r])
    swapped[c1], swapped[c2] = swapped[c2], swapped[c1]
    misses.append(_grid_text(rows[:r] + ["".join(swapped)] + rows[r + 1:]))
    # a valid sudoku that ignores the clues: two digits relabelled everywhere
    a = puzzle[clue[0]][clue[1]]
    misses.append(_grid_text(_swap_digits(rows, a, "1" if a != "1" else "2")))
    misses.append(_grid_text(rows[1:] + rows[:1]))  # rows rotated
    return misses
