"""Verifier for river_crossing: every crossing is legal, every rule holds on both banks, all end on the right."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.moves import split_steps
from bootcamps.types import Verdict

_FORMAT = "expected one crossing per line naming everyone in the boat, separated by commas, e.g. Ann, Ben"
_SEPARATORS = re.compile(r"-+>|<-+|=>|[\u2192\u2190,&+()\[\]{}:]")
_BLANKS = str.maketrans(dict.fromkeys(",&+()[]{}:\u2192\u2190", " "))
_IGNORED = frozenset(("and", "with", "the", "alone", "cross", "crosses", "return", "returns", "back", "over",
                      "across", "takes", "take", "brings", "bring", "rows", "row", "goes", "go", "to", "left",
                      "right", "bank", "in", "boat"))


def parse_crossings(answer: str, data: dict[str, Any]) -> list[int] | str:
    """The boat's load per crossing as a bitmask over ``data["names"]``, or why the answer cannot be read."""
    limit = data["budget"] + 50
    steps = split_steps(answer, max_steps=limit, max_chars=limit * 12 * (len(data["names"]) + 2) + 200,
                        commas=False)
    if steps is None:
        return f"the answer is too long; {_FORMAT}"
    bits = {name.lower(): 1 << i for i, name in enumerate(data["names"])}
    loads = []
    for index, step in enumerate(steps, start=1):
        text = step.lower()
        if "-" in text or "<" in text or "=" in text:
            text = _SEPARATORS.sub(" ", text)
        load = 0
        for word in text.translate(_BLANKS).split():
            bit = bits.get(word)
            if bit is None:
                if word in _IGNORED:
                    continue
                return f"crossing {index}: {word[:20]!r} is not a traveller; {_FORMAT}"
            if load & bit:
                return f"crossing {index} names a traveller twice"
            load |= bit
        if not load:
            return f"crossing {index} names no traveller; {_FORMAT}"
        loads.append(load)
    return loads


def broken_rule(data: dict[str, Any], bank: set[str]) -> str | None:
    """The first rule a bank breaks, described, or None."""
    for a, b, guard in data["guards"]:
        if a in bank and b in bank and guard not in bank:
            return f"{a} and {b} are together without {guard}"
    groups = data["groups"]
    if groups is not None:
        protected = sum(name in bank for name in groups["protected"])
        threat = sum(name in bank for name in groups["threat"])
        if protected and threat > protected:
            first, second = groups["labels"]
            return f"the {first} ({protected}) are outnumbered by the {second} ({threat})"
    return None


