"""Verifier for inequality_solving: the answer must be exactly the solution set, ends included or not."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

from bootcamps.answers.intervals import (
    MAX_SET_CHARS,
    NEG_INF,
    POS_INF,
    Interval,
    Surd,
    compare,
    format_endpoint,
    format_real_set,
    parse_real_set,
)
from bootcamps.types import Verdict

_FORMAT = "expected the solution set in interval notation, e.g. (-\\infty, -2) \\cup [3, 7/2]"


def _endpoint(value: Any) -> Surd | str:
    if isinstance(value, str):
        return value
    return Surd(Fraction(value[0]), Fraction(value[1]), int(value[2]))


def solution(data: dict[str, Any]) -> list[Interval]:
    """The stored solution set as canonical intervals."""
    return list(_solution(tuple((_frozen(low), low_closed, _frozen(high), high_closed)
                                for low, low_closed, high, high_closed in data["solution"])))


def _frozen(end: Any) -> Any:
    return end if isinstance(end, str) else tuple(end)


@lru_cache(maxsize=4096)
def _solution(rows: tuple) -> tuple[Interval, ...]:
    # reading Fractions from their text is slow, and a prompt's solution is read once per answer
    return tuple((_endpoint(low), low_closed, _endpoint(high), high_closed) for low, low_closed, high, high_closed in rows)


def _ends(intervals: list[Interval]) -> list[Surd | str]:
    return [end for low, _, high, _ in intervals for end in (low, high)]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_SET_CHARS:
        return Verdict.unparsable("the answer is too long; " + _FORMAT)
    # the canonical form, accepted at once (str.split's whitespace is exactly re's \s)
    if "".join(answer.split()) == "".join(data["answer"].split()):
        return Verdict.right()
    given = parse_real_set(answer)
    if given is None:
        return Verdict.unparsable(_FORMAT + "; endpoints must be exact numbers")
    expected = solution(data)
    if len(given) == len(expected) and all(
            compare(a, b) == 0 and ca == cb for (a, ca, b, cb) in ((g[0], g[1], e[0], e[1]) for g, e in zip(given, expected, strict=True))
    ) and all(compare(g[2], e[2]) == 0 and g[3] == e[3] for g, e in zip(given, expected, strict=True)):
        return Verdict.right()
    if _ends(given) == _ends(expected):
        return Verdict.wrong("the endpoints are right, but some are wrongly included or excluded")
    return Verdict.wrong("the solution set is not right")


def _interval_text(low, low_closed, high, high_closed, plain: bool = False) -> str:
    def end(value):
        text = format_endpoint(value)
        if plain:
            text = text.replace("\\infty", "inf")
        return text

    if compare(low, high) == 0:
        return f"{{{end(low)}}}" if plain else f"\\{{{end(low)}\\}}"
    return f"{'[' if low_closed else '('}{end(low)}, {end(high)}{']' if high_closed else ')'}"


def _inequalities(intervals: list[Interval]) -> str:
    parts = []
    for low, low_closed, high, high_closed in intervals:
        lo, hi = format_endpoint(low), format_endpoint(high)
        if compare(low, high) == 0:
            parts.append(f"x = {lo}")
        elif low == NEG_INF:
            parts.append(f"x {'<=' if high_closed else '<'} {hi}")
        elif high == POS_INF:
            parts.append(f"x {'>=' if low_closed else '>'} {lo}")
        else:
            parts.append(f"{lo} {'<=' if low_closed else '<'} x {'<=' if high_closed else '<'} {hi}")
    return " or ".join(parts)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    intervals = solution(data)
    forms = [
        reference.replace(" ", ""),
        " U ".join(_interval_text(*i, plain=True) for i in intervals),
        reference.replace("\\cup", "\u222a").replace("\\infty", "\u221e"),
        _inequalities(intervals),
        f"x \\in {reference}",
        "\\left" + reference.replace("\\cup ", "\\cup \\left").replace(")", "\\right)").replace("]", "\\right]")
        if "\\{" not in reference and "\\frac" not in reference and "\\sqrt" not in reference else reference,
    ]
    # a split interval written as two touching pieces is the same set
    low, low_closed, high, high_closed = intervals[0]
    if isinstance(low, Surd) and isinstance(high, Surd) and compare(low, high) < 0 and not low.q and not high.q:
        middle = Surd((low.p + high.p) / 2, Fraction(0), 1)
        pieces = [(low, low_closed, middle, True), (middle, False, high, high_closed), *intervals[1:]]
        forms.append(" \\cup ".join(_interval_text(*i) for i in pieces))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    intervals = solution(data)
    misses = [data["inequality"], reference.replace("\\cup", "\\cap")]
    flipped = None
    for index, (low, low_closed, high, high_closed) in enumerate(intervals):
        if compare(low, high) == 0:
            continue
        if isinstance(high, Surd):
            flipped = intervals[:index] + [(low, low_closed, high, not high_closed)] + intervals[index + 1:]
            break
        if isinstance(low, Surd):
            flipped = intervals[:index] + [(low, not low_closed, high, high_closed)] + intervals[index + 1:]
            break
    if flipped is not None:
        misses.append(format_real_set(flipped))
    if len(intervals) > 1:
        misses.append(format_real_set(intervals[1:]))
        misses.append(format_real_set(intervals[:-1]))
    low, low_closed, high, high_closed = intervals[-1]
    if isinstance(low, Surd) and compare(low, high) != 0:
        shifted = Surd(low.p + 1, low.q, low.d)
        if compare(shifted, high) < 0:
            misses.append(format_real_set([*intervals[:-1], (shifted, low_closed, high, high_closed)]))
    all_open = [(lo, False, hi, False) for lo, _, hi, _ in intervals if compare(lo, hi) != 0]
    if all_open != intervals:
        misses.append(format_real_set(all_open))
    surds = [end for end in _ends(intervals) if isinstance(end, Surd) and end.q]
    if surds:
        approx = float(surds[0].p) + float(surds[0].q) * surds[0].d ** 0.5
        misses.append(reference.replace(format_endpoint(surds[0]), f"{approx:.4f}"))
    misses.append("(-\\infty, \\infty)")
    return misses
