"""Verifier for boolean_circuit: every asked signal given once with its exact value."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.pairs import MAX_PAIRS_CHARS, parse_pairs, render_pairs
from bootcamps.types import Verdict

_KEY = r"[a-z][a-z0-9_]{0,15}"
_VALUE = r"true|false|t|f|1|0"
_CONNECTOR = r"(?:\s*(?:=|:|->|=>|\u2192)\s*|\s+is\s+)"
_CANONICAL = re.compile(r"\s*\w{1,16}=[01](?:,\s*\w{1,16}=[01])*\s*")
_CANONICAL_PAIR = re.compile(r"(\w+)=([01])")
_BITS = re.compile(r"[\[(]?\s*[01](?:(?:\s*[,;]\s*|\s+)[01])*\s*[\])]?")
_FORMAT = "expected name=value pairs such as out1=1, out2=0 for every asked signal"


def _pairs(data: dict[str, Any], answer: str) -> list[tuple[str, int]] | None:
    if _CANONICAL.fullmatch(answer):  # the common form, read in one pass
        return [(name.lower(), int(value)) for name, value in _CANONICAL_PAIR.findall(answer)]
    asked = data["asked"]
    if _BITS.fullmatch(answer.strip()):
        bits = [int(ch) for ch in answer if ch in "01"]
        return list(zip(asked, bits, strict=True)) if len(bits) == len(asked) else None
    pairs = parse_pairs(answer, _KEY, _VALUE, connector=_CONNECTOR, max_pairs=len(asked) + 8)
    if not pairs:
        return None
    return [(name.lower(), int(value.lower() in ("1", "true", "t"))) for name, value in pairs]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    asked, solution = data["asked"], data["solution"]
    if len(answer) > min(MAX_PAIRS_CHARS, 40 * len(asked) + 200):
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    pairs = _pairs(data, answer)
    if pairs is None:
        return Verdict.unparsable(_FORMAT)
    given: dict[str, int] = {}
    for name, value in pairs:
        if name not in solution:
            return Verdict.wrong(f"{name!r} is not one of the asked signals ({asked[0]} ... {asked[-1]})")
        if name in given:
            return Verdict.wrong(f"{name} is given more than once")
        given[name] = value
    missing = [name for name in asked if name not in given]
    if missing:
        return Verdict.wrong(f"no value given for {', '.join(missing[:5])}" + (" and others" if len(missing) > 5 else ""))
    wrong = sum(given[name] != solution[name] for name in asked)
    if wrong:
        return Verdict.wrong(f"{wrong} of the {len(asked)} values are wrong")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    asked, solution = data["asked"], data["solution"]
    bits = [str(solution[name]) for name in asked]
    return [
        render_pairs(solution, asked[::-1]),
        render_pairs(solution, asked, "\n", ": "),
        render_pairs(solution, asked, "; ", " = "),
        ", ".join(f"{name} = {'true' if solution[name] else 'false'}" for name in asked),
        " ".join(f"{name.upper()}={solution[name]}" for name in asked),
        ", ".join(bits),
        "[" + " ".join(bits) + "]",
        "\n".join(f"- **{name}**: {solution[name]}" for name in asked),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    asked, solution = data["asked"], data["solution"]
    flips = [render_pairs({**solution, name: 1 - solution[name]}, asked) for name in asked[-3:]]
    return [
        *flips,
        render_pairs({name: 1 - solution[name] for name in asked}, asked),
        render_pairs(dict.fromkeys(asked, 1), asked),
        render_pairs(dict.fromkeys(asked, 0), asked),
        render_pairs(solution, asked[:-1]),  # a signal missing
        reference + f", {asked[0]}={1 - solution[asked[0]]}",  # a signal twice
        reference.replace(f"{asked[-1]}={solution[asked[-1]]}", f"{asked[-1]}=0 or 1"),  # a hedge
        ", ".join(f"{name}={value}" for name, value in data["inputs"].items()),  # the inputs copied back
        ", ".join(str(solution[name]) for name in asked[:-1]),
        ", ".join(asked),
    ]
