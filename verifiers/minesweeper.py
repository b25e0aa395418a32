"""Verifier for minesweeper: a set of hidden cells, as many as the mines, that fits every revealed number."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_PAIR = re.compile(r"[(\[]\s*(\d{1,4})\s*[,;]\s*(\d{1,4})\s*[)\]]")
_BARE = re.compile(r"\s*(\d{1,4})\s*(?:,|\s)\s*(\d{1,4})\s*")
_REST = re.compile(r"[\s,;\[\]{}]*")
_GRID_NOISE = re.compile(r"[\s,;|]+")
_FORMAT = "expected the mines as (row, column) pairs, e.g. (1, 3), (2, 5)"


def _grid(answer: str, rows: int, cols: int) -> set[tuple[int, int]] | str:
    """Mines of a whole board written with '*' on every mine."""
    lines = [packed for line in answer.splitlines() if (packed := _GRID_NOISE.sub("", line))]
    if len(lines) != rows or any(len(line) != cols for line in lines):
        return f"expected a board of {rows} lines of {cols} cells with '*' on every mine, or {_FORMAT[9:]}"
    return {(r + 1, c + 1) for r, line in enumerate(lines) for c, ch in enumerate(line) if ch == "*"}


def parse_answer(answer: str, rows: int, cols: int) -> set[tuple[int, int]] | str:
    """The marked cells as 1-based (row, column) pairs, or the reason the answer cannot be read."""
    if not isinstance(answer, str) or len(answer) > 16 * rows * cols + 200:
        return f"the answer is too long; {_FORMAT}"
    if "*" in answer:
        return _grid(answer, rows, cols)
    pairs = _PAIR.findall(answer)
    if pairs:
        if not _REST.fullmatch(_PAIR.sub(" ", answer)):
            return _FORMAT
    else:
        text = answer.strip()
        if len(text) >= 2 and text[0] + text[-1] in ("[]", "{}"):
            text = text[1:-1]
        items = [item for item in re.split(r"[;\n]", text) if item.strip()]
        matches = [_BARE.fullmatch(item) for item in items]
        if not matches or any(match is None for match in matches):
            return _FORMAT
        pairs = [match.groups() for match in matches if match]
    return {(int(r), int(c)) for r, c in pairs}


def _neighbours(r: int, c: int, rows: int, cols: int) -> list[tuple[int, int]]:
    return [(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
            if (dr or dc) and 1 <= r + dr <= rows and 1 <= c + dc <= cols]


def violation(marked: set[tuple[int, int]], data: dict[str, Any]) -> str | None:
    """The first reason the marked cells cannot be the mines, described for the model, or None."""
    rows, cols, board = data["rows"], data["cols"], data["board"]
    for r, c in sorted(marked):
        if not (1 <= r <= rows and 1 <= c <= cols):
            return f"({r}, {c}) is outside the {rows}x{cols} board"
        if board[r - 1][c - 1] != "?":
            return f"({r}, {c}) is a revealed cell, so it is not a mine"
    if len(marked) != data["total"]:
        return f"you marked {len(marked)} cells but the board has {data['total']} mines"
    for r, line in enumerate(board, 1):
        for c, ch in enumerate(line, 1):
            if ch != "?":
                around = sum(cell in marked for cell in _neighbours(r, c, rows, cols))
                if around != int(ch):
                    return f"the number {ch} at ({r}, {c}) would have {around} neighbouring mines"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if isinstance(answer, str) and len(answer) < 4096 and "".join(answer.split()) == ",".join(
            f"({r},{c})" for r, c in data["mines"]):
        return Verdict.right()  # the usual case, the pairs in the order of the reference
    marked = parse_answer(answer, data["rows"], data["cols"])
    if isinstance(marked, str):
        return Verdict.unparsable(marked)
    if marked == {(r, c) for r, c in data["mines"]}:
        return Verdict.right()
    problem = violation(marked, data)
    return Verdict.wrong(problem) if problem else Verdict.right()


def _board_with_mines(data: dict[str, Any], mines: list[list[int]]) -> str:
    cells = {(r, c) for r, c in mines}
    return "\n".join(" ".join("*" if (r, c) in cells else ch for c, ch in enumerate(line, 1))
                     for r, line in enumerate(data["board"], 1))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    mines = data["mines"]
    return [
        f"  {reference}\n",
        ", ".join(f"({r}, {c})" for r, c in reversed(mines)),
        " ".join(f"({r},{c})" for r, c in mines),
        "\n".join(f"({r}, {c})" for r, c in mines),
        "[" + ", ".join(f"[{r}, {c}]" for r, c in mines) + "]",
        "{" + ", ".join(f"({r}, {c})" for r, c in mines) + "}",
        "\n".join(f"{r}, {c}" for r, c in mines),
        "; ".join(f"{r} {c}" for r, c in mines),
        ", ".join(f"({r}, {c})" for r, c in mines + mines[:1]),  # a repeated pair is still the same set
        _board_with_mines(data, mines),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    mines, board, rows, cols = data["mines"], data["board"], data["rows"], data["cols"]
    hidden = [[r, c] for r in range(1, rows + 1) for c in range(1, cols + 1) if board[r - 1][c - 1] == "?"]
    safe_hidden = [cell for cell in hidden if cell not in mines]
    revealed = next([r, c] for r in range(1, rows + 1) for c in range(1, cols + 1) if board[r - 1][c - 1] != "?")

    def pairs(cells: list[list[int]]) -> str:
        return ", ".join(f"({r}, {c})" for r, c in cells)

    misses = [
        pairs(mines[:-1]),  # one mine missing
        pairs(mines + safe_hidden[:1]),  # one safe cell added
        pairs(mines[:-1] + safe_hidden[:1]),  # one mine moved to a safe hidden cell
        pairs(mines[:-1] + [revealed]),  # one mine moved onto a revealed cell
        pairs(hidden),  # every hidden cell
        pairs([[r - 1, c - 1] for r, c in mines]),  # 0-based
        pairs(mines[:-1] + [[rows + 1, 1]]),
        f"{reference} or {pairs(mines[:-1] + safe_hidden[:1])}",
        ", ".join(f"{r}, {c}" for r, c in mines),  # a flat list of numbers
        "\n".join(board),  # the board copied back
        _board_with_mines(data, hidden),
    ]
    swapped = [[c, r] for r, c in mines]
    if sorted(swapped) != sorted(mines):
        misses.append(pairs(swapped))  # rows and columns swapped
    return misses
