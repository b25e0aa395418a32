"""Water jugs: measure an exact amount with jugs, a tap and a drain, within a move budget.

Description:
    2 to 4 jugs of distinct integer capacities start empty. An action fills a jug from the tap,
    empties a jug down the drain, or pours one jug into another until the first is empty or
    the second is full. The goal is to end with exactly ``target`` litres in some jug (or, with
    goal "total", in all the jugs together). Breadth-first search over every reachable state at
    generation (states coded as integers) proves the goal reachable and gives the fewest
    actions; the target is drawn among the amounts whose optimum is at least ``min_moves``, so
    it is never one fill away. The fewest actions per amount do not depend on the order of the
    jugs, so they are kept per set of capacities: a set drawn again is searched only when it
    yields a target, and then only as deep as that target. The prompt states a budget: the
    optimum plus ``slack`` actions.
Difficulty:
    jugs: number of jugs (2 up to level 4, 3 from level 5; 4 only as an override, since the
        search then takes about 0.1 to 0.3 s per instance).
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
from dataclasses import dataclass
from itertools import chain

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

GOALS = ("jug", "total")
_BOUNDS = {"jugs": (2, 4), "max_capacity": (3, 20), "min_moves": (1, 20), "slack": (0, 10)}
_MAX_ATTEMPTS = 60
_BITS = 5  # bits per jug in a state's integer code: capacities stay below 32
_FEWEST: dict[tuple[int | str, ...], dict[int, int]] = {}  # see _fewest_actions
_FEWEST_SIZE = 8192  # sets of capacities kept; the oldest is dropped beyond this
_MAX_DEPTH = 1 << 30  # no depth limit

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


def _decode(code: int, count: int) -> State:
    """The jugs' contents from a state's integer code."""
    return tuple(code >> _BITS * i & 31 for i in range(count))


@dataclass(frozen=True, slots=True)
class Reachable:
    """The states reached by a breadth-first search from empty jugs (coded as integers)."""

    capacities: list[int]
    parents: dict[int, int]  # state -> the state it was first reached from (start: -1)
    best: dict[int, tuple[int, int]]  # amount -> (fewest actions, first state meeting the goal with it)

    def plan(self, amount: int) -> list[Action]:
        """The actions to the first state (in breadth-first order) meeting the goal with ``amount``."""
        count, moves = len(self.capacities), actions(len(self.capacities))
        plan, state = [], self.best[amount][1]
        while (parent := self.parents[state]) >= 0:
            before, after = _decode(parent, count), _decode(state, count)
            # the first action in order that leads there: the one the search recorded
            plan.append(next(move for move in moves if apply(before, move, self.capacities) == after))
            state = parent
        return plan[::-1]


def search(capacities: list[int], goal: str, depth: int = _MAX_DEPTH) -> Reachable:
    """Breadth-first search from empty jugs over every state reachable within ``depth`` actions.

    States are integers (5 bits per jug) and each state's successors are tried in the order of
    ``actions``, so states are discovered in exactly the order of a queue-based search over
    tuples; each state keeps the parent it was first reached from.
    """
    shifts = [_BITS * i for i in range(len(capacities))]
    fills = [(~(31 << shift), capacity << shift) for capacity, shift in zip(capacities, shifts, strict=True)]
    empties = [~(31 << shift) for shift in shifts]
    pours = [(shifts[i], shifts[j], capacities[j], (1 << shifts[j]) - (1 << shifts[i]))
             for _, i, j in actions(len(capacities))[2 * len(capacities):]]  # the amount poured times
    # the last value, added to a state's code, moves that amount from the first jug to the second
    parents, layers = {0: -1}, [[0]]
    while layers[-1] and len(layers) <= depth:
        fresh: list[int] = []
        for state in layers[-1]:
            for keep, put in fills:
                if (child := state & keep | put) not in parents:
                    parents[child] = state
                    fresh.append(child)
            for keep in empties:
                if (child := state & keep) not in parents:
                    parents[child] = state
                    fresh.append(child)
            for source, target, capacity, transfer in pours:
                amount, room = state >> source & 31, capacity - (state >> target & 31)
                if (child := state + (amount if amount < room else room) * transfer) not in parents:
                    parents[child] = state
                    fresh.append(child)
        layers.append(fresh)
    return Reachable(capacities, parents, _firsts(layers, shifts, goal))


def _firsts(layers: list[list[int]], shifts: list[int], goal: str) -> dict[int, tuple[int, int]]:
    """Each amount the goal can reach: (its depth, the first state in breadth-first order meeting it)."""
    best: dict[int, tuple[int, int]] = {}
    for depth, layer in enumerate(layers):
        amounts = [[state >> shift & 31 for state in layer] for shift in shifts]
        if goal == "total":
            values, owners = list(map(sum, zip(*amounts, strict=True))), layer
        else:
            values, owners = list(chain.from_iterable(zip(*amounts, strict=True))), [s for s in layer for _ in shifts]
        # built from the end, so each amount keeps the first state of the layer that has it
        for amount, state in dict(zip(reversed(values), reversed(owners), strict=True)).items():
            best.setdefault(amount, (depth, state))
    return best


def goal_amounts(state: State, goal: str) -> set[int]:
    """The amounts the goal would be met for in this state."""
    return {sum(state)} if goal == "total" else set(state)


def render(action: Action) -> str:
    kind, i, j = action
    return f"pour {i + 1} {j + 1}" if kind == "pour" else f"{kind} {i + 1}"


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


def _fewest_actions(capacities: list[int], goal: str) -> tuple[dict[int, int], Reachable | None]:
    """The fewest actions for each amount the goal can reach, and the search when one was needed.

    Reordering the jugs relabels the states without changing any distance, so these counts are
    kept per sorted capacities: a set of capacities drawn again in any order needs no search
    unless it yields a target (the plan itself depends on the order the actions are tried in).
    """
    key = (*sorted(capacities), goal)
    if key in _FEWEST:
        return _FEWEST[key], None
    reachable = search(capacities, goal)
    if len(_FEWEST) >= _FEWEST_SIZE:
        del _FEWEST[next(iter(_FEWEST))]
    _FEWEST[key] = {amount: depth for amount, (depth, _) in reachable.best.items()}
    return _FEWEST[key], reachable


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
        fewest, reachable = _fewest_actions(capacities, goal)
        targets = sorted(t for t, depth in fewest.items() if t > 0 and depth >= min_moves)
        if not targets:
            continue
        target = rng.choice(targets)
        plan = (reachable or search(capacities, goal, fewest[target])).plan(target)
        budget = len(plan) + slack
        data = {"capacities": capacities, "goal": goal, "target": target, "optimum": len(plan),
                "budget": budget}
        reference = "\n".join(render(action) for action in plan)
        return Problem(question=_question(capacities, goal, target, budget), data=data, reference=reference)
    raise GenerationError(
        f"water_jugs: no target needing {min_moves} or more actions in {_MAX_ATTEMPTS} sets of capacities")
