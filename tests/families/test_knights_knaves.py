"""Focused tests for knights_knaves: brute-force uniqueness, rendering, parsing, level knobs."""

import itertools
import random

import pytest

import bootcamps
from bootcamps.generators import knights_knaves as kk
from bootcamps.types import Status

TASK = bootcamps.get_task("knights_knaves")


def truth(node, knights):
    """An evaluator written independently of the verifier's."""
    op = node["op"]
    if op in ("knight", "knave"):
        return knights[node["person"]] == (op == "knight")
    if op == "not":
        return not truth(node["arg"], knights)
    if op in ("exactly", "at_least", "at_most"):
        hits = [knights[p] == (node["role"] == "knight") for p in node["people"]].count(True)
        return {"exactly": hits == node["count"], "at_least": hits >= node["count"],
                "at_most": hits <= node["count"]}[op]
    args = [truth(arg, knights) for arg in node["args"]]
    return {"and": all(args), "or": any(args), "implies": (not args[0]) or args[1],
            "iff": args[0] == args[1]}[op]


def consistent_assignments(data):
    n = len(data["names"])
    return [knights for knights in itertools.product((False, True), repeat=n)
            if all(truth(s, knights) == knights[i] for i, s in enumerate(data["statements"]))]


@pytest.mark.parametrize(("level", "seeds"), [(1, 30), (3, 30), (5, 20), (7, 10), (9, 4), (10, 3)])
def test_exactly_one_assignment_by_brute_force(level, seeds):
    for seed in range(seeds):
        data = TASK.generate(seed, level).data
        (only,) = consistent_assignments(data)
        expected = {name: "knight" if k else "knave" for name, k in zip(data["names"], only, strict=True)}
        assert expected == data["solution"]


def test_knight_masks_match_assignment_bits():
    for n in (1, 3, 5):
        for person, mask in enumerate(kk.knight_masks(n)):
            assert [mask >> a & 1 for a in range(1 << n)] == [a >> person & 1 for a in range(1 << n)]


def test_negate_says_the_opposite():
    builder = kk._Builder(random.Random(3), 5, 4, kk.OPERATORS["counting"])
    for _ in range(300):
        statement, table = builder.node(3)
        negated = kk.negate(statement)
        for assignment in range(1 << 5):
            knights = [bool(assignment >> p & 1) for p in range(5)]
            assert truth(kk.to_data(statement), knights) == bool(table >> assignment & 1)
            assert truth(kk.to_data(negated), knights) != truth(kk.to_data(statement), knights)


def test_rendering():
    names = ["Alice", "Bob", "Carol"]
    statement = ("or", (("knight", 1), ("and", (("knave", 0), ("exactly", 1, "knight", (0, 1, 2))))))
    assert kk.render(statement, names, 0) == (
        "Bob is a knight or (I am a knave and (exactly one of myself, Bob and Carol is a knight))")
    assert kk.render(("implies", (("knave", 2), ("not", ("iff", (("knight", 0), ("knight", 1)))))), names, 1) == (
        "if Carol is a knave, then (it is not the case that (Alice is a knight if and only if I am a knight))")
    assert kk.render(("at_least", 2, "knave", (0, 2)), names, 1) == "at least two of Alice and Carol are knaves"


# Alice: "Bob is a knave."  Bob: "Alice is a knave and I am a knave."  Only Alice knight, Bob knave fits.
HAND = {
    "names": ["Alice", "Bob"],
    "statements": [{"op": "knave", "person": 1},
                   {"op": "and", "args": [{"op": "knave", "person": 0}, {"op": "knave", "person": 1}]}],
    "solution": {"Alice": "knight", "Bob": "knave"},
}


@pytest.mark.parametrize("answer", [
    "Alice: knight, Bob: knave", "Bob: knave, Alice: knight", "alice: KNIGHT; bob: Knave",
    "Alice is a knight and Bob is a knave.", "Alice is a knight. Bob is a knave.",
    "Alice = knight\nBob = knave", "- **Alice**: knight\n- **Bob**: knave", "Alice - knight, and Bob - knave",
])
def test_hand_instance_accepts_renderings(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status"), [
    ("Alice: knave, Bob: knave", Status.WRONG),  # one role flipped
    ("Alice: knight, Bob: knight", Status.WRONG),  # everyone a knight
    ("Alice: knave, Bob: knight", Status.WRONG),
    ("Alice: knight", Status.WRONG),  # Bob missing
    ("Alice: knight, Bob: knave, Alice: knight", Status.UNPARSABLE),  # named twice
    ("Alice: knight, Bob: knave, Carol: knave", Status.UNPARSABLE),  # a stranger
    ("Alice: knight or knave, Bob: knave", Status.UNPARSABLE),  # a hedge
    ("Alice, Bob", Status.UNPARSABLE),
    ("knight, knave", Status.UNPARSABLE),
    ("", Status.UNPARSABLE),
])
def test_hand_instance_rejects(answer, status):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status
    assert verdict.score == 0.0


def test_wrong_answer_reason_names_a_contradicted_speaker():
    reason = TASK.verify(HAND, "Alice: knave, Bob: knave").reason
    assert "statement" in reason and ("Alice" in reason or "Bob" in reason)


def test_levels_change_the_instances():
    def summary(level):
        instances = [TASK.generate(seed, level) for seed in range(12)]
        ops = {node["op"] for i in instances for s in i.data["statements"] for node in walk(s)}
        return {len(i.data["names"]) for i in instances}, ops

    people1, ops1 = summary(1)
    people5, ops5 = summary(5)
    people10, ops10 = summary(10)
    assert people1 == {2} and people5 == {5} and people10 == {10}
    assert ops1 <= {"and", "or", "knight", "knave"}
    assert {"implies", "iff"} & ops5 and not {"exactly", "at_least", "at_most"} & ops5
    assert {"exactly", "at_least", "at_most"} & ops10


def walk(node):
    yield node
    for child in node.get("args", []):
        yield from walk(child)
    if "arg" in node:
        yield from walk(node["arg"])


def test_depth_grows_with_level():
    def deepest(level):
        return max(depth(s) for seed in range(10) for s in TASK.generate(seed, level).data["statements"])

    assert deepest(1) <= 2 < deepest(9)  # "not" over a flat connective reaches 2 at depth 1


def depth(node):
    children = node.get("args", []) + ([node["arg"]] if "arg" in node else [])
    return 0 if node["op"] in ("knight", "knave") else 1 + max((depth(c) for c in children), default=0)


def test_audit_hooks_on_generated_instances():
    for level in (1, 6, 10):
        instance = TASK.generate(5, level)
        assert all(TASK.verify(instance.data, a).correct for a in TASK.equivalents(instance))
        assert not any(TASK.verify(instance.data, a).correct for a in TASK.near_misses(instance))
