"""Verifier for register_machine: every register named once with its final value after the run."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.pairs import MAX_PAIRS_CHARS, parse_pairs, render_pairs
from bootcamps.types import Verdict

_KEY = r"[a-z][a-z0-9_]{0,15}"
_VALUE = r"[+-]?\d{1,12}"
_FORMAT = "expected every register with its final value, e.g. a=3, b=0, c=-2"


def _read(answer: str, names: list[str]) -> dict[str, int] | str:
    """The register values of an answer, or why it cannot be read (a string)."""
    pairs = parse_pairs(answer.replace("\u2212", "-"), _KEY, _VALUE, max_pairs=len(names) + 8)
    if not pairs:
        return _FORMAT
    given: dict[str, int] = {}
    for name, value in pairs:
        name = name.lower()
        if name not in names:
            return f"{name!r} is not a register; the registers are {', '.join(names)}"
        if name in given:
            return f"register {name} is given more than once"
        given[name] = int(value)
    return given


def verify(data: dict[str, Any], answer: str) -> Verdict:
    names, final = data["registers"], data["final"]
    if len(answer) > min(MAX_PAIRS_CHARS, 40 * len(names) + 200):
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    given = _read(answer, names)
    if isinstance(given, str):
        return Verdict.unparsable(given)
    missing = [name for name in names if name not in given]
    if missing:
        return Verdict.wrong(f"no value given for register {', '.join(missing)}; give every register")
    wrong = [name for name in names if given[name] != final[name]]
    if wrong:
        return Verdict.wrong(f"the final value of {', '.join(wrong)} is wrong")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    names, final = data["registers"], data["final"]
    return [
        render_pairs(final, names[::-1]),
        render_pairs(final, names, "\n", ": "),
        render_pairs(final, names, " ", " = "),
        ", ".join(f"{name.upper()}={final[name]}" for name in names),
        "{" + ", ".join(f'"{name}": {final[name]}' for name in names) + "}",
        "; ".join(f"{name} = {final[name]}" for name in names),
        f"{reference}.",
    ]


def _state_before_end(data: dict[str, Any]) -> dict[str, int] | None:
    """The registers a few steps before the halt (a run stopped too early), if they differ."""
    from bootcamps.generators.register_machine import state_after

    for back in range(1, min(6, data["steps"]) + 1):
        early = state_after(data["program"], data["initial"], data["steps"] - back)
        if early != data["final"]:
            return early
    return None


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    names, final, initial = data["registers"], data["final"], data["initial"]
    first, last = names[0], names[-1]
    misses = [
        render_pairs({**final, first: final[first] + 1}, names),  # one value off by one
        render_pairs({**final, last: final[last] - 1}, names),
        render_pairs(final, names[:-1]),  # a register left out
        render_pairs(initial, names),  # the initial values copied back
        f"{reference} or {render_pairs({**final, first: final[first] + 1}, names)}",
        f"{reference}, {first}={final[first] + 1}",  # a register given twice
        ", ".join(str(final[name]) for name in names),  # values without names
        f"{reference}, z=0",
    ]
    if final[first] != final[last]:
        misses.append(render_pairs({**final, first: final[last], last: final[first]}, names))  # swapped
    early = _state_before_end(data)
    if early is not None:
        misses.append(render_pairs(early, names))
    return [miss for miss in misses if not verify(data, miss).correct]
