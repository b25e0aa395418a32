"""Verifier for polynomial_factoring: the product must equal the polynomial and every factor be irreducible over Z."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from math import gcd
from typing import Any

from bootcamps.answers import parse_math
from bootcamps.answers.text import has_space_run
from bootcamps.types import Verdict

_MAX_CHARS = 2_000
_MAX_DEGREE = 64
_MAX_EXPONENT = 32
_MAX_BITS = 4_000
_FORMAT = "expected a product of factors in x, e.g. 3(x - 2)(2x + 1)^2(x^2 + x + 1)"

Poly = list[int | Fraction]  # coefficients, constant term first; ints while they are whole (much faster)


class NotPolynomial(ValueError):
    """The answer is not a product of polynomials in the variable."""


def _trim(p: Poly) -> Poly:
    while len(p) > 1 and p[-1] == 0:
        p.pop()
    return p


def _check(p: Poly) -> Poly:
    if len(p) - 1 > _MAX_DEGREE:
        raise NotPolynomial("degree too large")
    try:
        too_large = max(map(_bits, p)) > _MAX_BITS  # whole coefficients: the common case, in C
    except TypeError:  # a Fraction among them
        too_large = any(c.numerator.bit_length() > _MAX_BITS or c.denominator.bit_length() > _MAX_BITS for c in p)
    if too_large:
        raise NotPolynomial("numbers too large")
    return p


_bits = int.bit_length


def _add(a: Poly, b: Poly) -> Poly:
    out: Poly = [0] * max(len(a), len(b))
    for k, c in enumerate(a):
        out[k] += c
    for k, c in enumerate(b):
        out[k] += c
    return _check(_trim(out))


def _mul(a: Poly, b: Poly) -> Poly:
    if len(a) + len(b) - 2 > _MAX_DEGREE:
        raise NotPolynomial("degree too large")
    if len(a) == 1:  # a constant times a polynomial: the loops below, in one pass
        out: Poly = [a[0] * y for y in b] if a[0] else [0] * len(b)
    elif len(b) == 1:
        out = [x * b[0] if x else 0 for x in a]
    else:
        out = [0] * (len(a) + len(b) - 1)
        for i, x in enumerate(a):
            if x:
                for j, y in enumerate(b):
                    out[i + j] += x * y
    return _check(_trim(out))


def _whole(value: int | Fraction) -> int | Fraction:
    """An integer where the value is whole: integer arithmetic is much faster than Fraction's."""
    return value.numerator if value.denominator == 1 else value

def _exponent(node: tuple) -> int:
    if node[0] == "num" and node[1].denominator == 1 and 0 <= node[1].numerator <= _MAX_EXPONENT:
        return node[1].numerator
    raise NotPolynomial("exponents must be small non-negative integers")


def expand(node: tuple, variable: str) -> Poly:
    """The coefficient list of a polynomial parse tree; raises NotPolynomial."""
    kind = node[0]
    if kind == "num":
        return [_whole(node[1])]
    if kind == "sym":
        if node[1] != variable:
            raise NotPolynomial(f"the only variable is {variable}, found {node[1][:10]!r}")
        return [0, 1]
    if kind == "add":
        total: Poly = _check(expand(node[1][0], variable))  # what adding it to [0] would check
        for term in node[1][1:]:
            total = _add(total, expand(term, variable))
        return total
    if kind == "neg":
        return [-c for c in expand(node[1], variable)]
    if kind == "mul":
        product: Poly = _check(expand(node[1][0], variable))  # what multiplying [1] by it would check
        for factor in node[1][1:]:
            product = _mul(product, expand(factor, variable))
        return product
    if kind == "div":
        denominator = expand(node[2], variable)
        if len(denominator) != 1 or denominator[0] == 0:
            raise NotPolynomial("division by a polynomial")
        return [Fraction(c) / denominator[0] for c in expand(node[1], variable)]
    if kind == "pow":
        base, result = expand(node[1], variable), [1]
        if base == [0, 1]:  # x^n
            return [0] * _exponent(node[2]) + [1]
        for _ in range(_exponent(node[2])):
            result = _mul(result, base)
        return result
    raise NotPolynomial("only +, -, *, /, powers and the variable are understood")


