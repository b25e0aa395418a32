"""Verifier for n_queens: n queens, the given ones kept, no two in a row, column or diagonal."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.cell_pairs import parse_cells
from bootcamps.types import Verdict

_QUEEN, _EMPTY = "Qq", ".·_-"
_BOARD_NOISE = str.maketrans("", "", " \t|,`")


def _format(size: int) -> str:
    return f"expected {size} lines of {size} characters (Q for a queen, . for empty) or (row, column) pairs"


def _board(text: str, size: int) -> list[tuple[int, int]] | None:
    """Queens (1-based) of a board of Q and . lines; None if the text is not such a board."""
    lines = [line.translate(_BOARD_NOISE) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) != size:
        return None
    queens = []
    for r, line in enumerate(lines, start=1):
        if len(line) != size:
            return None
        for c, ch in enumerate(line, start=1):
            if ch in _QUEEN:
                queens.append((r, c))
            elif ch not in _EMPTY:
                return None
    return queens


def parse_queens(answer: str, size: int) -> list[tuple[int, int]] | str:
    """The queens of an answer as 1-based (row, column) pairs, or the reason it cannot be read."""
    if not isinstance(answer, str) or len(answer) > 16 * size * size + 200:
        return f"the answer is too long; {_format(size)}"
    queens = _board(answer, size)
    if queens is None:
        queens = parse_cells(answer, max_cells=size * size)
    if not queens:
        return _format(size)
    return queens


def rule_violation(queens: list[tuple[int, int]], size: int, givens: list[list[int]]) -> str | None:
    """The first broken rule, described for the model, or None."""
    for r, c in queens:
        if not (1 <= r <= size and 1 <= c <= size):
            return f"({r}, {c}) is off the board; rows and columns are 1 to {size}"
    placed = set(queens)
    if len(placed) != len(queens):
        return "a square is listed more than once"
    for r, c in givens:
        if (r, c) not in placed:
            return f"the given queen at row {r}, column {c} must stay"
    if len(queens) != size:
        return f"expected {size} queens, found {len(queens)}"
    for name, key in (("row", lambda q: q[0]), ("column", lambda q: q[1]),
                      ("diagonal", lambda q: q[0] - q[1]), ("anti-diagonal", lambda q: q[0] + q[1])):
        seen: dict[int, tuple[int, int]] = {}
        for queen in queens:
            other = seen.setdefault(key(queen), queen)
            if other != queen:
                return f"the queens at {other} and {queen} share a {name}"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    size = data["size"]
    queens = parse_queens(answer, size)
    if isinstance(queens, str):
        return Verdict.unparsable(queens)
    problem = rule_violation(queens, size, data["givens"])
    return Verdict.wrong(problem) if problem else Verdict.right()


def completions(size: int, givens: list[list[int]], limit: int) -> list[list[int]]:
    """Up to ``limit`` full solutions (0-based column per row) that keep the givens."""
    fixed = {r - 1: c - 1 for r, c in givens}
    full, found = (1 << size) - 1, []

    def search(row: int, cols: list[int], used: int, diag: int, anti: int) -> None:
        if row == size:
            found.append(cols[:])
            return
        free = full & ~(used | diag | anti)
        if row in fixed:
            free &= 1 << fixed[row]
        while free and len(found) < limit:
            bit = free & -free
            free ^= bit
            cols.append(bit.bit_length() - 1)
            search(row + 1, cols, used | bit, (diag | bit) << 1 & full, (anti | bit) >> 1)
            cols.pop()

    search(0, [], 0, 0, 0)
    return found


def _board_text(size: int, cols: list[int], sep: str = "") -> str:
    return "\n".join(sep.join("Q" if c == col else "." for c in range(size)) for col in cols)


def _pairs_text(queens: list[tuple[int, int]]) -> str:
    return ", ".join(f"({r}, {c})" for r, c in queens)


def _cols(data: dict[str, Any]) -> list[int]:
    return [row.index("Q") for row in data["solution"]]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    size, cols = data["size"], _cols(data)
    queens = [(r + 1, c + 1) for r, c in enumerate(cols)]
    forms = [
        f"\n {reference} \n",
        _board_text(size, cols, " "),
        reference.replace("Q", "q"),
        _pairs_text(queens),
        _pairs_text(queens[::-1]),
        "[" + ", ".join(f"[{r}, {c}]" for r, c in queens) + "]",
        "\n".join(f"{r} {c}" for r, c in queens),
        " ".join(f"R{r}C{c}" for r, c in queens),
    ]
    others = [other for other in completions(size, data["givens"], 4) if other != cols]
    if others:  # another valid completion: accepted as well
        forms.append(_board_text(size, others[0]))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    size, cols, givens = data["size"], _cols(data), data["givens"]
    queens = [(r + 1, c + 1) for r, c in enumerate(cols)]
    given_rows = {r - 1 for r, _ in givens}
    free_row = next(r for r in range(size) if r not in given_rows)
    moved = cols[:]
    moved[free_row] = (cols[free_row] + 1) % size  # one queen shifted by a square
    swapped = cols[:]
    a, b = (free_row, (free_row + 1) % size)
    swapped[a], swapped[b] = cols[b], cols[a]  # two rows exchanged: a diagonal or a given breaks
    fixed = {r - 1: c - 1 for r, c in givens}
    clue_board = "\n".join("".join("Q" if fixed.get(r) == c else "." for c in range(size)) for r in range(size))
    (r0, c0), rest = givens[0], givens[1:]
    unrelated = next((found[0] for c in range(1, size + 1) if c != c0
                      for found in [completions(size, [[r0, c], *rest], 1)] if found), None)
    misses = [
        clue_board,  # the givens copied back
        _board_text(size, moved),
        _board_text(size, swapped),
        _board_text(size, list(range(size))),  # the main diagonal
        "\n".join("Q" * size for _ in range(size)),
        "\n".join(reference.splitlines()[:-1]),
        _pairs_text(queens[:-1]),
        _pairs_text([*queens, queens[0]]),
        _pairs_text([(r - 1, c - 1) for r, c in queens]),  # 0-based
        _pairs_text([(c, r) for r, c in queens]) if any(cols[cols[r]] != r for r in range(size)) else "",
        f"{reference}\nor\n{_board_text(size, moved)}",
    ]
    if unrelated:
        misses.append(_board_text(size, unrelated))  # a valid solution that moves a given
    # a shifted or swapped queen can land on another valid completion: keep only real misses
    return [miss for miss in misses if miss and not verify(data, miss).correct]
