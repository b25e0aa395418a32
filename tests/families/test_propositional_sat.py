"""Focused tests for the propositional_sat family."""

import itertools
import re

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("propositional_sat")


def holds(clauses, values):
    """Plain evaluation: values[v] is the truth of x_v (1-based, values[0] unused)."""
    return all(any(values[abs(lit)] == (lit > 0) for lit in clause) for clause in clauses)


def reference_values(reference):
    return [None] + [item.strip().endswith("T") for item in reference.split(",")]


@pytest.mark.parametrize("level", range(1, 11))
def test_instances_are_satisfiable_and_well_formed(level):
    params = TASK.params(level)
    for seed in range(10):
        instance = TASK.generate(seed, level)
        n, clauses = instance.data["variables"], instance.data["clauses"]
        assert n == params["variables"] and len(clauses) == params["clauses"]
        assert all(len(c) == params["clause_size"] == len({abs(lit) for lit in c}) for c in clauses)
        assert len({tuple(c) for c in clauses}) == len(clauses)
        assert {abs(lit) for c in clauses for lit in c} == set(range(1, n + 1))
        values = reference_values(instance.reference)
        assert holds(clauses, values)
        assert not holds(clauses, [None] + [True] * n) and not holds(clauses, [None] + [False] * n)
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_verifier_agrees_with_brute_force_on_every_assignment(level):
    for seed in range(3):
        data = TASK.generate(seed, level).data
        n = data["variables"]
        satisfying = 0
        for bits in itertools.product([False, True], repeat=n):
            answer = ", ".join(f"x{v}={'T' if b else 'F'}" for v, b in enumerate(bits, start=1))
            expected = holds(data["clauses"], [None, *bits])
            satisfying += expected
            assert TASK.verify(data, answer).correct == expected
        assert 1 <= satisfying < 2**n


def test_balanced_planting_hides_the_assignment():
    """Each literal is true under the planted assignment about half the time."""
    true_literals = total = 0
    for seed in range(20):
        instance = TASK.generate(seed, 9)
        values = reference_values(instance.reference)
        for clause in instance.data["clauses"]:
            true_literals += sum(values[abs(lit)] == (lit > 0) for lit in clause)
            total += len(clause)
    assert 0.45 < true_literals / total < 0.55


HAND = {"variables": 3, "clauses": [[1, -2], [2, 3], [-1, -3]]}


@pytest.mark.parametrize("answer", [
    "x1=T, x2=T, x3=F",
    "x1=F, x2=F, x3=T",  # another solution
    "x1 = true; x2 = true; x3 = false",
    "x3: 0\nx2: 1\nx1: 1",
    "x1 is true, x2 is true, x3 is false",
    "1 2 -3",
    "1 2 -3 0",
    "x1, x2, ¬x3",
    "[-1, -2, 3]",
    "~x1 ~x2 x3",
    "x1 x2 not x3",
    "X1=t X2=t X3=f",
])
def test_hand_instance_accepts_any_satisfying_assignment(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("x1=T, x2=T, x3=T", Status.WRONG, "clause 3"),
    ("x1=T, x2=F, x3=F", Status.WRONG, "clause 2"),
    ("x1=T, x2=T", Status.WRONG, "no value given for x3"),
    ("x1=T, x2=T, x3=F, x4=T", Status.WRONG, "no variable x4"),
    ("x1=T, x2=T, x3=F, x1=F", Status.WRONG, "more than once"),
    ("1 2 -3 -1", Status.WRONG, "more than once"),
    ("x1=T or F, x2=T, x3=F", Status.UNPARSABLE, ""),
    ("x1=maybe, x2=T, x3=F", Status.UNPARSABLE, ""),
    ("1 0 1", Status.UNPARSABLE, ""),
    ("T, T, F", Status.UNPARSABLE, ""),
    ("satisfiable", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.score == 0.0
    assert verdict.status is status and reason in verdict.reason


def test_levels_grow_and_knobs_apply():
    sizes = [(TASK.params(level)["variables"], TASK.params(level)["clauses"]) for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == (3, 4)
    top = TASK.params(10)
    assert 4.0 <= top["clauses"] / top["variables"] <= 4.3
    data = TASK.generate(0, 5, clause_size=4, clauses=30).data
    assert all(len(c) == 4 for c in data["clauses"]) and len(data["clauses"]) == 30
    with pytest.raises(bootcamps.errors.BootcampsError):
        TASK.generate(0, 1, clauses=200)


def test_audit_hooks_and_whole_responses():
    instance = TASK.generate(4, 7)
    assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
    verdicts = [TASK.verify(instance.data, miss) for miss in TASK.near_misses(instance)]
    assert not any(v.correct for v in verdicts)
    assert any(re.fullmatch(r"clause \d+ is false under this assignment", v.reason) for v in verdicts)
    assert TASK.score(instance, f"<think>DPLL</think><answer>{instance.reference}</answer>").correct
