"""Verifier for interval_scheduling: distinct real intervals, none overlapping, count or weight optimal."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.index_sets import chosen_indices, index_set_renderings
from bootcamps.types import Verdict

_FORMAT = "expected the numbers of the chosen intervals separated by commas, e.g. 2, 5, 7"


def _overlap(data: dict[str, Any], chosen: list[int]) -> str | None:
    """Why two chosen (0-based) intervals overlap, or None when none do."""
    intervals = data["intervals"]
    ordered = sorted(chosen, key=lambda i: intervals[i][0])
    for a, b in zip(ordered, ordered[1:]):  # noqa: B905 -- ordered[1:] is one shorter by design
        if intervals[a][1] > intervals[b][0]:
            (sa, ea), (sb, eb) = intervals[a], intervals[b]
            return f"intervals {a + 1} [{sa}, {ea}) and {b + 1} [{sb}, {eb}) overlap"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    chosen = chosen_indices(answer, len(data["intervals"]), "interval", _FORMAT)
    if isinstance(chosen, Verdict):
        return chosen
    overlap = _overlap(data, chosen)
    if overlap is not None:
        return Verdict.wrong(overlap)
    total = sum(data["weights"][i] for i in chosen)
    if total != data["optimum"]:
        if max(data["weights"]) == 1:
            return Verdict.wrong(f"no two overlap, but {total} chosen is not the most possible")
        return Verdict.wrong(f"no two overlap, but the total weight {total} is not the largest possible")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _render(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


def _intervals(data: dict[str, Any]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in data["intervals"]]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.interval_scheduling import optimal_sets

    numbers = [int(part) for part in reference.split(", ")]
    forms = [*index_set_renderings(numbers, "interval"), f"the chosen intervals {reference}"]
    others = [[i + 1 for i in found] for found in optimal_sets(_intervals(data), data["weights"], limit=5)]
    return forms + [_render(found) for found in others if found != sorted(numbers)][:3]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.interval_scheduling import shortcut_sets

    numbers = [int(part) for part in reference.split(", ")]
    count = len(data["intervals"])
    outside = [n for n in range(1, count + 1) if n not in numbers]
    misses = [
        _render(numbers[:-1]),  # one interval left out
        _render([n - 1 for n in numbers]),  # 0-based
        _render([*numbers, numbers[-1]]),  # an interval twice
        _render([*numbers, count + 1]),  # an interval that does not exist
        str(data["optimum"]),  # the optimal count or weight instead of the intervals
        _render(list(range(1, count + 1))),  # every interval
        f"{reference} or {_render(numbers[:-1])}",
        "\n".join(f"{i}: [{s}, {e})" for i, (s, e) in enumerate(data["intervals"], start=1)),
    ]
    if outside:  # adding any interval to an optimal set makes an overlap (weights are positive)
        misses.append(_render(sorted([*numbers, outside[0]])))
    for chosen in shortcut_sets(_intervals(data), data["weights"]):
        if sum(data["weights"][i] for i in chosen) < data["optimum"]:
            misses.append(_render([i + 1 for i in chosen]))  # a tempting shortcut: legal, suboptimal
    # a shifted list can be another optimal set by chance: drop those
    return [miss for miss in misses if not verify(data, miss).correct]
