"""Nonogram: fill a black/white grid from its row and column run clues; the solution is unique.

Description:
    A hidden picture is drawn cell by cell (each cell filled with probability `density`); its
    row and column clues are the lengths of its runs of filled cells. An exact solver proves
    that no other grid meets the clues: line solving (each row and column keeps the run
    placements, as bitmasks, that agree with the cells known so far; cells filled in every
    placement become filled, cells empty in every one become empty; repeated to a fixpoint)
    and, where line solving stalls, branching over the placements of the row with the fewest,
    counting solutions up to two. A picture whose clues allow a second grid is thrown away and
    a new one drawn (bounded attempts). With `line_solvable`, the picture must also be solved by
    line solving alone, so it needs no guessing. Pictures with an empty or full row or column
    everywhere (all cells equal) are refused.
Difficulty:
    rows, cols: grid size, 5x5 at level 1 up to 15x15 at level 10.
    density: probability that a cell of the hidden picture is filled; values near 0.5 give
        more and shorter runs (harder), high values give long runs that line solving settles
        at once (easier). 0.65 at level 1 down to 0.5 at level 10.
    line_solvable: whether line-by-line deduction alone must solve the puzzle (true up to level
        7); when false the puzzle may need case analysis across lines (levels 8-10).
Prompt:
    "Solve this 10x10 nonogram. ... Row clues (top to bottom): Row 1: 3 1 ... Column clues (left
    to right): Column 1: 2 ..." then the answer format.
Answer format:
    The grid, one row per line, ``#`` for a filled cell and ``.`` for an empty one
    (``##..#``). Also accepted: ``1``/``0``, ``X``/``.``, ``■``/``□``, cells separated by spaces
    or commas, a list of lists, or all cells on one line in row-major order.
Verification:
    The grid is parsed and every row and column is checked against its clue; the first line
    whose runs differ is the reason. Since uniqueness was proved at generation, any grid that
    meets every clue is the solution. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 500
_MAX_NODES = 2_000  # search nodes per uniqueness proof; an instance over budget is redrawn
MIN_SIZE, MAX_SIZE = 2, 15


def runs(mask: int, length: int) -> list[int]:
    """Lengths of the runs of set bits of a line, bit 0 first; [0] for an empty line."""
    out, current = [], 0
    for i in range(length):
        if mask >> i & 1:
            current += 1
        elif current:
            out.append(current)
            current = 0
    if current:
        out.append(current)
    return out or [0]


@cache
def placements(length: int, clue: tuple[int, ...]) -> tuple[int, ...]:
    """Every line bitmask of ``length`` cells whose runs are ``clue``."""
    if clue == (0,):
        return (0,)
    out: list[int] = []

    def place(block: int, start: int, mask: int) -> None:
        if block == len(clue):
            out.append(mask)
            return
        size = clue[block]
        rest = sum(clue[block + 1:]) + len(clue) - block - 1
        for pos in range(start, length - size - rest + 1):
            place(block + 1, pos + size + 1, mask | ((1 << size) - 1) << pos)

    place(0, 0, 0)
    return tuple(out)


class Solver:
    """Line solving plus branching over the clues of one puzzle; counts solutions up to a limit."""

    def __init__(self, row_clues: list[list[int]], col_clues: list[list[int]]) -> None:
        self.rows, self.cols = len(row_clues), len(col_clues)
        self.row_full, self.col_full = (1 << self.cols) - 1, (1 << self.rows) - 1
        self.row_start = [list(placements(self.cols, tuple(c))) for c in row_clues]
        self.col_start = [list(placements(self.rows, tuple(c))) for c in col_clues]
        self.nodes = 0

    def initial(self) -> tuple[list[list[int]], list[list[int]], list[int], list[int], list[int], list[int]]:
        """The state before any deduction: all placements, no known cells."""
        return ([*self.row_start], [*self.col_start], [0] * self.rows, [0] * self.rows,
                [0] * self.cols, [0] * self.cols)

    def propagate(self, state: tuple, dirty_rows: set[int], dirty_cols: set[int]) -> bool:
        """Line solving to a fixpoint, in place; False on a contradiction."""
        row_cand, col_cand, rfill, rempty, cfill, cempty = state
        while dirty_rows or dirty_cols:
            if dirty_rows:
                r = dirty_rows.pop()
                fill, empty = rfill[r], rempty[r]
                cand = [p for p in row_cand[r] if p & fill == fill and not p & empty]
                if not cand:
                    return False
                row_cand[r] = cand
                both, either = self.row_full, 0
                for p in cand:
                    both &= p
                    either |= p
                new_fill, new_empty = both & ~fill, self.row_full & ~either & ~empty
                rfill[r] |= new_fill
                rempty[r] |= new_empty
                bit = 1 << r
                for c in _indices(new_fill):
                    cfill[c] |= bit
                    dirty_cols.add(c)
                for c in _indices(new_empty):
                    cempty[c] |= bit
                    dirty_cols.add(c)
            else:
                c = dirty_cols.pop()
                fill, empty = cfill[c], cempty[c]
                cand = [p for p in col_cand[c] if p & fill == fill and not p & empty]
                if not cand:
                    return False
                col_cand[c] = cand
                both, either = self.col_full, 0
                for p in cand:
                    both &= p
                    either |= p
                new_fill, new_empty = both & ~fill, self.col_full & ~either & ~empty
                cfill[c] |= new_fill
                cempty[c] |= new_empty
                bit = 1 << c
                for r in _indices(new_fill):
                    rfill[r] |= bit
                    dirty_rows.add(r)
                for r in _indices(new_empty):
                    rempty[r] |= bit
                    dirty_rows.add(r)
        return True

    def line_solve(self) -> list[int] | None:
        """The grid (row bitmasks) when line solving alone settles every cell, else None."""
        state = self.initial()
        if not self.propagate(state, set(range(self.rows)), set(range(self.cols))):
            return None
        _, _, rfill, rempty, _, _ = state
        if all(f | e == self.row_full for f, e in zip(rfill, rempty, strict=True)):
            return rfill
        return None

    def count(self, limit: int = 2) -> int | None:
        """Number of grids meeting the clues, up to ``limit``; None when the node budget runs out."""
        self.nodes = 0
        state = self.initial()
        if not self.propagate(state, set(range(self.rows)), set(range(self.cols))):
            return 0
        return self._search(state, limit)

    def _search(self, state: tuple, limit: int) -> int | None:
        self.nodes += 1
        if self.nodes > _MAX_NODES:
            return None
        row_cand = state[0]
        best, best_count = -1, 1 << 30
        for r, cand in enumerate(row_cand):
            if 1 < len(cand) < best_count:
                best, best_count = r, len(cand)
        if best < 0:
            return 1
        found = 0
        for p in row_cand[best]:
            row_cand_child, col_cand, rfill, rempty, cfill, cempty = (list(part) for part in state)
            row_cand_child[best] = [p]
            empty = self.row_full & ~p
            new_fill, new_empty = p & ~rfill[best], empty & ~rempty[best]
            rfill[best], rempty[best] = p, empty
            bit = 1 << best
            for c in _indices(new_fill):
                cfill[c] |= bit
            for c in _indices(new_empty):
                cempty[c] |= bit
            child = (row_cand_child, col_cand, rfill, rempty, cfill, cempty)
            if self.propagate(child, set(), set(_indices(new_fill | new_empty))):
                sub = self._search(child, limit - found)
                if sub is None:
                    return None
                found += sub
                if found >= limit:
                    break
        return found


def _indices(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def clues_of(grid: list[int], rows: int, cols: int) -> tuple[list[list[int]], list[list[int]]]:
    """Row clues and column clues of a grid given as row bitmasks (bit c = column c)."""
    row_clues = [runs(mask, cols) for mask in grid]
    col_masks = [sum((grid[r] >> c & 1) << r for r in range(rows)) for c in range(cols)]
    return row_clues, [runs(mask, rows) for mask in col_masks]


def rows_text(grid: list[int], cols: int) -> list[str]:
    return ["".join("#" if mask >> c & 1 else "." for c in range(cols)) for mask in grid]


def _question(rows: int, cols: int, row_clues: list[list[int]], col_clues: list[list[int]]) -> str:
    row_lines = "\n".join(f"Row {r + 1}: {' '.join(map(str, clue))}" for r, clue in enumerate(row_clues))
    col_lines = "\n".join(f"Column {c + 1}: {' '.join(map(str, clue))}" for c, clue in enumerate(col_clues))
    example = ("##." * cols)[:cols]
    return (
        f"Solve this nonogram: a grid of {rows} rows and {cols} columns where every cell is either "
        "filled or empty. Each clue lists, in order, the lengths of the runs of consecutive filled "
        "cells in that row (from left to right) or column (from top to bottom); runs are separated "
        "by at least one empty cell, and a clue of 0 means the line has no filled cell. "
        "The puzzle has exactly one solution.\n\n"
        f"Row clues (top to bottom):\n{row_lines}\n\n"
        f"Column clues (left to right):\n{col_lines}\n\n"
        f"Answer with the completed grid: {rows} lines, one per row from top to bottom, each with "
        f"{cols} characters, '#' for a filled cell and '.' for an empty cell (for example: {example})."
    )


def generate(rng: random.Random, *, rows: int, cols: int, density: float, line_solvable: bool) -> Problem:
    for name, value in (("rows", rows), ("cols", cols)):
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise InvalidParameterError(f"nonogram: expected {name} in [{MIN_SIZE}, {MAX_SIZE}], found {value!r}")
    if not 0.0 < density < 1.0:
        raise InvalidParameterError(f"nonogram: expected density strictly between 0 and 1, found {density!r}")
    full = (1 << cols) - 1
    for _ in range(_MAX_ATTEMPTS):
        grid = [sum(1 << c for c in range(cols) if rng.random() < density) for _ in range(rows)]
        if all(mask == 0 for mask in grid) or all(mask == full for mask in grid):
            continue
        row_clues, col_clues = clues_of(grid, rows, cols)
        solver = Solver(row_clues, col_clues)
        if line_solvable:
            if solver.line_solve() is None:
                continue
        elif solver.count(2) != 1:
            continue
        data = {"rows": rows, "cols": cols, "row_clues": row_clues, "col_clues": col_clues,
                "solution": rows_text(grid, cols)}
        return Problem(question=_question(rows, cols, row_clues, col_clues), data=data,
                       reference="\n".join(data["solution"]))
    raise GenerationError(
        f"nonogram: no {rows}x{cols} picture of density {density} with a unique solution"
        f"{' found by line solving' if line_solvable else ''} in {_MAX_ATTEMPTS} attempts"
    )
