"""Verifier for lights_out: the listed presses, simulated on the board, switch every light off."""

from __future__ import annotations

from functools import cache
from typing import Any

from bootcamps.answers.cell_pairs import parse_cells
from bootcamps.types import Verdict

_FORMAT = "expected the cells to press as 1-based (row, column) pairs, e.g. (1, 2), (3, 3)"


@cache
def _masks(size: int, torus: bool) -> tuple[int, ...]:
    masks = []
    for r in range(size):
        for c in range(size):
            mask = 1 << (r * size + c)
            for rr, cc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if torus:
                    rr, cc = rr % size, cc % size
                elif not (0 <= rr < size and 0 <= cc < size):
                    continue
                mask |= 1 << (rr * size + cc)
            masks.append(mask)
    return tuple(masks)


def _board(data: dict[str, Any]) -> int:
    size = data["size"]
    return sum(1 << (r * size + c) for r, row in enumerate(data["board"]) for c, ch in enumerate(row) if ch == "1")


def remaining(data: dict[str, Any], cells: list[tuple[int, int]]) -> int | str:
    """The board (bitmask) left after pressing the 1-based cells, or why the presses are invalid."""
    size = data["size"]
    masks = _masks(size, data["torus"])
    board, pressed = _board(data), 0
    for r, c in cells:
        if not (1 <= r <= size and 1 <= c <= size):
            return f"({r}, {c}) is off the board; rows and columns are 1 to {size}"
        cell = (r - 1) * size + c - 1
        if pressed >> cell & 1:
            return f"({r}, {c}) is listed more than once; list each cell to press once"
        pressed |= 1 << cell
        board ^= masks[cell]
    return board


def verify(data: dict[str, Any], answer: str) -> Verdict:
    size = data["size"]
    if not isinstance(answer, str) or len(answer) > 24 * size * size + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    cells = parse_cells(answer, max_cells=size * size)
    if cells is None:
        return Verdict.unparsable(_FORMAT)
    board = remaining(data, cells)
    if isinstance(board, str):
        return Verdict.wrong(board)
    if board:
        return Verdict.wrong(f"{board.bit_count()} light(s) are still on after these presses")
    return Verdict.right()


def _null_vector(size: int, torus: bool) -> int:
    """A nonzero set of presses (cell bitmask) that changes nothing, or 0 when there is none."""
    masks = _masks(size, torus)
    # Gaussian elimination over GF(2); every row remembers which presses it combines
    rows = [(mask, 1 << cell) for cell, mask in enumerate(masks)]
    pivots: list[tuple[int, int]] = []
    for mask, combo in rows:
        for pivot_mask, pivot_combo in pivots:
            if mask & (pivot_mask & -pivot_mask):
                mask ^= pivot_mask
                combo ^= pivot_combo
        if not mask:
            return combo
        low = mask & -mask
        pivots = [(pm ^ mask, pc ^ combo) if pm & low else (pm, pc) for pm, pc in pivots]
        pivots.append((mask, combo))
    return 0


def _cells(data: dict[str, Any]) -> list[tuple[int, int]]:
    return [(r, c) for r, c in data["presses"]]


def _render(cells: list[tuple[int, int]]) -> str:
    return ", ".join(f"({r}, {c})" for r, c in cells)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    cells, size = _cells(data), data["size"]
    forms = [
        _render(cells[::-1]),
        "[" + ", ".join(f"[{r}, {c}]" for r, c in cells) + "]",
        "\n".join(f"{r} {c}" for r, c in cells),
        " ".join(f"r{r}c{c}" for r, c in cells),
        f"[{reference}]",
        "; ".join(f"({r},{c})" for r, c in cells),
    ]
    null = _null_vector(size, data["torus"])
    if null:  # another solution: the reference combined with presses that change nothing
        chosen = sum(1 << ((r - 1) * size + c - 1) for r, c in cells) ^ null
        if chosen:
            forms.append(_render([(cell // size + 1, cell % size + 1) for cell in range(size * size)
                                  if chosen >> cell & 1]))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    cells, size = _cells(data), data["size"]
    lit = [(r + 1, c + 1) for r, row in enumerate(data["board"]) for c, ch in enumerate(row) if ch == "1"]
    extra = next((r, c) for r in range(1, size + 1) for c in range(1, size + 1) if (r, c) not in cells)
    r0, c0 = cells[0]
    misses = [
        _render(cells[:-1]),  # one press missing
        _render([*cells, extra]),  # one press too many
        _render([*cells, cells[0]]),  # a press repeated
        _render([(r - 1, c - 1) for r, c in cells]),  # 0-based
        _render([(c, r) for r, c in cells]),  # row and column swapped
        _render([(r0, c0 % size + 1), *cells[1:]]),  # one press moved a column
        _render(lit),  # the lit cells copied back
        _render([(r, c) for r in range(1, size + 1) for c in range(1, size + 1)]),  # every cell
        "\n".join(data["board"]),
        f"{reference} or {_render(cells[:-1])}",
    ]
    # some of these can clear the board by chance (boards with several solutions): drop those
    return [miss for miss in misses if not verify(data, miss).correct]
