"""Focused tests for program_trace-v1: the interpreter is checked against CPython running our own programs."""

import contextlib
import io

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("program_trace")


def cpython_output(source: str) -> list[str]:
    """Run a program WE generated (never model text) with CPython and capture what it prints."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(source, "<generated>", "exec"), {"__builtins__": {"print": print, "range": range, "len": len}})  # noqa: S102
    return buffer.getvalue().splitlines()


@pytest.mark.parametrize("level", range(1, 11))
def test_interpreter_agrees_with_cpython(level):
    for seed in range(25):
        instance = TASK.generate(seed, level)
        lines = cpython_output(instance.data["source"])
        assert lines == instance.data["output"] == instance.reference.split("\n")
        assert lines and any(ch in "123456789" for ch in "".join(lines))
        assert instance.data["source"] in instance.prompt
        indents = [(len(line) - len(line.lstrip(" "))) // 4 for line in instance.data["source"].splitlines()]
        assert max(indents) == TASK.params(level)["depth"]  # blocks nest exactly as deep as the level says


def test_levels_grow_and_unlock_features():
    def sources(level):
        return [TASK.generate(seed, level).data["source"] for seed in range(30)]

    sizes = [TASK.params(level)["statements"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    for level in (1, 2):
        assert not any("while" in source or "[" in source for source in sources(level))
    assert any("while" in source for source in sources(3))
    assert sum("= [" in source for source in sources(5)) >= 10
    assert sum(".append(" in source for source in sources(10)) >= 5
    deep = sources(10)
    assert any("\n            " in source for source in deep)  # three nested blocks somewhere
    assert sum(map(len, deep)) > 4 * sum(map(len, sources(1)))


def test_knob_bounds():
    for overrides in ({"statements": 2}, {"statements": 41}, {"depth": 4}, {"loop_max": 1}, {"loop_max": 11},
                      {"statements": 5, "depth": 3}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 5, **overrides)


# floor division and modulo round towards minus infinity; range stops before its end
SOURCE = "a = -7\nb = a // 2\nc = a % 3\nfor i in range(1, 3):\n    b += i\nxs = [b, c]\nprint(b, c)\nprint(xs)"
PROGRAM = [["assign", "a", ["bin", "-", ["num", 0], ["num", 7]]],
           ["assign", "b", ["bin", "//", ["var", "a"], ["num", 2]]],
           ["assign", "c", ["bin", "%", ["var", "a"], ["num", 3]]],
           ["for", "i", ["num", 1], ["num", 3], ["num", 1], [["aug", "b", "+", ["var", "i"]]]],
           ["list", "xs", [["var", "b"], ["var", "c"]]],
           ["print", [["var", "b"], ["var", "c"]]], ["print", [["var", "xs"]]]]
HAND = {"source": SOURCE, "program": PROGRAM, "output": ["-1 2", "[-1, 2]"]}


def test_hand_written_instance():
    assert cpython_output(SOURCE) == HAND["output"]
    for answer in ["-1 2\n[-1, 2]", "  -1   2 \n\n[-1,2]\n", "```\n-1 2\n[-1, 2]\n```", "-1 2\r\n[ -1 , 2 ]"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "-1 2": (Status.WRONG, "prints 2 line(s)"),
        "-1 2\n[-1, 2]\n[-1, 2]": (Status.WRONG, "prints 2 line(s)"),
        "0 -1\n[0, -1]": (Status.WRONG, "line 1"),  # C-style truncating division
        "2 2\n[2, 2]": (Status.WRONG, "line 1"),  # range(1, 3) read as 1, 2, 3
        "-1, 2\n[-1, 2]": (Status.WRONG, "line 1"),  # print does not put commas between arguments
        "-1 2\n-1 2": (Status.WRONG, "line 2"),
        "-1 2 [-1, 2]": (Status.WRONG, "prints 2 line(s)"),
        "-1 2\n[-1, 2] or -1 2\n[-1, 3]": (Status.WRONG, "prints 2 line(s)"),
        "": (Status.UNPARSABLE, "printed output"),
        "x" * 100_000: (Status.UNPARSABLE, "too long"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_near_misses_hold_the_classic_misreadings():
    misses = TASK.near_misses(bootcamps.Instance(task=TASK.id, seed=0, level=1, params={}, prompt="",
                                                 data=HAND, reference="-1 2\n[-1, 2]"))
    assert "0 -1\n[0, -1]" in misses  # truncating division: -7 // 2 = -3, -7 % 3 = -1
    assert "2 2\n[2, 2]" in misses  # inclusive range: b = -4 + 1 + 2 + 3
    assert SOURCE in misses
