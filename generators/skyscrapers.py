"""Skyscrapers: fill an n x n grid with building heights from edge visibility clues; the solution is unique.

Description:
    Every row and every column holds the heights 1..n once each (a Latin square). A clue outside
    the grid says how many buildings are visible from that side looking along the row or column:
    a building is hidden when a taller one stands in front of it. A random Latin square is made
    row by row, each row a random permutation among those that repeat no height in a column (a
    Latin rectangle always extends, so this never backtracks), all 4n clues are computed from it
    and a random dig order of the clues is drawn. The full clue set of a random square is often
    not unique (most 7x7 squares have a twin with the same clues), so while a second solution
    exists, a random cell where it differs is given inside the grid. Then clues are removed in
    the dig order while the solution stays unique, and last the given cells (in random order)
    that are no longer needed.
    Removing clues is tested in blocks: the next k clues of the order are removed together and,
    if the solution stays unique, all k go (k doubles); removing fewer of them would stay unique
    too, so this is what removing them one by one decides. If not, the second solution found
    names the clues it breaks and a binary search finds the first clue of the block that must
    stay (k starts again at 1). A clue or given tested alone goes when no solution breaks it (the
    search looks only for such solutions). The dig stops as soon as the clues left to test
    cannot bring the count down to the wanted one, and starts again on a new square.
    A second solution is first looked for without a search among the "switches" of the
    solution: two rows hold the same heights, so swapping their cells along a cycle (of 2 or 3
    columns) of the permutation between them gives another Latin square; each switch is stored
    with the clues it breaks and the cells it changes, so it is a second solution of a puzzle
    when it breaks none of the shown clues and changes no given cell. Such a grid only ever
    keeps a clue or adds a given; a clue or given goes only on a proof. While givens are added
    for the full clue set, switches stand in for the search only when more than half of the
    clues will stay: a switch changes few cells, so givens taken from switches are fewer, and a
    deeper dig then gets stuck more often.
    Uniqueness is proved by an exact solver: every row and column keeps the bitset of the
    permutations of 1..n that fit its clues and its cells' candidate heights (one table per
    size shared by every line: the perms with a height set at each position, the perms that show
    v buildings from either end), each cell keeps the heights its two lines' perms still allow,
    propagation runs to a fixpoint (a line's heights are those of its perms: read off them when
    few, else started from its highest and lowest perm, and from the solution's perm in a state
    that holds the solution, as the suffix fixpoints do, and the other candidate heights tested
    one by one), and the search branches on the perms of the first line with the fewest left
    (the solution's own perm last, so a second solution is met first). Once per square (at its
    first search) the fixpoints of the givens with the clues from positions 12, 9, 6, 3 and 0
    (counted from 0) of the dig order on are made, each from the one before; givens
    added and clues kept later go into a fixpoint when it is next used (adding constraints to a
    fixpoint only narrows it to the fixpoint of them all), and a test starts from the nearest one
    that holds no clue it removes, with the clues between added. A search that runs past its node
    budget counts as "not unique".
Difficulty:
    size: 4 at levels 1-2, 5 at levels 3-4, 6 at levels 5-7, 7 at levels 8-10.
    clues: how many of the 4n edge clues are shown (12 of 16 at level 1 down to 11 of 28 at
        level 10); fewer clues need longer chains of deduction. The number of given cells is
        not a knob: it is the few that uniqueness needs (about 1 at 4x4, 5 to 7 at 7x7).
Prompt:
    "Solve this 5x5 skyscrapers puzzle. Fill the grid with building heights 1 to 5 so that
    every row and every column contains each height exactly once. A number outside the grid
    tells how many buildings are visible from that side ..." then the grid with its clues around
    it ('.' an empty cell, digits the given cells), the clues also listed per side ('-' for no
    clue), and the answer format. The puzzle has exactly one solution.
Answer format:
    The filled grid, one row per line from top to bottom, heights separated by spaces
    (``2 1 4 3``). Digits written together (``2143``), commas, a list of lists, or all the cells
    on one line in row-major order are accepted too.
Verification:
    The rules are checked: every cell a height 1..n, every given cell kept, every row and column
    a permutation, every shown clue matched by the number of visible buildings. Since uniqueness was proved at
    generation, a rule-abiding grid is the solution. No partial credit.
Version history:
    v1: first version; removed deliberately with v2 (its generator made about 440 instances/s at
        level 5, and v2 draws differently from the seed, so v1's instances are not reproduced).
    v2: a faster generator for the same puzzles, data format and difficulty table (issue
        "Performance": about 2.2 times v1's rate at level 5): Latin squares row by row without
        backtracking, the dig order drawn first, second solutions looked up among the row
        switches before any search, clues removed in blocks with a binary search on failure,
        single clues and givens tested by searching only for solutions that break them, tests
        started from shared suffix fixpoints, the solver branching on a line's perms with one perm
        table per size, and an early stop for a dig that cannot reach the wanted clue count.
        Later sped up with byte-identical output (about 1.1 times at level 5): the givens and the
        kept clues live in the suffix fixpoints, a leaner propagation loop, switch tables per size.
        Then a few percent more, byte-identical again (about 1.05 times at level 5, 1.08 at levels
        8-10): the heights of a line in a state that holds the solution start from its perm there,
        and a line with many perms starts from its highest and lowest perm before testing heights.
"""

