"""Focused tests for cellular_automaton-v1: an independent simulator agrees, trivial answers never occur."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("cellular_automaton")


def elementary(row: str, rule: int, steps: int, wrap: bool) -> str:
    """Rule lookup through the 8-character binary table; shares no code with the family."""
    table = format(rule, "08b")  # table[0] is the output for neighbourhood 111
    for _ in range(steps):
        ring = (row[-1] + row + row[0]) if wrap else ("0" + row + "0")
        row = "".join(table[7 - int(ring[i:i + 3], 2)] for i in range(len(row)))
    return row


def life(rows: list[str], rule: str, steps: int, wrap: bool) -> list[str]:
    """Life-like rule on a set of live cells."""
    birth_text, survival_text = rule[1:].split("/S")
    birth, survival = {int(ch) for ch in birth_text}, {int(ch) for ch in survival_text}
    height, width = len(rows), len(rows[0])
    live = {(r, c) for r in range(height) for c in range(width) if rows[r][c] == "1"}
    for _ in range(steps):
        counts: dict = {}
        for r, c in live:
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr, dc) == (0, 0):
                        continue
                    cell = ((r + dr) % height, (c + dc) % width) if wrap else (r + dr, c + dc)
                    counts[cell] = counts.get(cell, 0) + 1
        cells = [(r, c) for r in range(height) for c in range(width)]
        live = {cell for cell in cells if counts.get(cell, 0) in (survival if cell in live else birth)}
    return ["".join("1" if (r, c) in live else "0" for c in range(width)) for r in range(height)]


@pytest.mark.parametrize("level", range(1, 11))
def test_reference_matches_independent_simulation(level):
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        if data["dimension"] == 1:
            expected = [elementary(data["initial"][0], data["rule"], data["steps"], data["wrap"])]
        else:
            expected = life(data["initial"], data["rule"], data["steps"], data["wrap"])
        assert data["final"] == expected
        assert instance.reference == "\n".join(expected)
        cells = "".join(expected)
        assert "0" in cells and "1" in cells and expected != data["initial"]


def test_rule_30_by_hand():
    # rule 30 from a single live cell: 0001000 -> 0011100 -> 0110010
    data = {"dimension": 1, "rule": 30, "wrap": False, "steps": 2, "initial": ["0001000"], "final": ["0110010"]}
    assert elementary("0001000", 30, 2, False) == "0110010"
    for answer in ["0110010", "0 1 1 0 0 1 0", "[0, 1, 1, 0, 0, 1, 0]", "0,1,1,0,0,1,0"]:
        assert TASK.verify(data, answer).correct, answer
    cases = {
        "0011100": (Status.WRONG, "cells are wrong"),  # one step only
        "0001000": (Status.WRONG, "cells are wrong"),  # the input copied back
        "011001": (Status.UNPARSABLE, "7 digits"),
        "0110020": (Status.UNPARSABLE, "0 or 1"),
        "0110010 or 0011100": (Status.UNPARSABLE, ""),
        "0011100\n0110010": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(data, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_glider_in_life_on_a_torus():
    start = ["01000", "00100", "11100", "00000", "00000"]
    after_four = life(start, "B3/S23", 4, True)
    assert after_four == ["00000", "00100", "00010", "01110", "00000"]  # the glider moved one cell diagonally
    data = {"dimension": 2, "rule": "B3/S23", "wrap": True, "steps": 4, "initial": start, "final": after_four}
    assert TASK.verify(data, "\n".join(after_four)).correct
    assert TASK.verify(data, "\n".join(" ".join(row) for row in after_four)).correct
    assert not TASK.verify(data, "\n".join(start)).correct


def test_boundary_rule_is_honoured():
    instance = TASK.generate(5, 4)  # wrap at level 4
    data = instance.data
    other = elementary(data["initial"][0], data["rule"], data["steps"], not data["wrap"])
    if other != data["final"][0]:
        assert not TASK.verify(data, other).correct


def test_level_table_grows():
    params = [TASK.params(level) for level in range(1, 11)]
    one_d, two_d = params[:5], params[5:]
    assert all(p["dimension"] == 1 for p in one_d) and all(p["dimension"] == 2 for p in two_d)
    for group in (one_d, two_d):
        assert [p["size"] for p in group] == sorted(p["size"] for p in group)
        assert [p["steps"] for p in group] == sorted(p["steps"] for p in group)
    assert params[-1]["random_rule"] and not params[0]["random_rule"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 6, size=20)  # a 2-D grid is at most 16 wide
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, steps=0)
