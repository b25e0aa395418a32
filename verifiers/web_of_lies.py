"""Verifier for web_of_lies: every person named once with the one consistent truth value."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.pairs import MAX_PAIRS_CHARS, parse_pairs
from bootcamps.generators.web_of_lies import holds, render_statement
from bootcamps.types import Verdict

_NAME = r"[^\W\d_]+"
_TRUTH = ("tells the truth", "tells truth", "truth-teller", "truthteller", "truthful", "truth", "true",
          "honest", "t")
_LIE = ("liar", "lies", "lie", "lying", "false", "f")
_VALUE = "|".join(word.replace(" ", r"\s+") for word in sorted(_TRUTH + _LIE, key=len, reverse=True))
_CONNECTOR = r"(?:\s*(?::|=|->|\u2192|-|\u2013|\u2014)\s*|\s+is\s+an?\s+|\s+is\s+|\s+)"
_CANONICAL = re.compile(r"\s*[^\W\d_]+\s*:\s*(?:truth|lie)(?:\s*,\s*[^\W\d_]+\s*:\s*(?:truth|lie))*\s*")
_CANONICAL_PAIR = re.compile(r"([^\W\d_]+)\s*:\s*(truth|lie)")
_FORMAT = "expected every person with a value, as 'Name: truth, Name: lie, ...'"


def _values(data: dict[str, Any], answer: str) -> dict[str, str] | Verdict:
    """The answer as {name: "truth" | "lie"} over the puzzle's names, or the verdict that rejects it."""
    if _CANONICAL.fullmatch(answer):  # the common form, read in one pass
        pairs = _CANONICAL_PAIR.findall(answer)
    else:
        pairs = parse_pairs(answer, _NAME, _VALUE, connector=_CONNECTOR,
                            max_pairs=len(data["names"]) + 8)
    if not pairs:
        return Verdict.unparsable(_FORMAT)
    canonical = {name.casefold(): name for name in data["names"]}
    values: dict[str, str] = {}
    for raw_name, raw_value in pairs:
        name = canonical.get(raw_name.casefold())
        if name is None:
            return Verdict.unparsable(f"{raw_name!r} is not one of the people")
        if name in values:
            return Verdict.unparsable(f"{name} is named more than once")
        values[name] = "truth" if " ".join(raw_value.casefold().split()) in _TRUTH else "lie"
    missing = [name for name in data["names"] if name not in values]
    if missing:
        return Verdict.wrong(f"no value given for {', '.join(missing[:5])}: name every person")
    return values


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_PAIRS_CHARS:
        return Verdict.unparsable(f"{_FORMAT}; found {len(answer)} characters")
    values = _values(data, answer)
    if isinstance(values, Verdict):
        return values
    if values == data["solution"]:
        return Verdict.right()
    names = data["names"]
    truth = [values[name] == "truth" for name in names]
    for fact in data["facts"]:
        if truth[fact["person"]] != fact["truth"]:
            return Verdict.wrong(f"this contradicts the fact about {names[fact['person']]}")
    for statement in data["statements"]:
        if holds(statement["kind"], [truth[t] for t in statement["targets"]]) != truth[statement["speaker"]]:
            return Verdict.wrong(f"these values contradict the statement \"{render_statement(statement, names)}\"")
    return Verdict.wrong("these values are not the consistent assignment")  # unreachable: it is unique


# -- audit hooks -----------------------------------------------------------------------------

def _render(values: dict[str, str], names: list[str], sep: str = ", ", link: str = ": ") -> str:
    return sep.join(f"{name}{link}{values[name]}" for name in names)


def _flipped(values: dict[str, str], name: str) -> dict[str, str]:
    return {**values, name: "lie" if values[name] == "truth" else "truth"}


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    names, values = data["names"], data["solution"]
    words = {"truth": "tells the truth", "lie": "lies"}
    sentences = [f"{name} {words[values[name]]}" for name in names]
    return [
        _render(values, names[::-1]),
        _render(values, sorted(names), "; "),
        _render(values, names, "\n", " - "),
        _render(values, names, ", ", " = "),
        ", ".join(sentences),
        ", ".join(sentences[:-1]) + " and " + sentences[-1] + ".",
        ", ".join(f"{name} is {'truthful' if values[name] == 'truth' else 'a liar'}" for name in names),
        ", ".join(f"{name}: {'true' if values[name] == 'truth' else 'false'}" for name in names),
        "\n".join(f"- **{name}**: {values[name].capitalize()}" for name in names),
        reference.upper(),
        f"[{reference}]",
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    names, values = data["names"], data["solution"]
    misses = [_render(_flipped(values, name), names) for name in names[:3] + names[-2:]]
    misses += [
        _render({name: "truth" for name in names}, names),
        _render({name: "lie" for name in names}, names),
        _render({name: "lie" if values[name] == "truth" else "truth" for name in names}, names),
        _render(values, names[:-1]),  # someone missing
        _render(values, names) + f", {names[0]}: {_flipped(values, names[0])[names[0]]}",  # twice
        _render(values, names) + ", Xerxes: truth",  # a stranger
        reference.replace(f"{names[-1]}: {values[names[-1]]}", f"{names[-1]}: truth or lie"),  # a hedge
        ", ".join(names),
        ", ".join(f"{names[f['person']]}: {'truth' if f['truth'] else 'lie'}" for f in data["facts"]),  # facts only
    ]
    return [miss for miss in misses if miss != reference]
