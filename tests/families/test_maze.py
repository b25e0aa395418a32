"""Focused tests for maze: the maze structure, par, the local view, moves and the protocol."""

import copy
import random
import re
from collections import deque

import pytest

import bootcamps
from bootcamps.types import Status
from bootcamps.verifiers import maze

TASK = bootcamps.get_task("maze")
DELTAS = {"up": (-1, 0), "right": (0, 1), "down": (1, 0), "left": (0, -1)}

# 2 x 2 rooms: S (1, 1) -> right, right, down, down, left, left -> E (3, 1)
SMALL = {"grid": ["#####", "#S..#", "###.#", "#E..#", "#####"], "view": 1, "start": [1, 1], "exit": [3, 1],
         "shortest": 6, "par": 6, "turn_limit": 12}
SMALL_PATH = "right\nright\ndown\ndown\nleft\nleft"


def bfs(grid, start):
    distance = {tuple(start): 0}
    queue = deque([tuple(start)])
    while queue:
        r, c = queue.popleft()
        for dr, dc in DELTAS.values():
            there = (r + dr, c + dc)
            if grid[there[0]][there[1]] != "#" and there not in distance:
                distance[there] = distance[(r, c)] + 1
                queue.append(there)
    return distance


def tile_dfs_moves(data, order):
    """An independent depth-first explorer on the squares: squares walked to the exit.

    From a room it takes the first direction in ``order`` whose corridor is open and leads to a
    room it has not been in (two squares), and backs up two squares from a dead end.
    """
    grid, goal = data["grid"], tuple(data["exit"])
    stack, seen, moves = [tuple(data["start"])], {tuple(data["start"])}, 0
    while stack[-1] != goal:
        r, c = stack[-1]
        for name in order:
            dr, dc = DELTAS[name]
            beyond = (r + 2 * dr, c + 2 * dc)
            if grid[r + dr][c + dc] != "#" and beyond not in seen:
                seen.add(beyond)
                stack.append(beyond)
                break
        else:
            stack.pop()
        moves += 2
    return moves


@pytest.mark.parametrize("level", [1, 4, 7, 10])
def test_maze_structure_and_reference(level):
    params = TASK.params(level)
    for seed in range(8):
        instance = TASK.generate(seed, level)
        data, grid = instance.data, instance.data["grid"]
        assert len(grid) == 2 * params["height"] + 1 and len(grid[0]) == 2 * params["width"] + 1
        assert set(grid[0]) == set(grid[-1]) == {"#"} and all(row[0] == row[-1] == "#" for row in grid)
        rooms = [(r, c) for r in range(1, len(grid), 2) for c in range(1, len(grid[0]), 2)]
        assert all(grid[r][c] != "#" for r, c in rooms)
        assert all(grid[r][c] == "#" for r in range(0, len(grid), 2) for c in range(0, len(grid[0]), 2))
        doors = sum(ch != "#" for row in grid for ch in row) - len(rooms)
        assert doors == len(rooms) - 1 + params["loops"]  # a spanning tree plus the extra openings
        distance = bfs(grid, data["start"])
        assert all(room in distance for room in rooms)  # connected
        assert grid[data["start"][0]][data["start"][1]] == "S" and grid[data["exit"][0]][data["exit"][1]] == "E"
        assert distance[tuple(data["exit"])] == data["shortest"] == len(instance.reference.splitlines())
        # the exit is far: at least half the greatest room distance from the start
        assert 2 * data["shortest"] >= max(distance[room] for room in rooms)
        assert TASK.verify(data, instance.reference).correct


@pytest.mark.parametrize("level", [2, 5, 9])
def test_par_is_the_median_depth_first_explorer(level):
    orders = []
    for first in range(4):
        clockwise = ["up", "right", "down", "left"][first:] + ["up", "right", "down", "left"][:first]
        orders += [clockwise, clockwise[::-1]]
    for seed in range(6):
        data = TASK.generate(seed, level).data
        counts = sorted(tile_dfs_moves(data, order) for order in orders)
        assert data["par"] == counts[4]
        assert data["shortest"] <= data["par"] <= data["turn_limit"] == min(max(2 * data["par"], counts[-1] + 10), 999)


def _observed(text):
    match = re.search(r"row (\d+), column (\d+)", text)
    return (int(match.group(1)), int(match.group(2))), [line.split() for line in text.splitlines()[-3:]]


