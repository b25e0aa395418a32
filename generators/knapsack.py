"""Knapsack: choose items of largest total value whose total weight fits a capacity (0/1 knapsack).

Description:
    n items numbered 1..n, each with a random integer weight and value, and a capacity between
    35% and 60% of the total weight (so not every item fits). Each item is taken at most once.
    The optimal total value is computed by dynamic programming over exact total weights, which
    also counts the optimal subsets (capped at two). Every optimal subset holds at least two
    items (no single item reaches the optimum), so a one-item guess is never right.
Difficulty:
    items: how many items there are (4 at level 1, 25 at level 10).
    max_weight: weights are drawn from 1..max_weight (the capacity grows with them).
    max_value: values are drawn from 1..max_value.
    ties: at least two different subsets reach the optimum (levels 4, 6, 8-10), so an answer
        other than the reference must be recognised as optimal; one item is then a copy of
        another, which makes ties likely, and the tie is proved by the count.
    greedy_trap: taking items by decreasing value/weight ratio while they fit gives less than
        the optimum (levels 3, 5-10), so the usual shortcut fails.
Prompt:
    The capacity, then one line per item ``item 3: weight 7, value 12``, then "Choose a set of
    items ... total weight at most C ... total value as large as possible", with the format.
Answer format:
    The numbers of the chosen items, e.g. ``1, 4, 5`` (any order; ``[1, 4, 5]``, ``{1 4 5}``,
    ``Items: 1, 4 and 5`` are read too). Each item at most once.
Verification:
    Every number must name an item, no item twice; the chosen items' total weight must be at
    most the capacity and their total value must equal the optimum stored at generation. Any
    optimal subset is accepted, not only the reference. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 400
_KNOBS = {"items": (3, 40), "max_weight": (2, 200), "max_value": (2, 200)}


def solve(weights: list[int], values: list[int], capacity: int) -> tuple[int, int, list[int]]:
    """(optimal value, number of optimal subsets capped at 2, one optimal subset as 0-based indices)."""
    best = [-1] * (capacity + 1)  # best[c]: largest value of a subset of total weight exactly c
    count = [0] * (capacity + 1)  # how many subsets reach best[c] (capped at 2)
    best[0], count[0] = 0, 1
    stages = [best[:]]
    for weight, value in zip(weights, values, strict=True):
        for c in range(capacity, weight - 1, -1):
            if best[c - weight] < 0:
                continue
            candidate = best[c - weight] + value
            if candidate > best[c]:
                best[c], count[c] = candidate, count[c - weight]
            elif candidate == best[c]:
                count[c] = min(2, count[c] + count[c - weight])
        stages.append(best[:])
    optimum = max(best)
    optimal_count = min(2, sum(count[c] for c in range(capacity + 1) if best[c] == optimum))
    c = best.index(optimum)
    chosen = []
    for i in range(len(weights), 0, -1):
        if stages[i - 1][c] != stages[i][c]:
            chosen.append(i - 1)
            c -= weights[i - 1]
    return optimum, optimal_count, sorted(chosen)


def greedy_by_ratio(weights: list[int], values: list[int], capacity: int) -> list[int]:
    """0-based items taken by decreasing value/weight ratio (ties: lower number) while they fit."""
    chosen, load = [], 0
    for i in sorted(range(len(weights)), key=lambda i: (-Fraction(values[i], weights[i]), i)):
        if load + weights[i] <= capacity:
            chosen.append(i)
            load += weights[i]
    return sorted(chosen)


def _check_knobs(items: int, max_weight: int, max_value: int) -> None:
    for name, value in (("items", items), ("max_weight", max_weight), ("max_value", max_value)):
        low, high = _KNOBS[name]
        if not low <= value <= high:
            raise InvalidParameterError(f"knapsack: expected {name} between {low} and {high}, found {value}")


def _draw(rng: random.Random, items: int, max_weight: int, max_value: int,
          ties: bool) -> tuple[list[int], list[int], int]:
    weights = [rng.randint(1, max_weight) for _ in range(items)]
    values = [rng.randint(1, max_value) for _ in range(items)]
    if ties:  # a twin item makes a tie likely; the count below proves it
        source, twin = rng.sample(range(items), 2)
        weights[twin], values[twin] = weights[source], values[source]
    capacity = max(1, round(sum(weights) * rng.uniform(0.35, 0.6)))
    return weights, values, capacity


def _question(weights: list[int], values: list[int], capacity: int) -> str:
    lines = "\n".join(f"item {i}: weight {w}, value {v}"
                      for i, (w, v) in enumerate(zip(weights, values, strict=True), start=1))
    return (
        f"A knapsack can carry a total weight of at most {capacity}. There are {len(weights)} items, "
        f"numbered 1 to {len(weights)}:\n\n{lines}\n\n"
        f"Choose a set of items, each item at most once, whose total weight is at most {capacity} and "
        "whose total value is as large as possible. Answer with the numbers of the chosen items "
        "separated by commas, for example 1, 4, 5. If several sets reach the largest total value, "
        "any one of them is accepted."
    )


def generate(rng: random.Random, *, items: int, max_weight: int, max_value: int, ties: bool,
             greedy_trap: bool) -> Problem:
    _check_knobs(items, max_weight, max_value)
    for _ in range(_MAX_ATTEMPTS):
        weights, values, capacity = _draw(rng, items, max_weight, max_value, ties)
        if capacity >= sum(weights):
            continue
        optimum, optimal_count, chosen = solve(weights, values, capacity)
        if max((v for w, v in zip(weights, values, strict=True) if w <= capacity), default=0) >= optimum:
            continue  # a single item would be optimal
        if ties and optimal_count < 2:
            continue
        if greedy_trap and sum(values[i] for i in greedy_by_ratio(weights, values, capacity)) >= optimum:
            continue
        data = {"capacity": capacity, "weights": weights, "values": values, "optimum": optimum}
        reference = ", ".join(str(i + 1) for i in chosen)
        return Problem(question=_question(weights, values, capacity), data=data, reference=reference)
    raise GenerationError(
        f"knapsack: no instance with {items} items met the requirements (ties={ties}, "
        f"greedy_trap={greedy_trap}) in {_MAX_ATTEMPTS} attempts; raise items or max_value"
    )
