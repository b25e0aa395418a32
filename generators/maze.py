"""Maze: find the exit of a hidden grid maze, seeing only a small window around you.

Description:
    A maze of width x height rooms (a uniform random spanning tree from randomised Kruskal, with
    ``loops`` extra openings), drawn as a grid of (2 * height + 1) x (2 * width + 1) squares,
    each a wall (#) or open (.). The model starts in a room and must walk to the exit, which
    lies far away (at least half the greatest distance from the start); each observation shows
    only the squares within ``view`` steps (a square window) and the model's coordinates.
    Par is the number of moves a blind depth-first explorer needs (it sees only the four
    adjacent squares, tries directions in a fixed order and backs up from dead ends), for the
    median of its 8 direction orders (the 4 rotations of clockwise and of anticlockwise order;
    the 5th fewest of the 8 counts): a typical systematic explorer makes par, and a wider view
    only helps.
Difficulty:
    width, height: rooms across and down (3x3 at level 1, 11x11 at level 10).
    view: radius of the visible window in squares (2 at levels 1-3, then 1).
    loops: extra walls removed after the spanning tree is built (cycles make it easy to walk
        in circles).
Prompt:
    The grid size, the legend (# wall, . open, @ you, S start, E exit), the start coordinates,
    the move words, par and the turn limit; the first view follows (``opening``).
Answer format:
    A transcript: one move per line, each ``up``, ``down``, ``left`` or ``right`` (``u``/``d``/
    ``l``/``r`` and ``north``/``south``/``west``/``east`` are read too). In interactive use, one
    move per turn inside the answer tags.
Verification:
    The transcript is replayed through ``verifiers.maze.step``; a move into a wall or an
    unreadable move leaves the position unchanged and uses a turn. Correct when the exit is
    reached within par turns; partial (par / turns) when reached later but within the turn
    limit (the larger of 2 x par and the worst explorer order + 10, at most 999); wrong when not
    reached. The reference is a shortest path (BFS).
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.maze import shortest_path

_MAX_ATTEMPTS = 20
_MAX_TURNS = 999  # a transcript holds at most 1000 moves
_CLOCKWISE = (0, 1, 2, 3)  # up, right, down, left


def _find(parent: list[int], cell: int) -> int:
    while parent[cell] != cell:
        parent[cell] = parent[parent[cell]]
        cell = parent[cell]
    return cell


def _carve(rng: random.Random, width: int, height: int, loops: int) -> list[int]:
    """Open directions per room as bitmasks (bit 0 up, 1 right, 2 down, 3 left)."""
    walls = [(cell, 1) for cell in range(width * height) if cell % width < width - 1]
    walls += [(cell, 2) for cell in range(width * height - width)]
    rng.shuffle(walls)
    parent = list(range(width * height))
    opened = [0] * (width * height)
    standing = []
    for cell, direction in walls:
        other = cell + (1 if direction == 1 else width)
        a, b = _find(parent, cell), _find(parent, other)
        if a == b:
            standing.append((cell, direction))
            continue
        parent[a] = b
        opened[cell] |= 1 << direction
        opened[other] |= 1 << (direction + 2) % 4
    for cell, direction in rng.sample(standing, min(loops, len(standing))):
        other = cell + (1 if direction == 1 else width)
        opened[cell] |= 1 << direction
        opened[other] |= 1 << (direction + 2) % 4
    return opened


def _distances(opened: list[int], width: int, start: int) -> list[int]:
    steps = (-width, 1, width, -1)
    distance = [-1] * len(opened)
    distance[start] = 0
    frontier = [start]
    while frontier:
        following = []
        for cell in frontier:
            for direction in range(4):
                if opened[cell] >> direction & 1:
                    other = cell + steps[direction]
                    if distance[other] < 0:
                        distance[other] = distance[cell] + 1
                        following.append(other)
        frontier = following
    return distance


def _explorer_moves(opened: list[int], width: int, start: int, goal: int, order: tuple[int, ...]) -> int:
    """Room-to-room moves of a depth-first explorer trying directions in ``order``."""
    steps = (-width, 1, width, -1)
    visited = bytearray(len(opened))
    visited[start] = 1
    stack, tried = [start], [0]
    moves = 0
    while stack[-1] != goal:
        cell, index = stack[-1], tried[-1]
        while index < 4:
            direction = order[index]
            index += 1
            if opened[cell] >> direction & 1 and not visited[cell + steps[direction]]:
                tried[-1] = index
                following = cell + steps[direction]
                visited[following] = 1
                stack.append(following)
                tried.append(0)
                break
        else:
            stack.pop()
            tried.pop()
        moves += 1
    return moves


def explorer_squares(opened: list[int], width: int, start: int, goal: int) -> list[int]:
    """Squares walked by the explorer for each of its 8 orders, sorted (a room move is 2 squares)."""
    orders = [_CLOCKWISE[i:] + _CLOCKWISE[:i] for i in range(4)]
    orders += [tuple(reversed(order)) for order in orders]
    return sorted(2 * _explorer_moves(opened, width, start, goal, order) for order in orders)


def _grid(opened: list[int], width: int, start: int, goal: int) -> list[str]:
    """The squares, one string per row: # wall, . open, S start, E exit."""
    height = len(opened) // width
    rows = [["#"] * (2 * width + 1) for _ in range(2 * height + 1)]
    for cell, doors in enumerate(opened):
        r, c = 2 * (cell // width) + 1, 2 * (cell % width) + 1
        rows[r][c] = "."
        if doors & 2:
            rows[r][c + 1] = "."
        if doors & 4:
            rows[r + 1][c] = "."
    for cell, mark in ((start, "S"), (goal, "E")):
        rows[2 * (cell // width) + 1][2 * (cell % width) + 1] = mark
    return ["".join(row) for row in rows]


def _question(data: dict) -> str:
    rows, cols = len(data["grid"]), len(data["grid"][0])
    radius = data["view"]
    side = 2 * radius + 1
    return (
        f"You are in a maze drawn on a grid of {rows} rows and {cols} columns of squares (row 0 is the "
        "top, column 0 the left). Each square is a wall (#) or open (.). You start at row "
        f"{data['start'][0]}, column {data['start'][1]}; the exit (E) is somewhere else in the maze, "
        "position unknown. You only see the squares within "
        f"{radius} step{'s' if radius > 1 else ''} of you: a {side}x{side} window centred on you (@), "
        "one row per line; S marks the start, and squares outside the grid show as #.\n\n"
        "Each turn, move one square by writing up, down, left or right inside <answer></answer>, "
        "for example <answer>up</answer>. After each move you see your position and your new "
        "window. Moving into a wall leaves you in place; that move, like an unreadable one, still "
        f"uses a turn. Reach the exit within {data['par']} turns for full credit; you may take up to "
        f"{data['turn_limit']} turns (reaching the exit later than {data['par']} gives partial "
        "credit, not reaching it gives none). Your first view follows."
    )


def generate(rng: random.Random, *, width: int, height: int, view: int, loops: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        opened = _carve(rng, width, height, loops)
        start = rng.randrange(width * height)
        distance = _distances(opened, width, start)
        far = max(distance)
        goal = rng.choice([cell for cell, d in enumerate(distance) if d >= max(1, (far + 1) // 2)])
        squares = explorer_squares(opened, width, start, goal)
        par = squares[4]  # the median order
        if par > _MAX_TURNS:
            continue
        # every explorer order finishes within the limit, and so does a walk of twice par
        limit = min(max(2 * par, squares[-1] + 10), _MAX_TURNS)
        data = {"grid": _grid(opened, width, start, goal), "view": view,
                "start": [2 * (start // width) + 1, 2 * (start % width) + 1],
                "exit": [2 * (goal // width) + 1, 2 * (goal % width) + 1],
                "shortest": 2 * distance[goal], "par": par, "turn_limit": limit}
        return Problem(question=_question(data), data=data, reference="\n".join(shortest_path(data)))
    raise GenerationError(f"maze: no {width}x{height} maze with par within {_MAX_TURNS} turns "
                          f"in {_MAX_ATTEMPTS} attempts")
