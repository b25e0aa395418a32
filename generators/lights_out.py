"""Lights Out: find presses that switch off every light of an n x n board.

Description:
    Pressing a cell toggles it and its orthogonal neighbours (on the torus variant, neighbours
    wrap around the edges). The board is made by pressing `presses` distinct random cells of a
    dark board, so it is solvable by construction (those presses are the reference; the board is
    never dark already). Boards of some sizes (4x4, 5x5, 9x9, ...) have several solutions: any
    press set that clears the board is accepted.
Difficulty:
    size: the board side (3 at level 1, 9 at level 10).
    presses: how many distinct presses build the board (2 at level 1, 30 at level 10); more
        presses give a busier board with no local pattern to undo.
    torus: whether neighbours wrap around the edges (levels 8 and 10), which defeats the usual
        "chase the lights down" routine.
Prompt:
    "This is a 5x5 Lights Out board. 1 is a light that is on, 0 a light that is off. Pressing a
    cell toggles that cell and the cells directly above, below, left and right of it ... Find a
    set of cells to press that switches every light off." then the board, one row per line.
Answer format:
    The cells to press as 1-based (row, column) pairs in any order, e.g. ``(1, 2), (3, 3)``
    (``[[1, 2], [3, 3]]``, ``r1c2 r3c3`` and one ``row column`` pair per line are read too).
    Each cell at most once: pressing a cell twice does nothing, so a repeated cell is refused as
    a malformed answer rather than silently cancelled.
Verification:
    The presses are simulated on the board with bitmasks: every cell must be on the board and
    listed once, and after all presses every light must be off. Any such press set is accepted.
    No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIZE, MAX_SIZE = 3, 9
_MAX_ATTEMPTS = 50


@cache
def press_masks(size: int, torus: bool) -> tuple[int, ...]:
    """For every cell (row-major), the bitmask of the lights that pressing it toggles."""
    masks = []
    for r in range(size):
        for c in range(size):
            mask = 1 << (r * size + c)
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if torus:
                    rr, cc = rr % size, cc % size
                elif not (0 <= rr < size and 0 <= cc < size):
                    continue
                mask |= 1 << (rr * size + cc)
            masks.append(mask)
    return tuple(masks)


def board_rows(board: int, size: int) -> list[str]:
    """Rows of 1 (on) and 0 (off)."""
    return ["".join("1" if board >> (r * size + c) & 1 else "0" for c in range(size)) for r in range(size)]


def _question(rows: list[str], size: int, torus: bool) -> str:
    wrap = (" The board wraps around: the cells of the top row are neighbours of the cells of the "
            "bottom row in the same column, and the leftmost cells are neighbours of the rightmost "
            "cells in the same row, so every press toggles exactly five lights.") if torus else \
        " A cell on the edge has fewer neighbours (there is no wrap-around)."
    return (
        f"This is a {size}x{size} Lights Out board: 1 is a light that is on, 0 a light that is off. "
        "Pressing a cell toggles it and the cells directly above, below, to the left and to the "
        f"right of it (on becomes off, off becomes on).{wrap} Rows are numbered 1 to {size} from top "
        f"to bottom and columns 1 to {size} from left to right.\n\n" + "\n".join(rows) + "\n\n"
        "Find a set of cells to press that switches every light off. Answer with the cells to press "
        "as 1-based (row, column) pairs in any order, written (row, column), (row, column), ... "
        "with numbers in place of the words. List each cell "
        "at most once (pressing a cell twice does nothing). Any set of presses that leaves every "
        "light off is accepted."
    )


def generate(rng: random.Random, *, size: int, presses: int, torus: bool) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"lights_out: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not 1 <= presses <= size * size:
        raise InvalidParameterError(
            f"lights_out: expected presses between 1 and {size * size} for size {size}, found {presses}")
    masks = press_masks(size, torus)
    for _ in range(_MAX_ATTEMPTS):
        cells = sorted(rng.sample(range(size * size), presses))
        board = 0
        for cell in cells:
            board ^= masks[cell]
        if not board:
            continue  # the presses cancel out (a singular board size): nothing to solve
        rows = board_rows(board, size)
        pairs = [[cell // size + 1, cell % size + 1] for cell in cells]
        data = {"size": size, "torus": torus, "board": rows, "presses": pairs}
        reference = ", ".join(f"({r}, {c})" for r, c in pairs)
        return Problem(question=_question(rows, size, torus), data=data, reference=reference)
    raise GenerationError(f"lights_out: every press set cancelled out in {_MAX_ATTEMPTS} attempts")
