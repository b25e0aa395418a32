"""Interval scheduling: choose a largest (or heaviest) set of pairwise non-overlapping intervals.

Description:
    n half-open intervals [s, e) with integer ends on a time line 0..max_time, numbered 1..n in
    random order; intervals that only touch (one ends where the other starts) do not overlap.
    Lengths are drawn so that about two intervals cover a typical time. Unweighted (every
    interval counts 1): choose as many intervals as possible. Weighted: each interval has a
    weight and the chosen intervals' total weight must be as large as possible. The optimum is
    computed by the classic dynamic program over intervals sorted by end (for weight 1 it is
    the size of a maximum set). Every optimal set holds at least two intervals.
Difficulty:
    intervals: how many intervals there are (5 at level 1, 30 at level 10).
    max_time: every interval lies within [0, max_time).
    max_weight: weights are drawn from 1..max_weight; 1 means the unweighted problem (levels
        1-5), larger values the weighted one (levels 6-10).
    greedy_trap: the tempting shortcuts fail. Unweighted: taking intervals by earliest start
        gives fewer than the optimum. Weighted: taking the heaviest intervals first, and a
        maximum-size set chosen by earliest end, each give less weight than the optimum.
Prompt:
    The convention for [s, e), one line per interval ``3: [4, 9)`` (with ``weight 7`` when
    weighted), then "Choose ... no two chosen intervals overlap ...", with the answer format.
Answer format:
    The numbers of the chosen intervals, e.g. ``2, 5, 7`` (any order; ``[2, 5, 7]``,
    ``{2 5 7}``, ``Intervals: 2, 5 and 7`` are read too). Each interval at most once.
Verification:
    Every number must name an interval, none twice; no two chosen intervals may overlap
    (touching is fine); the count (unweighted) or total weight (weighted) must equal the optimum
    stored at generation. Any optimal set is accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import bisect
import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 400
_KNOBS = {"intervals": (4, 60), "max_time": (8, 1000), "max_weight": (1, 99)}

Interval = tuple[int, int]


def _by_end(intervals: list[Interval]) -> list[int]:
    return sorted(range(len(intervals)), key=lambda i: (intervals[i][1], intervals[i][0], i))


def _table(intervals: list[Interval], weights: list[int]) -> tuple[list[int], list[int], list[int]]:
    """(order by end, best[j] over the first j of that order, the count of those ending <= each start)."""
    order = _by_end(intervals)
    ends = [intervals[i][1] for i in order]
    before = [bisect.bisect_right(ends, intervals[i][0]) for i in order]
    best = [0] * (len(order) + 1)
    for j, i in enumerate(order, start=1):
        best[j] = max(best[j - 1], weights[i] + best[before[j - 1]])
    return order, best, before


def optimal_sets(intervals: list[Interval], weights: list[int], limit: int = 1) -> list[list[int]]:
    """Up to ``limit`` different optimal sets (sorted 0-based indices); the first is the reference."""
    order, best, before = _table(intervals, weights)
    found: list[list[int]] = []
    stack: list[tuple[int, tuple[int, ...]]] = [(len(order), ())]
    while stack and len(found) < limit:
        j, taken = stack.pop()
        if j == 0:
            found.append(sorted(taken))
            continue
        i = order[j - 1]
        if best[j - 1] == best[j]:
            stack.append((j - 1, taken))
        if weights[i] + best[before[j - 1]] == best[j]:
            stack.append((before[j - 1], (*taken, i)))
    return found


def greedy(intervals: list[Interval], order: list[int]) -> list[int]:
    """0-based intervals taken in the given order whenever they overlap none taken so far."""
    taken: list[int] = []
    for i in order:
        s, e = intervals[i]
        if all(e <= intervals[j][0] or intervals[j][1] <= s for j in taken):
            taken.append(i)
    return sorted(taken)


def shortcut_sets(intervals: list[Interval], weights: list[int]) -> list[list[int]]:
    """The sets the tempting shortcuts pick: earliest start (unweighted); heaviest, max size (weighted)."""
    n = range(len(intervals))
    if max(weights) == 1:
        return [greedy(intervals, sorted(n, key=lambda i: (intervals[i], i)))]  # ties: ends first
    return [greedy(intervals, sorted(n, key=lambda i: (-weights[i], i))),
            greedy(intervals, _by_end(intervals))]


def _check_knobs(intervals: int, max_time: int, max_weight: int) -> None:
    for name, value in (("intervals", intervals), ("max_time", max_time), ("max_weight", max_weight)):
        low, high = _KNOBS[name]
        if not low <= value <= high:
            raise InvalidParameterError(
                f"interval_scheduling: expected {name} between {low} and {high}, found {value}")


def _draw(rng: random.Random, count: int, max_time: int) -> list[Interval]:
    longest = min(max_time, max(2, round(4 * max_time / count)))
    intervals = []
    for _ in range(count):
        length = rng.randint(1, longest)
        start = rng.randint(0, max_time - length)
        intervals.append((start, start + length))
    return intervals


def _question(intervals: list[Interval], weights: list[int], max_time: int) -> str:
    weighted = max(weights) > 1
    lines = "\n".join(f"{i}: [{s}, {e})" + (f" weight {w}" if weighted else "")
                      for i, ((s, e), w) in enumerate(zip(intervals, weights, strict=True), start=1))
    goal = ("whose total weight is as large as possible" if weighted
            else "with as many intervals as possible")
    return (
        f"Here are {len(intervals)} intervals of time, numbered 1 to {len(intervals)}"
        f"{', each with a weight' if weighted else ''}. An interval [s, e) starts at time s and ends at "
        "time e: it contains s but not e, so two intervals that only touch (one ends exactly when the "
        "other starts) do not overlap.\n\n"
        f"{lines}\n\n"
        f"Choose a set of intervals, no two of which overlap, {goal}. Answer with the numbers of the "
        "chosen intervals separated by commas, for example 2, 5, 7. If several sets are equally good, "
        "any one of them is accepted."
    )


def generate(rng: random.Random, *, intervals: int, max_time: int, max_weight: int,
             greedy_trap: bool) -> Problem:
    _check_knobs(intervals, max_time, max_weight)
    for _ in range(_MAX_ATTEMPTS):
        drawn = _draw(rng, intervals, max_time)
        weights = [rng.randint(1, max_weight) for _ in drawn]
        order, best, _ = _table(drawn, weights)
        optimum = best[-1]
        if max(weights) >= optimum:
            continue  # a single interval would be optimal (or tie the optimum)
        if greedy_trap and any(sum(weights[i] for i in chosen) >= optimum
                               for chosen in shortcut_sets(drawn, weights)):
            continue
        chosen = optimal_sets(drawn, weights)[0]
        data = {"intervals": [[s, e] for s, e in drawn], "weights": weights, "optimum": optimum}
        reference = ", ".join(str(i + 1) for i in chosen)
        return Problem(question=_question(drawn, weights, max_time), data=data, reference=reference)
    raise GenerationError(
        f"interval_scheduling: no instance with {intervals} intervals met the requirements "
        f"(greedy_trap={greedy_trap}) in {_MAX_ATTEMPTS} attempts; raise intervals"
    )
