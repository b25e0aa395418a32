"""Focused tests for the seating_arrangement family."""

import itertools

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("seating_arrangement")


def meets(condition, seat, n, round_table):
    """Independent reading of one condition; seat maps person index -> seat number 1..n."""
    kind, a = condition["kind"], seat[condition["a"]]
    b = seat[condition["b"]] if "b" in condition else None
    gap = abs(a - b) if b is not None else None
    return {
        "seat": lambda: a == condition.get("k"),
        "not_seat": lambda: a != condition.get("k"),
        "end": lambda: a in (1, n),
        "next": lambda: gap == 1 or (round_table and gap == n - 1),
        "not_next": lambda: not (gap == 1 or (round_table and gap == n - 1)),
        "left": lambda: a < b,
        "imm_left": lambda: b == a + 1,
        "clockwise": lambda: b == a % n + 1,
        "opposite": lambda: b == (a - 1 + n // 2) % n + 1,
        "gap": lambda: gap - 1 == condition.get("k"),
    }[kind]()


def brute_force(data, conditions=None):
    n, round_table = len(data["names"]), data["table"] == "round"
    conditions = data["conditions"] if conditions is None else conditions
    found = []
    for order in itertools.permutations(range(n)):
        seat = {person: s for s, person in enumerate(order, start=1)}
        if all(meets(c, seat, n, round_table) for c in conditions):
            found.append(order)
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 8), (2, 6), (3, 6), (4, 4), (5, 4), (6, 2)])
def test_solution_count_and_minimality_by_brute_force(level, seeds):
    limit = TASK.params(level)["max_solutions"]
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        data = instance.data
        found = brute_force(data)
        assert 1 <= len(found) <= limit
        names = data["names"]
        assert tuple(names.index(name) for name in instance.reference.split(", ")) in found
        for solution in found:
            assert TASK.verify(data, ", ".join(names[p] for p in solution)).correct
        for i in range(len(data["conditions"])):  # every condition is needed
            assert len(brute_force(data, data["conditions"][:i] + data["conditions"][i + 1:])) > limit


@pytest.mark.parametrize("level", range(1, 11))
def test_instances_are_well_formed(level):
    params = TASK.params(level)
    for seed in range(4):
        instance = TASK.generate(seed, level)
        data = instance.data
        assert len(data["names"]) == params["people"] and data["table"] == params["table"]
        kinds = {c["kind"] for c in data["conditions"]}
        assert not (kinds & {"left", "imm_left", "gap", "end"} and data["table"] == "round")
        assert not (kinds & {"clockwise", "opposite"} and data["table"] == "row")
        if params["relations"] == "basic":
            assert not kinds & {"not_seat", "imm_left", "gap", "opposite"}
        assert sum(c["kind"] == "seat" for c in data["conditions"]) < params["people"] // 2
        assert TASK.verify(data, instance.reference).correct


def test_unique_levels_at_size_eight():
    data = TASK.generate(0, 8).data
    assert len(brute_force(data)) == 1


HAND = {
    "names": ["Ann", "Ben", "Cid", "Dee"],
    "table": "round",
    "conditions": [{"kind": "next", "a": 0, "b": 1}, {"kind": "opposite", "a": 0, "b": 2}],
}


@pytest.mark.parametrize("answer", [
    "Ann, Ben, Cid, Dee",
    "Ben, Cid, Dee, Ann",  # a rotation also meets the conditions
    "Ann, Dee, Cid, Ben",  # the mirror image too
    "ann; ben; cid; dee",
    "1: Ann, 2: Ben, 3: Cid, 4: Dee",
    "Seat 4: Dee\nSeat 3: Cid\nSeat 2: Ben\nSeat 1: Ann",
    "[Ann, Ben, Cid, Dee]",
    "Ann Ben Cid Dee",
])
def test_hand_instance_accepts_any_valid_seating(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("Ann, Cid, Ben, Dee", Status.WRONG, "condition 1"),
    ("Ann, Ben, Dee, Cid", Status.WRONG, "condition 2"),
    ("Ann, Ben, Cid", Status.WRONG, "missing Dee"),
    ("Ann, Ben, Cid, Ann", Status.WRONG, "more than once"),
    ("Ann, Ben, Cid, Eve", Status.UNPARSABLE, "not one of"),
    ("Ann or Ben, Ben, Cid, Dee", Status.UNPARSABLE, ""),
    ("1: Ann, Ben, Cid, Dee", Status.UNPARSABLE, "number every seat"),
    ("2: Ann, 3: Ben, 4: Cid, 5: Dee", Status.UNPARSABLE, "seat numbers"),
    ("Ann sits next to Ben", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.score == 0.0
    assert verdict.status is status and reason in verdict.reason


def test_row_semantics():
    data = {"names": ["Ann", "Ben", "Cid"], "table": "row",
            "conditions": [{"kind": "left", "a": 1, "b": 0}, {"kind": "gap", "a": 1, "b": 2, "k": 1},
                           {"kind": "end", "a": 2}]}
    assert TASK.verify(data, "Ben, Ann, Cid").correct
    assert not TASK.verify(data, "Cid, Ann, Ben").correct  # Ben right of Ann
    assert not TASK.verify(data, "Ben, Cid, Ann").correct  # nobody between Ben and Cid


def test_audit_hooks_and_whole_responses():
    for level in (1, 7):
        instance = TASK.generate(3, level)
        assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
        assert not any(TASK.verify(instance.data, miss).correct for miss in TASK.near_misses(instance))
        assert TASK.score(instance, f"<think>try</think><answer>{instance.reference}</answer>").correct
