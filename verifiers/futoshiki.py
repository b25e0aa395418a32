"""Verifier for futoshiki: a full Latin square that keeps the givens and obeys every inequality sign."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.char_grid import grid_renderings, parse_digit_rows
from bootcamps.types import Verdict


def latin_violation(rows: list[str]) -> str | None:
    """The first row or column that repeats a digit, or None."""
    size = len(rows)
    for r, row in enumerate(rows):
        if len(set(row)) != size:
            return f"row {r + 1} repeats a digit"
    for c in range(size):
        if len({row[c] for row in rows}) != size:
            return f"column {c + 1} repeats a digit"
    return None


def givens_violation(puzzle: list[str], rows: list[str]) -> str | None:
    """The first given digit the answer changed, or None."""
    for r, (given, row) in enumerate(zip(puzzle, rows, strict=True)):
        for c, clue in enumerate(given):
            if clue not in ".#" and row[c] != clue:
                return f"row {r + 1}, column {c + 1} must keep its given digit {clue}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = parse_digit_rows(answer, data["size"])
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()  # the solution keeps every rule: no need to check again
    problem = givens_violation(data["puzzle"], rows) or latin_violation(rows)
    if problem is not None:
        return Verdict.wrong(problem)
    for r1, c1, r2, c2 in data["signs"]:
        if not rows[r1][c1] < rows[r2][c2]:
            return Verdict.wrong(f"the sign between row {r1 + 1}, column {c1 + 1} and row {r2 + 1}, "
                                 f"column {c2 + 1} is broken")
    return Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return grid_renderings(data["solution"], reference)


def _text(rows: list[str]) -> str:
    return "\n".join(" ".join(row) for row in rows)


def _break_a_sign(data: dict[str, Any]) -> list[str] | None:
    """A Latin square that keeps the givens but breaks a sign: two digits swapped everywhere."""
    rows, puzzle, size = data["solution"], data["puzzle"], data["size"]
    given = {ch for row in puzzle for ch in row if ch != "."}
    free = [str(d) for d in range(1, size + 1) if str(d) not in given]
    for a, b in zip(free, free[1:], strict=False):
        swapped = [row.translate(str.maketrans(a + b, b + a)) for row in rows]
        if swapped != rows:
            return swapped
    return None


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, puzzle, size = data["solution"], data["puzzle"], data["size"]
    empty = [(r, c) for r in range(size) for c in range(size) if puzzle[r][c] == "."]
    misses = [_text(puzzle), _text([row.replace(".", "0") for row in puzzle]), _text(["1" * size] * size),
              _text(rows[:-1]), f"{reference}\nor\n{reference}", _text(rows[1:] + rows[:1])]
    r, c = empty[0]
    changed = [list(row) for row in rows]
    changed[r][c] = str(int(rows[r][c]) % size + 1)
    misses.append(_text(["".join(row) for row in changed]))
    given = next(((r, c) for r in range(size) for c in range(size) if puzzle[r][c] != "."), None)
    if given is not None:  # a valid Latin square with a given relabelled
        a = puzzle[given[0]][given[1]]
        b = "1" if a != "1" else "2"
        misses.append(_text([row.translate(str.maketrans(a + b, b + a)) for row in rows]))
    broken = _break_a_sign(data)
    if broken is not None:
        misses.append(_text(broken))
    # columns reversed: still Latin, signs across columns break
    misses.append(_text([row[::-1] for row in rows]))
    return misses
