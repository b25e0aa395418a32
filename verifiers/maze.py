"""Verifier for maze: moves through a hidden grid maze seen through a local window, and transcript replay."""

from __future__ import annotations

from collections import deque
from typing import Any

from bootcamps.interactive import Feedback, replay
from bootcamps.types import Verdict

_MAX_MOVE_CHARS = 40
STEPS = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}
_ALIASES = {
    **{name: name for name in STEPS},
    "u": "up", "d": "down", "l": "left", "r": "right",
    "n": "up", "s": "down", "w": "left", "e": "right",
    "north": "up", "south": "down", "west": "left", "east": "right",
    "↑": "up", "↓": "down", "←": "left", "→": "right",
    "move up": "up", "move down": "down", "move left": "left", "move right": "right",
    "go up": "up", "go down": "down", "go left": "left", "go right": "right",
}
_EXPECTED = "expected one of up, down, left, right"
_WINDOW_CACHE_LIMIT = 50_000
_WINDOWS: dict[str, str] = {}


# -- moves and views --------------------------------------------------------------------------

def parse_move(action: str) -> str | None:
    """'up', 'down', 'left' or 'right' from a direction word, letter, compass point or arrow."""
    if not isinstance(action, str) or len(action) > _MAX_MOVE_CHARS:
        return None
    direction = _ALIASES.get(action)
    if direction is None:
        direction = _ALIASES.get(" ".join(action.strip().strip("`*.!\"'").split()).lower())
    return direction


def view(data: dict[str, Any], row: int, col: int) -> str:
    """The window of squares within ``data['view']`` of (row, col), one text row per line."""
    grid, radius = data["grid"], data["view"]
    side = 2 * radius + 1
    top, left = row - radius, col - radius
    if top >= 0 and left >= 0 and top + side <= len(grid) and left + side <= len(grid[0]):
        rows = [line[left:left + side] for line in grid[top:top + side]]
    else:  # near the edge: squares outside the grid show as walls
        width = len(grid[0])
        rows = ["".join(grid[r][c] if 0 <= r < len(grid) and 0 <= c < width else "#"
                        for c in range(left, left + side)) for r in range(top, top + side)]
    key = "".join(rows)  # windows repeat a lot: render each distinct one once
    text = _WINDOWS.get(key)
    if text is None:
        text = "\n".join(" ".join(line) for line in rows)
        center = radius * 2 * side + 2 * radius  # each text row is 2 * side characters with its newline
        text = text[:center] + "@" + text[center + 1:]
        if len(_WINDOWS) >= _WINDOW_CACHE_LIMIT:
            _WINDOWS.clear()
        _WINDOWS[key] = text
    return text


def _where(data: dict[str, Any], row: int, col: int, turn: int) -> str:
    return f"Turn {turn} of {data['turn_limit']}. You are at row {row}, column {col}.\n{view(data, row, col)}"


# -- the protocol -----------------------------------------------------------------------------

def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"pos": list(data["start"]), "turn": 0}


def opening(data: dict[str, Any]) -> str:
    row, col = data["start"]
    return f"You are at the start: row {row}, column {col}. Your view:\n{view(data, row, col)}"


def _out_of_turns(text: str, state: dict[str, Any], legal: bool) -> Feedback:
    return Feedback(f"{text} That was your last turn: you did not reach the exit.", state, done=True,
                    verdict=Verdict.wrong("out of turns before reaching the exit"), legal=legal)