def test_scripted_explorer_reads_only_observations_and_reaches_the_exit():
    """A depth-first explorer that parses the observations (never data) reaches the exit via step."""
    clockwise = ["up", "right", "down", "left"]
    for level in (1, 4, 6, 8):
        for seed in range(5):
            data = TASK.generate(seed, level, view=1).data
            state = maze.initial_state(data)
            position, window = _observed(maze.opening(data))
            seen, path, feedback = {position}, [position], None
            while feedback is None or not feedback.done:
                fresh = [name for name in clockwise if window[1 + DELTAS[name][0]][1 + DELTAS[name][1]] != "#"
                         and (position[0] + 2 * DELTAS[name][0], position[1] + 2 * DELTAS[name][1]) not in seen]
                if fresh:  # on to a new room, two squares away
                    move = fresh[0]
                    path.append((position[0] + 2 * DELTAS[move][0], position[1] + 2 * DELTAS[move][1]))
                    seen.add(path[-1])
                else:  # a dead end: back to the previous room
                    path.pop()
                    back = ((path[-1][0] - position[0]) // 2, (path[-1][1] - position[1]) // 2)
                    move = next(name for name, delta in DELTAS.items() if delta == back)
                for _ in range(2):
                    feedback = maze.step(data, state, move)
                    assert feedback.legal
                    state = feedback.state
                    if feedback.done:
                        break
                    position, window = _observed(feedback.observation)
                    assert list(position) == state["pos"]
            assert state["pos"] == data["exit"], feedback.observation
            assert state["turn"] == tile_dfs_moves(data, clockwise)
            expected = Status.CORRECT if state["turn"] <= data["par"] else Status.PARTIAL
            assert feedback.verdict.status is expected


def test_hand_written_maze():
    assert TASK.verify(SMALL, SMALL_PATH).correct
    assert maze.shortest_path(SMALL) == SMALL_PATH.splitlines()
    assert "# # #\n# @ .\n# # #" in maze.opening(SMALL)
    bump = maze.step(SMALL, maze.initial_state(SMALL), "down")
    assert not bump.legal and not bump.done and "wall" in bump.observation
    assert bump.state == {"pos": [1, 1], "turn": 1}
    late = TASK.verify(SMALL, "down\n" + SMALL_PATH)  # one bump: 7 turns for par 6
    assert late.status is Status.PARTIAL and late.score == pytest.approx(6 / 7)
    assert TASK.verify(SMALL, "u\nr\nr\nd\nd\nl\nl").status is Status.PARTIAL
    assert TASK.verify(SMALL, "east\nEAST\nS\nsouth\nW\nwest").correct
    assert TASK.verify(SMALL, SMALL_PATH + "\nright").status is Status.WRONG
    assert TASK.verify(SMALL, "\n".join(["left"] * 12)).status is Status.WRONG
    near = maze.step(SMALL, {"pos": [3, 2], "turn": 5}, "left")
    assert near.done and near.verdict.correct and "exit" in near.observation


def test_views_show_the_window_and_the_edge():
    wide = dict(SMALL, view=2)
    assert maze.view(wide, 1, 1) == "# # # # #\n# # # # #\n# # @ . .\n# # # # .\n# # E . ."
    assert maze.view(SMALL, 3, 2) == "# # .\nE @ .\n# # #"
    data = TASK.generate(0, 1).data
    window = maze.view(data, *data["start"]).splitlines()
    assert len(window) == 5 and all(len(line.split()) == 5 for line in window)
    assert window[2].split()[2] == "@"


@pytest.mark.parametrize("spelling, direction", [("up", "up"), ("U", "up"), ("north", "up"), ("Down.", "down"),
                                                 ("  s ", "down"), ("W", "left"), ("→", "right"),
                                                 ("move left", "left"), ("Go  Right!", "right")])
def test_move_spellings(spelling, direction):
    assert maze.parse_move(spelling) == direction


@pytest.mark.parametrize("junk", ["", "upward", "up down", "2", "x" * 1000, "northeast", "\u0000", "#.#"])
def test_junk_is_unreadable(junk):
    assert maze.parse_move(junk) is None


def test_illegal_moves_leave_the_position_unchanged():
    data = TASK.generate(3, 5).data
    state = {"pos": list(data["start"]), "turn": 4}
    before = copy.deepcopy(state)
    for move in ("sideways", *[name for name, (dr, dc) in DELTAS.items()
                               if data["grid"][data["start"][0] + dr][data["start"][1] + dc] == "#"]):
        feedback = maze.step(data, state, move)
        assert not feedback.legal and not feedback.done
        assert feedback.state == {"pos": data["start"], "turn": 5}
        assert ("Unreadable" in feedback.observation) or ("blocked" in feedback.observation)
        assert state == before


def test_random_and_junk_actions_end_by_the_turn_limit():
    data = TASK.generate(6, 6).data
    rng = random.Random(5)
    state, feedback = maze.initial_state(data), None
    choices = ["up", "down", "left", "right", "??", "", "\u00e9\u00e9", "up up"]
    while feedback is None or not feedback.done:
        feedback = maze.step(data, state, rng.choice(choices))
        state = feedback.state
        assert state["turn"] <= data["turn_limit"]
    assert feedback.verdict is not None
    if state["pos"] != data["exit"]:
        assert state["turn"] == data["turn_limit"] and feedback.verdict.status is Status.WRONG


def test_step_never_mutates_its_inputs():
    instance = TASK.generate(8, 3)
    data = copy.deepcopy(instance.data)
    state = maze.initial_state(data)
    for move in ["bogus", *instance.reference.splitlines()]:
        frozen_state, frozen_data = copy.deepcopy(state), copy.deepcopy(data)
        feedback = maze.step(data, state, move)
        assert state == frozen_state and data == frozen_data
        if feedback.done:
            break
        state = feedback.state


def test_reference_equivalents_and_near_misses():
    for level in (1, 5, 10):
        for seed in range(4):
            instance = TASK.generate(seed, level)
            for answer in TASK.equivalents(instance):
                assert TASK.verify(instance.data, answer).correct, answer
            for answer in TASK.near_misses(instance):
                assert not TASK.verify(instance.data, answer).correct, answer
            assert TASK.score(instance, instance.prompt).score == 0
            exit_row, exit_col = instance.data["exit"]
            assert f"row {exit_row}, column {exit_col}" not in instance.prompt  # the exit's place is hidden


def test_levels_change_the_instances():
    low, high = TASK.generate(0, 1).data, TASK.generate(0, 10).data
    assert (len(low["grid"]), low["view"]) == (7, 2)
    assert (len(high["grid"]), high["view"]) == (23, 1)
    assert high["par"] > low["par"]
    assert len(TASK.generate(0, 5, width=12).data["grid"][0]) == 25
