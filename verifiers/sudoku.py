"""Verifier for sudoku: a full grid of digits that keeps every clue and breaks no row, column or box rule."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.char_grid import grid_renderings, parse_digit_rows
from bootcamps.types import Verdict


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
    rows = parse_digit_rows(answer, size)
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
    rows, box_cols = data["solution"], data["box_cols"]
    return [*grid_renderings(rows, reference), _boxed(rows, data["box_rows"], box_cols),
            "\n".join("|".join(row[c:c + box_cols] for c in range(0, len(row), box_cols)) for row in rows)]


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