def factors(node: tuple, variable: str) -> tuple[int | Fraction, list[tuple[Poly, int]]]:
    """(constant, [(factor, multiplicity)]) of a product as written; sums are single factors."""
    kind = node[0]
    if kind == "neg":
        constant, found = factors(node[1], variable)
        return -constant, found
    if kind == "mul":
        constant, found = 1, []  # an int while it is whole: Fraction arithmetic is slow
        for child in node[1]:
            c, f = factors(child, variable)
            constant, found = constant * c, found + f
        return constant, found
    if kind == "pow" and node[1][0] in ("add", "mul", "sym", "neg", "pow"):
        n = _exponent(node[2])
        constant, found = factors(node[1], variable)
        return constant ** n, [(f, m * n) for f, m in found]
    if kind == "div":
        constant, found = factors(node[1], variable)
        denominator = expand(node[2], variable)
        if len(denominator) != 1 or denominator[0] == 0:
            raise NotPolynomial("division by a polynomial")
        return Fraction(constant) / denominator[0], found  # constant may be an int: int / int is a float
    poly = expand(node, variable)
    if len(poly) == 1:
        return poly[0], []
    return 1, [(poly, 1)]


# -- the answer format of the prompt, read directly ------------------------------------------------
# "-5(3x - 1)^2(2x^2 - 5x + 6)": a sign, then factors side by side or joined by *: a whole number
# (first or after *), the variable, or a bracket holding a sum of terms c x^k or one such term, each
# with a power ^k or ^{k} at will. Read without the parser to exactly what factors() makes of the
# parse tree (tests/families/test_polynomial_factoring.py compares the two); anything else, and any
# doubt, is left to it.

_PLAIN_POWER = r"(?:\s*\^\s*(?:(?P<{name}>\d{{1,2}})|\{{\s*(?P<{name}b>\d{{1,2}})\s*\}}))?"


