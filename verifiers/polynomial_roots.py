"""Verifier for polynomial_roots: the answer is exactly the set of roots, checked by exact substitution."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from math import gcd, isqrt
from typing import Any

from bootcamps.answers import parse_math
from bootcamps.answers.text import has_space_run
from bootcamps.types import Verdict

_MAX_CHARS = 2_000
_MAX_TERMS = 32  # basis elements i^s * sqrt(m) in one value
_MAX_BITS = 4_000
_MAX_RADICAND = 10**12
_MAX_POWER = 16
_FORMAT = ("expected the roots as exact values separated by commas, e.g. 2, -1/3, 1 + sqrt(2), 1 - sqrt(2), "
           "-1 + 2i")

Value = dict[tuple[int, int], Fraction | int]  # {(s, m): c} is the sum of c * i^s * sqrt(m), m squarefree
_ONE = Fraction(1)  # coefficients may be ints (faster): a division always starts from a Fraction


class Unsupported(ValueError):
    """The answer uses a form outside exact arithmetic with square roots and i."""


# -- exact arithmetic in Q(i, sqrt(2), sqrt(3), ...) -----------------------------------------------

def _rational(value: Fraction | int) -> Value:
    if not value:
        return {}
    return {(0, 1): value.numerator if value.denominator == 1 else value}  # ints are cheaper to combine


def _check(value: Value) -> Value:
    if len(value) > _MAX_TERMS:
        raise Unsupported("too many radicals")
    for c in value.values():
        if c.numerator.bit_length() > _MAX_BITS or c.denominator.bit_length() > _MAX_BITS:
            raise Unsupported("numbers too large")
    return value


def _add(a: Value, b: Value, sign: int = 1) -> Value:
    out = dict(a)
    for key, c in b.items():
        old = out.get(key)
        total = (c if sign == 1 else -c) if old is None else old + (c if sign == 1 else -c)
        if total:
            if total.numerator.bit_length() > _MAX_BITS or total.denominator.bit_length() > _MAX_BITS:
                raise Unsupported("numbers too large")
            out[key] = total
        else:
            out.pop(key, None)
    if len(out) > _MAX_TERMS:  # only the coefficients changed here need the size check
        raise Unsupported("too many radicals")
    return out


def _scale(value: Value, q: Fraction) -> Value:
    return _check({key: q * c for key, c in value.items()}) if q else {}


def _mul(a: Value, b: Value) -> Value:
    if len(a) == 1 and (0, 1) in a:  # a rational factor only scales (the common case: 1/4*sqrt(105))
        return _scale(b, a[(0, 1)])
    if len(b) == 1 and (0, 1) in b:
        return _scale(a, b[(0, 1)])
    out: Value = {}
    for (s1, m1), c1 in a.items():
        for (s2, m2), c2 in b.items():
            g = gcd(m1, m2)
            c = c1 * c2 * g
            s = s1 + s2
            if s == 2:
                s, c = 0, -c
            key = (s, m1 * m2 // (g * g))
            total = out.get(key, 0) + c
            if total:
                out[key] = total
            else:
                out.pop(key, None)
    return _check(out)


@lru_cache(maxsize=4096)
def _smallest_prime(m: int) -> int:
    p = 2
    while p * p <= m:
        if m % p == 0:
            return p
        p += 1
    return m


def _inverse(x: Value, depth: int = 0) -> Value:
    """1/x by conjugation: x = u + v*g for one generator g (i or sqrt(p)), times u - v*g."""
    if not x:
        raise ZeroDivisionError("division by zero")
    if depth > 12:
        raise Unsupported("too many radicals")
    if set(x) == {(0, 1)}:
        return {(0, 1): _ONE / x[(0, 1)]}
    if any(s for s, _ in x):
        conjugate = {(s, m): (-c if s else c) for (s, m), c in x.items()}
    else:
        p = _smallest_prime(max(m for _, m in x))
        conjugate = {(s, m): (-c if m % p == 0 else c) for (s, m), c in x.items()}
    return _mul(_inverse(_mul(x, conjugate), depth + 1), conjugate)


@lru_cache(maxsize=4096)
def _squarefree(n: int) -> tuple[int, int]:
    """(k, m) with n = k^2 * m and m squarefree, for 0 < n <= _MAX_RADICAND."""
    k, p = 1, 2
    while p <= 1_000 and p * p <= n:
        while n % (p * p) == 0:
            n //= p * p
            k *= p
        p += 1
    root = isqrt(n)
    if root * root == n:
        return k * root, 1
    if n >= 1_000_000:
        raise Unsupported("radicand too large to simplify")
    return k, n


def _sqrt(x: Value) -> Value:
    if not x:
        return {}
    if set(x) != {(0, 1)}:
        raise Unsupported("only square roots of rational numbers are understood")
    q = x[(0, 1)]
    n = abs(q.numerator) * q.denominator
    if n > _MAX_RADICAND:
        raise Unsupported("radicand too large")
    k, m = _squarefree(n)
    return {(1 if q < 0 else 0, m): k if q.denominator == 1 else Fraction(k, q.denominator)}


def _power(base: Value, node: tuple) -> Value:
    exponent = value_of(node)
    if set(exponent) - {(0, 1)}:
        raise Unsupported("only rational powers are understood")
    q = exponent.get((0, 1), Fraction(0))
    if q.denominator == 2:
        base, q = _sqrt(base), q * 2
    if q.denominator != 1 or abs(q) > _MAX_POWER:
        raise Unsupported("only small integer powers and square roots are understood")
    result: Value = {(0, 1): Fraction(1)}
    for _ in range(abs(q.numerator)):
        result = _mul(result, base)
    return _inverse(result) if q < 0 else result


def _literal(node: tuple) -> Fraction | None:
    """The number of a number leaf or of a negated one, else None."""
    if node[0] == "num":
        return node[1]
    if node[0] == "neg" and node[1][0] == "num":
        return -node[1][1]
    return None


# -- one term read at once ------------------------------------------------------------------------

_SMALL = 1 << 62  # literals the one-term reading takes: no product of a few reaches _MAX_BITS
_TERM_BITS = 1_000


def _term(node: tuple) -> tuple[int, int, int, int] | None:
    """(numerator, denominator, s, m) of a product of rational literals, square roots of literals and
    i, equal to c * i^s * sqrt(m), or None for any other tree, large numbers and radicands, or a zero
    division (value_of reads those, with its checks and its messages)."""
    kind = node[0]
    if kind == "num":
        value = node[1]
        top, bottom = value.numerator, value.denominator
        return (top, bottom, 0, 1) if -_SMALL < top < _SMALL and bottom < _SMALL else None
    if kind == "const":
        return (1, 1, 1, 1) if node[1] == "i" else None
    if kind == "neg":
        inner = _term(node[1])
        return None if inner is None else (-inner[0], *inner[1:])
    if kind == "mul":
        top, bottom, s, m = 1, 1, 0, 1
        for factor in node[1]:
            part = _I if factor == _I_NODE else _term(factor)
            if part is None:
                return None
            if part[3] == 1:
                top, bottom = top * part[0], bottom * part[1]
            else:
                g = gcd(m, part[3])
                top, bottom, m = top * part[0] * g, bottom * part[1], m * part[3] // (g * g)
            if part[2]:
                s += 1
                if s == 2:
                    s, top = 0, -top
        return _sized(top, bottom, s, m)
    if kind == "div":
        upper, lower = _term(node[1]), _term(node[2])
        if upper is None or lower is None or lower[2:] != (0, 1) or not lower[0]:
            return None
        top, bottom = upper[0] * lower[1], upper[1] * lower[0]
        return _sized(-top, -bottom, *upper[2:]) if bottom < 0 else _sized(top, bottom, *upper[2:])
    if kind == "func" and node[1] == "sqrt":
        radicand = _literal(node[2][0])
        if radicand is None:
            return None
        n = abs(radicand.numerator) * radicand.denominator
        if not n:
            return (0, 1, 0, 1)
        if n >= 1_000_000:
            return None
        k, m = _squarefree(n)
        return (k, radicand.denominator, 1 if radicand < 0 else 0, m)
    return None


_I_NODE = ("const", "i")
_I = (1, 1, 1, 1)


def _sized(top: int, bottom: int, s: int, m: int) -> tuple[int, int, int, int] | None:
    if top.bit_length() > _TERM_BITS or bottom.bit_length() > _TERM_BITS:
        return None
    return top, bottom, s, m


def _sum_of_terms(nodes: tuple) -> Value | None:
    """The value of a sum of one-term readings, added as integer fractions; None if one is not."""
    sums: Sums = {}
    for node in nodes:
        term = _term(node)
        if term is None:
            return None
        _add_term(sums, *term)
    return {key: Fraction(top, bottom) if top % bottom else top // bottom for key, (top, bottom) in sums.items() if top}


Sums = dict[tuple[int, int], tuple[int, int]]  # (s, m) -> the coefficient as an unreduced integer fraction


def _add_term(sums: Sums, top: int, bottom: int, s: int, m: int) -> None:
    """Add top/bottom * i^s * sqrt(m) to ``sums``."""
    if (s, m) in sums:
        other_top, other_bottom = sums[(s, m)]
        top, bottom = top * other_bottom + other_top * bottom, bottom * other_bottom
    sums[(s, m)] = (top, bottom)


def value_of(node: tuple) -> Value:
    """The exact value of a constant parse tree; raises Unsupported or ZeroDivisionError."""
    kind = node[0]
    if kind == "num":
        return _rational(node[1])
    if kind in ("mul", "div", "neg"):
        term = _term(node)
        if term is not None:
            top, bottom, s, m = term
            if not top:
                return {}
            return {(s, m): top if bottom == 1 else Fraction(top, bottom)}
    if kind == "const" and node[1] == "i":
        return {(1, 1): 1}
    if kind == "add":
        if len(node[1]) <= 3:  # a few one-term readings: no limit can be reached (see _TERM_BITS)
            total = _sum_of_terms(node[1])
            if total is not None:
                return total
        total = {}
        for term in node[1]:
            total = _add(total, value_of(term))
        return total
    if kind == "neg":
        return {key: -c for key, c in value_of(node[1]).items()}
    if kind == "mul":
        product = value_of(node[1][0])
        for factor in node[1][1:]:
            product = _mul(product, value_of(factor))
        return product
    if kind == "div":
        top, bottom = _literal(node[1]), _literal(node[2])
        if top is not None and bottom is not None:  # a plain fraction such as -7/4
            return _rational(top / bottom)
        top, bottom = value_of(node[1]), value_of(node[2])
        if len(bottom) == 1 and (0, 1) in bottom:
            return _scale(top, _ONE / bottom[(0, 1)])
        return _mul(top, _inverse(bottom))
    if kind == "pow":
        return _power(value_of(node[1]), node[2])
    if kind == "func" and node[1] == "sqrt":
        return _sqrt(value_of(node[2][0]))
    if kind == "func" and node[1] == "root" and node[2][1] == ("num", Fraction(2), None):
        return _sqrt(value_of(node[2][0]))
    if kind == "mixed":
        return _rational(node[1] + Fraction(node[2], node[3]))
    if kind == "sym":
        raise Unsupported(f"the roots must be numbers, found the variable {node[1][:10]!r}")
    raise Unsupported("only +, -, *, /, integer powers, square roots and i are understood")


def evaluate(coefficients: list[int], x: Value) -> Value:
    """p(x) by Horner's rule, coefficients highest degree first."""
    total: Value = {}
    for c in coefficients:
        total = _add(_mul(total, x), _rational(Fraction(c)))
    return total