from __future__ import annotations

import random
from functools import cache
from itertools import permutations

from bootcamps.digit_sets import bits
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIZE, MAX_SIZE = 4, 7
_MAX_ATTEMPTS = 40
_PROOF_BUDGET = 20_000  # search nodes for one uniqueness proof; past it the clue or given stays
_MEMO_LIMIT = 10_000  # line unions remembered per size before that memo is cleared (about 8 MB at 7x7)
_STRIDE, _FIRST = 3, 12  # clue dig: every _STRIDE-th suffix fixpoint is kept, from _FIRST down
_FEW_PERMS = 16  # up to this many perms left, a line's heights are read off the perms themselves
SIDES = ("top", "bottom", "left", "right")

State = tuple[list[int], list[int]]  # per line (rows, then columns): candidate pack, alive perms
Known = tuple[list[int], list[int]]  # per line: the bit of a solution's perm there, that perm packed
Spot = tuple[str, int]  # a clue's side and index


class _OutOfBudget(Exception):
    pass


def visible(heights: list[int] | tuple[int, ...]) -> int:
    """How many buildings are seen looking along the line from its start."""
    count = tallest = 0
    for h in heights:
        if h > tallest:
            count, tallest = count + 1, h
    return count


def _nth_bit(bits: int, n: int) -> int:
    """The index of the n-th (from 0) set bit of ``bits``, by halving."""
    position, width = 0, bits.bit_length()
    while width > 1:
        half = width >> 1
        low = bits & ((1 << half) - 1)
        count = low.bit_count()
        if n < count:
            bits, width = low, half
        else:
            n, bits, position, width = n - count, bits >> half, position + half, width - half
    return position