@lru_cache(maxsize=16)
def _plain_patterns(variable: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    v = re.escape(variable)
    factor = re.compile(r"\s*(?P<star>\*\s*)?(?:\((?P<inner>[^()]*)\)|(?P<var>" + v + r")|(?P<num>\d{1,18}))"
                        + _PLAIN_POWER.format(name="power"))
    term = re.compile(r"\s*(?P<sign>[-+])?\s*(?:(?P<coef>\d{1,18})(?:\s*\*?\s*(?P<var>" + v + r")"
                      + _PLAIN_POWER.format(name="power") + r")?|(?P<lone>" + v + r")"
                      + _PLAIN_POWER.format(name="lonepower") + r")\s*")
    return factor, term


def _plain_factors(answer: str, variable: str) -> tuple[int, list[tuple[Poly, int]]] | None:
    """What factors() gives for the parse tree of an answer in the plain product format, or None."""
    text = answer.strip()
    if (len(variable) != 1 or variable in "ei" or not variable.isalpha() or not text.isascii()
            or "\\" in text or "/" in text or has_space_run(text) or variable * 3 in text):
        return None  # ("xxx" is a word to the parser; long space runs make \s* backtrack)
    factor_pattern, term_pattern = _plain_patterns(variable)
    negative = text.startswith("-")
    position, constant, found, first = int(negative), 1, [], True
    while position < len(text):
        match = factor_pattern.match(text, position)
        if match is None or (match["num"] is not None and not first and match["star"] is None) or (
                first and match["star"] is not None):
            return None  # a number after another factor without * is not a product to the parser
        power = match["power"] or match["powerb"]
        read = _plain_factor(match, term_pattern, int(power) if power is not None else None)
        if read is None:
            return None
        constant, found, position, first = constant * read[0], found + read[1], match.end(), False
    if first:
        return None
    return (-constant if negative else constant), found


def _plain_factor(match: re.Match[str], term_pattern: re.Pattern[str], power: int | None,
                  ) -> tuple[int, list[tuple[Poly, int]]] | None:
    """(constant, factors) of one plain factor with its power, as factors() reads it."""
    if power is not None and power > _MAX_EXPONENT:
        return None
    n = 1 if power is None else power
    if match["num"] is not None:
        return int(match["num"]) ** n, []
    if match["var"] is not None:
        return 1, [([0, 1], n)]
    terms = _plain_terms(match["inner"], term_pattern)
    if terms is None:
        return None
    if len(terms) == 1:  # one term: a product (maybe negated) of a number and the variable's power
        sign, coefficient, degree = terms[0]
        if degree is None:
            return (sign * coefficient) ** n, []
        constant = sign * coefficient
        return constant ** n, [([0, 1], degree * n)]
    poly: Poly = [0] * (max(degree or 0 for _, _, degree in terms) + 1)
    for sign, coefficient, degree in terms:
        poly[degree or 0] += sign * coefficient
    _trim(poly)
    if len(poly) == 1:
        return poly[0] ** n, []
    return 1, [(poly, n)]


def _plain_terms(inner: str, term_pattern: re.Pattern[str]) -> list[tuple[int, int, int | None]] | None:
    """(sign, coefficient, degree or None for a number) of each term of a bracket's sum, or None."""
    terms, position = [], 0
    while position < len(inner):
        match = term_pattern.match(inner, position)
        if match is None:
            return None
        if (terms and match["sign"] is None) or (not terms and match["sign"] == "+"):
            return None  # a sign between terms, "-" at will before the first, never "+" there
        power = match["power"] or match["powerb"] or match["lonepower"] or match["lonepowerb"]
        if power is not None and int(power) > _MAX_EXPONENT:
            return None
        has_variable = match["var"] is not None or match["lone"] is not None
        degree = (1 if power is None else int(power)) if has_variable else None
        terms.append((-1 if match["sign"] == "-" else 1, int(match["coef"] or 1), degree))
        position = match.end()
    return terms or None


def _target(data: dict[str, Any]) -> Poly:
    return list(reversed(data["coefficients"]))



def verify(data: dict[str, Any], answer: str) -> Verdict:
    variable = data["variable"]
    plain = _plain_factors(answer, variable) if len(answer) <= _MAX_CHARS else None
    if plain is None:
        node = parse_math(answer) if len(answer) <= _MAX_CHARS else None
        if node is None or node[0] in ("rel", "list", "set", "brk", "pm"):
            return Verdict.unparsable(_FORMAT)
    try:
        constant, found = plain if plain is not None else factors(node, variable)
        product: Poly = [_whole(constant)]
        for poly, multiplicity in found:
            for _ in range(multiplicity):
                product = _mul(product, poly)
    except NotPolynomial as error:
        return Verdict.unparsable(f"{error}; {_FORMAT}")
    except (ZeroDivisionError, RecursionError, IndexError, TypeError):
        return Verdict.unparsable(_FORMAT)
    if product != _target(data):
        return Verdict.wrong("the product of the factors is not the given polynomial")
    for poly, _ in found:
        if any(c.denominator != 1 for c in poly):
            return Verdict.wrong("a factor has non-integer coefficients; factor over the integers")
        content = 0
        for c in poly:
            content = gcd(content, c.numerator)
        if content != 1:
            return Verdict.wrong("a factor still has a common integer factor; take it out")
    # unique factorisation in Z[x]: primitive factors, as many as the irreducible ones, are irreducible
    if sum(m for _, m in found) < data["irreducible_factors"]:
        return Verdict.wrong("not fully factored: some factor can be factored further over the integers")
    return Verdict.right()


# -- audit hooks ----------------------------------------------------------------------------------

def render(coefficients: list[int], variable: str = "x", star: str = "") -> str:
    """A polynomial, highest degree first: ``2x^2 - x + 3``."""
    degree, text = len(coefficients) - 1, ""
    for k, c in enumerate(coefficients):
        power = degree - k
        if c == 0:
            continue
        magnitude = "" if abs(c) == 1 and power else str(abs(c)) + (star if power else "")
        monomial = magnitude + ("" if power == 0 else variable if power == 1 else f"{variable}^{power}")
        text = (("-" if c < 0 else "") + monomial) if not text else f"{text} {'-' if c < 0 else '+'} {monomial}"
    return text


def render_product(content: int, parts: list[tuple[list[int], int]], variable: str = "x", star: str = "",
                   latex: bool = False) -> str:
    """``-3(x - 1)^2(2x + 1)``; a lone ``x`` factor needs no brackets."""
    text = "" if content == 1 else "-" if content == -1 else str(content)
    for coefficients, multiplicity in parts:
        inner = render(coefficients, variable)
        factor = inner if inner == variable else f"({inner})"
        joiner = star if text and text != "-" else ""
        if latex:
            factor = f"\\left{factor[:-1]}\\right)" if factor.startswith("(") else factor
        power = (f"^{{{multiplicity}}}" if latex else f"^{multiplicity}") if multiplicity > 1 else ""
        text += joiner + factor + power
    return text


def _parts(data: dict[str, Any]) -> list[tuple[list[int], int]]:
    return [(f["coefficients"], f["multiplicity"]) for f in data["factors"]]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    content, parts, v = data["content"], _parts(data), data["variable"]
    forms = [render_product(content, list(reversed(parts)), v), render_product(content, parts, v, "*"),
             render_product(content, parts, v, " \\cdot ", latex=True),
             render_product(content, [(f, 1) for f, m in parts for _ in range(m)], v)]
    first, m = parts[0]
    flipped = [([-c for c in first], m), *parts[1:]]
    forms.append(render_product(content * (-1) ** m, flipped, v))  # a sign moved into a factor
    if abs(content) > 1:
        forms.append(f"{content}*1*" + render_product(1, parts, v, "*"))
    forms.append(f"\\left({render_product(content, parts, v)}\\right)")
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    content, parts, v = data["content"], _parts(data), data["variable"]
    misses = [data["polynomial"], f"({data['polynomial']})", render_product(-content, parts, v),
              render_product(content, [(parts[0][0], parts[0][1] + 1), *parts[1:]], v)]
    shifted = list(parts[0][0])
    shifted[-1] += 1
    misses.append(render_product(content, [(shifted, parts[0][1]), *parts[1:]], v))
    sums = [k for k, (f, _) in enumerate(parts) if sum(c != 0 for c in f) >= 2]
    if abs(content) > 1 and sums:  # the content left inside a factor (a sum, so it cannot be read off)
        k = sums[0]
        factor, m = parts[k]
        inside = [([content * c for c in factor], 1), *([(factor, m - 1)] if m > 1 else [])]
        misses.append(render_product(1, [*parts[:k], *inside, *parts[k + 1:]], v))
    first, m = parts[0]
    if m >= 2 or len(parts) >= 2:  # two factors multiplied back together: not fully factored
        other = first if m >= 2 else parts[1][0]
        merged = [0] * (len(first) + len(other) - 1)
        for i, a in enumerate(first):
            for j, b in enumerate(other):
                merged[i + j] += a * b
        if m >= 2:
            rest = ([(first, m - 2)] if m > 2 else []) + parts[1:]
        else:
            rest = ([(parts[1][0], parts[1][1] - 1)] if parts[1][1] > 1 else []) + parts[2:]
        if sum(c != 0 for c in merged) >= 2:  # x * x merged is x^2, still fully factored
            misses.append(render_product(content, [(merged, 1), *rest], v))
    return misses