def multiplicity(coefficients: list[int], x: Value) -> int:
    """How many times x is a root of p (p(x) must be 0)."""
    count, poly = 0, list(coefficients)
    while len(poly) > 1 and not evaluate(poly, x):
        count += 1
        degree = len(poly) - 1
        poly = [c * (degree - k) for k, c in enumerate(poly[:-1])]
    return count


# -- answer shape ---------------------------------------------------------------------------------

def _replace_pm(node: tuple, sign: int) -> tuple[tuple, bool]:
    """The tree with its first \\pm node resolved to + (sign 1) or - (sign -1)."""
    if node[0] == "pm":
        left, right = node[1], node[2] if sign > 0 else ("neg", node[2])
        return (right if left is None else ("add", (left, right))), True
    for index, child in enumerate(node[1:], start=1):
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            new, done = _replace_pm(child, sign)
            if done:
                return (*node[:index], new, *node[index + 1:]), True
        elif isinstance(child, tuple):
            for k, grand in enumerate(child):
                if isinstance(grand, tuple) and grand and isinstance(grand[0], str):
                    new, done = _replace_pm(grand, sign)
                    if done:
                        items = (*child[:k], new, *child[k + 1:])
                        return (*node[:index], items, *node[index + 1:]), True
    return node, False


def _items(node: tuple, may_pm: bool = True) -> list[tuple]:
    if node[0] in ("list", "set"):
        items = list(node[1])
    elif node[0] == "brk":
        items = list(node[3])
    else:
        items = [node]
    values = []
    for item in items:
        if item[0] == "rel":
            if item[2] != ("=",) or item[1][0][0] != "sym":
                raise Unsupported("write each root as a value or as x = value")
            item = item[1][1]
        plus, found = _replace_pm(item, 1) if may_pm else (item, False)
        if found:
            minus, _ = _replace_pm(item, -1)
            if _replace_pm(plus, 1)[1]:
                raise Unsupported("use at most one \\pm in each root")
            values += [plus, minus]
        else:
            values.append(item)
    return values


