"""Focused tests for the modular_arithmetic family."""

import pytest
import sympy

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("modular_arithmetic")


def brute_solutions(a, b, m):
    return [x for x in range(m) if (a * x - b) % m == 0]


def slow_power(a, e, m):
    result = 1
    for _ in range(e):
        result = result * a % m
    return result


def square_and_multiply(a, e, m):
    """Left-to-right binary exponentiation over the bits of e, independent of pow()."""
    result = 1
    for bit in bin(e)[2:]:
        result = result * result % m
        if bit == "1":
            result = result * a % m
    return result


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_answers_match_brute_force(level):
    for seed in range(40):
        data = TASK.generate(seed, level).data
        a, m = data["a"], data["m"]
        if data["kind"] == "inverse":
            assert [x for x in range(m) if a * x % m == 1] == [data["value"]]
        elif data["kind"] == "power":
            assert slow_power(a, int(data["e"]), m) == data["value"]
        else:
            solutions = brute_solutions(a, data["b"], m)
            assert solutions == list(range(data["residue"], m, data["step"]))
            assert len(solutions) == sympy.gcd(a, m)


@pytest.mark.parametrize("level", [6, 8, 10])
def test_large_levels_agree_with_sympy_and_pow(level):
    for seed in range(30):
        instance = TASK.generate(seed, level)
        data = instance.data
        a, m = data["a"], data["m"]
        if data["kind"] == "inverse":
            assert data["value"] == sympy.mod_inverse(a, m) == pow(a, -1, m)
        elif data["kind"] == "power":
            assert data["value"] == square_and_multiply(a, int(data["e"]), m)
        else:
            g = sympy.gcd(a, m)
            assert data["step"] * g == m and (a * data["residue"] - data["b"]) % m == 0
        assert TASK.verify(data, instance.reference).correct


def test_mixed_levels_draw_every_kind():
    kinds = {TASK.generate(seed, 5).data["kind"] for seed in range(30)}
    assert kinds == {"inverse", "power", "congruence"}
    assert {TASK.generate(seed, 5, kind="power").data["kind"] for seed in range(10)} == {"power"}


CONGRUENCE = {"kind": "congruence", "a": 6, "b": 4, "m": 10, "residue": 4, "step": 5}  # 6x ≡ 4 (mod 10)
INVERSE = {"kind": "inverse", "a": 3, "m": 7, "value": 5}


@pytest.mark.parametrize("answer", [
    "{4, 9}", "{9, 4}", "[4, 9]", "4, 9", "4 9", "x ∈ {4, 9}", "x ≡ 4 (mod 5)", "x = 4 mod 5",
    "x \\equiv -1 \\pmod{5}", "$x \\equiv 9 \\pmod 5$", "14 (mod 5)", "{4, 9, 4}",
])
def test_congruence_accepts_every_correct_form(answer):
    assert TASK.verify(CONGRUENCE, answer).correct, answer


@pytest.mark.parametrize(("answer", "status"), [
    ("{4}", Status.WRONG),  # a solution missing
    ("4", Status.WRONG),
    ("{4, 9, 14}", Status.WRONG),  # out of range
    ("{4, 8}", Status.WRONG),  # a non-solution
    ("x ≡ 4 (mod 10)", Status.WRONG),  # one class modulo m, not modulo m/g
    ("x ≡ 3 (mod 5)", Status.WRONG),
    ("4 or 9", Status.UNPARSABLE),
    ("{}", Status.UNPARSABLE),
    ("no solution", Status.UNPARSABLE),
])
def test_congruence_rejects(answer, status):
    verdict = TASK.verify(CONGRUENCE, answer)
    assert not verdict.correct and verdict.status is status, (answer, verdict)


@pytest.mark.parametrize("answer", ["5", "x = 5", "x ≡ 5 (mod 7)", "x ≡ -2 (mod 7)", "\\(x \\equiv 12 \\pmod{7}\\)"])
def test_inverse_accepts(answer):
    assert TASK.verify(INVERSE, answer).correct, answer


@pytest.mark.parametrize(("answer", "reason"), [
    ("12", "reduce"), ("-2", "reduce"), ("4", "not right"), ("x ≡ 5 (mod 14)", "modulo 14"), ("3", "not right"),
])
def test_inverse_rejects_with_a_useful_reason(answer, reason):
    verdict = TASK.verify(INVERSE, answer)
    assert verdict.status is Status.WRONG and reason in verdict.reason


def test_levels_grow_the_modulus():
    sizes = [max(len(str(TASK.generate(seed, level).data["m"])) for seed in range(5)) for level in (1, 5, 10)]
    assert sizes == [1, 4, 12]
