"""Kakuro: fill the white cells of a grid with digits 1-9 so that every run adds up to its clue.

Description:
    The grid has a black border row on top and a black border column on the left (they hold
    clues) around ``rows`` x ``cols`` inner cells. Each inner cell is made black with
    probability ``black_density``, then white cells that would sit in a run of one cell (across
    or down) are made black until every white cell lies in an across run and a down run of at
    least two cells; layouts with too few white cells are drawn again. The white cells are
    filled by a randomised backtracking fill (row-major order, no digit twice in a run) whose
    digit draw favours the extreme digits 1, 2, 8 and 9: their sums have few digit
    combinations, so fewer givens are needed. Every run's sum becomes its clue.
    With sums alone a kakuro almost never has a unique solution, so the puzzle may include
    some given digits: an exact solver (bitmask candidates; for each run the precomputed digit
    sets of its length and sum that still fit the candidates, so each cell keeps only digits of
    a surviving set; solved digits leave the rest of the run; a digit with one place left in a
    run whose set is known goes there; fewest-candidates branching) looks for two solutions,
    and while it finds them one cell where they differ is revealed as a given digit. This
    always ends (with every cell given the solution is unique). Then givens are removed again in
    random order, each only if the solver proves that no solution puts another digit in its
    cell, so the puzzle stays unique (a solution met earlier that keeps the other givens shows
    that without a search). The prompt promises a unique solution, proved here. The solver
    filters a run's digit sets with tables per run length and sum (the sets meeting a mask,
    the sets inside a mask); propagation only narrows and reaches the same fixpoint in any
    order and from any start at or above it, so each search starts from the fixpoint of the
    puzzle without givens and its tree stays the same.
Difficulty:
    rows, cols: inner size of the grid (without the clue border): 4x4 at level 1 up to 9x9 at
        level 10; more cells and longer, more interlocked runs.
    black_density: share of inner cells made black at the start (before the one-cell-run
        cleanup); fewer black cells mean longer runs with more digit combinations.
    Givens are not a knob: as many as uniqueness needs, usually a few (more on bigger grids).
Prompt:
    "Solve this Kakuro puzzle. ..." with the rules, the notation ('#' black cell, 'a\\b' clue
    cell whose down run adds up to a and across run to b, '.' white cell to fill, a digit for a
    given white cell), the grid as fixed-width cells, the list of runs with their sums (for
    example "Across run in row 2, columns 2-4: sum 12"), and the answer format. The puzzle has
    exactly one solution.
Answer format:
    The whole grid including the border, one row per line, cells separated by spaces: '#' for
    every black cell (clue cells included) and the digit for every white cell (``# 9 7 # 1 3``).
    'X', 'x', '*', '■' and '█' are read as '#', digits may be written together, commas and
    brackets are ignored, and the grid may leave out its top row and left column (always black).
Verification:
    Each black cell must be black and each white cell a digit 1-9, the given digits must be
    kept, and every run must have distinct digits adding up to its clue. Rules are checked, not
    a string; since uniqueness was proved, a rule-abiding grid is the solution. The first broken
    rule is the reason. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIDE, MAX_SIDE = 2, 9
MAX_DENSITY = 0.5
ALL = 0x1FF
_MAX_ATTEMPTS = 60
_MAX_FILL_STEPS = 50_000
_SEARCH_BUDGET = 800  # solver nodes per uniqueness search; over it nothing is proved
_MIN_WHITE_SHARE = 0.45
_POPCOUNT = [bin(mask).count("1") for mask in range(1 << 9)]
_DIGIT_SUM = [sum(d + 1 for d in range(9) if mask >> d & 1) for mask in range(1 << 9)]
# draw weights of digits 1-9 in the fill: extreme digits make sums with few combinations
_WEIGHTS = (6, 4, 2, 1, 1, 1, 2, 4, 6)

Cell = tuple[int, int]


@cache
def combos(length: int, total: int) -> tuple[int, ...]:
    """Digit sets (9-bit masks) of ``length`` distinct digits 1-9 adding up to ``total``."""
    return tuple(mask for mask in range(1 << 9) if _POPCOUNT[mask] == length and _DIGIT_SUM[mask] == total)


def clean_runs(white: list[list[bool]]) -> None:
    """Blacken white cells in one-cell runs (across or down) until there are none, in place."""
    height, width = len(white), len(white[0])
    changed = True
    while changed:
        changed = False
        for r in range(1, height):
            for c in range(1, width):
                if not white[r][c]:
                    continue
                across = white[r][c - 1] or (c + 1 < width and white[r][c + 1])
                down = white[r - 1][c] or (r + 1 < height and white[r + 1][c])
                if not (across and down):
                    white[r][c] = False
                    changed = True


def runs_of(white: list[list[bool]]) -> list[list[Cell]]:
    """Maximal runs of white cells, across runs first (row-major), each as its cells in order."""
    height, width = len(white), len(white[0])
    runs = []
    for across in (True, False):
        outer, inner = (height, width) if across else (width, height)
        for a in range(outer):
            run: list[Cell] = []
            for b in range(inner + 1):
                r, c = (a, b) if across else (b, a)
                if b < inner and white[r][c]:
                    run.append((r, c))
                    continue
                if len(run) >= 2:
                    runs.append(run)
                run = []
    return runs


def _weighted_order(options: int, rng: random.Random) -> list[int]:
    """The digit bits of ``options`` in a random order drawn with the fill weights."""
    bits = [(1 << d, _WEIGHTS[d]) for d in range(9) if options >> d & 1]
    order = []
    while bits:
        pick = rng.random() * sum(w for _, w in bits)
        for k, (bit, weight) in enumerate(bits):
            pick -= weight
            if pick < 0 or k == len(bits) - 1:
                order.append(bit)
                del bits[k]
                break
    return order


def fill(cells: list[Cell], run_pairs: list[tuple[int, int]], run_count: int,
         rng: random.Random) -> list[int] | None:
    """Digits 1-9 for ``cells`` with no digit twice in a run; None if the fill takes too long."""
    used = [0] * run_count
    digit = [0] * len(cells)
    todo: list[list[int] | None] = [None] * len(cells)  # untried digit bits per cell, in draw order
    i = steps = 0
    while i < len(cells):
        steps += 1
        if steps > _MAX_FILL_STEPS:
            return None
        one, two = run_pairs[i]
        if todo[i] is None:
            todo[i] = _weighted_order(ALL & ~(used[one] | used[two]), rng)
        options = todo[i]
        if options:
            bit = options.pop(0)
            digit[i] = bit
            used[one] |= bit
            used[two] |= bit
            i += 1
            continue
        todo[i] = None
        i -= 1
        if i < 0:
            return None
        one, two = run_pairs[i]
        used[one] ^= digit[i]
        used[two] ^= digit[i]
    return [bit.bit_length() for bit in digit]


class RunType:
    """Tables over the digit sets of one run length and sum, for propagation by bit operations.

    Digit sets are numbered as in ``combos``; a bitset over those numbers picks some of them:
    ``meets[mask]`` the sets sharing a digit with ``mask``, ``within[mask]`` the sets inside it,
    and ``digits[picked]`` the union of the picked sets.
    """

    def __init__(self, length: int, total: int) -> None:
        self.sets = combos(length, total)
        holding = [sum(1 << k for k, digits in enumerate(self.sets) if digits >> d & 1) for d in range(9)]
        self.meets = [0] * (1 << 9)
        for mask in range(1, 1 << 9):
            low = mask & -mask
            self.meets[mask] = self.meets[mask ^ low] | holding[low.bit_length() - 1]
        every = (1 << len(self.sets)) - 1
        self.within = [every & ~self.meets[ALL & ~mask] for mask in range(1 << 9)]
        self.digits = [0] * (1 << len(self.sets))
        for picked in range(1, len(self.digits)):
            low = picked & -picked
            self.digits[picked] = self.digits[picked ^ low] | self.sets[low.bit_length() - 1]


@cache
def run_type(length: int, total: int) -> RunType:
    return RunType(length, total)


_SAME, _SETTLED, _UNSETTLED = 0, 1, 2  # what a pass did: nothing, changes that a second pass keeps, other changes


def run_pass(kind: RunType, cur: list[int]) -> int | None:
    """One propagation pass over a run of type ``kind`` with cell candidates ``cur``, in place:
    _SAME, _SETTLED or _UNSETTLED, or None on a contradiction.

    The digit sets kept are those inside the union of the candidates, holding every solved
    digit and meeting every cell's candidates; each cell keeps the digits of the kept sets.
    """
    solved = free = once = twice = 0
    fits, meets = -1, kind.meets
    for mask in cur:
        fits &= meets[mask]
        twice |= once & mask
        once |= mask
        if mask & (mask - 1):
            free |= mask
        elif solved & mask:
            return None  # a digit twice in the run
        else:
            solved |= mask
    fits &= kind.within[once]
    if not fits:
        return None
    allowed = kind.digits[fits]
    known, result = solved, _SAME
    if once & ~allowed or free & solved:
        # the next pass keeps the same sets unless a cell got solved here or lost every digit
        # of some kept set (it only had solved ones): then the run needs another pass
        once = twice = known = 0
        refits, result = -1, _SETTLED
        for position, mask in enumerate(cur):
            new = mask & allowed
            if mask & (mask - 1):
                new &= ~solved  # solved digits leave the other cells of the run
                if not new & (new - 1):
                    if not new:
                        return None
                    result = _UNSETTLED
            cur[position] = new
            refits &= meets[new]
            twice |= once & new
            once |= new
            if not new & (new - 1):
                known |= new
        if refits & kind.within[once] != fits:
            result = _UNSETTLED
    if fits & (fits - 1):
        return result
    # the run's digit set is known: a digit with one place left goes there (digits that get down
    # to one place by these moves wait for the next pass)
    needs = allowed & (~once | ~twice & ~known)
    while needs:
        bit = needs & -needs
        needs ^= bit
        places = [position for position, mask in enumerate(cur) if mask & bit]
        if not places:
            return None
        if len(places) == 1 and cur[places[0]] != bit:
            cur[places[0]] = bit
            result = _UNSETTLED
    return result


class Solver:
    """A kakuro's runs as index lists over its white cells, with each run's possible digit sets."""

    def __init__(self, cells: list[Cell], runs: list[list[Cell]], sums: list[int]) -> None:
        index = {cell: i for i, cell in enumerate(cells)}
        self.size = len(cells)
        self.runs = [[index[cell] for cell in run] for run in runs]
        self.kinds = [run_type(len(run), total) for run, total in zip(runs, sums, strict=True)]
        self.base: list[int] | None = None
        self.runs_of: list[list[int]] = [[] for _ in cells]
        for r, run in enumerate(self.runs):
            for i in run:
                self.runs_of[i].append(r)
        # per run, the other run through each of its cells (every white cell is in two runs)
        self.cross = [[next(o for o in self.runs_of[i] if o != r) for i in run] for r, run in enumerate(self.runs)]

    def _propagate(self, cand: list[int], dirty: set[int]) -> bool:
        """Run digit sets and singles to a fixpoint, in place; False on a contradiction.

        The rules only ever narrow candidates, and narrower candidates never allow more, so the
        fixpoint does not depend on the order the runs are visited in: each run is passed over
        until it stops changing, and only the crossing runs of its changed cells get dirty.
        """
        runs, kinds, cross = self.runs, self.kinds, self.cross
        while dirty:
            r = dirty.pop()
            cells = runs[r]
            cur = [cand[i] for i in cells]
            kind = kinds[r]
            changed = run_pass(kind, cur)
            if not changed:
                if changed is None:
                    return False
                continue
            while changed == _UNSETTLED:
                changed = run_pass(kind, cur)
            if changed is None:
                return False
            for position, i in enumerate(cells):
                if cand[i] != cur[position]:
                    cand[i] = cur[position]
                    dirty.add(cross[r][position])
        return True

    def _search(self, cand: list[int], dirty: set[int], limit: int, found: list[list[int]]) -> None:
        self.nodes += 1
        if self.nodes > self.budget or not self._propagate(cand, dirty):
            return
        best, best_count = -1, 99
        for i, mask in enumerate(cand):
            if mask & (mask - 1):
                n = _POPCOUNT[mask]
                if n < best_count:
                    best, best_count = i, n
                    if n == 2:
                        break
        if best < 0:
            found.append(cand)
            return
        for d in range(9):
            bit = 1 << d
            if cand[best] & bit:
                child = cand[:]
                child[best] = bit
                self._search(child, set(self.runs_of[best]), limit, found)
                if len(found) >= limit or self.nodes > self.budget:
                    return

    def _root(self, fixed: dict[int, int]) -> tuple[list[int], set[int]]:
        """The start of a search: the propagated puzzle without givens, narrowed by ``fixed``.

        Propagation is a fixpoint of monotone narrowing rules, so it ends in the same candidates
        (or the same contradiction) from any start between that fixpoint and the full
        candidates: starting from the givens-free fixpoint only the runs through ``fixed`` cells
        need another pass, and the search tree (so every node count) stays the same.
        """
        if self.base is None:
            self.base = [ALL] * self.size
            self._propagate(self.base, set(range(len(self.runs))))
        cand, dirty = self.base[:], set()
        for i, mask in fixed.items():
            cand[i] &= mask
            dirty.update(self.runs_of[i])
        return cand, dirty

    def solutions(self, fixed: dict[int, int], limit: int = 2, budget: int = 10**9) -> list[list[int]] | None:
        """Up to ``limit`` solutions (digits per cell) with each cell of ``fixed`` narrowed to its
        candidate mask, or None when the search needs more than ``budget`` nodes (nothing is
        proved then)."""
        found: list[list[int]] = []
        self.nodes, self.budget = 0, budget
        self._search(*self._root(fixed), limit, found)
        if self.nodes > budget and len(found) < limit:
            return None
        return [[mask.bit_length() for mask in grid] for grid in found]

    def propagated(self, fixed: dict[int, int]) -> list[int]:
        """The candidates left by propagation alone."""
        cand, dirty = self._root(fixed)
        self._propagate(cand, dirty)
        return cand


def choose_givens(solver: Solver, digits: list[int], rng: random.Random) -> list[int]:
    """Indices of cells to give so that ``digits`` is the only solution, pruned to the needed ones.

    A search over budget proves nothing: then the unsolved cell (after propagation) with the
    most candidates is given instead of a cell where two solutions differ.
    """
    given: dict[int, int] = {}  # given cell -> its digit's bit, in the order the cells were given
    seen: list[list[int]] = []  # solutions met on the way
    for _ in range(len(digits) + 1):  # each round gives one more cell: all given is unique
        found = solver.solutions(given, 2, _SEARCH_BUDGET)
        if found is not None and len(found) < 2:
            break
        if found is None:
            cand = solver.propagated(given)
            most = max(_POPCOUNT[mask] for mask in cand)
            differing = [i for i, mask in enumerate(cand) if _POPCOUNT[mask] == most]
        else:
            seen += found
            other = found[0] if found[0] != digits else found[1]
            differing = [i for i, (a, b) in enumerate(zip(other, digits, strict=True)) if a != b]
        cell = differing[int(rng.random() * len(differing))]
        given[cell] = 1 << (digits[cell] - 1)
    else:  # unreachable: with every cell given the first search proves uniqueness
        raise GenerationError("kakuro: uniqueness was not proved with every cell given")
    order = sorted(given)
    rng.shuffle(order)
    for i in order:  # unique without i iff no solution of the other givens puts another digit in i
        bit = given.pop(i)
        # a solution already met that keeps the other givens answers without a search: the
        # search would find one too or run out of budget, and both keep the given
        if any(other[i] != digits[i] and all(other[j] == digits[j] for j in given) for other in seen) or \
                solver.solutions({**given, i: ALL & ~bit}, 1, _SEARCH_BUDGET) != []:
            given[i] = bit
    return sorted(given)


def render(white: list[list[bool]], runs: list[list[Cell]], sums: list[int], givens: dict[Cell, int]) -> str:
    """Fixed-width cells: '  #  ' black, 'a\\b' clue (down a, across b), '  .  ' white, '  7  ' given."""
    down: dict[Cell, int] = {}
    across: dict[Cell, int] = {}
    for run, total in zip(runs, sums, strict=True):
        (r, c), (r2, _) = run[0], run[1]
        if r2 == r:
            across[r, c - 1] = total
        else:
            down[r - 1, c] = total
    lines = []
    for r, row in enumerate(white):
        cells = []
        for c, is_white in enumerate(row):
            if is_white:
                cells.append(f"  {givens.get((r, c), '.')}  ")
            elif (r, c) in down or (r, c) in across:
                cells.append(f"{down.get((r, c), ''):>2}\\{across.get((r, c), ''):<2}")
            else:
                cells.append("  #  ")
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines)


def describe_run(run: list[Cell], total: int) -> str:
    (r, c), (r2, c2) = run[0], run[-1]
    if r == r2:
        return f"Across run in row {r + 1}, columns {c + 1}-{c2 + 1}: sum {total}"
    return f"Down run in column {c + 1}, rows {r + 1}-{r2 + 1}: sum {total}"


def _question(white: list[list[bool]], runs: list[list[Cell]], sums: list[int], givens: dict[Cell, int]) -> str:
    height, width = len(white), len(white[0])
    given_text = (f" {len(givens)} white cells already show their digit (given digits, to keep);"
                  if givens else "")
    example = " ".join(["#", "9", "7", "#", "1", "3"][:max(2, min(width, 6))])
    listing = "\n".join(describe_run(run, total) for run, total in zip(runs, sums, strict=True))
    return (
        f"Solve this Kakuro puzzle on a grid of {height} rows and {width} columns. Write a digit from 1 to 9 "
        "in every white cell so that each run (a maximal line of two or more white cells across or down, "
        "between black cells or the edge) adds up to its clue and holds no digit twice.\n"
        "Notation: '.' is a white cell to fill;" + given_text + " '#' is a black cell; a clue cell 'a\\b' is "
        "black too: a is the sum of the run going down from the cell directly below it, b the sum of the run "
        "going across from the cell directly to its right (one side is blank when there is no such run). Each "
        "cell is printed 5 characters wide, and cells are separated by one space. Rows and columns are "
        "numbered from 1 at the top left, the top row and left column (all black) included. The puzzle has "
        "exactly one solution.\n\n"
        f"{render(white, runs, sums, givens)}\n\n"
        f"The same runs as a list:\n{listing}\n\n"
        f"Answer with the whole grid: {height} lines, one per row from top to bottom, each with the {width} "
        "cells of that row separated by spaces: '#' for every black cell (clue cells included) and the digit "
        f"for every white cell (for example, a row might begin: {example})."
    )


def _layout(rows: int, cols: int, density: float, rng: random.Random) -> list[list[bool]] | None:
    white = [[r > 0 and c > 0 and rng.random() >= density for c in range(cols + 1)] for r in range(rows + 1)]
    clean_runs(white)
    if sum(map(sum, white)) < max(4, _MIN_WHITE_SHARE * rows * cols):
        return None
    return white


def generate(rng: random.Random, *, rows: int, cols: int, black_density: float) -> Problem:
    for name, value in (("rows", rows), ("cols", cols)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise InvalidParameterError(f"kakuro: expected {name} between {MIN_SIDE} and {MAX_SIDE}, found {value}")
    if not 0.0 <= black_density <= MAX_DENSITY:
        raise InvalidParameterError(f"kakuro: expected black_density between 0.0 and {MAX_DENSITY}, "
                                    f"found {black_density}")
    for _ in range(_MAX_ATTEMPTS):
        white = _layout(rows, cols, black_density, rng)
        if white is None:
            continue
        runs = runs_of(white)
        cells = [(r, c) for r in range(rows + 1) for c in range(cols + 1) if white[r][c]]
        run_ids: dict[Cell, list[int]] = {cell: [] for cell in cells}
        for k, run in enumerate(runs):
            for cell in run:
                run_ids[cell].append(k)
        digits = fill(cells, [(a, b) for a, b in (run_ids[cell] for cell in cells)], len(runs), rng)
        if digits is None:
            continue
        value = dict(zip(cells, digits, strict=True))
        sums = [sum(value[cell] for cell in run) for run in runs]
        given = choose_givens(Solver(cells, runs, sums), digits, rng)
        givens = {cells[i]: digits[i] for i in given}
        solution = ["".join(str(value[r, c]) if white[r][c] else "#" for c in range(cols + 1))
                    for r in range(rows + 1)]
        puzzle = ["".join(str(givens.get((r, c), ".")) if white[r][c] else "#" for c in range(cols + 1))
                  for r in range(rows + 1)]
        data = {"rows": rows + 1, "cols": cols + 1, "puzzle": puzzle, "solution": solution,
                "runs": [[run[0][0], run[0][1], "across" if run[1][0] == run[0][0] else "down", len(run), total]
                         for run, total in zip(runs, sums, strict=True)]}
        reference = "\n".join(" ".join(row) for row in solution)
        return Problem(question=_question(white, runs, sums, givens), data=data, reference=reference)
    raise GenerationError(f"kakuro: no {rows}x{cols} layout with enough white cells in {_MAX_ATTEMPTS} attempts")