def _rules(data: dict[str, Any], bit: dict[str, int]) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Guard rules as (pair mask, guard mask) and the groups as masks, for a fast check of a bank."""
    guards = [(bit[a] | bit[b], bit[g]) for a, b, g in data["guards"]]
    groups = data["groups"]
    masks = None if groups is None else tuple(sum(bit[n] for n in groups[key]) for key in ("protected", "threat"))
    return guards, masks


def _safe(bank: int, guards: list[tuple[int, int]], groups: tuple[int, int] | None) -> bool:
    for pair, guard in guards:
        if bank & pair == pair and not bank & guard:
            return False
    if groups is None:
        return True
    protected, threat = (bank & groups[0]).bit_count(), (bank & groups[1]).bit_count()
    return not protected or threat <= protected


def simulate(data: dict[str, Any], loads: list[int]) -> list[str] | str:
    """Who is on the left bank at the end, or the first broken rule."""
    names = data["names"]
    bit = {name: 1 << i for i, name in enumerate(names)}
    everyone = (1 << len(names)) - 1
    rowers = sum(bit[name] for name in data["rowers"])
    guards, groups = _rules(data, bit)
    left = everyone
    for index, load in enumerate(loads, start=1):
        here, side = (left, "left") if index % 2 else (everyone ^ left, "right")
        if load & here != load:
            missing = next(name for name in names if load & ~here & bit[name])
            return f"crossing {index} leaves from the {side} bank, but {missing} is not there"
        if load.bit_count() > data["capacity"]:
            return f"crossing {index} carries {load.bit_count()} travellers; the boat holds {data['capacity']}"
        if not load & rowers:
            return f"crossing {index}: nobody in the boat can row"
        left ^= load
        for name, bank in (("left", left), ("right", everyone ^ left)):
            if not _safe(bank, guards, groups):
                members = {n for n in names if bank & bit[n]}
                return f"after crossing {index}, on the {name} bank {broken_rule(data, members)}"
    return [name for name in names if left & bit[name]]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    loads = parse_crossings(answer, data)
    if isinstance(loads, str):
        return Verdict.unparsable(loads)
    left = simulate(data, loads)
    if isinstance(left, str):
        return Verdict.wrong(left)
    if left:
        return Verdict.wrong(f"after the last crossing {', '.join(left)} still on the left bank")
    if len(loads) > data["budget"]:
        return Verdict.wrong(f"everyone crosses, but in {len(loads)} crossings; at most {data['budget']} "
                             "are allowed")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _crossings(reference: str) -> list[list[str]]:
    return [line.split(", ") for line in reference.splitlines()]


def _render(crossings: list[list[str]], sep: str = ", ", between: str = "\n") -> str:
    return between.join(sep.join(boat) for boat in crossings)


def _alternative_plans(data: dict[str, Any], reference: str) -> list[str]:
    """Other shortest plans, found by reversing the order of each load's travellers in a new search."""
    from bootcamps.generators.river_crossing import bank_is_safe, solve

    names = data["names"]
    order = names[::-1]  # searching over the names reversed breaks ties differently
    index = {name: i for i, name in enumerate(order)}
    guards = [(index[a], index[b], index[g]) for a, b, g in data["guards"]]
    groups = data["groups"]
    split = None if groups is None else tuple(sum(1 << index[n] for n in groups[key]) for key in ("protected", "threat"))
    safe = [bank_is_safe(bank, guards, split) for bank in range(1 << len(order))]
    plan = solve(len(order), sum(1 << index[n] for n in data["rowers"]), data["capacity"], safe)
    if plan is None:
        return []
    text = "\n".join(", ".join(n for n in names if load >> index[n] & 1) for load in plan)
    return [text] if text != reference else []


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    crossings = _crossings(reference)
    forms = [
        _render(crossings, " and "),
        _render(crossings, ", ", "; "),
        _render(crossings).lower(),
        _render([boat[::-1] for boat in crossings]),
        "\n".join(f"{i}. {', '.join(boat)}" for i, boat in enumerate(crossings, start=1)),
        "\n".join(f"{', '.join(boat)} {'->' if i % 2 else '<-'}" for i, boat in enumerate(crossings, start=1)),
        _render(crossings, " + "),
    ]
    return forms + _alternative_plans(data, reference)


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    crossings = _crossings(reference)
    rower = data["rowers"][0]
    waste = (data["budget"] - data["optimum"]) // 2 + 1  # back-and-forth trips that overrun the budget
    everyone = data["names"]
    non_rowers = [name for name in everyone if name not in data["rowers"]]
    misses = [
        _render(crossings[:-1]),
        _render(crossings[:-2]),
        _render(crossings[1:]),
        _render([*[crossings[0]] * (2 * waste), *crossings]),  # legal, everyone crosses, over budget
        _render([*crossings, [rower], [rower]]),
        _render([crossings[0] + [n for n in everyone if n not in crossings[0]][:1], *crossings[1:]]),
        _render([[everyone[0]], *crossings]),
        f"{_render(crossings, between='; ')} or {_render(crossings[:-1], between='; ')}",
        ", ".join(everyone),
        str(data["optimum"]),
    ]
    if non_rowers:
        misses.append(_render([[non_rowers[0]], *crossings[1:]]))
    return [miss for miss in misses if not verify(data, miss).correct]
