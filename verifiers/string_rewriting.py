"""Verifier for string_rewriting: the unique final string (and, when asked, the number of steps)."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.generators.string_rewriting import rewrite, step, step_bound
from bootcamps.types import Verdict

_MAX_CHARS = 300
_QUOTES = "\"'`“”‘’"
_STRING_ONLY = re.compile(r"(?:final(?:\s+string)?\s*[:=]\s*)?([a-z]{1,200})\.?")
_WITH_STEPS = re.compile(
    r"(?:final(?:\s+string)?\s*[:=]\s*)?([a-z]{1,200})\s*(?:[,;\n]|\s)\s*"
    r"(?:(?:number\s+of\s+)?steps?\s*[:=]\s*)?(\d{1,6})(?:\s*steps?)?\.?")


def read_answer(data: dict[str, Any], answer: str) -> tuple[str, int | None] | str:
    """(final string, steps or None), or why the answer cannot be read."""
    text = answer.strip().lower()
    for quote in _QUOTES:
        text = text.replace(quote, "")
    if data["ask_steps"]:
        match = _WITH_STEPS.fullmatch(text)
        if match is None:
            return "expected the final string, a comma and the number of steps, e.g. abc, 7"
        return match.group(1), int(match.group(2))
    match = _STRING_ONLY.fullmatch(text)
    if match is None:
        return "expected the final string only, letters with no spaces, e.g. abc"
    return match.group(1), None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable("the answer is too long; expected the final string")
    parsed = read_answer(data, answer)
    if isinstance(parsed, str):
        return Verdict.unparsable(parsed)
    final, steps = parsed
    if final != data["final"]:
        after = step(final, data["rules"])
        if after is not None:
            return Verdict.wrong(f"the final string is wrong: rule {after[1] + 1} still applies to it")
        return Verdict.wrong("the final string is wrong: it is not where the rewriting stops")
    if data["ask_steps"] and steps != data["steps"]:
        return Verdict.wrong("the final string is right but the number of steps is wrong")
    return Verdict.right()


def _answer(data: dict[str, Any], final: str, steps: int) -> str:
    return f"{final}, {steps}" if data["ask_steps"] else final


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    final, steps = data["final"], data["steps"]
    forms = [reference.upper(), f'"{final}"' + (f", {steps}" if data["ask_steps"] else ""), f" {reference}. "]
    if data["ask_steps"]:
        forms += [f"{final}; {steps}", f"{final}\n{steps}", f"{final} {steps}", f"final: {final}, steps: {steps}",
                  f"`{final}`, {steps} steps"]
    else:
        forms += [f"`{final}`", f"final: {final}", f"'{final.upper()}'"]
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    final, steps, start = data["final"], data["steps"], data["start"]
    trace = rewrite(start, data["rules"], step_bound(len(start))) or [(start, -1)]
    before_last = trace[-2][0] if len(trace) > 1 else start
    misses = [
        _answer(data, start, 0),  # the input copied back
        _answer(data, before_last, steps - 1),  # one step short
        _answer(data, final[:-1], steps),
        _answer(data, final + final[-1], steps),
        _answer(data, final[::-1], steps),
        f"{reference} or {_answer(data, before_last, steps - 1)}",
        _answer(data, _rightmost_run(data), steps),
    ]
    if data["ask_steps"]:
        misses += [f"{final}, {steps + 1}", f"{final}, {steps - 1}", final, str(steps)]
    else:
        misses.append(f"{final}, {steps}")
    return [miss for miss in misses if miss.strip() != reference and not verify(data, miss).correct]


def _rightmost_run(data: dict[str, Any]) -> str:
    """Where the rewriting stops when each rule is applied at its rightmost occurrence instead."""
    text = data["start"]
    for _ in range(step_bound(len(text))):
        for left, right in data["rules"]:
            at = text.rfind(left)
            if at >= 0:
                text = text[:at] + right + text[at + len(left):]
                break
        else:
            return text
    return text
