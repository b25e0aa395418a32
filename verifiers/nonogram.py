"""Verifier for nonogram: a filled/empty grid whose every row and column matches its run clue."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

FILLED = frozenset("#1Xx■█⬛*")
EMPTY = frozenset(".0□·⬜")
_CELL = {**{ch: "#" for ch in FILLED}, **{ch: "." for ch in EMPTY}}
_NOISE = re.compile(r"[\s,;|\[\](){}'\"`]+")
_MAX_CHARS_PER_CELL = 12


def _format(rows: int, cols: int) -> str:
    return f"expected {rows} lines of {cols} cells, '#' for filled and '.' for empty, one line per row"


def parse_answer(answer: str, rows: int, cols: int) -> list[str] | str:
    """The answer's rows as strings of '#' and '.', or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS_PER_CELL * rows * cols + 200:
        return f"the answer is too long; {_format(rows, cols)}"
    lines = [packed for line in answer.splitlines() if (packed := _NOISE.sub("", line))]
    if len(lines) != rows or any(len(line) != cols for line in lines):
        joined = "".join(lines)
        if len(joined) != rows * cols:
            return _format(rows, cols)
        lines = [joined[r * cols:(r + 1) * cols] for r in range(rows)]
    out = []
    for line in lines:
        row = "".join(_CELL.get(ch, "?") for ch in line)
        if "?" in row:
            bad = line[row.index("?")]
            return f"every cell must be '#' (filled) or '.' (empty); found {bad!r}"
        out.append(row)
    return out


def runs(line: str) -> list[int]:
    """Run lengths of '#' in a line of '#' and '.', [0] for an empty line."""
    return [len(part) for part in line.split(".") if part] or [0]


def clue_violation(grid: list[str], row_clues: list[list[int]], col_clues: list[list[int]]) -> str | None:
    """The first row or column whose runs differ from its clue, described for the model, or None."""
    for r, (row, clue) in enumerate(zip(grid, row_clues, strict=True)):
        found = runs(row)
        if found != clue:
            return f"row {r + 1} has runs {' '.join(map(str, found))} but its clue is {' '.join(map(str, clue))}"
    for c, clue in enumerate(col_clues):
        found = runs("".join(row[c] for row in grid))
        if found != clue:
            return f"column {c + 1} has runs {' '.join(map(str, found))} but its clue is {' '.join(map(str, clue))}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows, cols = data["rows"], data["cols"]
    if isinstance(answer, str) and "".join(answer.split()) == "".join(data["solution"]):
        return Verdict.right()  # the usual case, the stored solution as written in the reference
    grid = parse_answer(answer, rows, cols)
    if isinstance(grid, str):
        return Verdict.unparsable(grid)
    problem = clue_violation(grid, data["row_clues"], data["col_clues"])
    return Verdict.wrong(problem) if problem else Verdict.right()


def _render(rows: list[str], filled: str, empty: str, sep: str = "") -> str:
    return "\n".join(sep.join(filled if ch == "#" else empty for ch in row) for row in rows)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    rows = data["solution"]
    return [
        f"\n  {reference}  \n",
        _render(rows, "1", "0"),
        _render(rows, "1", "0", " "),
        _render(rows, "X", "."),
        _render(rows, "#", ".", " "),
        _render(rows, "■", "□"),
        "".join(rows),
        "[" + ", ".join("[" + ", ".join("1" if ch == "#" else "0" for ch in row) + "]" for row in rows) + "]",
        "\n\n".join(rows),
        "\n".join(f"`{row}`" for row in rows),
    ]


def _flip(rows: list[str], r: int, c: int) -> list[str]:
    row = rows[r]
    return rows[:r] + [row[:c] + ("." if row[c] == "#" else "#") + row[c + 1:]] + rows[r + 1:]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, n_rows, n_cols = data["solution"], data["rows"], data["cols"]
    filled = next((r, c) for r in range(n_rows) for c in range(n_cols) if rows[r][c] == "#")
    empty = next((r, c) for r in range(n_rows) for c in range(n_cols) if rows[r][c] == ".")
    misses = [
        "\n".join(_flip(rows, *filled)),
        "\n".join(_flip(rows, *empty)),
        "\n".join(["#" * n_cols] * n_rows),
        "\n".join(["." * n_cols] * n_rows),
        "\n".join(rows[:-1]),
        "\n".join(rows[1:] + rows[:1]),
        "\n".join(row[::-1] for row in rows),
        f"{reference}\nor\n{reference}",
        "\n".join(" ".join(map(str, clue)) for clue in data["row_clues"]),
        reference.replace("#", "?"),
    ]
    if n_rows == n_cols:
        misses.append("\n".join("".join(row[c] for row in rows) for c in range(n_cols)))
    # a filled cell moved one step along its row: the row keeps its count, a column breaks
    r, c = filled
    target = c + 1 if c + 1 < n_cols and rows[r][c + 1] == "." else c - 1
    if 0 <= target < n_cols and rows[r][target] == ".":
        misses.append("\n".join(_flip(_flip(rows, r, c), r, target)))
    return misses
