"""Verifier for knapsack: distinct real items, total weight within the capacity, total value optimal."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.index_sets import chosen_indices, index_set_renderings
from bootcamps.types import Verdict

_FORMAT = "expected the numbers of the chosen items separated by commas, e.g. 1, 4, 5"


def chosen_items(data: dict[str, Any], answer: str) -> list[int] | Verdict:
    """The 0-based chosen items, or the verdict on an answer that does not name distinct items."""
    return chosen_indices(answer, len(data["weights"]), "item", _FORMAT)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    chosen = chosen_items(data, answer)
    if isinstance(chosen, Verdict):
        return chosen
    weight = sum(data["weights"][i] for i in chosen)
    value = sum(data["values"][i] for i in chosen)
    if weight > data["capacity"]:
        return Verdict.wrong(f"the chosen items weigh {weight}, more than the capacity {data['capacity']}")
    if value != data["optimum"]:
        return Verdict.wrong(f"the chosen items fit (weight {weight}) but their total value {value} "
                             "is not the largest possible")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def optimal_subsets(data: dict[str, Any], limit: int = 4) -> list[list[int]]:
    """Up to ``limit`` different optimal subsets (sorted 1-based numbers), by branch and bound."""
    weights, values, capacity, optimum = data["weights"], data["values"], data["capacity"], data["optimum"]
    suffix = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    found: list[list[int]] = []
    stack: list[tuple[int, int, int, tuple[int, ...]]] = [(0, 0, 0, ())]
    while stack and len(found) < limit:
        i, weight, value, taken = stack.pop()
        if value + suffix[i] < optimum:
            continue
        if i == len(values):
            found.append([j + 1 for j in taken])
            continue
        stack.append((i + 1, weight, value, taken))
        if weight + weights[i] <= capacity:
            stack.append((i + 1, weight + weights[i], value + values[i], (*taken, i)))
    return found


def _render(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    numbers = [int(part) for part in reference.split(", ")]
    forms = index_set_renderings(numbers, "item")
    others = [subset for subset in optimal_subsets(data) if subset != sorted(numbers)]
    return forms + [_render(subset) for subset in others[:3]]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.knapsack import greedy_by_ratio

    numbers = [int(part) for part in reference.split(", ")]
    count = len(data["weights"])
    outside = [n for n in range(1, count + 1) if n not in numbers]
    greedy = [i + 1 for i in greedy_by_ratio(data["weights"], data["values"], data["capacity"])]
    misses = [
        _render(numbers[:-1]),  # one item left out: lighter, less value
        _render([n - 1 for n in numbers]),  # 0-based
        _render([*numbers, numbers[0]]),  # an item twice
        _render([*numbers, count + 1]),  # an item that does not exist
        str(data["optimum"]),  # the optimal value instead of the items
        _render(list(range(1, count + 1))),  # every item: over the capacity
        f"{reference} or {_render(numbers[:-1])}",
        "\n".join(f"item {i}: weight {w}, value {v}" for i, (w, v) in
                  enumerate(zip(data["weights"], data["values"], strict=True), start=1)),
    ]
    if outside:
        misses.append(_render(sorted([*numbers, outside[0]])))  # one more item: over the capacity
    if sum(data["values"][n - 1] for n in greedy) < data["optimum"]:
        misses.append(_render(greedy))  # the greedy-by-ratio choice: fits but is suboptimal
    # with ties, a shifted or shortened list can be another optimal subset by chance: drop those
    return [miss for miss in misses if not verify(data, miss).correct]
