"""Constrained counting: count the combinatorial objects that satisfy some constraints.

Description:
    One of several templates, each with random parameters: strings with no k equal letters in a
    row; strings avoiding a block pattern; non-empty subsets of a set of numbers with a sum
    condition; integer solutions of x1 + ... + xk = N within bounds; monotone lattice paths
    avoiding blocked points; permutations with forbidden value/position pairs; permutations in
    which neighbours may not differ by given amounts. The count is exact: every template is
    counted by a dynamic program over a state that determines which completions are allowed
    (run length, pattern automaton state, partial sum, grid point, set of used values), which
    counts each object exactly once. Instances whose count is below 2 or whose constraints
    exclude nothing are redrawn.
Difficulty:
    size: the size of the objects (string length 5 to 14, up to 14 numbers in the set, grids up
        to 8 x 8, permutations of up to 9 numbers, up to 6 variables), 1 to 10.
    templates: basic (runs, subset sums, bounded solutions, lattice paths), mixed (also pattern
        avoidance and forbidden positions) or all (also neighbour differences and strings with
        both a run limit and a letter count).
Prompt:
    "How many strings of length 8 made of the letters A and B contain no 3 equal letters in a
    row? Answer with a single integer."
Answer format:
    A non-negative integer, digits only or with thousands separators (1,234).
Verification:
    The answer is parsed as an integer and compared with the proved count. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from math import comb, factorial
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

TEMPLATE_SETS = {
    "basic": ("runs", "subset_sum", "bounded_sum", "lattice"),
    "mixed": ("runs", "subset_sum", "bounded_sum", "lattice", "pattern", "forbidden_positions"),
    "all": ("runs", "subset_sum", "bounded_sum", "lattice", "pattern", "forbidden_positions",
            "neighbour_differences", "runs_with_count"),
}
MIN_SIZE, MAX_SIZE = 1, 10
LETTERS = "ABC"
_MAX_ATTEMPTS = 200


# -- counting -----------------------------------------------------------------------------------

def _count_runs(n: int, alphabet: int, k: int, letter_a: int | None = None) -> int:
    """Strings of length n over `alphabet` letters with no k equal in a row (and, if given,
    exactly `letter_a` letters A)."""
    states: dict[tuple[int, int, int], int] = {(-1, 0, 0): 1}  # (last letter, run length, A count)
    for _ in range(n):
        after: dict[tuple[int, int, int], int] = defaultdict(int)
        for (last, run, a_count), count in states.items():
            for letter in range(alphabet):
                length = run + 1 if letter == last else 1
                if length < k:
                    after[(letter, length, a_count + (letter == 0))] += count
        states = after
    return sum(c for (_, _, a), c in states.items() if letter_a is None or a == letter_a)


def _count_pattern(n: int, alphabet: int, pattern: str) -> int:
    """Strings of length n over `alphabet` letters without `pattern` as consecutive letters."""
    def advance(matched: int, letter: str) -> int:
        text = pattern[:matched] + letter
        for length in range(min(len(text), len(pattern)), -1, -1):
            if text.endswith(pattern[:length]):
                return length
        return 0

    states = {0: 1}
    for _ in range(n):
        after: dict[int, int] = defaultdict(int)
        for matched, count in states.items():
            for letter in LETTERS[:alphabet]:
                state = advance(matched, letter)
                if state < len(pattern):
                    after[state] += count
        states = after
    return sum(states.values())


def _subset_sums(numbers: list[int]) -> dict[int, int]:
    """How many subsets (the empty one included) have each sum."""
    sums = {0: 1}
    for number in numbers:
        after = dict(sums)
        for total, count in sums.items():
            after[total + number] = after.get(total + number, 0) + count
        sums = after
    return sums


def _count_subsets(numbers: list[int], condition: str, value: int) -> int:
    """Non-empty subsets whose sum equals / is at least / is divisible by `value`."""
    sums = _subset_sums(numbers)
    tests: dict[str, Callable[[int], bool]] = {
        "equal": lambda s: s == value, "at_least": lambda s: s >= value,
        "divisible": lambda s: s % value == 0,
    }
    empty = 1 if tests[condition](0) else 0
    return sum(count for total, count in sums.items() if tests[condition](total)) - empty


def _count_bounded(total: int, bounds: list[list[int]]) -> int:
    """Integer solutions of x1 + ... + xk = total with low_i <= x_i <= high_i."""
    ways = {0: 1}
    for low, high in bounds:
        after: dict[int, int] = defaultdict(int)
        for partial, count in ways.items():
            for x in range(low, high + 1):
                if partial + x <= total:
                    after[partial + x] += count
        ways = after
    return ways.get(total, 0)


def _count_lattice(width: int, height: int, blocked: list[list[int]]) -> int:
    """Right/up paths from (0, 0) to (width, height) through no blocked point."""
    walls = {(x, y) for x, y in blocked}
    paths = [[0] * (height + 1) for _ in range(width + 1)]
    for x in range(width + 1):
        for y in range(height + 1):
            if (x, y) in walls:
                continue
            paths[x][y] = 1 if x == y == 0 else (paths[x - 1][y] if x else 0) + (paths[x][y - 1] if y else 0)
    return paths[width][height]


def _count_forbidden(n: int, forbidden: list[list[int]]) -> int:
    """Permutations p of 1..n with p[position] != value for every forbidden [value, position]."""
    banned = [0] * (n + 1)
    for value, position in forbidden:
        banned[position] |= 1 << (value - 1)
    ways = {0: 1}  # set of values used by the first positions -> count
    for position in range(1, n + 1):
        after: dict[int, int] = defaultdict(int)
        for used, count in ways.items():
            for value in range(n):
                bit = 1 << value
                if not used & bit and not banned[position] & bit:
                    after[used | bit] += count
        ways = after
    return sum(ways.values())


def _count_differences(n: int, differences: list[int]) -> int:
    """Permutations of 1..n in which no two neighbours differ by any of `differences`."""
    ways: dict[tuple[int, int], int] = {(1 << v, v): 1 for v in range(1, n + 1)}
    for _ in range(n - 1):
        after: dict[tuple[int, int], int] = defaultdict(int)
        for (used, last), count in ways.items():
            for value in range(1, n + 1):
                if not used >> value & 1 and abs(value - last) not in differences:
                    after[(used | 1 << value, value)] += count
        ways = after
    return sum(ways.values())


def count(spec: dict[str, Any]) -> int:
    """The number of objects an instance asks for."""
    kind = spec["template"]
    if kind == "runs":
        return _count_runs(spec["length"], spec["alphabet"], spec["run"])
    if kind == "runs_with_count":
        return _count_runs(spec["length"], spec["alphabet"], spec["run"], spec["letter_a"])
    if kind == "pattern":
        return _count_pattern(spec["length"], spec["alphabet"], spec["pattern"])
    if kind == "subset_sum":
        return _count_subsets(spec["numbers"], spec["condition"], spec["value"])
    if kind == "bounded_sum":
        return _count_bounded(spec["total"], spec["bounds"])
    if kind == "lattice":
        return _count_lattice(spec["width"], spec["height"], spec["blocked"])
    if kind == "forbidden_positions":
        return _count_forbidden(spec["n"], spec["forbidden"])
    if kind == "neighbour_differences":
        return _count_differences(spec["n"], spec["differences"])
    raise ValueError(f"unknown template {kind!r}")


def unconstrained(spec: dict[str, Any]) -> int:
    """How many objects there are before the constraint: the count a careless reader gives."""
    kind = spec["template"]
    if kind == "runs_with_count":
        return comb(spec["length"], spec["letter_a"])
    if kind in ("runs", "pattern"):
        return spec["alphabet"] ** spec["length"]
    if kind == "subset_sum":
        return 2 ** len(spec["numbers"]) - 1
    if kind == "bounded_sum":
        total = 1
        for low, high in spec["bounds"]:
            total *= high - low + 1
        return total
    if kind == "lattice":
        return _count_lattice(spec["width"], spec["height"], [])
    return factorial(spec["n"])


# -- drawing ------------------------------------------------------------------------------------

def _draw_runs(rng: random.Random, size: int) -> dict[str, Any]:
    alphabet = 2 if size < 4 or rng.random() < 0.5 else 3
    length = 4 + size if alphabet == 2 else 3 + (size + 1) // 2 + rng.randint(0, 2)
    return {"template": "runs", "length": length + rng.randint(0, 1), "alphabet": alphabet,
            "run": rng.randint(2 if alphabet == 3 else 3, 3 if size < 6 else 4)}


def _draw_runs_with_count(rng: random.Random, size: int) -> dict[str, Any]:
    length = 4 + size + rng.randint(0, 1)
    return {"template": "runs_with_count", "length": length, "alphabet": 2, "run": rng.randint(3, 4),
            "letter_a": rng.randint(length // 3, (2 * length) // 3)}


def _draw_pattern(rng: random.Random, size: int) -> dict[str, Any]:
    alphabet = 2 if size < 5 or rng.random() < 0.5 else 3
    length = 4 + size if alphabet == 2 else 3 + (size + 1) // 2 + rng.randint(0, 2)
    pattern = "".join(rng.choice(LETTERS[:alphabet]) for _ in range(rng.randint(2, 3 if size < 6 else 4)))
    return {"template": "pattern", "length": length, "alphabet": alphabet, "pattern": pattern}


def _draw_subset_sum(rng: random.Random, size: int) -> dict[str, Any]:
    m = 4 + size
    numbers = sorted(rng.sample(range(1, 6 + 3 * size), m))
    condition = rng.choice(("equal", "at_least", "divisible"))
    total = sum(numbers)
    if condition == "divisible":
        value = rng.randint(3, 4 + size)
    else:
        value = rng.randint(total // 4 + 1, (3 * total) // 4)
    return {"template": "subset_sum", "numbers": numbers, "condition": condition, "value": value}


def _draw_bounded(rng: random.Random, size: int) -> dict[str, Any]:
    k = 2 + (size + 1) // 3 + rng.randint(0, 1)
    bounds = []
    for _ in range(k):
        low = rng.randint(0, 2)
        bounds.append([low, low + rng.randint(2, 3 + size)])
    lowest, highest = sum(b[0] for b in bounds), sum(b[1] for b in bounds)
    total = rng.randint(lowest + 1, highest - 1)
    return {"template": "bounded_sum", "total": total, "bounds": bounds}


def _draw_lattice(rng: random.Random, size: int) -> dict[str, Any]:
    width, height = 2 + (size + 1) // 2 + rng.randint(0, 1), 2 + size // 2 + rng.randint(0, 1)
    inner = [(x, y) for x in range(width + 1) for y in range(height + 1)
             if (x, y) not in ((0, 0), (width, height))]
    blocked = sorted(rng.sample(inner, 1 + size // 2 + rng.randint(0, 1)))
    return {"template": "lattice", "width": width, "height": height, "blocked": [list(p) for p in blocked]}


def _draw_forbidden(rng: random.Random, size: int) -> dict[str, Any]:
    n = 3 + (size + 1) // 2 + rng.randint(0, 1)
    pairs = [(value, position) for value in range(1, n + 1) for position in range(1, n + 1)]
    forbidden = sorted(rng.sample(pairs, rng.randint(n - 1, 2 * n)))
    return {"template": "forbidden_positions", "n": n, "forbidden": [list(p) for p in forbidden]}


def _draw_differences(rng: random.Random, size: int) -> dict[str, Any]:
    n = 4 + size // 2 + rng.randint(0, 1)
    differences = sorted(rng.sample(range(1, 5), rng.randint(1, 2)))
    return {"template": "neighbour_differences", "n": n, "differences": differences}


_DRAW = {"runs": _draw_runs, "runs_with_count": _draw_runs_with_count, "pattern": _draw_pattern,
         "subset_sum": _draw_subset_sum, "bounded_sum": _draw_bounded, "lattice": _draw_lattice,
         "forbidden_positions": _draw_forbidden, "neighbour_differences": _draw_differences}


# -- wording ------------------------------------------------------------------------------------

def _letters(alphabet: int) -> str:
    return "the letters A and B" if alphabet == 2 else "the letters A, B and C"


def _join(items: list[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def describe(spec: dict[str, Any]) -> str:
    """The question for a spec."""
    kind = spec["template"]
    if kind in ("runs", "runs_with_count"):
        runs = _join([letter * spec["run"] for letter in LETTERS[:spec["alphabet"]]], "or")
        extra = f" and contain exactly {spec['letter_a']} letters A" if kind == "runs_with_count" else ""
        return (f"How many strings of length {spec['length']} made of {_letters(spec['alphabet'])} "
                f"contain no {spec['run']} equal letters in a row (no {runs}){extra}?")
    if kind == "pattern":
        return (f"How many strings of length {spec['length']} made of {_letters(spec['alphabet'])} do "
                f"not contain {spec['pattern']} anywhere as consecutive letters?")
    if kind == "subset_sum":
        condition = {"equal": f"is exactly {spec['value']}", "at_least": f"is at least {spec['value']}",
                     "divisible": f"is divisible by {spec['value']}"}[spec["condition"]]
        numbers = ", ".join(map(str, spec["numbers"]))
        return (f"Consider the set {{{numbers}}}. How many of its non-empty subsets have a sum that "
                f"{condition}?")
    if kind == "bounded_sum":
        names = [f"x{i}" for i in range(1, len(spec["bounds"]) + 1)]
        bounds = ", ".join(f"{low} <= {name} <= {high}" for name, (low, high) in zip(names, spec["bounds"], strict=True))
        return (f"How many solutions in integers does {' + '.join(names)} = {spec['total']} have with "
                f"{bounds}?")
    if kind == "lattice":
        blocked = ", ".join(f"({x}, {y})" for x, y in spec["blocked"])
        return (f"A path goes from the point (0, 0) to the point ({spec['width']}, {spec['height']}); "
                "every step moves one unit right (x increases by 1) or one unit up (y increases by 1). "
                f"How many such paths pass through none of the blocked points {blocked}?")
    if kind == "forbidden_positions":
        rules = ", ".join(f"p{position} != {value}" for value, position in spec["forbidden"])
        return (f"How many permutations (p1, p2, ..., p{spec['n']}) of the numbers 1 to {spec['n']} "
                f"satisfy all of these conditions: {rules}?")
    differences = _join([str(d) for d in spec["differences"]], "or")
    return (f"How many ways are there to arrange the numbers 1 to {spec['n']} in a row so that no two "
            f"neighbours differ by {differences}?")


# -- generation ---------------------------------------------------------------------------------

def _check(size: int, templates: str) -> None:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(
            f"constrained_counting: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if templates not in TEMPLATE_SETS:
        raise InvalidParameterError(
            f"constrained_counting: expected templates among {list(TEMPLATE_SETS)}, found {templates!r}")


def generate(rng: random.Random, *, size: int, templates: str) -> Problem:
    _check(size, templates)
    for _ in range(_MAX_ATTEMPTS):
        spec = _DRAW[rng.choice(TEMPLATE_SETS[templates])](rng, size)
        answer, total = count(spec), unconstrained(spec)
        if answer < 2 or answer >= total:
            continue  # too few objects, or a constraint that excludes nothing
        question = describe(spec) + "\n\nAnswer with a single integer: the number of them."
        data = {**spec, "count": answer, "unconstrained": total}
        return Problem(question=question, data=data, reference=str(answer))
    raise GenerationError(f"constrained_counting: no instance with a count of at least 2 in {_MAX_ATTEMPTS} attempts")
