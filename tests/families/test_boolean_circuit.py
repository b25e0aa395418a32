"""Focused tests for the boolean_circuit family."""

import re

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("boolean_circuit")

TRUTH = {  # written out again, independently of the generator
    "AND": lambda v: all(v), "OR": lambda v: any(v), "NOT": lambda v: not v[0],
    "XOR": lambda v: sum(v) % 2 == 1, "NAND": lambda v: not all(v), "NOR": lambda v: not any(v),
    "XNOR": lambda v: sum(v) % 2 == 0,
}
LINE = re.compile(r"^(\w+) = ([A-Z]+)\(([\w, ]+)\)$", re.MULTILINE)


def evaluate_prompt(prompt):
    """Evaluate the circuit from the prompt text alone, resolving lines in any order."""
    values = {name: int(v) for name, v in re.findall(r"\b([a-k]) = ([01])\b", prompt.split("\n")[0])}
    pending = [(name, op, [a.strip() for a in args.split(",")]) for name, op, args in LINE.findall(prompt)]
    while pending:
        ready = [g for g in pending if all(a in values for a in g[2])]
        assert ready, "the netlist has a cycle or an undefined signal"
        for name, op, args in ready:
            values[name] = int(TRUTH[op]([values[a] for a in args]))
        pending = [g for g in pending if g[0] not in values]
    return values


def depth_of(data):
    level = dict.fromkeys(data["inputs"], 0)
    for gate in data["gates"]:
        level[gate["name"]] = 1 + max(level[a] for a in gate["args"])
    return max(level.values())


@pytest.mark.parametrize("level", range(1, 11))
def test_reference_matches_an_independent_evaluation_of_the_prompt(level):
    params = TASK.params(level)
    for seed in range(8):
        instance = TASK.generate(seed, level)
        values = evaluate_prompt(instance.prompt)
        data = instance.data
        assert len(data["gates"]) == params["depth"] * params["width"]
        assert depth_of(data) == params["depth"]
        assert {g["op"] for g in data["gates"]} <= set(TRUTH)
        assert all(len(g["args"]) <= params["max_fanin"] for g in data["gates"])
        assert data["solution"] == {name: values[name] for name in data["asked"]}
        assert len(data["asked"]) == (len(data["gates"]) if params["ask_all"] else params["width"])
        if params["width"] > 2:
            assert len({data["solution"][f"out{k}"] for k in range(1, params["width"] + 1)}) == 2
        assert TASK.verify(data, instance.reference).correct


def test_levels_grow_and_knobs_apply():
    sizes = [len(TASK.generate(0, level).data["gates"]) for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == 2 and sizes[-1] == 60
    ops = {g["op"] for seed in range(10) for g in TASK.generate(seed, 2).data["gates"]}
    assert ops <= {"AND", "OR", "NOT"}
    ops = {g["op"] for seed in range(10) for g in TASK.generate(seed, 9).data["gates"]}
    assert {"NAND", "NOR", "XNOR"} <= ops
    ordered = TASK.generate(1, 5).prompt
    names = re.findall(r"^(g\d+) =", ordered, re.MULTILINE)
    assert names == [f"g{k}" for k in range(1, len(names) + 1)]
    shuffled = TASK.generate(1, 8).prompt
    names = re.findall(r"^(g\d+) =", shuffled, re.MULTILINE)
    assert names != sorted(names, key=lambda n: int(n[1:]))


HAND = {
    "inputs": {"a": 1, "b": 0},
    "gates": [{"name": "g1", "op": "XOR", "args": ["a", "b"]},
              {"name": "out1", "op": "AND", "args": ["g1", "a"]},
              {"name": "out2", "op": "NOR", "args": ["g1", "b"]},
              {"name": "out3", "op": "NOT", "args": ["b"]}],
    "asked": ["out1", "out2", "out3"],
    "solution": {"out1": 1, "out2": 0, "out3": 1},
}


@pytest.mark.parametrize("answer", [
    "out1=1, out2=0, out3=1",
    "out3=1, out1=1, out2=0",
    "out1: 1\nout2: 0\nout3: 1",
    "OUT1 = true; OUT2 = false; OUT3 = true",
    "out1=1 out2=0 out3=1",
    "1, 0, 1",
    "[1 0 1]",
])
def test_hand_instance_accepts(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("out1=1, out2=1, out3=1", Status.WRONG, "1 of the 3 values are wrong"),
    ("out1=0, out2=1, out3=0", Status.WRONG, "3 of the 3"),
    ("out1=1, out2=0", Status.WRONG, "no value given for out3"),
    ("out1=1, out2=0, out3=1, g1=1", Status.WRONG, "not one of the asked"),
    ("out1=1, out2=0, out3=1, out1=1", Status.WRONG, "more than once"),
    ("out1=1, out2=0 or 1, out3=1", Status.UNPARSABLE, ""),
    ("1, 0", Status.UNPARSABLE, ""),
    ("1, 0, 1, 1", Status.UNPARSABLE, ""),
    ("a=1, b=0", Status.WRONG, "not one of the asked"),
    ("101", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.score == 0.0
    assert verdict.status is status and reason in verdict.reason


def test_audit_hooks_and_whole_responses():
    instance = TASK.generate(5, 9)
    assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
    assert not any(TASK.verify(instance.data, miss).correct for miss in TASK.near_misses(instance))
    assert TASK.score(instance, f"<think>gate by gate</think><answer>{instance.reference}</answer>").correct
