"""Verifier for prime_factorization: the factors multiply to n exactly and every one is prime."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_MAX_CHARS = 600
_MAX_TERMS = 80
_MAX_EXPONENT = 200
# Deterministic Miller-Rabin: these bases decide primality of every n < 3.3 * 10**24.
_WITNESSES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
_SUPERSCRIPT_RUN = re.compile("([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)")
_TIMES = re.compile(r"\\cdot|\\times|[*\u00d7\u00b7\u22c5\u2219\u2022,]")
_NOISE = re.compile(r"\\left|\\right|\\[,;! ]|[${}`]")
_TERM = re.compile(r"\s*\(?\s*(\d{1,25})\s*(?:\^\s*(\d{1,3})\s*)?\)?\s*")
_PREFIX = re.compile(r"\s*(?:n\s*=\s*)?(\d{1,25})\s*=(?!=)")
_FORMAT = "expected a product of primes such as 2^3 * 3 * 5^2"


def is_prime(n: int) -> bool:
    """Primality, deterministic for n < 3.3 * 10**24 (far beyond this family's numbers)."""
    if n < 2:
        return False
    for p in _WITNESSES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in _WITNESSES:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def parse_factorization(text: str, n: int) -> list[tuple[int, int]] | None:
    """(base, exponent) terms of a written product, or None if the text is not one.

    ``2^3 * 3``, ``2**3 * 3``, ``2*2*2*3``, ``2³·3``, ``2^{3} \\cdot 3`` and ``2 × 2 × 2 × 3`` all
    read as [(2, 3), (3, 1)] or [(2, 1), (2, 1), (2, 1), (3, 1)]; a leading ``n =`` naming the
    number itself is allowed.
    """
    if not isinstance(text, str) or len(text) > _MAX_CHARS:
        return None
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group(1).translate(_SUPERSCRIPTS), text)
    text = _NOISE.sub("", text).strip().rstrip(".").strip()
    prefix = _PREFIX.match(text)
    if prefix is not None:
        if int(prefix.group(1)) != n:
            return None
        text = text[prefix.end():]
    text = _TIMES.sub("*", text.replace("**", "^"))
    parts = text.split("*")
    if not 1 <= len(parts) <= _MAX_TERMS:
        return None
    terms = []
    for part in parts:
        match = _TERM.fullmatch(part)
        if match is None or part.count("(") != part.count(")"):
            return None
        exponent = int(match.group(2)) if match.group(2) else 1
        terms.append((int(match.group(1)), exponent))
    return terms


def verify(data: dict[str, Any], answer: str) -> Verdict:
    n = int(data["n"])
    terms = parse_factorization(answer, n)
    if terms is None:
        return Verdict.unparsable(_FORMAT)
    product = 1
    for base, exponent in terms:
        if exponent < 1 or exponent > _MAX_EXPONENT or base < 2:
            return Verdict.wrong(f"{base}^{exponent} is not a prime power with a positive exponent")
        product *= base**exponent
        if product > n:
            return Verdict.wrong("the product of the factors is larger than the number")
    if product != n:
        return Verdict.wrong("the product of the factors is not the number")
    for base, _ in terms:
        if not is_prime(base):
            return Verdict.wrong(f"{base} is not prime: factor it further")
    return Verdict.right()


def _factors(data: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(p), e) for p, e in data["factors"]]


def _render(terms: list[tuple[int, int]], times: str = " * ", power: str = "^") -> str:
    return times.join(str(p) if e == 1 else f"{p}{power}{e}" for p, e in terms)


def _superscript(exponent: int) -> str:
    return str(exponent).translate(str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    terms = _factors(data)
    flat = [p for p, e in terms for _ in range(e)]
    return [
        _render(list(reversed(terms))),
        "*".join(map(str, flat)),
        " \u00d7 ".join(map(str, reversed(flat))),
        "\u00b7".join(str(p) + (_superscript(e) if e > 1 else "") for p, e in terms),
        _render(terms, " \\cdot ", "^"),
        " \\cdot ".join(str(p) if e == 1 else f"{p}^{{{e}}}" for p, e in terms),
        _render(terms, " * ", "**"),
        f"{data['n']} = {reference}",
        f"${reference}$",
        ", ".join(map(str, flat)),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    terms = _factors(data)
    n = int(data["n"])
    p, e = terms[0]
    misses = [
        str(n),  # the number copied back
        _render([(p, e + 1), *terms[1:]]),  # an exponent off by one
        _render(terms[1:]) if len(terms) > 1 else _render([(p, e - 1)]),  # a prime left out
        _render([(p + 2, e), *terms[1:]]),  # a wrong prime
        f"{reference} or {_render([(p, e + 1), *terms[1:]])}",
        " * ".join(str(q) for q, _ in terms),  # distinct primes only, exponents dropped
    ]
    if len(terms) > 1:
        q, f = terms[1]
        merged = [(p * q, 1), *([(p, e - 1)] if e > 1 else []), *([(q, f - 1)] if f > 1 else []), *terms[2:]]
        misses.append(_render(merged))  # right product, but a composite factor
    if e > 1:
        misses.append(_render([(p, 1), *terms[1:]]))
    return misses