class Solver:
    """The perms of 1..size indexed for an exact skyscrapers solver, shared by every line.

    A search state holds per line (rows, then columns) the candidate heights of its cells packed
    into one integer (the bitmask of position p shifted by p * size; a cell is held by its row and
    by its column alike) and the bitset of its perms ("alive") that fit its clues and candidates.
    ``allowed[position][mask]`` is the bitset of perms whose height at ``position`` is in ``mask``;
    ``front[v]`` / ``back[v]`` the perms that show v buildings from the start / the end (0: all).
    """

    def __init__(self, size: int) -> None:
        self.perms = perms = list(permutations(range(1, size + 1)))
        self.size, self.full, self.row = size, (1 << len(perms)) - 1, (1 << size) - 1
        index = [[0] * size for _ in range(size)]
        self.front, self.back = [0] * (size + 1), [0] * (size + 1)
        for i, perm in enumerate(perms):
            for position, height in enumerate(perm):
                index[position][height - 1] |= 1 << i
            self.front[visible(perm)] |= 1 << i
            self.back[visible(perm[::-1])] |= 1 << i
        self.front[0] = self.back[0] = self.full
        self.index, self.allowed = index, [self._by_mask(heights) for heights in index]
        self.packed = [sum(1 << (p * size + h - 1) for p, h in enumerate(perm)) for perm in perms]
        self.views_of = {pack: (visible(perm), visible(perm[::-1]))  # packed perm: buildings seen from each end
                         for pack, perm in zip(self.packed, perms, strict=True)}
        self.perm_of = dict(zip(self.packed, perms, strict=True))
        # per packed perm: the buildings seen from the start and from the end, as v | w << 3; per change
        # of that code, which views changed (bit 0: start, bit size: end), shifted by 2 * size for rows
        self.view_codes = {pack: front | back << 3 for pack, (front, back) in self.views_of.items()}
        changed = [bool(code & 7) | bool(code >> 3) << size for code in range(64)]
        self.broken_views = changed, [bits << (2 * size) for bits in changed]
        self.clear = [~(self.row << (p * size)) for p in range(size)]
        self.blank_pack = sum(self.row << (p * size) for p in range(size))
        self.unions: dict[int, int] = {}
        # per line: the mask clearing its cell in the crossing lines, its shift there, the table cutting a
        # crossing line's perms to the cell, and per bit_length of the line's highest changed candidate bit
        # the crossing line there, the shift of that cell and the mask clearing it
        self.crossing = [(self.clear[at], at * size, self.allowed[at],
                          [(0, 0, 0)] + [(first + p, p * size, self.clear[p]) for p in range(size) for _ in range(size)])
                         for first in (size, 0) for at in range(size)]
        self._known: tuple[list[int], Known] = ([], ([], []))
        self.unknown: Known = ([0] * (2 * size), [0] * (2 * size))  # no perm known: every line's union from 0
        # per position: its shift and, per candidate mask, the (bit, perms) of each height in it
        self.heights = [(p * size, [[(1 << (p * size + h), index[p][h]) for h in range(size) if mask >> h & 1]
                                    for mask in range(1 << size)]) for p in range(size)]
        self.perm_index = {perm: i for i, perm in enumerate(perms)}
        self.clues = {side: [[(i if side in ("left", "right") else size + i,
                               (self.front if side in ("left", "top") else self.back)[value])
                              for value in range(size + 1)] for i in range(size)] for side in SIDES}

    def _by_mask(self, heights: list[int]) -> list[int]:
        table = [0] * (1 << self.size)
        for mask in range(1, 1 << self.size):
            low = mask & -mask
            table[mask] = table[mask ^ low] | heights[low.bit_length() - 1]
        return table

    def clue(self, side: str, i: int, value: int) -> tuple[int, int]:
        """A clue as (line, perms that keep it)."""
        return self.clues[side][i][value]

    def blank(self) -> State:
        return [self.blank_pack] * (2 * self.size), [self.full] * (2 * self.size)

    def union(self, alive: int, pack: int, union: int) -> int:
        """The heights at every position of the perms in ``alive`` (packed like a line's candidates
        ``pack``), from ``union`` (the heights of a perm in ``alive``, or 0): those of its highest
        and lowest perm are added, and then each candidate not in it is tested."""
        packed, row = self.packed, self.row
        union |= packed[alive.bit_length() - 1] | packed[(alive & -alive).bit_length() - 1]
        rest = pack & ~union
        for shift, by_mask in self.heights:
            mask = rest >> shift & row
            if mask:
                for bit, perms in by_mask[mask]:
                    if perms & alive:
                        union |= bit
        return union

    def known(self, solution: list[int]) -> Known:
        """Per line (rows, then columns) the bit of its perm in ``solution`` and that perm packed."""
        if self._known[0] != solution:  # the same solution is asked for many times in a row
            size, index, packed = self.size, self.perm_index, self.packed
            lines = [solution[r * size:(r + 1) * size] for r in range(size)]
            lines += [solution[c::size] for c in range(size)]
            numbers = [index[tuple(line)] for line in lines]
            self._known = solution[:], ([1 << i for i in numbers], [packed[i] for i in numbers])
        return self._known[1]

    def narrow(self, state: State, cell: int, mask: int) -> bool:
        """Cut a cell's candidates to ``mask`` and its two lines' perms; False on a contradiction."""
        packs, alive = state
        size = self.size
        r, c = divmod(cell, size)
        mask &= packs[r] >> (c * size) & self.row
        packs[r] = packs[r] & self.clear[c] | mask << (c * size)
        packs[size + c] = packs[size + c] & self.clear[r] | mask << (r * size)
        alive[r] &= self.allowed[c][mask]
        alive[size + c] &= self.allowed[r][mask]
        return bool(alive[r] and alive[size + c])

    def propagate(self, state: State, dirty: set[int], known: Known | None = None) -> bool:
        """Filter the ``dirty`` lines (those whose perms were cut) until nothing changes; False on a
        contradiction.

        Filtering a line keeps at each cell the heights of its alive perms; a narrowed cell cuts the
        perms of its crossing line, which is filtered in turn if that removed any. Filtering is
        idempotent and monotone, so the fixpoint does not depend on the order lines are filtered in.
        """
        packs, alive = state
        for line in dirty:
            if not alive[line]:
                return False
        unions, packed, crossing, row = self.unions, self.packed, self.crossing, self.row
        if len(unions) > _MEMO_LIMIT:
            unions.clear()
        get = unions.get
        own, owns = known or self.unknown
        dense = self.union
        while dirty:
            line = dirty.pop()
            perms = alive[line]  # never empty: emptied lines return at once
            if not perms & (perms - 1):
                union = packed[perms.bit_length() - 1]
            elif (union := get(perms)) is None:
                union, rest = owns[line], perms ^ own[line]
                if rest.bit_count() <= _FEW_PERMS:  # the union of the perms themselves
                    while rest:
                        top = rest.bit_length() - 1
                        union |= packed[top]
                        rest ^= 1 << top
                else:
                    union = dense(perms, packs[line], union)
                unions[perms] = union
            diff = packs[line] ^ union
            if not diff:
                continue
            packs[line] = union
            keep, shift, cut, highest = crossing[line]
            while diff:
                other, at, clear = highest[diff.bit_length()]
                diff &= clear
                kept = union >> at & row
                packs[other] = packs[other] & keep | kept << shift
                before = alive[other]
                left = before & cut[kept]
                if left != before:
                    if not left:
                        return False
                    alive[other] = left
                    dirty.add(other)
        return True

    def solutions(self, state: State, dirty: set[int], limit: int, other_than: list[int],
                  holds: bool = False) -> list[list[int]]:
        """Up to ``limit`` solutions (heights in row-major order) below ``state`` (which is consumed)
        other than the solution ``other_than``; its perms are tried last, so a second solution
        is met before it when one exists. ``holds``: ``state`` holds ``other_than`` (the
        propagation then starts each line's heights from its perm there).

        Raises _OutOfBudget past _PROOF_BUDGET search nodes.
        """
        known = self.known(other_than)
        found: list[list[int]] = []
        self._search(state, dirty, limit, [_PROOF_BUDGET], found, known, holds)
        perm_of = self.perm_of  # a solution's rows each hold one perm
        return [[height for pack in packs for height in perm_of[pack]] for packs in found]

    def _search(self, state: State, dirty: set[int], limit: int, budget: list[int],
                found: list[list[int]], known: Known, holds: bool) -> None:
        """Branch on the perms of the first line with the fewest perms left (over one)."""
        budget[0] -= 1
        if budget[0] < 0:
            raise _OutOfBudget
        if not self.propagate(state, dirty, known if holds else None):
            return
        alive, skip = state[1], known[0]
        counts = list(map(int.bit_count, alive))
        best_count = min(filter((1).__lt__, counts), default=0)
        if not best_count:
            if alive != skip:
                found.append(state[0][:self.size])
            return
        best = counts.index(best_count)
        last = skip[best] & alive[best]
        for perm in [*bits(alive[best] ^ last), last] if last else bits(alive[best]):
            if len(found) >= limit:
                return
            child = (state[0][:], state[1][:]) if perm != last else state
            child[1][best] = perm
            self._search(child, {best}, limit, budget, found, known, holds and perm == last)