def _key(value: Value) -> tuple:
    # plain integers: hashing a Fraction costs a modular inverse
    return tuple(sorted((s, m, c.numerator, c.denominator) for (s, m), c in value.items()))


def parse_roots(answer: str) -> list[Value] | str:
    """The exact root values of an answer, or the reason it cannot be read."""
    if len(answer) <= _MAX_CHARS:
        plain = _plain_keys(answer)
        if plain is not None:
            return [_value_of_key(key) for key in plain]
    node = parse_math(answer) if len(answer) <= _MAX_CHARS else None
    if node is None:
        return _FORMAT
    try:
        # \\pm nodes come only from these spellings: without them, no tree walk is needed
        may_pm = any(mark in answer for mark in ("pm", "mp", "\u00b1", "\u2213"))
        return [value_of(item) for item in _items(node, may_pm)]
    except Unsupported as error:
        return f"{error}; {_FORMAT}"
    except (ZeroDivisionError, RecursionError, IndexError, TypeError):
        return _FORMAT


# -- the answer format of the prompt, read directly ------------------------------------------------
# "2, -1/3, 1 + sqrt(2), 1 - sqrt(2), -1 + 2i": a list of a term or a sum or difference of two, a term
# being a whole number or fraction, times sqrt(n), times i, each part optional, with "x = " in front
# at will. These are read without the parser, to exactly the values value_of gives their trees
# (tests/families/test_polynomial_roots.py compares the two); anything else is left to it.

