"""Water jugs: measure an exact amount with jugs, a tap and a drain, within a move budget.

Description:
    2 to 4 jugs of distinct integer capacities start empty. An action fills a jug from the tap,
    empties a jug down the drain, or pours one jug into another until the first is empty or
    the second is full. The goal is to end with exactly ``target`` litres in some jug (or, with
    goal "total", in all the jugs together). Breadth-first search over every reachable state at
    generation proves the goal reachable and gives the fewest actions; the target is drawn
    among the amounts whose optimum is at least ``min_moves``, so it is never one fill away.
    The prompt states a budget: the optimum plus ``slack`` actions.
Difficulty:
    jugs: number of jugs (2 up to level 4, 3 from level 5; 4 only as an override, since the
        search then takes about 0.1 s per instance).
    max_capacity: capacities are distinct values in 2..max_capacity (5 at level 1, 20 at level 10).
    goal: "jug" (the amount in any single jug) or "total" (the amount in all jugs together).
    min_moves: the target needs at least this many actions (2 at level 1, 10 at level 10).
    slack: actions allowed beyond the optimum (3 at level 1, 0 from level 8: optimal plans only).
Prompt:
    The capacities, the three kinds of action, the goal, the budget and the answer format.
Answer format:
    One action per line: ``fill 2``, ``empty 1`` or ``pour 1 2`` (pour jug 1 into jug 2); commas
    or semicolons may separate actions; ``fill jug 2``, ``pour 1 into 2``, ``pour(1, 2)`` and
    ``pour 1->2`` are read too.
Verification:
    The actions are simulated from empty jugs (an action that changes nothing is allowed and
    counts). After the last action the goal must hold, and the number of actions must be at
    most the budget. Any such plan is accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from collections import deque

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

GOALS = ("jug", "total")
_BOUNDS = {"jugs": (2, 4), "max_capacity": (3, 20), "min_moves": (1, 20), "slack": (0, 10)}
_MAX_ATTEMPTS = 60

State = tuple[int, ...]
Action = tuple[str, int, int]  # ("fill" | "empty" | "pour", jug, other jug or -1), 0-based


def actions(count: int) -> list[Action]:
    """Every action on ``count`` jugs, in a fixed order."""
    listed: list[Action] = [("fill", i, -1) for i in range(count)] + [("empty", i, -1) for i in range(count)]
    return listed + [("pour", i, j) for i in range(count) for j in range(count) if i != j]


def apply(state: State, action: Action, capacities: list[int]) -> State:
    """The jugs' contents after one action."""
    kind, i, j = action
    jugs = list(state)
    if kind == "fill":
        jugs[i] = capacities[i]
    elif kind == "empty":
        jugs[i] = 0
    else:
        amount = min(jugs[i], capacities[j] - jugs[j])
        jugs[i] -= amount
        jugs[j] += amount
    return tuple(jugs)


def search(capacities: list[int]) -> dict[State, tuple[State, Action] | None]:
    """Breadth-first search from empty jugs: every reachable state with its parent and action.

    The moves are the ones ``apply`` makes, written out inline: this loop is the generator's hot spot.
    """
    count = len(capacities)
    start = (0,) * count
    parents: dict[State, tuple[State, Action] | None] = {start: None}
    queue = deque([start])
    moves = actions(count)
    while queue:
        state = queue.popleft()
        for action in moves:
            kind, i, j = action
            jugs = list(state)
            if kind == "fill":
                jugs[i] = capacities[i]
            elif kind == "empty":
                jugs[i] = 0
            else:
                amount = min(jugs[i], capacities[j] - jugs[j])
                jugs[i] -= amount
                jugs[j] += amount
            after = tuple(jugs)
            if after not in parents:
                parents[after] = (state, action)
                queue.append(after)
    return parents


def _depths(parents: dict[State, tuple[State, Action] | None]) -> dict[State, int]:
    depth: dict[State, int] = {}
    for state in parents:  # BFS order: a parent is always listed before its children
        parent = parents[state]
        depth[state] = 0 if parent is None else depth[parent[0]] + 1
    return depth


def goal_amounts(state: State, goal: str) -> set[int]:
    """The amounts the goal would be met for in this state."""
    return {sum(state)} if goal == "total" else set(state)


def render(action: Action) -> str:
    kind, i, j = action
    return f"pour {i + 1} {j + 1}" if kind == "pour" else f"{kind} {i + 1}"


def _plan(parents: dict[State, tuple[State, Action] | None], state: State) -> list[Action]:
    plan = []
    while (parent := parents[state]) is not None:
        state, action = parent
        plan.append(action)
    return plan[::-1]


def _question(capacities: list[int], goal: str, target: int, budget: int) -> str:
    jugs = ", ".join(f"jug {i + 1} holds {c} litres" for i, c in enumerate(capacities))
    where = ("one of the jugs (any jug)" if goal == "jug"
             else "all the jugs together (the sum of their contents)")
    return (
        f"You have {len(capacities)} jugs with no markings: {jugs}. All the jugs start empty. You "
        "have a tap with unlimited water and a drain. The possible actions are:\n"
        "- fill i: fill jug i to the brim from the tap;\n"
        "- empty i: pour all of jug i down the drain;\n"
        "- pour i j: pour from jug i into jug j until jug i is empty or jug j is full, whichever "
        "comes first.\n\n"
        f"Goal: after your last action, exactly {target} litre{'' if target == 1 else 's'} must be in "
        f"{where}. Use at most "
        f"{budget} actions. Answer with the actions in order, one per line, written exactly as "
        "fill i, empty i or pour i j with jug numbers in place of i and j."
    )


def _check(name: str, value: int) -> None:
    low, high = _BOUNDS[name]
    if not low <= value <= high:
        raise InvalidParameterError(f"water_jugs: expected {name} between {low} and {high}, found {value}")


def generate(rng: random.Random, *, jugs: int, max_capacity: int, goal: str, min_moves: int,
             slack: int) -> Problem:
    for name, value in (("jugs", jugs), ("max_capacity", max_capacity), ("min_moves", min_moves),
                        ("slack", slack)):
        _check(name, value)
    if goal not in GOALS:
        raise InvalidParameterError(f"water_jugs: expected goal in {list(GOALS)}, found {goal!r}")
    if max_capacity - 1 < jugs:
        raise InvalidParameterError(
            f"water_jugs: expected max_capacity of at least {jugs + 1} for {jugs} distinct jugs, found {max_capacity}")
    for _ in range(_MAX_ATTEMPTS):
        capacities = rng.sample(range(2, max_capacity + 1), jugs)
        parents = search(capacities)
        best: dict[int, State] = {}  # the first state (fewest actions) meeting the goal per amount
        for state in parents:
            for amount in goal_amounts(state, goal):
                best.setdefault(amount, state)
        depth = _depths(parents)
        targets = sorted(t for t, state in best.items() if t > 0 and depth[state] >= min_moves)
        if not targets:
            continue
        target = rng.choice(targets)
        plan = _plan(parents, best[target])
        budget = len(plan) + slack
        data = {"capacities": capacities, "goal": goal, "target": target, "optimum": len(plan),
                "budget": budget}
        reference = "\n".join(render(action) for action in plan)
        return Problem(question=_question(capacities, goal, target, budget), data=data, reference=reference)
    raise GenerationError(
        f"water_jugs: no target needing {min_moves} or more actions in {_MAX_ATTEMPTS} sets of capacities")