def step(data: dict[str, Any], state: dict[str, Any], action: str, observe: bool = True) -> Feedback:
    """Apply one move. ``observe=False`` (transcript replay) skips drawing the local view."""
    row, col = state["pos"]
    turn = state["turn"] + 1
    direction = parse_move(action)
    if direction is None or data["grid"][row + STEPS[direction][0]][col + STEPS[direction][1]] == "#":
        new_state = {"pos": [row, col], "turn": turn}
        text = (f"Unreadable move: {_EXPECTED}." if direction is None
                else f"You bumped into a wall: {direction} is blocked, you stay where you are.")
        if turn >= data["turn_limit"]:
            return _out_of_turns(text, new_state, legal=False)
        return Feedback(f"{text} {_where(data, row, col, turn)}" if observe else text, new_state, legal=False)
    row, col = row + STEPS[direction][0], col + STEPS[direction][1]
    new_state = {"pos": [row, col], "turn": turn}
    if data["grid"][row][col] == "E":
        text = f"You moved {direction} and reached the exit in {turn} turns."
        if turn <= data["par"]:
            return Feedback(text, new_state, done=True, verdict=Verdict.right(f"reached the exit in {turn} turns"))
        return Feedback(text, new_state, done=True, verdict=Verdict.partial(
            data["par"] / turn, f"reached the exit in {turn} turns; par is {data['par']}"))
    if turn >= data["turn_limit"]:
        return _out_of_turns(f"You moved {direction}.", new_state, legal=True)
    return Feedback(f"You moved {direction}. {_where(data, row, col, turn)}" if observe else "", new_state)


def _replay_step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    return step(data, state, action, observe=False)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, _replay_step)


# -- paths and audit hooks --------------------------------------------------------------------

def shortest_path(data: dict[str, Any], order: tuple[str, ...] = ("up", "down", "left", "right")) -> list[str]:
    """A shortest list of moves from the start to the exit (BFS; ``order`` breaks ties)."""
    grid = data["grid"]
    start, goal = tuple(data["start"]), tuple(data["exit"])
    came: dict[tuple[int, int], tuple[tuple[int, int], str] | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here == goal:
            break
        for name in order:
            dr, dc = STEPS[name]
            there = (here[0] + dr, here[1] + dc)
            if grid[there[0]][there[1]] != "#" and there not in came:
                came[there] = (here, name)
                queue.append(there)
    moves: list[str] = []
    node = goal
    while came[node] is not None:
        node, name = came[node]  # type: ignore[misc]
        moves.append(name)
    return moves[::-1]


def _open_and_blocked(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The directions open and blocked at the start."""
    row, col = data["start"]
    open_, blocked = [], []
    for name, (dr, dc) in STEPS.items():
        (blocked if data["grid"][row + dr][col + dc] == "#" else open_).append(name)
    return open_, blocked


_BACK = {"up": "down", "down": "up", "left": "right", "right": "left"}


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    moves = reference.splitlines()
    letters = {"up": "u", "down": "d", "left": "l", "right": "r"}
    compass = {"up": "north", "down": "south", "left": "west", "right": "east"}
    forms = ["\n".join(letters[m] for m in moves), "\n".join(compass[m].upper() for m in moves),
             "\n".join(f" {m.capitalize()}. " for m in moves), "\n\n".join(moves)]
    other = "\n".join(shortest_path(data, ("right", "left", "down", "up")))
    if other != reference:
        forms.append(other)  # another shortest path, where loops make one
    open_, blocked = _open_and_blocked(data)
    if len(moves) + 1 <= data["par"] and blocked:
        forms.append("\n".join([blocked[0], *moves]))  # one bump still within par
    detour = [m for m in open_ if m != moves[0]]
    if len(moves) + 2 <= data["par"] and detour:
        forms.append("\n".join([detour[0], _BACK[detour[0]], *moves]))  # a dead end tried, within par
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    moves = reference.splitlines()
    open_, blocked = _open_and_blocked(data)
    misses = [
        "\n".join(moves[:-1]) or (blocked or ["up"])[0],  # stops one square short
        f"{reference}\n{_BACK[moves[-1]]}",  # goes on after the exit
        "\n".join(data["grid"]),  # the grid is hidden; junk lines are no moves
    ]
    if blocked:
        misses.append("\n".join([blocked[0]] * data["turn_limit"]))  # walks into a wall until out of turns
    # wanders back and forth at the start until over par, then takes the shortest path: partial at most
    wiggle = (data["par"] - len(moves)) // 2 + 1
    misses.append("\n".join([moves[0], _BACK[moves[0]]] * wiggle + moves))
    reversed_ = "\n".join(_BACK[m] for m in moves)
    if not verify(data, reversed_).correct:
        misses.append(reversed_)
    return misses
