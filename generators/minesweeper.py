"""Minesweeper: find every mine of a partly revealed board; the mines follow without guessing.

Description:
    Mines are placed at random (their number is round(density * cells)), away from a random
    first click, which is revealed and flooded like in the game (a revealed 0 reveals its
    neighbours). The hidden cells are the variables of an exact constraint solver: every
    revealed number says how many of its hidden neighbours are mines, and the total number of
    mines is given. The solver (bitmask unit propagation on the number constraints and on the
    total, branching on a frontier cell of the tightest constraint, hidden cells next to no
    number handled by a count) looks for a second mine placement that fits everything; each
    constraint is named by its revealed cell, so the constraints next to a set of cells are a
    3x3 dilation of its bitmask. While one exists, a cell that is safe in the true placement
    and a mine in the other one is revealed (with flooding), so the loop ends with exactly one
    consistent placement: the mines are deducible from what is shown. With `hide` > 0, a
    random share of the revealed cells is then hidden again, each one only if the placement
    stays unique, so fewer numbers carry the deduction (a hide after which a mine and a safe
    cell see the same numbers is refused without a search: swapping them is a second
    placement). Boards with fewer than two hidden safe cells are redrawn (bounded attempts).
    A uniqueness search over its node budget counts as "not proved": the cell stays revealed.
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
    v1: first version.
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

    def find(self, limit: int = 2, start: tuple[int, int, int] | None = None) -> list[int] | None:
        """Up to ``limit`` distinct placements (masks of mines); None when the node budget ran out.

        ``start`` is (mines, safe, queue) for the first propagation, in place of nothing decided
        and every constraint queued: deductions known to hold, and the constraints that may add
        to them (see ``make_unique`` and ``thin_out``); the propagated state is the same.
        """
        self.nodes = 0
        state = self._propagate(*(start or (0, 0, self.active)))
        self.root = state
        found: list[int] = []
        if state is not None and not self._search(*state, limit, found):
            return None
        return found

    def _search(self, mines: int, safe: int, limit: int, found: list[int]) -> bool:
        """Depth-first search adding placements to ``found``; False when over the node budget."""
        self.nodes += 1
        if self.nodes > _MAX_NODES:
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


def _reveal(cell: int, revealed: int, counts: list[int], adj: list[list[int]]) -> int:
    """Reveal a safe cell, flooding from zeros like the game does."""
    stack = [cell]
    while stack:
        cur = stack.pop()
        if revealed >> cur & 1:
            continue
        revealed |= 1 << cur
        if counts[cur] == 0:
            stack.extend(n for n in adj[cur] if not revealed >> n & 1)
    return revealed


def make_unique(mine_mask: int, revealed: int, counts: list[int], board: Board, total: int,
                rng: random.Random) -> int:
    """Reveal safe cells until the mine placement is the only one that fits; returns the revealed mask."""
    known = None
    while True:
        placements = Placements(counts, revealed, board, total)
        start = None
        if known is not None:
            # the deductions of fewer revealed cells still hold; only the numbers next to the
            # newly revealed cells can add to them
            mines, safe, before = known
            fresh = revealed & ~before
            start = (mines, safe & placements.hidden, board.around(fresh) & placements.active)
        found = placements.find(2, start)
        if placements.root is not None:  # always: the true placement fits
            known = (*placements.root, revealed)
        if found is not None:
            others = [placement for placement in found if placement != mine_mask]
            if not others:
                return revealed
            choices = _indices(others[0] & ~mine_mask)
        else:
            # over budget: reveal a safe hidden cell next to a revealed one instead
            hidden_safe = board.full & ~revealed & ~mine_mask
            choices = _indices(board.around(revealed) & hidden_safe) or _indices(hidden_safe)
        revealed = _reveal(choices[int(rng.random() * len(choices))], revealed, counts, board.adj)


def thin_out(mine_mask: int, revealed: int, counts: list[int], board: Board, total: int,
             hide: float, rng: random.Random) -> int:
    """Try to hide a fraction of the revealed cells again, each only if the placement stays the only one."""
    order = _indices(revealed)
    rng.shuffle(order)
    adj_masks = board.adj_masks
    firing = _firing(revealed, counts, board)
    for cell in order[:round(hide * len(order))]:
        trial = revealed & ~(1 << cell)
        if _swappable(mine_mask, trial, cell, board):
            continue
        # only the numbers next to the hidden cell see one more hidden cell
        hidden = board.full & ~trial
        near = adj_masks[cell] & trial
        trial_firing = firing & ~near & ~(1 << cell)
        while near:
            bit = near & -near
            near ^= bit
            n = bit.bit_length() - 1
            if not counts[n] or counts[n] >= (adj_masks[n] & hidden).bit_count():
                trial_firing |= bit
        placements = Placements(counts, trial, board, total)
        if placements.find(2, (0, 0, trial_firing & placements.active)) == [mine_mask]:
            revealed, firing = trial, trial_firing
    return revealed


def _firing(revealed: int, counts: list[int], board: Board) -> int:
    """The revealed cells whose number decides its hidden neighbours when nothing else is known.

    That is a 0, or a number that counts all its hidden neighbours (or more: a contradiction).
    The others can only decide something after a neighbour is decided, which queues them, so
    propagation may start from these alone.
    """
    hidden = board.full & ~revealed
    adj_masks = board.adj_masks
    firing = 0
    for cell in _indices(revealed):
        if not counts[cell] or counts[cell] >= (adj_masks[cell] & hidden).bit_count():
            firing |= 1 << cell
    return firing


def _swappable(mine_mask: int, revealed: int, cell: int, board: Board) -> bool:
    """Whether a mine and a safe hidden cell, one of them ``cell`` or next to it, see the same numbers.

    Swapping them keeps every number and the total, so the placement is not the only one (and
    the exhaustive search would find the other one). Only the pairs whose revealed neighbours
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
    return ["".join(str(counts[r * cols + c]) if revealed >> (r * cols + c) & 1 else "?" for c in range(cols))
            for r in range(rows)]


