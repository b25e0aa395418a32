"""Focused tests for register_machine-v1: an independent interpreter of the prompt, answers checked by name."""

import re

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("register_machine")


def parse_prompt(prompt: str) -> tuple[dict[str, int], list[list[str]]]:
    """Initial values and the program, read back from the prompt text alone."""
    initial = {name: int(value) for name, value in
               re.findall(r"(\w)=(-?\d+)", prompt.split("Initial values:")[1].split("\n")[0])}
    program = [re.split(r"[ ,]+", line.split(": ", 1)[1].strip())
               for line in re.findall(r"(?m)^\d+: .*$", prompt)]
    return initial, program


def interpret(initial: dict[str, int], program: list[list[str]], budget: int) -> tuple[dict[str, int], int]:
    """A second interpreter sharing no code with the family; raises if the budget runs out."""
    regs, pc, steps = dict(initial), 0, 0

    def val(x: str) -> int:
        return regs[x] if x in regs else int(x)

    while pc < len(program) and pc >= 0:
        assert steps < budget, "did not halt within the budget"
        op, *args = program[pc]
        steps += 1
        if op == "jnz":
            pc += int(args[1]) if val(args[0]) else 1
            continue
        if op == "mov":
            regs[args[0]] = val(args[1])
        elif op == "add":
            regs[args[0]] = regs[args[0]] + val(args[1])
        elif op == "sub":
            regs[args[0]] = regs[args[0]] - val(args[1])
        elif op == "inc":
            regs[args[0]] = regs[args[0]] + 1
        elif op == "dec":
            regs[args[0]] = regs[args[0]] - 1
        else:
            raise AssertionError(f"unknown instruction {op}")
        pc += 1
    return regs, steps


def loop_depth(program: list[list[str]]) -> int:
    """Deepest nesting of backward jumps (each a loop over the instructions it jumps back over)."""
    spans = [(i + int(ins[2]), i) for i, ins in enumerate(program) if ins[0] == "jnz" and int(ins[2]) < 0]
    return max((sum(a <= s and e <= b for a, b in spans) for s, e in spans), default=0)


@pytest.mark.parametrize("level", range(1, 11))
def test_independent_interpreter_agrees(level):
    params = TASK.params(level)
    for seed in range(15):
        instance = TASK.generate(seed, level)
        initial, program = parse_prompt(instance.prompt)
        assert len(program) == params["length"] and len(initial) == params["registers"]
        final, steps = interpret(initial, program, params["max_steps"])
        assert final != initial
        assert steps == instance.data["steps"] <= params["max_steps"]
        assert loop_depth(program) == params["depth"]
        assert instance.reference == ", ".join(f"{k}={v}" for k, v in final.items())
        assert TASK.verify(instance.data, instance.reference).correct


def test_level_table_grows():
    rows = [TASK.params(level) for level in range(1, 11)]
    for knob in ("registers", "length", "depth", "max_steps"):
        values = [row[knob] for row in rows]
        assert values == sorted(values) and values[0] < values[-1], knob
    steps = [sum(TASK.generate(seed, level).data["steps"] for seed in range(10)) for level in (1, 10)]
    assert steps[1] > 10 * steps[0]


def test_knob_bounds():
    for overrides in ({"registers": 1}, {"length": 61}, {"depth": 4}, {"max_steps": 5}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 5, **overrides)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, registers=2, depth=2)  # two nested loop counters and no data register
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 10, length=6)  # three nested loops need 10 instructions


# a=1, b=0: b gets 3 * 2 = 6 added, c counts down to 0, a is skipped over once (a != 0)
HAND = {"registers": ["a", "b", "c"], "initial": {"a": 1, "b": 0, "c": 0},
        "program": [["mov", "c", 3], ["add", "b", 2], ["dec", "c"], ["jnz", "c", -2],
                    ["jnz", "a", 2], ["inc", "a"], ["sub", "a", 4]],
        "final": {"a": -3, "b": 6, "c": 0}, "steps": 12}


def test_hand_written_instance():
    final, steps = interpret(HAND["initial"], [[str(x) for x in ins] for ins in HAND["program"]], 100)
    assert final == HAND["final"] and steps == HAND["steps"]
    for answer in ["a=-3, b=6, c=0", "c=0\nb=6\na=-3", "A = -3; B = 6; C = 0", '{"a": -3, "b": 6, "c": 0}',
                   "a: -3, b: 6, c: 0", "a=\u22123, b=6, c=0", "- a = -3\n- b = 6\n- c = 0"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "a=-2, b=6, c=0": (Status.WRONG, "value of a"),
        "a=-3, b=6": (Status.WRONG, "no value given for register c"),
        "a=1, b=0, c=0": (Status.WRONG, "value of a, b"),  # the initial values copied back
        "a=-3, b=6, c=0, d=0": (Status.UNPARSABLE, "not a register"),
        "a=-3, b=6, c=0, a=-3": (Status.UNPARSABLE, "more than once"),
        "a=-3, b=6, c=0 or a=-3, b=7, c=0": (Status.UNPARSABLE, ""),
        "-3, 6, 0": (Status.UNPARSABLE, ""),
        "a=-3, b=6, c=0" * 200: (Status.UNPARSABLE, "too long"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_near_misses_include_an_early_stop_and_the_initial_values():
    instance = TASK.generate(3, 6)
    misses = TASK.near_misses(instance)
    initial = ", ".join(f"{k}={v}" for k, v in instance.data["initial"].items())
    assert initial in misses and len(misses) >= 8
    assert all(not TASK.verify(instance.data, miss).correct for miss in misses)
