"""Verifier for kakuro: a grid that keeps black cells and givens, with runs of distinct digits adding up to their clues."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.char_grid import parse_cell_grid
from bootcamps.types import Verdict

_BLACK = {"#", "X", "x", "*", "■", "█"}
_CELLS = frozenset("#123456789")


def _format(height: int, width: int) -> str:
    return (f"expected {height} lines of {width} cells, one line per row: '#' for a black cell "
            "and a digit 1-9 for a white cell")


def parse_answer(answer: str, height: int, width: int) -> list[str] | str:
    """The answer's rows as strings of '#' and digits (border included), or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > 12 * height * width + 200:
        return f"the answer is too long; {_format(height, width)}"
    packed = "".join(answer.split())
    if len(packed) == height * width and _CELLS.issuperset(packed):
        # the usual case, cells separated by spaces and newlines, read without regexes
        return [packed[r * width:(r + 1) * width] for r in range(height)]
    border = False
    grid = parse_cell_grid(answer, height, width)
    if grid is None:
        grid, border = parse_cell_grid(answer, height - 1, width - 1), True
    if grid is None:
        return _format(height, width)
    rows = []
    for row in grid:
        for cell in row:
            if cell not in _BLACK and (len(cell) != 1 or cell not in "123456789"):
                shown = cell if len(cell) <= 3 else cell[:3] + "..."
                return f"every cell must be '#' or a digit from 1 to 9; found {shown!r}"
        rows.append(("#" if border else "") + "".join("#" if cell in _BLACK else cell for cell in row))
    if border:
        rows.insert(0, "#" * width)
    return rows


def rule_violation(rows: list[str], data: dict[str, Any]) -> str | None:
    """The first broken rule, described for the model, or None."""
    for r, (given, row) in enumerate(zip(data["puzzle"], rows, strict=True)):
        for c, (clue, cell) in enumerate(zip(given, row, strict=True)):
            if clue == "#" and cell != "#":
                return f"row {r + 1}, column {c + 1} is a black cell and must be '#'"
            if clue != "#" and cell == "#":
                return f"row {r + 1}, column {c + 1} is a white cell and needs a digit"
            if clue not in "#." and cell != clue:
                return f"row {r + 1}, column {c + 1} must keep its given digit {clue}"
    for r, c, direction, length, total in data["runs"]:
        across = direction == "across"
        digits = [int(rows[r][c + k] if across else rows[r + k][c]) for k in range(length)]
        where = f"the across run in row {r + 1} from column {c + 1}" if across else \
            f"the down run in column {c + 1} from row {r + 1}"
        if len(set(digits)) != length:
            return f"{where} repeats a digit"
        if sum(digits) != total:
            return f"{where} adds up to {sum(digits)}, not {total}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = parse_answer(answer, data["rows"], data["cols"])
    if isinstance(rows, str):
        return Verdict.unparsable(rows)
    if rows == data["solution"]:
        return Verdict.right()  # the solution keeps every rule: no need to check again
    problem = rule_violation(rows, data)
    return Verdict.wrong(problem) if problem else Verdict.right()


def _text(rows: list[str], sep: str = " ", row_sep: str = "\n") -> str:
    return row_sep.join(sep.join(row) for row in rows)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    rows = data["solution"]
    inner = [row[1:] for row in rows[1:]]
    return [
        f"\n  {reference}  \n",
        _text(rows, ""),
        _text(rows, ", "),
        _text([row.replace("#", "X") for row in rows]),
        _text([row.replace("#", "*") for row in rows], " | "),
        _text(inner),
        _text(inner, ""),
        "[" + ", ".join("[" + ", ".join(f'"{ch}"' for ch in row) + "]" for row in rows) + "]",
        _text(rows, " ", "\n\n"),
    ]


def _white(rows: list[str]) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch != "#"]


def _set(rows: list[str], changes: dict[tuple[int, int], str]) -> list[str]:
    grid = [list(row) for row in rows]
    for (r, c), ch in changes.items():
        grid[r][c] = ch
    return ["".join(row) for row in grid]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    rows, puzzle = data["solution"], data["puzzle"]
    white = _white(rows)
    empty = [(r, c) for r, c in white if puzzle[r][c] == "."]
    misses = [_text(puzzle), _text([row.replace(".", "0") for row in puzzle]),
              _text(["".join("#" if ch == "#" else "1" for ch in row) for row in rows]),
              _text(rows[:-1]), f"{reference}\nor\n{reference}", _text(rows[1:] + rows[:1])]
    if empty:  # one cell changed
        r, c = empty[0]
        misses.append(_text(_set(rows, {(r, c): str(int(rows[r][c]) % 9 + 1)})))
    givens = [cell for cell in white if puzzle[cell[0]][cell[1]] != "."]
    if givens:  # a given digit changed
        r, c = givens[0]
        misses.append(_text(_set(rows, {(r, c): str(int(rows[r][c]) % 9 + 1)})))
    # two digits swapped inside an across run: its sum stays, the crossing down runs break
    r, c, _, _, _ = next(run for run in data["runs"] if run[2] == "across")
    misses.append(_text(_set(rows, {(r, c): rows[r][c + 1], (r, c + 1): rows[r][c]})))
    # a black cell filled with a digit
    r, c = next((r, c) for r in range(1, len(rows)) for c in range(1, len(rows[0])) if rows[r][c] == "#") \
        if any("#" in row[1:] for row in rows[1:]) else (0, 1)
    misses.append(_text(_set(rows, {(r, c): "5"})))
    return misses
