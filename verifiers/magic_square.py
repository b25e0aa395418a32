"""Verifier for magic_square: 1..n^2 once each, the givens kept, every line summing to the magic constant."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers import parse_grid
from bootcamps.types import Verdict

_FLAT = re.compile(r"[\d\s,;|\[\]()]*")
_NUMBER = re.compile(r"\d+")


def _format(size: int) -> str:
    return f"expected {size} lines of {size} numbers from 1 to {size * size}, one line per row"


def parse_square(answer: str, size: int) -> list[list[int]] | str:
    """The answer's rows of integers, or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > 8 * size * size + 200:
        return f"the answer is too long; {_format(size)}"
    grid = parse_grid(answer, size, size, max_cell_chars=3)
    if grid is not None and all(cell.isdigit() and cell.isascii() for row in grid for cell in row):
        return [[int(cell) for cell in row] for row in grid]
    if _FLAT.fullmatch(answer):  # a list of lists or all the numbers on one line, row by row
        numbers = _NUMBER.findall(answer)
        if len(numbers) == size * size and all(len(number) <= 3 for number in numbers):
            values = [int(number) for number in numbers]
            return [values[r * size:(r + 1) * size] for r in range(size)]
    return _format(size)


def rule_violation(rows: list[list[int]], puzzle: list[list[int]], magic: int) -> str | None:
    """The first broken rule, described for the model, or None."""
    size = len(rows)
    top = size * size
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not 1 <= value <= top:
                return f"{value} at row {r + 1}, column {c + 1} is not a number from 1 to {top}"
            given = puzzle[r][c]
            if given and value != given:
                return f"row {r + 1}, column {c + 1} must keep its given number {given}"
    if len({value for row in rows for value in row}) != top:
        return f"some number is used twice: each of 1 to {top} must appear exactly once"
    lines = [(f"row {r + 1}", row) for r, row in enumerate(rows)]
    lines += [(f"column {c + 1}", [row[c] for row in rows]) for c in range(size)]
    lines.append(("the main diagonal", [rows[i][i] for i in range(size)]))
    lines.append(("the anti-diagonal", [rows[i][size - 1 - i] for i in range(size)]))
    for name, line in lines:
        if sum(line) != magic:
            return f"{name} sums to {sum(line)}, not {magic}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = parse_square(answer, data["size"])
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()
    problem = rule_violation(rows, data["puzzle"], data["magic"])
    return Verdict.wrong(problem) if problem else Verdict.right()


def _text(rows: list[list[int]], sep: str = " ", row_sep: str = "\n") -> str:
    return row_sep.join(sep.join(str(v) for v in row) for row in rows)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    rows = data["solution"]
    return [
        f"\n  {reference}  \n",
        _text(rows, ", "),
        _text(rows, " | "),
        "[" + ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in rows) + "]",
        _text(rows, " ", " "),
        _text(rows, " ", "\n\n"),
        "\n".join(" ".join(str(v).rjust(2) for v in row) for row in rows),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, puzzle, size, top = data["solution"], data["puzzle"], data["size"], data["size"] ** 2
    empty = [(r, c) for r in range(size) for c in range(size) if not puzzle[r][c]]
    r, c = empty[0]
    changed = [row[:] for row in rows]
    changed[r][c] = rows[r][c] % top + 1
    swapped = [row[:] for row in rows]
    c2 = (c + 1) % size
    swapped[r][c], swapped[r][c2] = rows[r][c2], rows[r][c]
    misses = [
        "\n".join(" ".join(str(v) if v else "." for v in row) for row in puzzle),  # the givens copied back
        _text(puzzle),  # the givens with 0 for the empty cells
        _text(changed),
        _text(swapped),
        _text([list(col) for col in zip(*rows, strict=True)]),  # transposed: magic, but the givens move
        _text([[top + 1 - v for v in row] for row in rows]),  # complement: magic, but not the givens
        _text(rows[1:] + rows[:1]),  # rows rotated: rows and columns still sum, the diagonals not
        _text([[rows[0][0]] * size for _ in range(size)]),
        _text(rows[:-1]),
        f"{reference}\nor\n{_text(changed)}",
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