def render(board: list[str]) -> str:
    """The board with column numbers on top and row numbers on the left."""
    cols = len(board[0])
    width = len(str(max(len(board), cols)))
    head = " " * (width + 1) + " ".join(f"{c + 1:>{width}}" for c in range(cols))
    lines = [head] + [f"{r + 1:>{width}} " + " ".join(f"{ch:>{width}}" for ch in row) for r, row in enumerate(board)]
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
    adj, adj_masks = board.adj, board.adj_masks
    for _ in range(_MAX_ATTEMPTS):
        start = int(rng.random() * cells)
        allowed = [cell for cell in range(cells) if cell != start and cell not in adj[start]]
        mine_mask = sum(1 << cell for cell in rng.sample(allowed, total))
        counts = [(mine_mask & around).bit_count() for around in adj_masks]
        revealed = _reveal(start, 0, counts, adj)
        revealed = make_unique(mine_mask, revealed, counts, board, total, rng)
        if hide > 0:
            revealed = thin_out(mine_mask, revealed, counts, board, total, hide, rng)
        hidden_safe = (((1 << cells) - 1) & ~revealed & ~mine_mask).bit_count()
        if hidden_safe < 2:
            continue
        board = board_rows(rows, cols, counts, revealed)
        mines = [[cell // cols + 1, cell % cols + 1] for cell in _indices(mine_mask)]
        data = {"rows": rows, "cols": cols, "board": board, "total": total, "mines": mines}
        reference = ", ".join(f"({r}, {c})" for r, c in mines)
        return Problem(question=_question(board, total), data=data, reference=reference)
    raise GenerationError(f"minesweeper: no {rows}x{cols} board with {total} mines in {_MAX_ATTEMPTS} attempts")
