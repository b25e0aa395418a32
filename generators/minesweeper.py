"""Minesweeper: find every mine of a partly revealed board; the mines follow without guessing.

Description:
    Mines are placed at random (their number is round(density * cells)), away from a random
    first click, which is revealed and flooded like in the game (a revealed 0 reveals its
    neighbours). The hidden cells are the variables of an exact constraint solver: every
    revealed number says how many of its hidden neighbours are mines, and the total number of
    mines is given. Each constraint is named by its revealed cell, so the constraints next to a
    set of cells are a 3x3 dilation of its bitmask; bitmask unit propagation runs on the
    numbers and the total. A second placement is looked for by refutation: after propagation,
    each open cell in turn is set against the true placement; if propagation does not refute
    that, a repair search does (it starts from the true placement, keeps the decided cells and
    branches on the open cells of a number that the change breaks, so it stays where the
    difference is; a placement it ends on is checked in full, hidden cells next to no number
    making up the total). A refuted cell is fixed to its true value before the next one. A
    repair longer than a few nodes hands over to a depth-first search of the whole board
    (branching on the tightest number). While a second placement exists, a random cell that is
    safe in the true placement and a mine in the other one is revealed (with flooding; the
    next search tries first the cells where that placement differed), so the loop ends with
    exactly one consistent placement: the mines are deducible from what is shown. With
    `hide` > 0, a random share of the revealed cells, in random order, is then hidden again,
    each one only if the placement stays unique, so fewer numbers carry the deduction. Hiding
    keeps uniqueness only if the other placements differ from the true one on or next to the
    hidden cells (else they would fit with those cells revealed), so only those cells are
    refuted. The cells are tried in batches of 6: a batch proved unique as a whole is what
    trying its cells one at a time gives (hiding a subset keeps uniqueness too), and a batch
    that is not is split in halves, the propagated state of the batch reused for them; other
    proofs start from the propagated state of the board with every cell still to be tried
    hidden (it holds for all of them). A hide after which a mine and a safe cell see the same
    numbers is refused without a search (swapping them is a second placement), and so is one
    that a second placement found earlier still fits. Boards with fewer than two hidden safe
    cells are redrawn (bounded attempts). A proof over its node budget counts as "not proved":
    a single cell stays revealed, a batch is split.
Difficulty:
    rows, cols: board size, 5x5 at level 1 up to 14x14 at level 10.
    density: fraction of the cells that are mines (0.12 at level 1 up to 0.2 at level 10);
        denser boards need longer chains of deduction.
    hide: share of the revealed cells that the generator tries to hide again (0 at levels 1-2,
        up to 0.8); fewer clues and more hidden safe cells to tell from the mines.
Prompt:
    "Here is a Minesweeper board with 8 rows and 8 columns ... '?' is a hidden cell; a digit is a
    revealed safe cell giving the number of mines among its up to 8 neighbours ... The board
    holds 9 mines in total, all in hidden cells ..." then the board with row and column numbers
    and the answer format.
Answer format:
    The mines as (row, column) pairs, 1-based (row 1 is the top row, column 1 the leftmost),
    in any order, separated by commas, spaces or newlines: ``(1, 3), (2, 5), (4, 4)``. Square
    brackets or lines of ``row, column`` also work. Also accepted: the whole board with ``*``
    on every mine (every other character is read as not a mine).
Verification:
    The marked cells must lie on the board, be hidden cells, be exactly as many as the mines,
    and agree with every revealed number; the first broken condition is the reason. Since the
    generator proved that exactly one placement fits the numbers and the total, a placement
    that fits them is the solution. No partial credit.
Version history:
    v1: first version; removed deliberately. Its uniqueness proofs were whole-board depth-first
        searches, and whether a cell could be hidden depended on their node counts, so it could
        not be made faster with the same output (about 600 instances/s at level 5).
    v2: refutation of the cells that can differ with a local repair search, hiding in batches
        split on failure, second placements kept to refute later trials, a bitmask flood fill:
        1.1 to 2.6 times as fast across the levels, about 1.9 times at level 5. Same knobs and
        levels; the boards differ (another second placement is found first) but the numbers
        shown per board stay within 2% of v1 at levels 1, 5 and 10.
"""

