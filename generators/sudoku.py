"""Sudoku: complete a 4x4, 6x6 or 9x9 sudoku grid that has exactly one solution.

Description:
    A random full grid is made by a randomised backtracking fill (cells in row-major order, each
    given a random digit its row, column and box allow; dead ends backtrack), then clues are dug
    out in a random order until the wanted clue count is left. A cell is removed only while the
    puzzle keeps a unique solution: when the removed cell is a naked or hidden single of the
    remaining clues this holds trivially; otherwise an exact solver (bitmask candidates, naked
    and hidden singles propagation, fewest-candidates branching) must prove that no solution
    puts another digit in that cell. A dig that gets stuck above the clue
    count restarts on a fresh grid (bounded attempts).
Difficulty:
    size: 4 (2x2 boxes) at levels 1-2, 6 (boxes of 2 rows x 3 columns) at levels 3-4, 9 (3x3
        boxes) from level 5 on.
    clues: number of given digits; fewer clues means more deduction. 10 and 6 of 16 cells at
        levels 1-2, 18 and 12 of 36 at levels 3-4, 36 of 81 at level 5 (45 empty cells) down to
        24 at level 10 (near-minimal puzzles). At least 4, 9 and 22 clues for sizes 4, 6 and 9:
        a random-order dig rarely gets lower, so fewer is refused as a knob value.
Prompt:
    "Solve this 9x9 sudoku. Fill every empty cell with a digit from 1 to 9 so that each row,
    each column and each 3x3 box contains every digit from 1 to 9 exactly once. ... Empty cells
    are shown as '.'; the '|' and '-' lines only mark the box borders. ... The puzzle has exactly
    one solution." then the grid (rows of digits and dots with box borders), then the answer
    format. For size 6 the boxes are described as "2 rows x 3 columns".
Answer format:
    The completed grid, one row per line, digits separated by spaces (``5 3 4 6 7 8 9 1 2``).
    Digits written together (``534678912``), commas, and box separator lines (``------+------``,
    ``|``), a list of lists, or all the cells on one line in row-major order are accepted too.
Verification:
    The grid is parsed with the shared grid parser; every cell must be a digit 1..size, every
    given clue must be kept, and every row, column and box must hold each digit exactly once.
    The rules are checked, not a string: an answer equal to the stored solution is accepted at
    once (it keeps the clues and the rules), any other grid is checked cell by cell, and the
    first broken clue or repeated digit is the reason. Since uniqueness was proved at
    generation, a rule-abiding grid is the solution. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.digit_sets import bits, place_hidden_singles
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

BOX_SHAPES = {4: (2, 2), 6: (2, 3), 9: (3, 3)}
# the fewest clues that a random-order dig reaches often enough to be worth asking for
MIN_CLUES = {4: 4, 6: 9, 9: 22}
_MAX_ATTEMPTS = 400
_MAX_FILL_STEPS = 1_000_000
_POPCOUNT = [bin(mask).count("1") for mask in range(1 << 9)]


class Geometry:
    """Index tables of one grid size: units, peers, row/column/box of every cell."""

    def __init__(self, size: int) -> None:
        box_rows, box_cols = BOX_SHAPES[size]
        self.size, self.box_rows, self.box_cols = size, box_rows, box_cols
        self.cells = size * size
        self.full = (1 << size) - 1
        self.row = [cell // size for cell in range(self.cells)]
        self.col = [cell % size for cell in range(self.cells)]
        self.box = [(r // box_rows) * box_rows + c // box_cols for r, c in zip(self.row, self.col, strict=True)]
        rows = [[r * size + c for c in range(size)] for r in range(size)]
        cols = [[r * size + c for r in range(size)] for c in range(size)]
        boxes = [[cell for cell in range(self.cells) if self.box[cell] == b] for b in range(size)]
        self.units = [tuple(unit) for unit in rows + cols + boxes]
        self.units_of = [(tuple(rows[self.row[cell]]), tuple(cols[self.col[cell]]), tuple(boxes[self.box[cell]]))
                         for cell in range(self.cells)]
        self.unit_ids = [(self.row[cell], size + self.col[cell], 2 * size + self.box[cell])
                         for cell in range(self.cells)]
        self.peers = [tuple(sorted({p for unit in self.units_of[cell] for p in unit} - {cell}))
                      for cell in range(self.cells)]


@cache
def geometry(size: int) -> Geometry:
    return Geometry(size)


def _propagate(cand: list[int], stack: list[int], dirty: set[int], geo: Geometry) -> bool:
    """Naked and hidden singles to a fixpoint, in place; False on a contradiction.

    ``stack`` holds the cells that became single and whose digit is not yet removed from their
    peers; ``dirty`` the units where a candidate was removed since they were last searched for
    hidden singles (only those can hold a new one).
    """
    peers, units, unit_ids, full = geo.peers, geo.units, geo.unit_ids, geo.full
    while True:
        while stack:
            cell = stack.pop()
            bit = cand[cell]
            for peer in peers[cell]:
                mask = cand[peer]
                if mask & bit:
                    mask ^= bit
                    if not mask:
                        return False
                    cand[peer] = mask
                    dirty.update(unit_ids[peer])
                    if not mask & (mask - 1):
                        stack.append(peer)
        if not dirty:
            return True
        todo, dirty = dirty, set()
        for index in todo:
            narrowed = place_hidden_singles(units[index], cand, full)
            if narrowed is None:
                return False
            for cell in narrowed:
                dirty.update(unit_ids[cell])
                stack.append(cell)


def _branch_cell(cand: list[int]) -> int:
    """The unsolved cell with the fewest candidates, or -1 when every cell is solved."""
    best, best_count = -1, 99
    for cell, mask in enumerate(cand):
        if mask & (mask - 1):
            count = _POPCOUNT[mask]
            if count < best_count:
                best, best_count = cell, count
                if count == 2:
                    break
    return best


def count_solutions(cand: list[int], stack: list[int], dirty: set[int], geo: Geometry, limit: int = 2) -> int:
    """Number of solutions (up to ``limit``) of a candidate grid; ``cand`` is consumed.

    ``stack`` and ``dirty`` are as for ``_propagate``: the fresh singles and the units to search
    for hidden singles (all of them for a new grid).
    """
    if not _propagate(cand, stack, dirty, geo):
        return 0
    cell = _branch_cell(cand)
    if cell < 0:
        return 1
    found = 0
    for bit in bits(cand[cell]):
        child = cand[:]
        child[cell] = bit
        found += count_solutions(child, [cell], set(geo.unit_ids[cell]), geo, limit - found)
        if found >= limit:
            break
    return found


def random_grid(geo: Geometry, rng: random.Random) -> list[int]:
    """A random full grid as digits 1..size in row-major order (randomised backtracking fill).

    Cells are filled in row-major order with a random untried digit allowed by the row, column
    and box; a dead end backtracks to the previous cell. This is fast on average (the rows are
    mostly free permutations) and can reach every grid.
    """
    size, full, rows, cols, boxes = geo.size, geo.full, geo.row, geo.col, geo.box
    row_used, col_used, box_used = [0] * size, [0] * size, [0] * size
    grid = [0] * geo.cells
    untried = [-1] * geo.cells  # digit masks not yet tried per cell; -1 = not reached yet
    cell = steps = 0
    while cell < geo.cells:
        steps += 1
        if steps > _MAX_FILL_STEPS:
            raise GenerationError(f"sudoku: the random fill needed more than {_MAX_FILL_STEPS} steps")
        r, c, b = rows[cell], cols[cell], boxes[cell]
        options = untried[cell]
        if options < 0:
            options = full & ~(row_used[r] | col_used[c] | box_used[b])
        if options:
            choices = bits(options)
            bit = choices[int(rng.random() * len(choices))]
            untried[cell] = options ^ bit
            grid[cell] = bit
            row_used[r] |= bit
            col_used[c] |= bit
            box_used[b] |= bit
            cell += 1
            continue
        untried[cell] = -1
        cell -= 1
        bit = grid[cell]
        row_used[rows[cell]] ^= bit
        col_used[cols[cell]] ^= bit
        box_used[boxes[cell]] ^= bit
    return [bit.bit_length() for bit in grid]


def candidates(puzzle: list[int], geo: Geometry) -> tuple[list[int], list[int]]:
    """Candidate masks of a puzzle (0 = empty) from its clues, and the cells already single."""
    size = geo.size
    row_used, col_used, box_used = [0] * size, [0] * size, [0] * size
    for cell, digit in enumerate(puzzle):
        if digit:
            bit = 1 << (digit - 1)
            row_used[geo.row[cell]] |= bit
            col_used[geo.col[cell]] |= bit
            box_used[geo.box[cell]] |= bit
    return _candidates(puzzle, geo, row_used, col_used, box_used)


def _candidates(puzzle: list[int], geo: Geometry, row_used: list[int], col_used: list[int],
                box_used: list[int]) -> tuple[list[int], list[int]]:
    full, rows, cols, boxes = geo.full, geo.row, geo.col, geo.box
    cand, singles = [], []
    for cell, digit in enumerate(puzzle):
        if digit:
            cand.append(1 << (digit - 1))
        else:
            mask = full & ~(row_used[rows[cell]] | col_used[cols[cell]] | box_used[boxes[cell]])
            cand.append(mask)
            if not mask & (mask - 1):
                singles.append(cell)
    return cand, singles


def _is_hidden_single(puzzle: list[int], cell: int, bit: int, geo: Geometry, row_used: list[int],
                      col_used: list[int], box_used: list[int]) -> bool:
    """Whether, with ``cell`` empty, its digit fits no other empty cell of one of its units."""
    rows, cols, boxes = geo.row, geo.col, geo.box
    for unit in geo.units_of[cell]:
        for other in unit:
            if other != cell and not puzzle[other] and not (
                    (row_used[rows[other]] | col_used[cols[other]] | box_used[boxes[other]]) & bit):
                break
        else:
            return True
    return False


def dig(solution: list[int], clues: int, geo: Geometry, rng: random.Random) -> list[int] | None:
    """Remove cells in random order while the solution stays unique; None if stuck above ``clues``."""
    puzzle = solution[:]
    size, full, rows, cols, boxes = geo.size, geo.full, geo.row, geo.col, geo.box
    row_used, col_used, box_used = [full] * size, [full] * size, [full] * size
    order = list(range(geo.cells))
    rng.shuffle(order)
    left = geo.cells
    for cell in order:
        if left == clues:
            return puzzle
        bit = 1 << (solution[cell] - 1)
        r, c, b = rows[cell], cols[cell], boxes[cell]
        row_used[r] ^= bit
        col_used[c] ^= bit
        box_used[b] ^= bit
        puzzle[cell] = 0
        if (row_used[r] | col_used[c] | box_used[b]) | bit == full:
            left -= 1  # naked single: the other clues leave only this digit here
            continue
        if _is_hidden_single(puzzle, cell, bit, geo, row_used, col_used, box_used):
            left -= 1
            continue
        cand, singles = _candidates(puzzle, geo, row_used, col_used, box_used)
        cand[cell] &= ~bit
        if cand[cell] and not cand[cell] & (cand[cell] - 1):
            singles.append(cell)
        if not cand[cell] or count_solutions(cand, singles, set(range(len(geo.units))), geo, 1) == 0:
            left -= 1  # no solution puts another digit here: still unique
            continue
        puzzle[cell] = solution[cell]
        row_used[r] |= bit
        col_used[c] |= bit
        box_used[b] |= bit
    return puzzle if left == clues else None


def render(grid: list[int], geo: Geometry, blank: str = ".") -> str:
    """The grid with box separators: ``5 3 . | . 7 .`` rows and ``------+------`` lines."""
    size, box_rows, box_cols = geo.size, geo.box_rows, geo.box_cols
    lines = []
    for r in range(size):
        if r and r % box_rows == 0:
            lines.append("-+-".join("-" * (2 * box_cols - 1) for _ in range(size // box_cols)))
        cells = [str(d) if d else blank for d in grid[r * size:(r + 1) * size]]
        lines.append(" | ".join(" ".join(cells[c:c + box_cols]) for c in range(0, size, box_cols)))
    return "\n".join(lines)


def rows_text(grid: list[int], size: int) -> list[str]:
    """Rows as strings of digits, '.' for an empty cell."""
    return ["".join(str(d) if d else "." for d in grid[r * size:(r + 1) * size]) for r in range(size)]


def _question(puzzle: list[int], geo: Geometry) -> str:
    size, box_rows, box_cols = geo.size, geo.box_rows, geo.box_cols
    box = f"{box_rows}x{box_cols} box" if box_rows == box_cols else \
        f"box of {box_rows} rows x {box_cols} columns"
    example = " ".join(str(d) for d in range(1, size + 1))
    return (
        f"Solve this {size}x{size} sudoku. Fill every empty cell with a digit from 1 to {size} so that "
        f"each row, each column and each {box} contains every digit from 1 to {size} exactly once. "
        f"The grid is divided into {size} boxes of {box_rows} rows and {box_cols} columns each. "
        "Empty cells are shown as '.'; the '|' and '-' lines only mark the box borders. "
        "The given digits must stay where they are. The puzzle has exactly one solution.\n\n"
        f"{render(puzzle, geo)}\n\n"
        f"Answer with the completed grid: {size} lines, one per row from top to bottom, each with the "
        f"{size} digits of that row separated by spaces (for example: {example})."
    )


def generate(rng: random.Random, *, size: int, clues: int) -> Problem:
    if size not in BOX_SHAPES:
        raise InvalidParameterError(f"sudoku: expected size among {sorted(BOX_SHAPES)}, found {size!r}")
    if not MIN_CLUES[size] <= clues < size * size:
        raise InvalidParameterError(
            f"sudoku: expected clues between {MIN_CLUES[size]} and {size * size - 1} for size {size}, "
            f"found {clues}"
        )
    geo = geometry(size)
    for _ in range(_MAX_ATTEMPTS):
        solution = random_grid(geo, rng)
        puzzle = dig(solution, clues, geo, rng)
        if puzzle is None:
            continue
        data = {"size": size, "box_rows": geo.box_rows, "box_cols": geo.box_cols,
                "puzzle": rows_text(puzzle, size), "solution": rows_text(solution, size)}
        reference = "\n".join(" ".join(row) for row in data["solution"])
        return Problem(question=_question(puzzle, geo), data=data, reference=reference)
    raise GenerationError(f"sudoku: no {size}x{size} puzzle with {clues} clues in {_MAX_ATTEMPTS} attempts")
