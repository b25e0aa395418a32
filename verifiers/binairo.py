"""Verifier for binairo: a 0/1 grid that keeps the givens, is balanced, has no 000/111 and no repeated line."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.char_grid import grid_renderings
from bootcamps.types import Verdict

_NOISE = re.compile(r"[\s,;|\[\](){}'\"`]+")
_MAX_CHARS_PER_CELL = 12


def _format(size: int) -> str:
    return f"expected {size} lines of {size} digits 0 or 1, one line per row"


def parse_answer(answer: str, size: int) -> list[str] | str:
    """The answer's rows as strings of '0' and '1', or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS_PER_CELL * size * size + 200:
        return f"the answer is too long; {_format(size)}"
    lines = [packed for line in answer.splitlines() if (packed := _NOISE.sub("", line))]
    if len(lines) != size or any(len(line) != size for line in lines):
        joined = "".join(lines)
        if len(joined) != size * size:
            return _format(size)
        lines = [joined[r * size:(r + 1) * size] for r in range(size)]
    for line in lines:
        bad = line.strip("01")
        if bad:
            return f"every cell must be 0 or 1; found {bad[0]!r}"
    return lines


def _line_problem(line: str, half: int) -> str | None:
    if line.count("1") != half:
        return f"has {line.count('0')} zeros and {line.count('1')} ones"
    if "000" in line or "111" in line:
        return "has three equal digits in a row"
    return None


def rule_violation(rows: list[str]) -> str | None:
    """The first broken rule, described for the model, or None."""
    size = len(rows)
    cols = ["".join(row[c] for row in rows) for c in range(size)]
    for kind, lines in (("row", rows), ("column", cols)):
        for i, line in enumerate(lines):
            problem = _line_problem(line, size // 2)
            if problem:
                return f"{kind} {i + 1} {problem}"
        first: dict[str, int] = {}
        for i, line in enumerate(lines):
            if line in first:
                return f"{kind}s {first[line] + 1} and {i + 1} are identical"
            first[line] = i
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    size = data["size"]
    if isinstance(answer, str) and "".join(answer.split()) == "".join(data["solution"]):
        return Verdict.right()  # the usual case, the stored solution as written in the reference
    rows = parse_answer(answer, size)
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    for r, (given, row) in enumerate(zip(data["puzzle"], rows, strict=True)):
        for c, clue in enumerate(given):
            if clue != "." and row[c] != clue:
                return Verdict.wrong(f"row {r + 1}, column {c + 1} must keep its given digit {clue}")
    problem = rule_violation(rows)
    return Verdict.wrong(problem) if problem else Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    rows = data["solution"]
    return [*grid_renderings(rows, reference), " ".join(rows), "\n".join(f"`{row}`" for row in rows)]


def _flip(rows: list[str], r: int, c: int) -> list[str]:
    row = rows[r]
    return rows[:r] + [row[:c] + ("1" if row[c] == "0" else "0") + row[c + 1:]] + rows[r + 1:]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, puzzle, size = data["solution"], data["puzzle"], data["size"]
    empty = [(r, c) for r in range(size) for c in range(size) if puzzle[r][c] == "."]
    given = next((r, c) for r in range(size) for c in range(size) if puzzle[r][c] != ".")
    inverted = ["".join("1" if ch == "0" else "0" for ch in row) for row in rows]
    misses = [
        "\n".join(puzzle),
        "\n".join(row.replace(".", "0") for row in puzzle),
        "\n".join(_flip(rows, *empty[0])),
        "\n".join(_flip(rows, *given)),
        "\n".join(["0" * size] * size),
        "\n".join(["01" * (size // 2)] * size),
        "\n".join(rows[:-1]),
        "\n".join(rows[1:] + rows[:1]),
        "\n".join(inverted),  # a valid grid that ignores every given
        f"{reference}\nor\n{reference}",
    ]
    # two empty cells of one row with different digits swapped: the row stays balanced
    for r in range(size):
        cols = [c for rr, c in empty if rr == r]
        pair = next(((a, b) for a in cols for b in cols if rows[r][a] != rows[r][b]), None)
        if pair:
            misses.append("\n".join(_flip(_flip(rows, r, pair[0]), r, pair[1])))
            break
    return misses
