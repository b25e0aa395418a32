"""Sokoban: push every box onto a goal in a small walled room, within a move budget.

Description:
    A room of width x height floor cells inside a wall border, with some inner wall blocks. Boxes
    start on the goals and are pulled away by ``scramble`` random reverse moves (the player pulls
    a box one cell towards itself), so every puzzle is solvable; no box starts on a goal and no
    puzzle takes fewer than 4 moves. An A* search over (box positions, player cell) states, where
    one edge is a shortest walk followed by one push and costs the walk length + 1, then finds a
    solution with the fewest moves (the reference) and proves its length is the optimum: the
    heuristic (the fewest pushes over assignments of boxes to distinct goals, each box moving
    alone) is consistent. Pushes onto squares from which no box can reach a goal, and pushes that
    freeze a box off its goal in a 2x2 block of walls and boxes, are pruned (neither can lie on
    any solution). Rooms whose search passes a state cap are skipped, never mis-solved.
Difficulty:
    width, height: the floor area inside the border (5x5 at level 1, 8x7 at level 10).
    boxes: number of boxes and goals (1 at levels 1-2, 4 at levels 9-10).
    scramble: reverse pulls that build the start position (3 at level 1, 30 at level 10).
    slack: the move budget is the optimum plus this percentage of it, rounded up (100% at level
        1, 0% at level 10: only an optimal solution fits).
Prompt:
    The legend (# wall, - floor, . goal, $ box, * box on a goal, @ you, + you on a goal), the
    rules (walk U/D/L/R, push one box by walking into it, never pull, never push two boxes or a
    box into a wall), the room in rows, and the move budget.
Answer format:
    The moves as one string of U, D, L, R (``LLURDR``); lower case, spaces, commas, dashes and
    the words up/down/left/right (or north/south/west/east, or arrows) are read too.
Verification:
    The moves are simulated: walking into a wall or pushing a box into a wall or another box is
    an illegal move (wrong). Any sequence of at most ``budget`` moves that leaves every box on a
    goal is accepted, not only the reference. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import deque
from itertools import permutations
from operator import itemgetter

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIDE, MAX_SIDE = 4, 10
MAX_BOXES = 5
_WALL_DENSITY = 0.15
_MAX_ATTEMPTS = 300
_MAX_STATES = 6_000  # search effort per room; rooms past it are skipped, not mis-solved
_MIN_MOVES = 4
_UNREACHABLE = 10_000
_STEPS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


class Room:
    """Static room geometry on a (height + 2) x (width + 2) board with a wall border; cells are r * cols + c."""

    def __init__(self, walls: list[list[bool]]) -> None:
        self.rows, self.cols = len(walls), len(walls[0])
        self.walls = walls
        self.floor = [r * self.cols + c for r in range(self.rows) for c in range(self.cols) if not walls[r][c]]
        self.floor_set = set(self.floor)
        self.floor_mask = sum(1 << cell for cell in self.floor)
        self.wall_mask = ((1 << (self.rows * self.cols)) - 1) & ~self.floor_mask
        self.square = 0b11 | 0b11 << self.cols
        self.delta = {move: dr * self.cols + dc for move, (dr, dc) in _STEPS.items()}

    def region(self, start: int, boxes: frozenset[int]) -> dict[int, tuple[int, str]]:
        """BFS from the player: every reachable cell -> (previous cell, move into it)."""
        parents = {start: (-1, "")}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            for move, step in self.delta.items():
                nxt = cell + step
                if nxt in self.floor_set and nxt not in boxes and nxt not in parents:
                    parents[nxt] = (cell, move)
                    queue.append(nxt)
        return parents

    def frozen_square(self, cell: int, boxes: int, goals: int) -> bool:
        """Whether ``cell`` lies in a 2x2 square of walls and boxes holding a box off its goal:
        none of those boxes can ever move again, so the position is lost."""
        blocked = self.wall_mask | boxes
        for corner in (cell, cell - 1, cell - self.cols, cell - self.cols - 1):
            square = self.square << corner
            if square & blocked == square and square & boxes & ~goals:
                return True
        return False

    def push_distances(self, goals: frozenset[int] | tuple[int, ...]) -> dict[int, int]:
        """For every cell from which a lone box can be pushed to one of ``goals``, the fewest pushes needed.

        Found by pulling boxes off the goals (BFS); cells missing from the result are dead squares.
        """
        distance, queue = dict.fromkeys(goals, 0), deque(goals)
        while queue:
            cell = queue.popleft()
            for step in self.delta.values():
                to, player = cell + step, cell + 2 * step
                if to in self.floor_set and player in self.floor_set and to not in distance:
                    distance[to] = distance[cell] + 1
                    queue.append(to)
        return distance


def _walk(parents: dict[int, tuple[int, str]], target: int) -> str:
    moves = []
    while parents[target][0] != -1:
        target, move = parents[target]
        moves.append(move)
    return "".join(reversed(moves))


def _bits(mask: int) -> list[int]:
    cells = []
    while mask:
        low = mask & -mask
        cells.append(low.bit_length() - 1)
        mask ^= low
    return cells


def _walk_lengths(room: Room, player: int, boxes: int, targets: int) -> dict[int, int]:
    """Walk length from the player to every reachable target cell (bitmasks; layered flood fill)."""
    free, cols = room.floor_mask & ~boxes, room.cols
    frontier = visited = 1 << player
    lengths = dict.fromkeys(_bits(frontier & targets), 0)
    remaining, layer = targets & ~frontier, 0
    while frontier and remaining:
        layer += 1
        frontier = ((frontier << 1) | (frontier >> 1) | (frontier << cols) | (frontier >> cols)) & free & ~visited
        visited |= frontier
        hits = frontier & remaining
        if hits:
            remaining ^= hits
            for cell in _bits(hits):
                lengths[cell] = layer
    return lengths


class _MatchingBound:
    """Fewest pushes to bring the boxes onto distinct goals, each box moving alone (a lower bound).

    Minimum over box-to-goal assignments (boxes are few, so all permutations are tried) of the
    summed per-goal push distances; None when no assignment is reachable. Cached per box set.
    """

    def __init__(self, room: Room, goals: frozenset[int]) -> None:
        per_goal = [room.push_distances((goal,)) for goal in sorted(goals)]
        self.distances = {cell: [d.get(cell, _UNREACHABLE) for d in per_goal] for cell in room.floor}
        count = len(goals)
        # each assignment as one getter over the flattened box x goal cost matrix
        self.assignments = [itemgetter(*(box * count + goal for box, goal in enumerate(order)), count * count)
                            for order in permutations(range(count))]
        self.cache: dict[int, int | None] = {}

    def __call__(self, box_mask: int) -> int | None:
        if box_mask in self.cache:
            return self.cache[box_mask]
        matrix = [cost for box in _bits(box_mask) for cost in self.distances[box]]
        matrix.append(0)  # the extra index keeps every getter returning a tuple, even for one box
        value = min(sum(assignment(matrix)) for assignment in self.assignments)
        self.cache[box_mask] = result = value if value < _UNREACHABLE else None
        return result


def solve(room: Room, boxes: frozenset[int], goals: frozenset[int], player: int) -> str | None:
    """A solution with the fewest moves, or None past the state cap.

    A* over push states: an edge is a shortest walk to a box plus one push, costing the walk
    length + 1. The heuristic, the fewest pushes over assignments of boxes to distinct goals, is
    consistent (a push changes one box's distances by at most 1 and costs at least 1), so the
    first goal state popped has the optimal cost.
    """
    pushes = room.push_distances(goals)
    bound = _MatchingBound(room, goals)
    goal_mask = sum(1 << cell for cell in goals)
    start = (sum(1 << cell for cell in boxes), player)
    if bound(start[0]) is None:
        return None
    best = {start: 0}
    came: dict[tuple[int, int], tuple[tuple[int, int], int, str]] = {}
    heap = [(bound(start[0]), 0, 0, start)]
    counter = 0
    while heap:
        _, negative_cost, _, state = heapq.heappop(heap)
        cost = -negative_cost
        if cost > best[state]:
            continue
        box_mask, position = state
        if box_mask == goal_mask:
            return _path(room, came, state)
        box_cells = _bits(box_mask)
        candidates = [(box, move, step) for box in box_cells for move, step in room.delta.items()
                      if box + step in pushes and not box_mask >> (box + step) & 1]
        stands = 0
        for box, _, step in candidates:
            stands |= 1 << (box - step)
        lengths = _walk_lengths(room, position, box_mask, stands)
        for box, move, step in candidates:
            walk = lengths.get(box - step)
            if walk is None:
                continue
            moved = box_mask ^ (1 << box) ^ (1 << (box + step))
            if room.frozen_square(box + step, moved, goal_mask):
                continue
            heuristic = bound(moved)
            if heuristic is None:
                continue  # no assignment of boxes to distinct goals is reachable any more
            nxt = (moved, box)
            new_cost = cost + walk + 1
            if new_cost < best.get(nxt, math.inf):
                best[nxt] = new_cost
                came[nxt] = (state, box, move)
                counter += 1
                heapq.heappush(heap, (new_cost + heuristic, -new_cost, counter, nxt))
        if len(best) > _MAX_STATES:
            return None
    return None


def _path(room: Room, came: dict, state: tuple[int, int]) -> str:
    """The moves of the solution ending in ``state``: each push preceded by a shortest walk."""
    pushes = []
    while state in came:
        state, box, move = came[state]
        pushes.append((state, box, move))
    pieces = []
    for (box_mask, player), box, move in reversed(pushes):
        parents = room.region(player, frozenset(_bits(box_mask)))
        pieces.append(_walk(parents, box - room.delta[move]) + move)
    return "".join(pieces)


def _room(rng: random.Random, width: int, height: int) -> Room | None:
    walls = [[r in (0, height + 1) or c in (0, width + 1) or rng.random() < _WALL_DENSITY
              for c in range(width + 2)] for r in range(height + 2)]
    room = Room(walls)
    if len(room.region(room.floor[0], frozenset())) != len(room.floor):
        return None  # the floor must be one connected area
    return room


def _scramble(rng: random.Random, room: Room, goals: frozenset[int], player: int,
              pulls: int) -> tuple[frozenset[int], int]:
    """Pull boxes off the goals at random; returns the start boxes and player cell.

    Up to ``pulls`` more pulls are made while some box is still on a goal.
    """
    boxes = goals
    for done in range(2 * pulls):
        if done >= pulls and not boxes & goals:
            break  # past the asked pulls, keep pulling only while a box still sits on a goal
        reachable = room.region(player, boxes)
        options = [(box, step) for box in sorted(boxes) for step in room.delta.values()
                   if box + step in reachable and box + 2 * step in reachable]
        if not options:
            break
        box, step = rng.choice(options)
        boxes = boxes - {box} | {box + step}
        player = box + 2 * step
    return boxes, rng.choice(sorted(room.region(player, boxes)))


def render_room(room: Room, boxes: frozenset[int], goals: frozenset[int], player: int) -> list[str]:
    symbols = {(False, False): "-", (True, False): ".", (False, True): "$", (True, True): "*"}
    rows = []
    for r in range(room.rows):
        row = []
        for c in range(room.cols):
            cell = r * room.cols + c
            if room.walls[r][c]:
                row.append("#")
            elif cell == player:
                row.append("+" if cell in goals else "@")
            else:
                row.append(symbols[cell in goals, cell in boxes])
        rows.append("".join(row))
    return rows


def _goal_sentence(boxes: int) -> str:
    return "Push the box onto the goal" if boxes == 1 else f"Push all {boxes} boxes onto the goals (any box on any goal)"


def _question(rows: list[str], boxes: int, budget: int) -> str:
    return (
        "Solve this Sokoban puzzle. Legend: # wall, - floor, . goal, $ box, * box on a goal, @ you, "
        "+ you standing on a goal.\n\n" + "\n".join(rows) + "\n\n"
        "Each move is U (up), D (down), L (left) or R (right) and takes you one cell in that direction. "
        "Walking into a box pushes it one cell further in the same direction, which is only possible "
        "when the cell behind the box is floor or a goal (not a wall, not another box). You cannot pull "
        "boxes and cannot walk through walls. "
        f"{_goal_sentence(boxes)} using at most {budget} moves. "
        "Answer with the moves as one string of the letters U, D, L and R, for example LLURDR."
    )


def _check(width: int, height: int, boxes: int, scramble: int, slack: int) -> None:
    for name, value, low, high in (("width", width, MIN_SIDE, MAX_SIDE), ("height", height, MIN_SIDE, MAX_SIDE),
                                   ("boxes", boxes, 1, MAX_BOXES), ("scramble", scramble, 1, 100),
                                   ("slack", slack, 0, 200)):
        if not low <= value <= high:
            raise InvalidParameterError(f"sokoban: expected {name} between {low} and {high}, found {value}")


def _attempt(rng: random.Random, width: int, height: int, boxes: int, scramble: int,
             slack: int) -> Problem | None:
    room = _room(rng, width, height)
    if room is None or len(room.floor) < boxes + 4:
        return None
    cells = rng.sample(room.floor, boxes + 1)
    goals, player = frozenset(cells[:-1]), cells[-1]
    start, player = _scramble(rng, room, goals, player, scramble)
    if start & goals:
        return None  # every box must start off the goals
    solution = solve(room, start, goals, player)
    if solution is None or len(solution) < _MIN_MOVES:
        return None
    budget = len(solution) + math.ceil(len(solution) * slack / 100)
    rows = render_room(room, start, goals, player)
    data = {"rows": rows, "optimum": len(solution), "budget": budget}
    return Problem(question=_question(rows, boxes, budget), data=data, reference=solution)


def generate(rng: random.Random, *, width: int, height: int, boxes: int, scramble: int, slack: int) -> Problem:
    _check(width, height, boxes, scramble, slack)
    for _ in range(_MAX_ATTEMPTS):
        problem = _attempt(rng, width, height, boxes, scramble, slack)
        if problem is not None:
            return problem
    raise GenerationError(f"sokoban: expected a room with every box off its goal, an optimum of at least "
                          f"{_MIN_MOVES} moves and a search within the state cap, found none in {_MAX_ATTEMPTS} "
                          "attempts (fewer boxes or a larger room help)")
