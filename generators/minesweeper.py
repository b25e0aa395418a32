"""Minesweeper: find every mine of a partly revealed board; the mines follow without guessing.

Description:
    Mines are placed at random (their number is round(density * cells)), away from a random
    first click, which is revealed and flooded like in the game (a revealed 0 reveals its
    neighbours). The hidden cells are the variables of an exact constraint solver: every
    revealed number says how many of its hidden neighbours are mines, and the total number of
    mines is given. The solver (bitmask unit propagation on the number constraints and on the
    total, branching on a frontier cell of the tightest constraint, hidden cells next to no
    number handled by a count) looks for a second mine placement that fits everything. While
    one exists, a cell that is safe in the true placement and a mine in the other one is
    revealed (with flooding), so the loop ends with exactly one consistent placement: the mines
    are deducible from what is shown. With `hide` > 0, a random share of the revealed cells is
    then hidden again, each one only if the placement stays unique, so fewer numbers carry the
    deduction. Boards with fewer than two hidden safe cells are redrawn (bounded attempts).
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


def _indices(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class Placements:
    """The mine placements that fit the revealed numbers and the total, over bitmasks of cells."""

    def __init__(self, counts: list[int], revealed: int, adj: list[list[int]], total: int) -> None:
        cells = len(counts)
        self.hidden = ((1 << cells) - 1) & ~revealed
        self.total = total
        self.cons: list[tuple[int, int]] = []  # (mask of hidden neighbours, mines among them)
        self.cons_of: list[list[int]] = [[] for _ in range(cells)]
        for cell in _indices(revealed):
            mask = sum(1 << n for n in adj[cell]) & self.hidden
            if mask:
                for n in _indices(mask):
                    self.cons_of[n].append(len(self.cons))
                self.cons.append((mask, counts[cell]))
        self.frontier = 0
        for mask, _ in self.cons:
            self.frontier |= mask
        self.nodes = 0

    def _propagate(self, mines: int, safe: int, queue: set[int]) -> tuple[int, int] | None:
        """Unit propagation on the number constraints and the total; None on a contradiction."""
        cons, cons_of, hidden = self.cons, self.cons_of, self.hidden
        while True:
            while queue:
                mask, count = cons[queue.pop()]
                unknown = mask & ~(mines | safe)
                need = count - (mask & mines).bit_count()
                free = unknown.bit_count()
                if need < 0 or need > free:
                    return None
                if not free or 0 < need < free:
                    continue
                if need:
                    mines |= unknown
                else:
                    safe |= unknown
                for cell in _indices(unknown):
                    queue.update(cons_of[cell])
            unknown = hidden & ~(mines | safe)
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
            for cell in _indices(unknown):
                queue.update(cons_of[cell])

    def find(self, limit: int = 2) -> list[int] | None:
        """Up to ``limit`` distinct placements (masks of mines); None when the node budget ran out."""
        self.nodes = 0
        state = self._propagate(0, 0, set(range(len(self.cons))))
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
        cell = self._branch_cell(mines, safe, open_frontier)
        bit = 1 << cell
        for child in ((mines, safe | bit), (mines | bit, safe)):
            state = self._propagate(*child, set(self.cons_of[cell]))
            if state is not None:
                if not self._search(*state, limit, found):
                    return False
                if len(found) >= limit:
                    return True
        return True

    def _branch_cell(self, mines: int, safe: int, open_frontier: int) -> int:
        """A hidden cell of the constraint with the fewest undecided cells."""
        best, best_free = 0, 1 << 30
        for mask, _ in self.cons:
            unknown = mask & open_frontier
            if unknown:
                free = unknown.bit_count()
                if free < best_free:
                    best, best_free = unknown, free
                    if free == 2:
                        break
        return (best & -best).bit_length() - 1


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


def make_unique(mine_mask: int, revealed: int, counts: list[int], adj: list[list[int]], total: int,
                rng: random.Random) -> int:
    """Reveal safe cells until the mine placement is the only one that fits; returns the revealed mask."""
    cells = len(counts)
    while True:
        found = Placements(counts, revealed, adj, total).find(2)
        if found is not None:
            others = [placement for placement in found if placement != mine_mask]
            if not others:
                return revealed
            choices = _indices(others[0] & ~mine_mask)
        else:
            # over budget: reveal a safe hidden cell next to a revealed one instead
            border = 0
            for cell in _indices(revealed):
                border |= sum(1 << n for n in adj[cell])
            hidden_safe = ((1 << cells) - 1) & ~revealed & ~mine_mask
            choices = _indices(border & hidden_safe) or _indices(hidden_safe)
        revealed = _reveal(choices[int(rng.random() * len(choices))], revealed, counts, adj)


def thin_out(mine_mask: int, revealed: int, counts: list[int], adj: list[list[int]], total: int,
             hide: float, rng: random.Random) -> int:
    """Try to hide a fraction of the revealed cells again, each only if the placement stays the only one."""
    order = _indices(revealed)
    rng.shuffle(order)
    for cell in order[:round(hide * len(order))]:
        trial = revealed & ~(1 << cell)
        if Placements(counts, trial, adj, total).find(2) == [mine_mask]:
            revealed = trial
    return revealed


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
    adj = neighbours(rows, cols)
    for _ in range(_MAX_ATTEMPTS):
        start = int(rng.random() * cells)
        allowed = [cell for cell in range(cells) if cell != start and cell not in adj[start]]
        mine_mask = sum(1 << cell for cell in rng.sample(allowed, total))
        counts = [sum(mine_mask >> n & 1 for n in adj[cell]) for cell in range(cells)]
        revealed = _reveal(start, 0, counts, adj)
        revealed = make_unique(mine_mask, revealed, counts, adj, total, rng)
        if hide > 0:
            revealed = thin_out(mine_mask, revealed, counts, adj, total, hide, rng)
        hidden_safe = (((1 << cells) - 1) & ~revealed & ~mine_mask).bit_count()
        if hidden_safe < 2:
            continue
        board = board_rows(rows, cols, counts, revealed)
        mines = [[cell // cols + 1, cell % cols + 1] for cell in _indices(mine_mask)]
        data = {"rows": rows, "cols": cols, "board": board, "total": total, "mines": mines}
        reference = ", ".join(f"({r}, {c})" for r, c in mines)
        return Problem(question=_question(board, total), data=data, reference=reference)
    raise GenerationError(f"minesweeper: no {rows}x{cols} board with {total} mines in {_MAX_ATTEMPTS} attempts")
