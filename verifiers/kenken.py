"""Verifier for kenken: a full Latin square whose every cage reaches its target."""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from typing import Any

from bootcamps.answers.char_grid import grid_renderings, parse_digit_rows
from bootcamps.types import Verdict

LETTERS = string.ascii_uppercase + string.ascii_lowercase


def cage_value(op: str, digits: Sequence[int]) -> int | None:
    """What ``op`` makes of a cage's digits, or None when it does not apply."""
    if op == "+":
        return sum(digits)
    if op == "*":
        return math.prod(digits)
    if len(digits) != 2:
        return None
    large, small = max(digits), min(digits)
    if op == "-":
        return large - small
    return large // small if large % small == 0 else None


def cage_holds(cage: dict[str, Any], digits: list[int], show_ops: bool) -> bool:
    """Whether the digits reach the cage's target (with any operation when they are hidden)."""
    op, target = cage["op"], cage["target"]
    if op == "=":
        return digits == [target]
    if show_ops:
        return cage_value(op, digits) == target
    return any(cage_value(each, digits) == target for each in "+-*/")


def _latin_violation(rows: list[str]) -> str | None:
    size = len(rows)
    for r, row in enumerate(rows):
        if len(set(row)) != size:
            return f"row {r + 1} repeats a digit"
    for c in range(size):
        if len({row[c] for row in rows}) != size:
            return f"column {c + 1} repeats a digit"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = parse_digit_rows(answer, data["size"])
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()  # the solution keeps every rule: no need to check again
    problem = _latin_violation(rows)
    if problem is not None:
        return Verdict.wrong(problem)
    for index, cage in enumerate(data["cages"]):
        digits = [int(rows[r][c]) for r, c in cage["cells"]]
        if not cage_holds(cage, digits, data["show_ops"]):
            return Verdict.wrong(f"cage {LETTERS[index]} does not reach its target {cage['target']}")
    return Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return grid_renderings(data["solution"], reference)


def _text(rows: list[str]) -> str:
    return "\n".join(" ".join(row) for row in rows)


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, size = data["solution"], data["size"]
    letters = [[""] * size for _ in range(size)]
    for index, cage in enumerate(data["cages"]):
        for r, c in cage["cells"]:
            letters[r][c] = LETTERS[index]
    changed = [list(row) for row in rows]
    changed[0][0] = str(int(rows[0][0]) % size + 1)
    misses = [
        "\n".join(" ".join(row) for row in letters),  # the cage map copied back
        _text(["1" * size] * size),
        _text(["".join(row) for row in changed]),  # one cell changed
        _text(rows[:-1]),
        f"{reference}\nor\n{reference}",
        _text([row.translate(str.maketrans("12", "21")) for row in rows]),  # Latin, cages broken
        _text(rows[1:] + rows[:1]),  # rows rotated: Latin, cages broken
        _text([row[::-1] for row in rows]),
        " ".join(str(cage["target"]) for cage in data["cages"]),
    ]
    transposed = ["".join(row[c] for row in rows) for c in range(size)]
    if transposed != rows:
        misses.append(_text(transposed))
    return misses
