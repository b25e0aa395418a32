"""Focused tests for the web_of_lies family."""

import itertools

import pytest

import bootcamps
from bootcamps.generators.web_of_lies import count_solutions
from bootcamps.types import Status

TASK = bootcamps.get_task("web_of_lies")

CLAIMS = {  # written out again, independently of the generator's table
    "truth": lambda y: y, "lie": lambda y: not y,
    "both_truth": lambda y, z: y and z, "both_lie": lambda y, z: not y and not z,
    "some_truth": lambda y, z: y or z, "some_lie": lambda y, z: not y or not z,
    "exactly_one": lambda y, z: y != z, "same": lambda y, z: y == z,
}


def consistent(data, truth):
    return (all(truth[f["person"]] == f["truth"] for f in data["facts"])
            and all(bool(CLAIMS[s["kind"]](*(truth[t] for t in s["targets"]))) == truth[s["speaker"]]
                    for s in data["statements"]))


@pytest.mark.parametrize(("level", "seeds"), [(1, 10), (2, 10), (3, 8), (4, 6), (5, 5), (6, 3)])
def test_exactly_one_consistent_assignment_by_brute_force(level, seeds):
    for seed in range(seeds):
        data = TASK.generate(seed, level).data
        n = len(data["names"])
        found = [truth for truth in itertools.product([False, True], repeat=n) if consistent(data, truth)]
        assert len(found) == 1
        assert {name: "truth" if t else "lie" for name, t in zip(data["names"], found[0], strict=True)} == data["solution"]


@pytest.mark.parametrize("level", range(1, 11))
def test_instances_are_well_formed(level):
    params = TASK.params(level)
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        n = len(data["names"])
        assert n == params["people"] and len(data["facts"]) == params["anchors"]
        assert len(data["statements"]) == n - params["anchors"] + params["extra_statements"]
        assert set(data["solution"].values()) == {"truth", "lie"}
        truth = [data["solution"][name] == "truth" for name in data["names"]]
        assert consistent(data, truth)
        assert count_solutions(n, data["facts"], data["statements"], cap=5) == 1
        assert TASK.verify(data, instance.reference).correct


def test_chain_levels_read_in_resolution_order():
    for seed in range(5):
        data = TASK.generate(seed, 2).data
        assert [s["speaker"] for s in data["statements"]] == list(range(1, 5))
        assert [s["targets"] for s in data["statements"]] == [[p] for p in range(4)]


def test_levels_add_compound_statements_and_shuffle():
    kinds = {s["kind"] for seed in range(5) for s in TASK.generate(seed, 10).data["statements"]}
    assert kinds - {"truth", "lie"}
    assert all(len(s["targets"]) == 1 for seed in range(5) for s in TASK.generate(seed, 4).data["statements"])
    backwards = sum(s["speaker"] < s["targets"][0] for seed in range(5)
                    for s in TASK.generate(seed, 6, compound=0.0, extra_statements=0).data["statements"])
    assert backwards > 0
    assert TASK.generate(0, 5, people=30).data["names"].__len__() == 30


HAND = {
    "names": ["Ann", "Ben", "Cat", "Dan"],
    "facts": [{"person": 0, "truth": False}],
    "statements": [
        {"speaker": 1, "kind": "lie", "targets": [0]},
        {"speaker": 2, "kind": "truth", "targets": [1]},
        {"speaker": 3, "kind": "some_lie", "targets": [0, 2]},
    ],
    "solution": {"Ann": "lie", "Ben": "truth", "Cat": "truth", "Dan": "truth"},
}


@pytest.mark.parametrize("answer", [
    "Ann: lie, Ben: truth, Cat: truth, Dan: truth",
    "Dan: truth; Cat: truth; Ben: truth; Ann: lie",
    "Ann lies, Ben tells the truth, Cat tells the truth and Dan tells the truth.",
    "Ann is a liar\nBen is truthful\nCat is honest\nDan is a truth-teller",
    "ann = false, ben = true, cat = TRUE, dan = True",
    "- **Ann**: Lie\n- **Ben**: Truth\n- **Cat**: Truth\n- **Dan**: Truth",
])
def test_hand_instance_accepts_renderings(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("Ann: truth, Ben: truth, Cat: truth, Dan: truth", Status.WRONG, "fact about Ann"),
    ("Ann: lie, Ben: truth, Cat: lie, Dan: truth", Status.WRONG, "Cat says Ben tells the truth"),
    ("Ann: lie, Ben: truth, Cat: truth, Dan: lie", Status.WRONG, "Dan says at least one of Ann and Cat lies"),
    ("Ann: lie, Ben: truth, Cat: truth", Status.WRONG, "no value given for Dan"),
    ("Ann: lie, Ben: truth, Cat: truth, Dan: truth or lie", Status.UNPARSABLE, ""),
    ("Ann: lie, Ben: truth, Cat: truth, Dan: truth, Ann: truth", Status.UNPARSABLE, "more than once"),
    ("Ann: lie, Ben: truth, Cat: truth, Dan: truth, Eve: lie", Status.UNPARSABLE, "not one of"),
    ("Ann, Ben, Cat, Dan", Status.UNPARSABLE, ""),
    ("truth", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.score == 0.0
    assert verdict.status is status and reason in verdict.reason


def test_audit_hooks_and_whole_responses():
    instance = TASK.generate(2, 8)
    assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
    assert not any(TASK.verify(instance.data, miss).correct for miss in TASK.near_misses(instance))
    assert TASK.score(instance, f"<think>chain</think><answer>{instance.reference}</answer>").correct
