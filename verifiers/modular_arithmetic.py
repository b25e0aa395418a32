"""Verifier for modular_arithmetic: exact residue checks; congruence answers must give every solution."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers import parse_int, parse_list
from bootcamps.answers.congruence import parse_congruence
from bootcamps.types import Verdict

_MAX_CHARS = 2_000
_PREFIX = re.compile(r"\s*[a-z]\s*(?:=|\u2208|\\in\b|in\b)\s*", re.IGNORECASE)
_RESIDUE_FORMAT = "expected one integer r with 0 <= r < m"
_SET_FORMAT = "expected the set of solutions such as {2, 7}, or one congruence x ≡ r (mod k)"


def _strip(answer: str) -> str:
    text = answer.strip().strip("$").strip().rstrip(".").strip()
    prefix = _PREFIX.match(text)
    return text[prefix.end():] if prefix else text


def _verify_residue(data: dict[str, Any], answer: str) -> Verdict:
    m, value = data["m"], data["value"]
    congruence = parse_congruence(answer)
    if congruence is not None:
        if congruence.modulus != m:
            return Verdict.wrong(f"the answer is a congruence modulo {congruence.modulus}, not modulo {m}")
        if (congruence.residue - value) % m:
            return Verdict.wrong("the residue is not right")
        return Verdict.right()
    number = parse_int(_strip(answer))
    if number is None:
        return Verdict.unparsable(_RESIDUE_FORMAT)
    if number == value:
        return Verdict.right()
    if (number - value) % m == 0:
        return Verdict.wrong(f"reduce the answer into 0..{m - 1}")
    return Verdict.wrong("the residue is not right")


def _verify_solutions(data: dict[str, Any], answer: str) -> Verdict:
    m, residue, step = data["m"], data["residue"], data["step"]
    congruence = parse_congruence(answer)
    if congruence is not None:
        if congruence.modulus == step and (congruence.residue - residue) % step == 0:
            return Verdict.right()
        return Verdict.wrong("the congruence does not describe exactly the solutions")
    values = parse_list(_strip(answer), parse_int)
    if not values:
        return Verdict.unparsable(_SET_FORMAT)
    for x in values:
        if not 0 <= x < m:
            return Verdict.wrong(f"{x} is not in 0..{m - 1}")
        if (x - residue) % step:
            return Verdict.wrong(f"x = {x} is not a solution")
    if len(set(values)) < m // step:
        return Verdict.wrong("some solutions in 0..m-1 are missing")
    return Verdict.right()


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable("the answer is too long")
    if data["kind"] == "congruence":
        return _verify_solutions(data, answer)
    return _verify_residue(data, answer)


def _solutions(data: dict[str, Any]) -> list[int]:
    return list(range(data["residue"] % data["step"], data["m"], data["step"]))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    if data["kind"] != "congruence":
        value, m = data["value"], data["m"]
        return [f" {value} ", f"x = {value}", f"x ≡ {value} (mod {m})", f"x \\equiv {value} \\pmod{{{m}}}",
                f"{value + m} mod {m}", f"x ≡ {value - m} (mod {m})"]
    solutions, step, residue = _solutions(data), data["step"], data["residue"]
    forms = [
        "[" + ", ".join(map(str, reversed(solutions))) + "]",
        ", ".join(map(str, solutions)),
        " ".join(map(str, solutions)),
        "x ∈ " + reference,
        f"x ≡ {residue} (mod {step})",
        f"x \\equiv {residue + step} \\pmod{{{step}}}",
        f"{residue - step} mod {step}",
        f"$x \\equiv {residue} \\pmod {step}$",
    ]
    if len(solutions) == 1:
        forms.append(str(solutions[0]))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    m = data["m"]
    if data["kind"] != "congruence":
        value = data["value"]
        misses = [str(value + 1), str(value - 1), str(value + m), str(value - m), f"x ≡ {value} (mod {m + 1})",
                  f"{value} or {(value + 1) % m}"]
        # the number a copied back, and the residue negated, unless either happens to be the answer
        return misses + [str(x) for x in (data["a"], m - value) if x != value]
    solutions, step, residue = _solutions(data), data["step"], data["residue"]
    misses = [
        "{" + ", ".join(str(x + 1) for x in solutions) + "}",  # every solution shifted by one
        "{" + ", ".join(map(str, [*solutions, (solutions[-1] + 1) % m])) + "}",  # an extra non-solution
        f"x ≡ {residue + 1} (mod {step})",
        f"x ≡ {residue} (mod {m + step})",
    ]
    if len(solutions) > 1 or (data["b"] - residue) % step:
        misses += [str(data["b"]), f"x ≡ {data['b']} (mod {m})"]  # the right-hand side copied back
    if len(solutions) > 1:
        misses += [
            " or ".join(map(str, solutions)),
            "{" + ", ".join(map(str, solutions[:-1])) + "}",  # a solution missing
            str(solutions[0]),  # only the least solution
            f"x ≡ {residue} (mod {m})",  # one class modulo m instead of modulo m/g
        ]
    return misses
