"""Focused tests for circuit_resistance-v1: values checked by nodal analysis and an independent parser."""

import random
import re
from fractions import Fraction

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators import circuit_resistance as family
from bootcamps.types import Status

TASK = bootcamps.get_task("circuit_resistance")


def nodal_resistance(rows: list[list]) -> Fraction:
    """Resistance between A and B by Kirchhoff: 1 A injected at A, B grounded, exact elimination."""
    nodes = sorted({node for _, _, a, b in rows for node in (a, b)} - {"B"})
    index = {node: i for i, node in enumerate(nodes)}
    size = len(nodes)
    matrix = [[Fraction(0)] * (size + 1) for _ in range(size)]
    for _, ohms, a, b in rows:
        conductance = Fraction(1, ohms)
        for here, there in ((a, b), (b, a)):
            if here == "B":
                continue
            matrix[index[here]][index[here]] += conductance
            if there != "B":
                matrix[index[here]][index[there]] -= conductance
    matrix[index["A"]][size] = Fraction(1)
    for col in range(size):
        pivot = next(r for r in range(col, size) if matrix[r][col])
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        for r in range(size):
            if r != col and matrix[r][col]:
                factor = matrix[r][col] / matrix[col][col]
                matrix[r] = [x - factor * y for x, y in zip(matrix[r], matrix[col], strict=True)]
    return matrix[index["A"]][size] / matrix[index["A"]][index["A"]]


def nested_value(text: str, ohms: list[int]) -> tuple[Fraction, int]:
    """(value, depth) of a series(...)/parallel(...) expression, read token by token."""
    tokens = re.findall(r"series|parallel|R\d+|[(),]", text)
    value, depth, at = _read(tokens, 0, ohms)
    assert at == len(tokens)
    return value, depth


def _read(tokens: list[str], at: int, ohms: list[int]) -> tuple[Fraction, int, int]:
    if tokens[at].startswith("R"):
        return Fraction(ohms[int(tokens[at][1:]) - 1]), 0, at + 1
    kind, at = tokens[at], at + 2  # the name and its opening parenthesis
    parts, depth = [], 0
    while True:
        value, child_depth, at = _read(tokens, at, ohms)
        parts.append(value)
        depth = max(depth, child_depth + 1)
        at += 1
        if tokens[at - 1] == ")":
            break
    total = sum(parts) if kind == "series" else 1 / sum(1 / part for part in parts)
    return total, depth, at


@pytest.mark.parametrize("level", range(1, 11))
def test_reference_matches_an_independent_computation(level):
    params = TASK.params(level)
    for seed in range(8):
        data = TASK.generate(seed, level).data
        expected = Fraction(data["value"])
        if data["form"] == "netlist":
            assert len(data["resistors"]) == params["resistors"] + params["dangling"]
            assert nodal_resistance(data["resistors"]) == expected
        else:
            value, depth = nested_value(data["network"], data["ohms"])
            assert (value, depth) == (expected, params["depth"])
            assert len(data["ohms"]) == params["resistors"]
        assert expected != 1


def test_netlist_keeps_the_nested_value():
    rng = random.Random(4)
    for _ in range(20):
        network = family._number_leaves(family._build(rng, 9, 4, "series"), [0])
        ohms = [rng.randint(1, 30) for _ in range(9)]
        rows = family.netlist_rows(rng, network, ohms, dangling=2, max_ohms=30)
        assert nodal_resistance(rows) == family.equivalent(network, ohms)


def test_dangling_resistors_carry_no_current():
    for seed in range(10):
        data = TASK.generate(seed, 10).data
        degree = {}
        for _, _, a, b in data["resistors"]:
            for node in (a, b):
                degree[node] = degree.get(node, 0) + 1
        hanging = [row for row in data["resistors"] if degree[row[2]] == 1 or degree[row[3]] == 1]
        assert len(hanging) == TASK.params(10)["dangling"]
        kept = [row for row in data["resistors"] if row not in hanging]
        assert nodal_resistance(kept) == nodal_resistance(data["resistors"]) == Fraction(data["value"])
        with_hanging = Fraction(data["value"]) + sum(row[1] for row in hanging)
        assert not TASK.verify(data, str(with_hanging)).correct


def test_levels_grow():
    table = [TASK.params(level) for level in range(1, 11)]
    assert [p["resistors"] for p in table] == sorted(p["resistors"] for p in table)
    assert [p["depth"] for p in table] == sorted(p["depth"] for p in table)
    assert table[0]["resistors"] == 2 and table[-1]["resistors"] >= 12 and table[-1]["depth"] >= 5
    assert not table[0]["netlist"] and table[-1]["netlist"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, depth=2)  # two resistors cannot nest twice
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, resistors=1)
    with pytest.raises(InvalidParameterError, match="max_ohms"):
        family.generate(random.Random(0), resistors=3, depth=1, netlist=False, dangling=0, max_ohms=1)
    with pytest.raises(InvalidParameterError, match="dangling"):
        family.generate(random.Random(0), resistors=3, depth=1, netlist=False, dangling=1, max_ohms=9)


# series(R1, parallel(R2, R3)) with 2, 3 and 7 ohms: 2 + 21/10 = 41/10
DATA = {"form": "nested", "ohms": [2, 3, 7], "network": "series(R1, parallel(R2, R3))", "value": "41/10"}


def test_hand_written_instance():
    assert nested_value(DATA["network"], DATA["ohms"]) == (Fraction(41, 10), 2)
    for answer in ["41/10", "4.1", "4 1/10", "82/20", "4.10 Ω", "41/10 ohms", "R_eq = 4.1 Ω", "\\frac{41}{10}",
                   "$4.1\\,\\Omega$", "4.1 ohm"]:
        assert TASK.verify(DATA, answer).correct, answer
    cases = {
        "4": (Status.WRONG, "not the equivalent"),
        "4.09": (Status.WRONG, "rounded"),
        "12": (Status.WRONG, "not the equivalent"),  # everything in series
        "10/41": (Status.WRONG, "not the equivalent"),
        "-41/10": (Status.WRONG, "not the equivalent"),
        "41/10 or 4": (Status.UNPARSABLE, ""),
        "410%": (Status.UNPARSABLE, ""),
        "4.1 kΩ": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(DATA, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_rounded_decimal_of_a_repeating_value_is_rejected():
    data = dict(DATA, value="10/3")
    assert not TASK.verify(data, "3.33").correct
    assert not TASK.verify(data, "3.333333").correct
    assert not TASK.verify(data, "≈ 3.33").correct
    assert TASK.verify(data, "3 1/3").correct and TASK.verify(data, "10/3").correct