_PLAIN_TERM = (r"(?:(?P<n{k}>\d{{1,18}})(?:\s*/\s*(?P<d{k}>\d{{1,18}}))?"
               r"(?:\s*\*?\s*sqrt\(\s*(?P<r{k}>\d{{1,6}})\s*\))?(?:\s*\*?\s*(?P<i{k}>i))?"
               r"|sqrt\(\s*(?P<q{k}>\d{{1,6}})\s*\)(?:\s*\*?\s*(?P<j{k}>i))?|(?P<u{k}>i))")
_PLAIN_ITEM = re.compile(r"(?:[a-dfghj-zA-Z](?:_\d{1,3})?\s*=\s*)?(?P<minus>-)?\s*" + _PLAIN_TERM.format(k=1)
                         + r"(?:\s*(?P<sign>[-+])\s*" + _PLAIN_TERM.format(k=2) + ")?")
_PLAIN_SEPARATOR = re.compile(r"\s*[,;]\s+|\s+(?:or|and)\s+")


def _plain_keys(answer: str) -> list[tuple] | None:
    """The keys (``_key``) of the root values of an answer in the prompt's plain format, or None for
    any other text."""
    text = answer.strip()
    if text[:1] == "{" and text[-1:] == "}":
        text = text[1:-1]
    elif text[:2] == "\\{" and text[-2:] == "\\}":
        text = text[2:-2]
    if not text.isascii() or "{" in text or "\\" in text or has_space_run(text):
        return None  # (a long run of spaces would make the patterns' \s* backtrack quadratically)
    keys = []
    for item in _PLAIN_SEPARATOR.split(text.strip()):
        match = _PLAIN_ITEM.fullmatch(item)
        if match is None:
            return None
        groups = match.groups()  # minus, then each term's seven groups, with the sign between
        first = _plain_term(groups[1:8])
        if first is None:
            return None
        top, bottom, s, m = first
        sums: Sums = {}
        _add_term(sums, -top if groups[0] else top, bottom, s, m)
        if groups[8] is not None:
            second = _plain_term(groups[9:])
            if second is None:
                return None
            top, bottom, s, m = second
            _add_term(sums, -top if groups[8] == "-" else top, bottom, s, m)
        key = []
        for (s, m), (top, bottom) in sums.items():
            if top:
                divisor = gcd(top, bottom)
                key.append((s, m, top // divisor, bottom // divisor))
        keys.append(tuple(sorted(key)))
    return keys


def _plain_term(groups: tuple) -> tuple[int, int, int, int] | None:
    """(top, bottom, s, m) of a plain term, top/bottom * i^s * sqrt(m), from its seven groups (whole,
    below, radicand, i, radicand, i, i); None for a division by zero (the parser's path says so)."""
    whole, below, radicand, imaginary, lone_radicand, lone_imaginary, lone_i = groups
    top, bottom = int(whole or 1), int(below or 1)
    if not bottom:
        return None
    radicand = radicand or lone_radicand
    m = 1
    if radicand is not None:
        root, m = _squarefree(int(radicand)) if int(radicand) else (0, 1)
        top *= root
    return top, bottom, 1 if imaginary or lone_imaginary or lone_i else 0, m


def _value_of_key(key: tuple) -> Value:
    return {(s, m): top if bottom == 1 else Fraction(top, bottom) for s, m, top, bottom in key}


@lru_cache(maxsize=4096)
def _root_key(real: str, coefficient: str, radicand: int) -> tuple:
    """The canonical key of a stored root real + coefficient * sqrt(radicand)."""
    value = _rational(Fraction(real))
    if Fraction(coefficient):
        value = _add(value, _mul(_rational(Fraction(coefficient)), _sqrt(_rational(Fraction(radicand)))))
    return _key(value)


def _known_roots(data: dict[str, Any]) -> dict[tuple, int] | None:
    """Each stored root's key and multiplicity; None if the stored roots do not give the distinct count."""
    try:
        known = {_root_key(root["real"], root["coefficient"], root["radicand"]): root["multiplicity"]
                 for root in data["roots"]}
    except (Unsupported, KeyError, TypeError, ValueError):
        return None
    return known if len(known) == data["distinct_roots"] else None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    keys = _plain_keys(answer) if len(answer) <= _MAX_CHARS else None
    # every root is stored (the polynomial was built from them), so a value is a root exactly
    # when it equals a stored one: no need to evaluate the polynomial in Q(i, sqrt(m))
    known = _known_roots(data)
    if keys is None or known is None:
        values = parse_roots(answer)
        if isinstance(values, str):
            return Verdict.unparsable(values)
        keys = [_key(value) for value in values]
    else:
        values = [{}] * len(keys)  # not read: the keys decide
    coefficients: list[int] = data["coefficients"]
    counts: dict[tuple, int] = {}
    try:
        for key, value in zip(keys, values, strict=True):
            is_root = key in known if known is not None else not evaluate(coefficients, value)
            if not is_root:
                return Verdict.wrong("at least one listed value is not a root")
            counts[key] = counts.get(key, 0) + 1
        for key, value in zip(keys, values, strict=True):
            count = counts[key]
            expected = known[key] if known is not None else multiplicity(coefficients, value)
            if count > 1 and count != expected:
                return Verdict.wrong("a root is listed more than once (list each distinct root once)")
    except Unsupported as error:
        return Verdict.unparsable(f"{error}; {_FORMAT}")
    if len(counts) < data["distinct_roots"]:
        return Verdict.wrong(f"{len(counts)} of the {data['distinct_roots']} distinct roots are given; some are missing")
    return Verdict.right()


# -- audit hooks ----------------------------------------------------------------------------------

def _latex(root: dict[str, Any]) -> str:
    real, imag, radicand = Fraction(root["real"]), Fraction(root["coefficient"]), root["radicand"]
    parts = [] if real == 0 and imag else [_latex_fraction(real)]
    if imag:
        term = f"\\frac{{{abs(imag.numerator)}{_radical(radicand)}}}{{{imag.denominator}}}"
        sign = "-" if imag < 0 else ("+" if parts else "")
        parts.append(f"{sign} {term}")
    return " ".join(parts)


def _radical(radicand: int) -> str:
    if radicand == -1:
        return "i"
    if radicand < 0:
        return f"\\sqrt{{{-radicand}}}i"
    return f"\\sqrt{{{radicand}}}"


def _latex_fraction(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    items = [item.strip() for item in reference.split(",")]
    roots = data["roots"]
    forms = [", ".join(reversed(items)), "; ".join(items), "{" + ", ".join(items) + "}",
             "\\{" + ", ".join(items) + "\\}", ", ".join(f"x = {item}" for item in items),
             " or ".join(f"x = {item}" for item in items), ", ".join(_latex(root) for root in roots),
             ", ".join(f"x_{k} = {item}" for k, item in enumerate(items, start=1))]
    paired = []
    for root in roots:
        if root["coefficient"] != "0" and Fraction(root["coefficient"]) > 0:
            real = _latex_fraction(Fraction(root["real"]))
            imag = Fraction(root["coefficient"])
            term = f"\\frac{{{imag.numerator}{_radical(root['radicand'])}}}{{{imag.denominator}}}"
            paired.append(f"{real} \\pm {term}" if real != "0" else f"\\pm {term}")
        elif root["coefficient"] == "0":
            paired.append(_latex(root))
    forms.append(", ".join(paired))
    repeated = [item for item, root in zip(items, roots, strict=True) for _ in range(root["multiplicity"])]
    forms.append(", ".join(repeated))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    items = [item.strip() for item in reference.split(",")]
    roots = data["roots"]
    misses = [", ".join(items[1:]), ", ".join(items[:-1]), ", ".join([*items, "0" if "0" not in items else "100"]),
              ", ".join(str(c) for c in data["coefficients"]), f"{', '.join(items[:-1])} or {items[-1]}, 1000"]
    first = Fraction(roots[0]["real"])
    if roots[0]["coefficient"] == "0":
        misses.append(", ".join([str(first + 1), *items[1:]]))
        misses.append(", ".join([f"{float(first) + 0.001:.3f}", *items[1:]]))
    irrational = [k for k, root in enumerate(roots) if root["coefficient"] != "0"]
    if irrational:
        k = irrational[0]
        doubled = [items[k] if j == k + 1 else item for j, item in enumerate(items)]
        misses.append(", ".join(doubled))  # both conjugates written with the same sign
    if any(root["coefficient"] != "0" and root["radicand"] > 0 for root in roots):
        approximations = []
        for root in roots:
            if root["radicand"] > 0:
                value = float(Fraction(root["real"])) + float(Fraction(root["coefficient"])) * root["radicand"] ** 0.5
                approximations.append(f"{value:.4f}")
            else:
                approximations.append(_latex(root))
        misses.append(", ".join(approximations))
    return misses