from __future__ import annotations

import random
from functools import cache
from math import comb

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIDE, MAX_SIDE = 4, 16
_MAX_ATTEMPTS = 60
_MAX_NODES = 1_500  # search nodes per uniqueness question; over budget counts as "not proved unique"
_REPAIR_NODES = 8  # nodes of one repair (see Placements._repair) before a search of the whole board
_BATCH = 6  # cells tried together when hiding; a batch that fails is split
_BATCH_NODES = 60  # the search budget for a batch: one that runs out is split, as one that fails


def neighbours(rows: int, cols: int) -> list[list[int]]:
    """The up to 8 neighbouring cell indices of every cell (row-major indices)."""
    out = []
    for r in range(rows):
        for c in range(cols):
            out.append([(r + dr) * cols + c + dc for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                        if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols])
    return out


# the set bits of every byte value, as cell indices for each byte position of a board mask
_BYTE_BITS = [[tuple(8 * k + i for i in range(8) if byte >> i & 1) for byte in range(256)]
              for k in range((MAX_SIDE * MAX_SIDE + 7) // 8)]


def _indices(mask: int) -> list[int]:
    """The set bits of ``mask``, lowest first."""
    out: list[int] = []
    k = 0
    while mask:
        out += _BYTE_BITS[k][mask & 255]
        mask >>= 8
        k += 1
    return out


def _lowest(mask: int, k: int) -> int:
    """The ``k`` lowest set bits of ``mask`` (it has at least ``k``)."""
    out = 0
    for _ in range(k):
        low = mask & -mask
        out |= low
        mask ^= low
    return out


class Board:
    """The geometry of a board as bitmasks: every cell's neighbours and whole-set dilation."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self.adj = neighbours(rows, cols)
        self.adj_masks = [sum(1 << n for n in around) for around in self.adj]
        self.full = (1 << rows * cols) - 1
        first_col = sum(1 << r * cols for r in range(rows))
        self.not_first = self.full & ~first_col
        self.not_last = self.full & ~(first_col << cols - 1)

    def around(self, cells: int) -> int:
        """The cells next to or in ``cells`` (a 3x3 dilation of the mask)."""
        row = cells | (cells << 1 & self.not_first) | (cells >> 1 & self.not_last)
        return (row | row << self.cols | row >> self.cols) & self.full


@cache
def board_of(rows: int, cols: int) -> Board:
    """The (shared, read-only) geometry of a board size."""
    return Board(rows, cols)


class Placements:
    """The mine placements that fit the revealed numbers and the total, over bitmasks of cells.

    Each revealed cell next to a hidden one is a constraint named by its own cell index, so the
    constraints touching a set of hidden cells are a dilation of that set, with no lists to build.
    """

    def __init__(self, counts: list[int], revealed: int, board: Board, total: int) -> None:
        hidden = board.full & ~revealed
        self.counts, self.board, self.total, self.hidden = counts, board, total, hidden
        self.active = board.around(hidden) & revealed  # the constraint cells
        self.frontier = board.around(self.active) & hidden
        self.cons: list[int] | None = None  # constraint masks in cell order, built when branching
        self.nodes = 0
        self.budget = 0  # node count at which ``_repair`` or ``_search`` gives up
        self.search_nodes = _MAX_NODES  # the budget of a search of the whole board
        self.root: tuple[int, int] | None = None  # the propagated state before any branching

    def _propagate(self, mines: int, safe: int, queue: int) -> tuple[int, int] | None:
        """Unit propagation on the number constraints and the total; None on a contradiction.

        The fixpoint does not depend on the order the constraints are visited in, so the queue is
        a bitmask of constraint cells, taken lowest first.
        """
        counts, adj_masks, hidden, active = self.counts, self.board.adj_masks, self.hidden, self.active
        around = self.board.around
        decided = mines | safe
        while True:
            while queue:
                low = queue & -queue
                queue ^= low
                cell = low.bit_length() - 1
                mask = adj_masks[cell] & hidden
                unknown = mask & ~decided
                need = counts[cell] - (mask & mines).bit_count()
                if not unknown:
                    if need:
                        return None
                    continue
                if need:
                    if need < 0:
                        return None
                    free = unknown.bit_count()
                    if need < free:
                        continue
                    if need > free:
                        return None
                    mines |= unknown
                else:
                    safe |= unknown
                decided |= unknown
                # the constraints next to the decided cells, but not this one: it is settled
                queue |= (adj_masks[unknown.bit_length() - 1] if not unknown & (unknown - 1)
                          else around(unknown)) & (active ^ low)
            unknown = hidden & ~decided
            need = self.total - mines.bit_count()
            free = unknown.bit_count()
            if need < 0 or need > free:
                return None
            if not free or 0 < need < free:
                return mines, safe
            if need:
                mines |= unknown
            else:
                safe |= unknown
            decided |= unknown
            queue = around(unknown) & active

    def other_near(self, mine_mask: int, cells: int, start: tuple[int, int, int]) -> int | None:
        """Another placement, 0 if ``mine_mask`` is the only one, None if not proved within the budget.

        ``mine_mask`` was the only placement with ``cells`` revealed too, so any other placement
        differs from it on ``cells`` or next to them (else it keeps their numbers and fits with
        them revealed): only those cells are set against the mines (see ``other``, also for
        ``start`` and ``root``).
        """
        state = self._propagate(*start)
        self.root = state
        if state is None:  # never: the mines fit
            return None
        near = self.board.around(cells) & self.hidden & ~(state[0] | state[1])
        return self._differing(*state, near, mine_mask)

    def other(self, mine_mask: int, start: tuple[int, int, int] | None = None, prefer: int = 0) -> int | None:
        """Another placement, 0 if ``mine_mask`` is the only one, None if not proved within the budget.

        ``start`` is (mines, safe, queue) for the first propagation, in place of nothing decided
        and every constraint queued: deductions known to hold, and the constraints that may add
        to them; ``root`` is set to the propagated state. Every open cell is set against the
        mines in turn, those of ``prefer`` first, then lowest first: a contradiction, or a repair
        that finds no placement (``_repair``), shows that every placement agrees with the mines
        on it, and it is fixed before the next. A long repair hands over to a search of the whole
        board (``_search``).
        """
        state = self._propagate(*(start or (0, 0, self.active)))
        self.root = state
        if state is None:  # never: the mines fit
            return None
        first = self.hidden & ~(state[0] | state[1]) & prefer
        if first:
            other = self._differing(*state, first, mine_mask)
            if other != 0:
                return other
            # every placement agrees with the mines on those cells
            state = self._propagate(state[0] | first & mine_mask, state[1] | first & ~mine_mask,
                                    self.board.around(first) & self.active)
            if state is None:  # never: the mines fit
                return None
        return self._differing(*state, self.hidden & ~(state[0] | state[1]), mine_mask)

    def _differing(self, mines: int, safe: int, near: int, mine_mask: int) -> int | None:
        """A placement that differs from ``mine_mask`` on ``near`` (open cells of a propagated state),
        0 if there is none, None if not proved within the budget."""
        active, adj_masks = self.active, self.board.adj_masks
        pending = 0  # the constraints next to the cells fixed since the last propagation
        while near:
            bit = near & -near
            near ^= bit
            pending |= adj_masks[bit.bit_length() - 1] & active
            state = self._propagate(*self._against(mines, safe, bit, mine_mask), pending)
            if state is not None:
                self.nodes, self.budget = 0, _REPAIR_NODES
                other = self._repair(*state, mine_mask)
                if other is None:  # a long repair: search the rest as a whole instead
                    return self._any_other(mines, safe, pending, mine_mask)
                if other:
                    return other
            if bit & mine_mask:
                mines |= bit
            else:
                safe |= bit
        return 0

    def _any_other(self, mines: int, safe: int, queue: int, mine_mask: int) -> int | None:
        """``other_near`` by a search of every placement from a state (not propagated since ``queue``)."""
        self.nodes, self.budget = 0, self.search_nodes
        state = self._propagate(mines, safe, queue)
        found: list[int] = []
        if state is None or not self._search(*state, 2, found):
            return None  # never None from _propagate: the mines fit
        others = [other for other in found if other != mine_mask]
        return others[0] if others else 0

    @staticmethod
    def _against(mines: int, safe: int, bit: int, mine_mask: int) -> tuple[int, int]:
        """The state with the cell ``bit`` set to the value it does not have in ``mine_mask``."""
        return (mines, safe | bit) if bit & mine_mask else (mines | bit, safe)

    def _repair(self, mines: int, safe: int, mine_mask: int) -> int | None:
        """A placement that extends a propagated state, 0 if there is none, None when over the node budget.

        The search repairs the placement ``mine_mask`` rather than building one: the decided
        cells keep their values, every open cell takes its value from ``mine_mask``, and while
        that breaks a number the search branches on an open cell of the broken number with the
        fewest (the other value first), so it stays where the difference is. A result is checked
        in full: every number near a changed cell, and the total (open cells next to no number
        make up for it).
        """
        self.nodes += 1
        if self.nodes > self.budget:
            return None
        decided = mines | safe
        diff = mines & ~mine_mask | safe & mine_mask
        candidate = mine_mask ^ diff
        counts, adj_masks, hidden = self.counts, self.board.adj_masks, self.hidden
        best, best_free = 0, 1 << 30
        for cell in _indices(self.board.around(diff) & self.active):
            mask = adj_masks[cell] & hidden
            if (mask & candidate).bit_count() != counts[cell]:
                unknown = mask & ~decided
                free = unknown.bit_count()
                if not free:
                    return 0  # never after propagation: a decided number is broken
                if free < best_free:
                    best, best_free = unknown, free
        if not best:
            extra = (candidate.bit_count() - self.total)  # mines to take away from the open cells next to no number
            spare = hidden & ~decided & ~self.frontier
            if extra >= 0 and (spare & mine_mask).bit_count() >= extra:
                return candidate & ~_lowest(spare & mine_mask, extra)
            if extra < 0 and (spare & ~mine_mask).bit_count() >= -extra:
                return candidate | _lowest(spare & ~mine_mask, -extra)
            best = self.frontier & ~decided
            if not best:  # every number is decided and met: the rest only has to hold the total
                need = self.total - mines.bit_count()
                return mines | _lowest(spare, need) if 0 <= need <= spare.bit_count() else 0
            best = self._branch_bit(best)
        bit = best & -best
        queue = adj_masks[bit.bit_length() - 1] & self.active
        for branch in (self._against(mines, safe, bit, mine_mask), (mines | bit & mine_mask, safe | bit & ~mine_mask)):
            state = self._propagate(*branch, queue)
            if state is not None:
                other = self._repair(*state, mine_mask)
                if other != 0:
                    return other
        return 0

    def _search(self, mines: int, safe: int, limit: int, found: list[int]) -> bool:
        """Depth-first search adding placements to ``found``; False when over the node budget."""
        self.nodes += 1
        if self.nodes > self.budget:
            return False
        unknown = self.hidden & ~(mines | safe)
        if not unknown:
            found.append(mines)
            return True
        open_frontier = unknown & self.frontier
        if not open_frontier:
            # the rest touches no number: any choice of the remaining mines among them fits
            cells = _indices(unknown)
            need = self.total - mines.bit_count()
            for shift in range(min(limit - len(found), comb(len(cells), need))):
                chosen = cells[shift:shift + need] if shift + need <= len(cells) else cells[-need:]
                found.append(mines | sum(1 << cell for cell in chosen))
            return True
        bit = self._branch_bit(open_frontier)
        queue = self.board.adj_masks[bit.bit_length() - 1] & self.active
        state = self._propagate(mines, safe | bit, queue)  # the cell safe first, then a mine
        if state is not None:
            if not self._search(state[0], state[1], limit, found):
                return False
            if len(found) >= limit:
                return True
        state = self._propagate(mines | bit, safe, queue)
        if state is not None:
            return self._search(state[0], state[1], limit, found)
        return True

    def _branch_bit(self, open_frontier: int) -> int:
        """The lowest open cell (as a bit) of the first constraint with the fewest open cells."""
        if self.cons is None:
            adj_masks, hidden = self.board.adj_masks, self.hidden
            self.cons = [adj_masks[cell] & hidden for cell in _indices(self.active)]
        best, best_free = 0, 1 << 30
        for mask in self.cons:
            unknown = mask & open_frontier
            if unknown:
                free = unknown.bit_count()
                if free < best_free:
                    if free == 2:  # the fewest possible: a propagated constraint with 1 open cell fires
                        return unknown & -unknown
                    best, best_free = unknown, free
        return best & -best


def _reveal(cell: int, revealed: int, zeros: int, board: Board) -> int:
    """Reveal a safe cell, flooding from zeros like the game does (``zeros``: the safe cells showing 0)."""
    new = 1 << cell & ~revealed
    grown = new
    while grown := grown & zeros:  # the newly revealed zeros reveal their hidden neighbours
        grown = board.around(grown) & ~revealed & ~new
        new |= grown
    return revealed | new


def make_unique(mine_mask: int, revealed: int, counts: list[int], board: Board, total: int,
                rng: random.Random) -> int:
    """Reveal safe cells until the mine placement is the only one that fits; returns the revealed mask.

    Each step reveals a random cell that is a mine in another placement (``Placements.other``).
    """
    known = None
    prefer = 0
    zeros = _zeros(mine_mask, counts)
    while True:
        placements = Placements(counts, revealed, board, total)
        start = None
        if known is not None:
            # the deductions of fewer revealed cells still hold; only the numbers next to the
            # newly revealed cells can add to them
            mines, safe, before = known
            fresh = revealed & ~before
            start = (mines, safe & placements.hidden, board.around(fresh) & placements.active)
        other = placements.other(mine_mask, start, prefer)
        if placements.root is not None:  # always: the true placement fits
            known = (*placements.root, revealed)
        if other == 0:
            return revealed
        if other is not None:
            prefer = other ^ mine_mask  # the next other placement is likely to differ there too
            choices = _indices(other & ~mine_mask)
        else:
            # over budget: reveal a safe hidden cell next to a revealed one instead
            hidden_safe = board.full & ~revealed & ~mine_mask
            choices = _indices(board.around(revealed) & hidden_safe) or _indices(hidden_safe)
        revealed = _reveal(choices[int(rng.random() * len(choices))], revealed, zeros, board)


def _zeros(mine_mask: int, counts: list[int]) -> int:
    """The safe cells with no mine around them."""
    return sum(1 << cell for cell, count in enumerate(counts) if not count) & ~mine_mask


def _fits(other: int, mine_mask: int, revealed: int, counts: list[int], board: Board) -> bool:
    """Whether a placement with the right total fits the numbers of ``revealed``.

    It agrees with ``mine_mask``, which fits them, except next to the cells where they differ.
    """
    if other & revealed:
        return False
    adj_masks = board.adj_masks
    for cell in _indices(board.around(other ^ mine_mask) & revealed):
        if (adj_masks[cell] & other).bit_count() != counts[cell]:
            return False
    return True


def thin_out(mine_mask: int, revealed: int, counts: list[int], board: Board, total: int,
             hide: float, rng: random.Random) -> int:
    """Try to hide a fraction of the revealed cells again, each only if the placement stays the only one.

    The cells are taken in a random order and tried in batches (see ``_Hider``); the result is
    the one of trying them one at a time, except where a proof runs over its node budget.
    """
    order = _indices(revealed)
    rng.shuffle(order)
    tried = order[:round(hide * len(order))]
    hider = _Hider(mine_mask, revealed, counts, board, total, sum(1 << cell for cell in tried))
    batch = 0
    size = 0
    for cell in tried:
        bit = 1 << cell
        if _swappable(mine_mask, hider.revealed & ~batch & ~bit, cell, board):
            # a second placement with the batch and this cell hidden; a swap that works with the
            # batch revealed works whatever part of it gets hidden (the two cells still see the
            # same numbers), else the batch is settled first
            if not _swappable(mine_mask, hider.revealed & ~bit, cell, board):
                hider.hide(batch, size)
                batch, size = 0, 0
                if not _swappable(mine_mask, hider.revealed & ~bit, cell, board):
                    batch, size = bit, 1
                    continue
            hider.keep(bit)
            continue
        batch |= bit
        size += 1
        if size == _BATCH:
            hider.hide(batch, size)
            batch, size = 0, 0
    hider.hide(batch, size)
    return hider.revealed


class _Hider:
    """Hides revealed cells while the mine placement stays the only one that fits.

    Hiding a set of cells keeps the placement unique only if hiding each of its subsets does (a
    placement that fits fewer numbers fits more), so a batch that stays unique as a whole is what
    trying its cells one at a time in order would give, and a batch that does not is split in
    halves, the first half settled before the second. The other placements found on the way are
    kept: one that still fits a later trial refutes it without a search. Every trial reveals at
    least the cells that are not to be tried or were kept, so the propagated state of those
    (``base``, kept up to date as cells are kept) is where its propagation starts.
    """

    def __init__(self, mine_mask: int, revealed: int, counts: list[int], board: Board, total: int,
                 tried: int) -> None:
        self.mine_mask, self.revealed, self.counts, self.board, self.total = mine_mask, revealed, counts, board, total
        self.untried = tried  # the cells not kept nor hidden yet
        self.base: tuple[int, int, int] | None = None  # (mines, safe, revealed), see ``_base``
        self.others: list[int] = []

    def keep(self, cells: int) -> None:
        """Settle ``cells`` as revealed."""
        self.untried &= ~cells

    def hide(self, cells: int, size: int, known: tuple[int, int, int] | None = None) -> None:
        """Hide the cells of ``cells`` (``size`` of them) that trying them one at a time in order would hide.

        ``known`` is (mines, safe, revealed): a propagated state for fewer revealed cells than
        any trial here, its deductions still hold (from a failed trial of a larger batch, or
        ``base``).
        """
        if not size:
            return
        trial = self.revealed & ~cells
        if not any(_fits(other, self.mine_mask, trial, self.counts, self.board) for other in self.others):
            placements = Placements(self.counts, trial, self.board, self.total)
            if size > 1:  # splitting is cheaper than a long search
                placements.search_nodes = _BATCH_NODES
            mines, safe, before = known or self._base()
            # only the numbers of the cells revealed since, and those next to them, can add to it
            hidden = placements.hidden
            start = (mines & hidden, safe & hidden, self.board.around(trial & ~before) & placements.active)
            other = placements.other_near(self.mine_mask, cells, start)
            if other == 0:
                self.revealed = trial
                self.untried &= ~cells
                return
            if other is not None:
                self.others.append(other)
            if placements.root is not None:  # always: the mines fit
                known = (*placements.root, trial)
        if size > 1:
            bits = _indices(cells)
            half = size // 2
            first = sum(1 << cell for cell in bits[:half])
            self.hide(first, half, known)
            self.hide(cells ^ first, size - half, known)
        else:
            self.keep(cells)

    def _base(self) -> tuple[int, int, int]:
        """The propagated state with the cells still to be tried hidden, as (mines, safe, revealed)."""
        revealed = self.revealed & ~self.untried
        if self.base is None:
            placements = Placements(self.counts, revealed, self.board, self.total)
            state = placements._propagate(0, 0, placements.active)
        elif self.base[2] != revealed:  # cells kept since: their numbers add to it
            mines, safe, before = self.base
            placements = Placements(self.counts, revealed, self.board, self.total)
            hidden = placements.hidden
            state = placements._propagate(mines & hidden, safe & hidden,
                                          self.board.around(revealed & ~before) & placements.active)
        else:
            return self.base
        if state is None:  # never: the mines fit
            raise GenerationError("minesweeper: the true placement does not fit its own numbers")
        self.base = (*state, revealed)
        return self.base


def _swappable(mine_mask: int, revealed: int, cell: int, board: Board) -> bool:
    """Whether a mine and a safe hidden cell, one of them ``cell`` or next to it, see the same numbers.

    Swapping them keeps every number and the total, so the placement is not the only one and
    hiding ``cell`` is refused without a search. Only the pairs whose revealed neighbours
    changed when ``cell`` was hidden are looked at: the others were there before, when the
    placement was the only one.
    """
    adj_masks = board.adj_masks
    hidden = board.full & ~revealed
    no_numbers = -1  # hidden cells next to no revealed cell, computed when needed
    changed = adj_masks[cell] & hidden | 1 << cell
    while changed:
        bit = changed & -changed
        changed ^= bit
        x = bit.bit_length() - 1
        key = adj_masks[x] & revealed
        if key:
            near, rest = hidden, key
            while rest:  # the hidden cells next to every number x sees
                low = rest & -rest
                rest ^= low
                near &= adj_masks[low.bit_length() - 1]
        else:
            if no_numbers < 0:
                no_numbers = hidden & ~board.around(revealed)
            near = no_numbers
        near &= mine_mask ^ hidden if bit & mine_mask else mine_mask
        while near:
            low = near & -near
            near ^= low
            if adj_masks[low.bit_length() - 1] & revealed == key:
                return True
    return False


def board_rows(rows: int, cols: int, counts: list[int], revealed: int) -> list[str]:
    """The board as text rows: the number of a revealed cell, '?' for a hidden one."""
    chars = [str(count) if revealed >> cell & 1 else "?" for cell, count in enumerate(counts)]
    return ["".join(chars[r * cols:(r + 1) * cols]) for r in range(rows)]


def render(board: list[str]) -> str:
    """The board with column numbers on top and row numbers on the left."""
    cols = len(board[0])
    width = len(str(max(len(board), cols)))
    head = " " * (width + 1) + " ".join(f"{c + 1:>{width}}" for c in range(cols))
    lines = [head] + [f"{r + 1:>{width}} " + " ".join(ch.rjust(width) for ch in row) for r, row in enumerate(board)]
    return "\n".join(lines)


def _question(board: list[str], total: int) -> str:
    rows, cols = len(board), len(board[0])
    return (
        f"Here is a Minesweeper board with {rows} rows and {cols} columns. '?' is a hidden cell; a digit "
        "is a revealed cell, which is never a mine, and gives the number of mines among its up to 8 "
        "neighbouring cells (horizontally, vertically and diagonally adjacent). "
        f"The board holds exactly {total} mines in total, all of them in hidden cells. The revealed "
        "numbers and the total allow exactly one placement of the mines, found without guessing. "
        f"Rows are numbered 1 to {rows} from the top, columns 1 to {cols} from the left.\n\n"
        f"{render(board)}\n\n"
        "Find every mine. Answer with the positions of all the mines as (row, column) pairs, in any "
        "order, separated by commas, for example: (1, 3), (2, 5), (4, 4)."
    )


def generate(rng: random.Random, *, rows: int, cols: int, density: float, hide: float) -> Problem:
    for name, value in (("rows", rows), ("cols", cols)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise InvalidParameterError(f"minesweeper: expected {name} in [{MIN_SIDE}, {MAX_SIDE}], found {value!r}")
    cells = rows * cols
    total = round(density * cells)
    if not 0.0 <= hide <= 1.0:
        raise InvalidParameterError(f"minesweeper: expected hide in [0, 1], found {hide!r}")
    if not 2 <= total <= cells - 12:
        raise InvalidParameterError(
            f"minesweeper: expected density to give between 2 and {cells - 12} mines on a {rows}x{cols} "
            f"board, found {density!r} ({total} mines)"
        )
    board = board_of(rows, cols)
    adj_masks = board.adj_masks
    for _ in range(_MAX_ATTEMPTS):
        start = int(rng.random() * cells)
        away = adj_masks[start] | 1 << start  # the first click and its neighbours hold no mine
        allowed = [cell for cell in range(cells) if not away >> cell & 1]
        mine_mask = sum(1 << cell for cell in rng.sample(allowed, total))
        counts = [(mine_mask & around).bit_count() for around in adj_masks]
        revealed = _reveal(start, 0, _zeros(mine_mask, counts), board)
        revealed = make_unique(mine_mask, revealed, counts, board, total, rng)
        if hide > 0:
            revealed = thin_out(mine_mask, revealed, counts, board, total, hide, rng)
        hidden_safe = (((1 << cells) - 1) & ~revealed & ~mine_mask).bit_count()
        if hidden_safe < 2:
            continue
        shown = board_rows(rows, cols, counts, revealed)
        mines = [[cell // cols + 1, cell % cols + 1] for cell in _indices(mine_mask)]
        data = {"rows": rows, "cols": cols, "board": shown, "total": total, "mines": mines}
        reference = ", ".join(f"({r}, {c})" for r, c in mines)
        return Problem(question=_question(shown, total), data=data, reference=reference)
    raise GenerationError(f"minesweeper: no {rows}x{cols} board with {total} mines in {_MAX_ATTEMPTS} attempts")
