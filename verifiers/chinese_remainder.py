"""Verifier for chinese_remainder: every congruence holds and the answer is the least solution (or mod the lcm)."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers import parse_int
from bootcamps.answers.congruence import parse_congruence
from bootcamps.types import Verdict

_MAX_CHARS = 1_000
_PREFIX = re.compile(r"\s*x\s*=\s*", re.IGNORECASE)
_FORMAT = "expected one integer x, or one congruence x ≡ r (mod M)"


def _first_failure(data: dict[str, Any], x: int) -> str | None:
    for m, r in zip(data["moduli"], data["residues"], strict=True):
        if (x - r) % m:
            return f"x ≡ {r} (mod {m}) does not hold"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable("the answer is too long")
    congruence = parse_congruence(answer)
    if congruence is not None:
        failure = _first_failure(data, congruence.residue)
        if failure is not None:
            return Verdict.wrong(failure)
        if congruence.modulus != int(data["modulus"]):
            return Verdict.wrong("the modulus of the solution is not right")
        return Verdict.right()
    text = answer.strip().strip("$").strip().rstrip(".").strip()
    prefix = _PREFIX.match(text)
    x = parse_int(text[prefix.end():] if prefix else text)
    if x is None:
        return Verdict.unparsable(_FORMAT)
    failure = _first_failure(data, x)
    if failure is not None:
        return Verdict.wrong(failure)
    if not 0 <= x < int(data["modulus"]):
        return Verdict.wrong("x satisfies the system but is not the least non-negative solution")
    return Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    x, modulus = int(data["solution"]), int(data["modulus"])
    return [f" {x} ", f"x = {x}", f"x ≡ {x} (mod {modulus})", f"x \\equiv {x} \\pmod{{{modulus}}}",
            f"x ≡ {x + modulus} (mod {modulus})", f"{x} mod {modulus}", f"${x}$"]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    x, modulus = int(data["solution"]), int(data["modulus"])
    product = 1
    for m in data["moduli"]:
        product *= m
    misses = [str(x + 1), str(x - 1), str(x + modulus), str(x - modulus), f"x ≡ {x} (mod {2 * modulus})",
              f"x ≡ {x + 1} (mod {modulus})", f"{x} or {x + 1}", str(modulus), " ".join(map(str, data["residues"]))]
    if product != modulus:
        misses.append(f"x ≡ {x} (mod {product})")  # the product instead of the lcm
    return misses
