"""Focused tests for constrained_counting-v1: every count checked by listing all the objects."""

from itertools import combinations, permutations, product

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators.constrained_counting import TEMPLATE_SETS
from bootcamps.types import Status

TASK = bootcamps.get_task("constrained_counting")


def strings(data):
    return ("".join(s) for s in product("ABC"[:data["alphabet"]], repeat=data["length"]))


def brute_force(data):
    """Count the objects one by one; shares no code with the family."""
    kind = data["template"]
    if kind in ("runs", "runs_with_count"):
        runs = ["ABC"[i] * data["run"] for i in range(data["alphabet"])]
        found = [s for s in strings(data) if not any(run in s for run in runs)]
        if kind == "runs_with_count":
            found = [s for s in found if s.count("A") == data["letter_a"]]
        return len(found)
    if kind == "pattern":
        return sum(data["pattern"] not in s for s in strings(data))
    if kind == "subset_sum":
        numbers, value = data["numbers"], data["value"]
        ok = {"equal": lambda s: s == value, "at_least": lambda s: s >= value,
              "divisible": lambda s: s % value == 0}[data["condition"]]
        return sum(ok(sum(c)) for k in range(1, len(numbers) + 1) for c in combinations(numbers, k))
    if kind == "bounded_sum":
        ranges = [range(low, high + 1) for low, high in data["bounds"]]
        return sum(sum(xs) == data["total"] for xs in product(*ranges))
    if kind == "lattice":
        return sum(lattice_path_ok(data, rights) for rights in
                   combinations(range(data["width"] + data["height"]), data["width"]))
    if kind == "forbidden_positions":
        return sum(all(p[pos - 1] != val for val, pos in data["forbidden"])
                   for p in permutations(range(1, data["n"] + 1)))
    return sum(all(abs(a - b) not in data["differences"] for a, b in zip(p, p[1:], strict=False))
               for p in permutations(range(1, data["n"] + 1)))


def lattice_path_ok(data, rights):
    x = y = 0
    blocked = {tuple(point) for point in data["blocked"]}
    for step in range(data["width"] + data["height"]):
        x, y = (x + 1, y) if step in rights else (x, y + 1)
        if (x, y) in blocked:
            return False
    return True


@pytest.mark.parametrize("size", range(1, 6))
def test_reference_equals_brute_force_count(size):
    for seed in range(12):
        instance = TASK.generate(seed, 1, size=size, templates="all")
        data = instance.data
        assert int(instance.reference) == brute_force(data) == data["count"]
        assert 2 <= data["count"] < data["unconstrained"]


def test_default_levels_brute_force():
    for level in (1, 2, 3, 4):
        for seed in range(8):
            instance = TASK.generate(seed, level)
            assert int(instance.reference) == brute_force(instance.data)


def test_every_template_appears():
    seen = {TASK.generate(seed, 8).data["template"] for seed in range(200)}
    assert seen == set(TEMPLATE_SETS["all"])


# strings of length 4 over A, B with no AAA and no BBB: 16 - (AAAA AAAB BAAA BBBB BBBA ABBB) = 10
RUNS = {"template": "runs", "length": 4, "alphabet": 2, "run": 3, "count": 10, "unconstrained": 16}


@pytest.mark.parametrize("answer", ["10", " 10 ", "10.", "+10", "10 strings", "$10$"])
def test_accepted_forms(answer):
    assert brute_force(RUNS) == 10
    assert TASK.verify(RUNS, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("16", Status.WRONG, "ignoring the constraints"),
    ("9", Status.WRONG, "more than"),
    ("11", Status.WRONG, "less than"),
    ("-10", Status.WRONG, "negative"),
    ("10 or 11", Status.UNPARSABLE, "integer"),
    ("10/16", Status.UNPARSABLE, "integer"),
    ("ten", Status.UNPARSABLE, "integer"),
    ("10.0", Status.UNPARSABLE, "integer"),
])
def test_rejected_forms(answer, status, reason):
    verdict = TASK.verify(RUNS, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    assert [p["size"] for p in params] == list(range(1, 11))
    assert params[0]["templates"] == "basic" and params[-1]["templates"] == "all"
    small = max(TASK.generate(seed, 1).data["unconstrained"] for seed in range(30))
    large = max(TASK.generate(seed, 10).data["unconstrained"] for seed in range(30))
    assert large > 100 * small


def test_knob_bounds():
    for overrides in ({"size": 0}, {"size": 11}, {"templates": "hard"}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