@cache
def solver(size: int) -> Solver:
    return Solver(size)


class Switches:
    """Second solutions near ``solution``, found without a search.

    Two rows of a Latin square hold the same heights; swapping their cells along one cycle (of 2
    or 3 columns) of the permutation that maps one row onto the other gives another Latin square
    (a 2-cycle is the familiar 2x2 swap). Each such switch comes with the bitmask of the clues it
    breaks (spot ``SIDES.index(side) * size + i``) and of the cells it changes, so whether it is a
    second solution of a puzzle is two mask tests; with the clues that matter kept, such a grid
    is often the second solution that a search would look for.
    """

    def __init__(self, table: Solver, solution: list[int]) -> None:
        size, codes, full = table.size, table.view_codes, table.row
        self.size, self.solution = size, solution
        packed, index = table.packed, table.perm_index
        rows = [packed[index[tuple(solution[r * size:(r + 1) * size])]] for r in range(size)]
        columns = [packed[index[tuple(solution[c::size])]] for c in range(size)]
        row_codes, column_codes = [codes[pack] for pack in rows], [codes[pack] for pack in columns]
        column_broken, row_broken = table.broken_views  # by the change of a line's view code
        fields = [full << (c * size) for c in range(size)]
        self.items: list[tuple[int, int, int, list[int]]] = []  # broken clues, changed cells, rows, cycle
        where = [[0] * (size + 1) for _ in range(size)]  # where[r][h]: the column of height h in row r
        for cell, height in enumerate(solution):
            where[cell // size][height] = cell % size
        for first in range(size):
            row, low = solution[first * size:(first + 1) * size], first * size
            for second in range(first + 1, size):
                high, to_second = second * size, where[second]
                both = 1 << low | 1 << high
                perm = [to_second[h] for h in row]  # the columns in `second` of `first`'s heights
                for start, image in enumerate(perm):  # its cycles of 2 or 3 columns, each from its smallest
                    if image <= start:
                        continue
                    back = perm[image]
                    if back == start:
                        cycle = [start, image]
                    elif back > start and perm[back] == start:
                        cycle = [start, image, back]
                    else:
                        continue
                    cells = broken = moved = 0
                    for c in cycle:
                        moved |= fields[c]
                        cells |= both << c
                        column = columns[c]
                        swap = (column >> low ^ column >> high) & full
                        broken |= column_broken[codes[column ^ (swap << low | swap << high)] ^ column_codes[c]] << c
                    kept = ~moved
                    broken |= row_broken[codes[rows[first] & kept | rows[second] & moved] ^ row_codes[first]] << first
                    broken |= row_broken[codes[rows[second] & kept | rows[first] & moved] ^ row_codes[second]] << second
                    self.items.append((broken, cells, first * size + second, cycle))

    def find(self, clues: int, givens: int, changing: int = 0) -> list[int] | None:
        """A Latin square that breaks none of the ``clues``, keeps the ``givens`` and changes every
        cell of ``changing`` (masks), or None."""
        for item in self.items:
            broken, cells, _, _ = item
            if not broken & clues and not cells & givens and cells & changing == changing:
                return self.grid(item)
        return None

    def grid(self, item: tuple[int, int, int, list[int]]) -> list[int]:
        """The Latin square of one of ``items`` (heights in row-major order)."""
        size, grid = self.size, self.solution[:]
        first, second = divmod(item[2], size)
        for c in item[3]:
            a, b = first * size + c, second * size + c
            grid[a], grid[b] = grid[b], grid[a]
        return grid


def _spot_mask(size: int, spots: list[Spot]) -> int:
    return sum(1 << (SIDES.index(side) * size + i) for side, i in spots)


def _cell_mask(cells) -> int:
    return sum(1 << cell for cell in cells)


def random_latin(size: int, rng: random.Random) -> list[list[int]]:
    """A random Latin square, row by row: each row a random perm that repeats no column's height."""
    table = solver(size)
    full, row, allowed = table.full, table.row, table.allowed
    used = [0] * size  # heights already in each column
    grid = []
    for _ in range(size):
        alive = full
        for c in range(size):
            alive &= allowed[c][row ^ used[c]]
        n = rng.randrange(alive.bit_count())
        perm = table.perms[n if alive == full else _nth_bit(alive, n)]
        grid.append(list(perm))
        for c, height in enumerate(perm):
            used[c] |= 1 << (height - 1)
    return grid


def all_clues(grid: list[list[int]]) -> dict[str, list[int]]:
    size, table = len(grid), solver(len(grid))
    seen = [table.views_of[table.packed[table.perm_index[tuple(line)]]] for line in (*grid, *zip(*grid, strict=True))]
    return {"top": [front for front, _ in seen[size:]], "bottom": [back for _, back in seen[size:]],
            "left": [front for front, _ in seen[:size]], "right": [back for _, back in seen[:size]]}


def _copy(state: State) -> State:
    return state[0][:], state[1][:]


def _with_clues(table: Solver, state: State, clues: dict[str, list[int]], spots: list[Spot]) -> set[int]:
    """Cut ``state`` to the clues at ``spots``; the lines whose perms were cut."""
    alive, dirty, table_clues = state[1], set(), table.clues
    for side, i in spots:
        line, perms = table_clues[side][i][clues[side][i]]
        cut = alive[line] & perms
        if cut != alive[line]:
            alive[line] = cut
            dirty.add(line)
    return dirty


def _with_givens(table: Solver, state: State, solution: list[int], cells: list[int]) -> set[int]:
    """Cut ``state`` to the given ``cells``; the lines through them."""
    size = table.size
    for cell in cells:
        table.narrow(state, cell, 1 << (solution[cell] - 1))
    return {line for cell in cells for line in (cell // size, size + cell % size)}


def _fixpoint(table: Solver, state: State, dirty: set[int], solution: list[int]) -> State:
    """``state`` propagated in place (it holds ``solution``, so it cannot contradict)."""
    table.propagate(state, dirty, table.known(solution))
    return state


class _Suffixes:
    """Fixpoints of the clues from a point of the dig order on, with the ``givens`` and the clues
    ``kept`` by the dig added, for every ``_STRIDE``-th point from ``_FIRST`` down to 0.

    They are made at the first use, each from the one after it by adding the clues between them;
    givens and kept clues are only ever appended (while the points are in use), and a point takes
    the new ones when it is next used (adding constraints to a fixpoint only narrows it).
    """

    def __init__(self, table: Solver, clues: dict[str, list[int]], order: list[Spot], solution: list[int]) -> None:
        self.table, self.clues, self.order, self.solution = table, clues, order, solution
        self.givens: list[int] = []
        self.kept: list[Spot] = []
        self.points: dict[int, tuple[State, list[int]]] = {}  # start: fixpoint, [givens, kept clues] in it
        self.starts: list[int] = []  # [k]: the nearest point at or after k

    def _make(self) -> None:
        table, last = self.table, len(self.order)
        state = _from_blank(table, self.clues, self.kept, self.solution, self.givens)
        self.points[last] = state, [len(self.givens), len(self.kept)]
        for k in [*range(min(last - 1, _FIRST), 0, -_STRIDE), 0]:
            state = _copy(state)
            _fixpoint(table, state, _with_clues(table, state, self.clues, self.order[k:last]), self.solution)
            self.points[k], last = (state, [len(self.givens), len(self.kept)]), k
        self.starts, nearest = [0] * (len(self.order) + 1), len(self.order)
        for k in range(len(self.order), -1, -1):
            nearest = k if k in self.points else nearest
            self.starts[k] = nearest

    def state(self, k: int) -> tuple[State, set[int]]:
        """The clues ``order[k:]`` with the givens and the kept clues, before propagation, and its
        lines to filter: the nearest point at or after ``k`` plus the clues between."""
        table = self.table
        if not self.points:
            self._make()
        start = self.starts[k]
        point, (givens, kept) = self.points[start]
        if givens < len(self.givens) or kept < len(self.kept):
            dirty = _with_clues(table, point, self.clues, self.kept[kept:])
            _fixpoint(table, point, dirty | _with_givens(table, point, self.solution, self.givens[givens:]),
                      self.solution)
            self.points[start] = point, [len(self.givens), len(self.kept)]
        state = _copy(point)
        return state, _with_clues(table, state, self.clues, self.order[k:start])


def _from_blank(table: Solver, clues: dict[str, list[int]], spots: list[Spot], solution: list[int],
                cells: list[int]) -> State:
    """The fixpoint of the clues at ``spots`` and the given ``cells``."""
    state = table.blank()
    dirty = _with_clues(table, state, clues, spots)
    return _fixpoint(table, state, dirty | _with_givens(table, state, solution, cells), solution)


def _givens_for_full_clues(table: Solver, solution: list[int], suffixes: _Suffixes, switches: Switches | None,
                           rng: random.Random) -> tuple[dict[int, int], list[list[int]]] | None:
    """Given cells that, with every clue shown, leave one solution: while a second solution
    exists (a switch when ``switches`` are given, else one found by a search), a random cell where
    it differs from ``solution`` is given (None past the budget). The second solutions come back
    too."""
    size = table.size
    givens: dict[int, int] = {}
    witnesses: list[list[int]] = []
    for _ in range(size * size):
        other = switches.find(-1, _cell_mask(givens)) if switches else None
        if other is None:
            state, dirty = suffixes.state(0)
            try:
                others = table.solutions(state, dirty, 1, solution, holds=True)
            except _OutOfBudget:
                return None
            if not others:
                return givens, witnesses
            other = others[0]
        witnesses.append(other)
        differ = [cell for cell in range(size * size) if other[cell] != solution[cell]]
        cell = differ[rng.randrange(len(differ))]
        givens[cell] = solution[cell]
        suffixes.givens.append(cell)
    return None


def _broken(grid: list[int], size: int, clues: dict[str, list[int]], spots: list[Spot]) -> list[int]:
    """The indexes in ``spots`` of the clues that ``grid`` (row-major heights) does not keep."""
    rows = [grid[r * size:(r + 1) * size] for r in range(size)]
    lines = {"left": rows, "right": [row[::-1] for row in rows],
             "top": [grid[c::size] for c in range(size)], "bottom": [grid[c::size][::-1] for c in range(size)]}
    return [k for k, (side, i) in enumerate(spots) if visible(lines[side][i]) != clues[side][i]]


class _ClueDig:
    """Removes clues in the dig order while the solution stays unique (see the module docstring).

    The clues before ``pos`` are decided (``kept`` or removed), those from ``pos`` on are still
    shown; a test of removing the clues ``order[pos:pos + count]`` starts from the suffix fixpoint
    of ``order[pos + count:]`` with the kept clues and the givens added.
    """

    def __init__(self, table: Solver, solution: list[int], clues: dict[str, list[int]], givens: dict[int, int],
                 suffixes: _Suffixes, switches: Switches) -> None:
        self.table, self.solution, self.clues = table, solution, clues
        self.suffixes, self.switches, self.order = suffixes, switches, suffixes.order
        self.kept = suffixes.kept
        self.kept_mask, self.givens_mask = 0, _cell_mask(givens)
        self.suffix_masks = [0] * (len(self.order) + 1)  # [k]: the clues order[k:] as spot bits
        spot_bits = {side: [1 << (k * table.size + i) for i in range(table.size)] for k, side in enumerate(SIDES)}
        for k in range(len(self.order) - 1, -1, -1):
            side, i = self.order[k]
            self.suffix_masks[k] = self.suffix_masks[k + 1] | spot_bits[side][i]
        self.pos = 0

    def run(self, wanted: int) -> bool:
        """Remove clues (in place) down to ``wanted``; False if the dig gets stuck."""
        order, left, block = self.order, len(self.order), 1
        while left > wanted:
            pos = self.pos
            if left - (len(order) - pos) > wanted:
                return False
            count = min(block, left - wanted)
            bound = self.witness_bound(pos, count)
            if not bound:
                self.remove(pos, count)
                self.pos, left, block = pos + count, left - count, 2 * count
                continue
            removable = self.first_to_keep(pos, bound)
            self.remove(pos, removable)
            self.kept.append(order[pos + removable])
            self.kept_mask |= _spot_mask(self.table.size, self.kept[-1:])
            self.pos, left, block = pos + removable + 1, left - removable, 1
        return True

    def remove(self, pos: int, count: int) -> None:
        for side, i in self.order[pos:pos + count]:
            self.clues[side][i] = 0

    def witness_bound(self, pos: int, count: int) -> int:
        """Removing ``order[pos:pos + count]`` leaves the solution unique: 0; otherwise a k <= count
        such that removing ``order[pos:pos + k]`` already does not (a second solution breaks none
        of the clues after those). One clue alone is tested by searching only for solutions that
        break it."""
        table = self.table
        shown = self.kept_mask | self.suffix_masks[pos + count]
        other = self.switches.find(shown, self.givens_mask)
        if other is None:
            state, dirty = self.suffixes.state(pos + count)
            if count == 1:
                side, i = self.order[pos]
                line, perms = table.clue(side, i, self.clues[side][i])
                state[1][line] &= ~perms
                dirty.add(line)
            try:
                others = table.solutions(state, dirty, 1, self.solution, holds=count > 1)
            except _OutOfBudget:
                return count
            if not others:
                return 0
            other = others[0]
        return max(_broken(other, table.size, self.clues, self.order[pos:pos + count])) + 1

    def first_to_keep(self, pos: int, bound: int) -> int:
        """How many of the clues from ``pos`` go before the first that must stay, given that removing
        the ``bound`` clues from ``pos`` does not leave the solution unique (a binary search)."""
        low, high = 0, bound  # removing `low` clues from pos keeps the solution unique, `high` not
        while high - low > 1:
            middle = (low + high) // 2
            found = self.witness_bound(pos, middle)
            if found:
                high = found
            else:
                low = middle
        return high - 1


def _dig_givens(table: Solver, solution: list[int], dug: _ClueDig, givens: dict[int, int],
                witnesses: list[list[int]], rng: random.Random) -> None:
    """Remove given cells (in place), in a random order, while the solution stays unique: a given
    goes when no solution has another height there. ``witnesses`` are grids that keep every clue:
    one that keeps the other givens and differs at a given shows that it must stay, and so does
    a switch that keeps the shown clues."""
    order = sorted(givens)
    rng.shuffle(order)
    base: State | None = None
    shown = dug.kept_mask | dug.suffix_masks[dug.pos]
    for k, cell in enumerate(order):
        if any(grid[cell] != solution[cell] and all(grid[other] == solution[other] for other in givens if other != cell)
               for grid in witnesses) or dug.switches.find(shown, _cell_mask(givens) ^ 1 << cell, 1 << cell):
            needed = True
        else:
            if base is None:  # the shown clues and the givens kept so far
                base = _from_blank(table, dug.clues, dug.order[dug.pos:] + dug.kept, solution,
                                   [c for c in order[:k] if c in givens])
            needed = _given_needed(table, solution, base, cell, order[k + 1:])
        if not needed:
            del givens[cell]
        elif base is not None:
            _fixpoint(table, base, _with_givens(table, base, solution, [cell]), solution)


def _given_needed(table: Solver, solution: list[int], base: State, cell: int, untested: list[int]) -> bool:
    """Whether a solution of ``base`` with the ``untested`` givens has another height at ``cell``."""
    state = _copy(base)
    dirty = _with_givens(table, state, solution, untested)
    table.narrow(state, cell, ~(1 << (solution[cell] - 1)))
    dirty |= {cell // table.size, table.size + cell % table.size}
    try:
        return bool(table.solutions(state, dirty, 1, solution))
    except _OutOfBudget:
        return True


def dig(grid: list[list[int]], wanted: int, rng: random.Random) -> tuple[dict[str, list[int]], dict[int, int]] | None:
    """Clues and given cells with a unique solution and ``wanted`` clues; None if the dig gets stuck.

    The dig order of the clues is drawn first. All clues are shown first (with given cells added
    until the solution is unique), then clues are removed in that order while the solution stays
    unique, then given cells likewise.
    """
    table = solver(len(grid))
    solution = [h for row in grid for h in row]
    clues = all_clues(grid)
    order = [(side, i) for side in SIDES for i in range(table.size)]
    rng.shuffle(order)
    suffixes, switches = _Suffixes(table, clues, order, solution), Switches(table, solution)
    # A switch differs from the solution in a few cells only, so givens taken from switches tend to
    # be fewer, and a dig down to half the clues or fewer then gets stuck more often: searched
    # second solutions (met far from the solution) give the givens there.
    near = switches if wanted > 2 * table.size else None
    full = _givens_for_full_clues(table, solution, suffixes, near, rng)
    if full is None:
        return None
    givens, witnesses = full
    dug = _ClueDig(table, solution, clues, givens, suffixes, switches)
    if not dug.run(wanted):
        return None
    _dig_givens(table, solution, dug, givens, witnesses, rng)
    return clues, givens


def render(size: int, clues: dict[str, list[int]], cells: list[str]) -> str:
    """The grid (rows of heights and '.') with its clues around it; a side with no clue is blank."""
    def mark(value: int) -> str:
        return str(value) if value else " "

    lines = ["  " + " ".join(mark(v) for v in clues["top"])]
    for r in range(size):
        row = " ".join(cells[r])
        lines.append(f"{mark(clues['left'][r])} {row} {mark(clues['right'][r])}")
    lines.append("  " + " ".join(mark(v) for v in clues["bottom"]))
    return "\n".join(line.rstrip() for line in lines)


def _listing(size: int, clues: dict[str, list[int]]) -> str:
    def seq(values: list[int]) -> str:
        return ", ".join(str(v) if v else "-" for v in values)

    return (f"Top (columns 1 to {size}, looking down): {seq(clues['top'])}\n"
            f"Bottom (columns 1 to {size}, looking up): {seq(clues['bottom'])}\n"
            f"Left (rows 1 to {size}, looking right): {seq(clues['left'])}\n"
            f"Right (rows 1 to {size}, looking left): {seq(clues['right'])}")


def _question(size: int, clues: dict[str, list[int]], cells: list[str]) -> str:
    given = any(ch != "." for row in cells for ch in row)
    given_text = (" Some heights are already given inside the grid and must stay; '.' is an empty "
                  "cell.") if given else " '.' is an empty cell."
    example = " ".join(str(h) for h in range(1, size + 1))
    return (
        f"Solve this {size}x{size} skyscrapers puzzle. Fill the grid with building heights 1 to {size} so "
        f"that every row and every column contains each height from 1 to {size} exactly once. A number "
        "outside the grid tells how many buildings are visible from that side, looking along that row "
        "or column: a building is hidden when a taller building stands in front of it. A side without "
        f"a number has no clue.{given_text} The puzzle has exactly one solution.\n\n"
        + render(size, clues, cells) + "\n\nThe same clues listed ('-' means no clue):\n" + _listing(size, clues)
        + f"\n\nAnswer with the filled grid: {size} lines, one per row from top to bottom, each with the "
        f"{size} heights of that row separated by spaces (for example: {example})."
    )


def generate(rng: random.Random, *, size: int, clues: int) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"skyscrapers: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not size <= clues <= 4 * size:
        raise InvalidParameterError(
            f"skyscrapers: expected clues between {size} and {4 * size} for size {size}, found {clues}")
    for _ in range(_MAX_ATTEMPTS):
        grid = random_latin(size, rng)
        dug = dig(grid, clues, rng)
        if dug is None:
            continue
        shown, givens = dug
        cells = ["".join(str(givens[r * size + c]) if r * size + c in givens else "." for c in range(size))
                 for r in range(size)]
        data = {"size": size, "clues": shown, "givens": cells,
                "solution": ["".join(map(str, row)) for row in grid]}
        reference = "\n".join(" ".join(row) for row in data["solution"])
        return Problem(question=_question(size, shown, cells), data=data, reference=reference)
    raise GenerationError(f"skyscrapers: no {size}x{size} puzzle with {clues} unique clues in {_MAX_ATTEMPTS} attempts")
