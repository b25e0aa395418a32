"""Verifier for knights_knaves: every inhabitant named once with the one consistent role."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.pairs import MAX_PAIRS_CHARS, parse_pairs
from bootcamps.types import Verdict

_NAME = r"[^\W\d_]+"
_ROLE = r"knight|knave"
_CONNECTOR = r"(?:\s*(?::|=|-|\u2013|\u2014|->|\u2192)\s*|\s+is\s+an?\s+|\s+is\s+)"
_FORMAT = "expected every inhabitant with a role, as 'Name: knight, Name: knave, ...'"


def _holds(node: dict[str, Any], roles: list[bool]) -> bool:
    """The truth of a statement tree when ``roles[i]`` says whether person i is a knight."""
    op = node["op"]
    if op == "knight":
        return roles[node["person"]]
    if op == "knave":
        return not roles[node["person"]]
    if op == "not":
        return not _holds(node["arg"], roles)
    if op in ("exactly", "at_least", "at_most"):
        hits = sum(roles[p] == (node["role"] == "knight") for p in node["people"])
        k = node["count"]
        return hits == k if op == "exactly" else hits >= k if op == "at_least" else hits <= k
    values = [_holds(arg, roles) for arg in node["args"]]
    if op == "and":
        return all(values)
    if op == "or":
        return any(values)
    if op == "implies":
        return not values[0] or values[1]
    return values[0] == values[1]  # iff


def _roles(data: dict[str, Any], answer: str) -> dict[str, str] | Verdict:
    """The answer as {name: role} over the puzzle's names, or the verdict that rejects it."""
    pairs = parse_pairs(answer, _NAME, _ROLE, connector=_CONNECTOR, max_pairs=len(data["names"]) + 8)
    if not pairs:
        return Verdict.unparsable(_FORMAT)
    canonical = {name.casefold(): name for name in data["names"]}
    roles: dict[str, str] = {}
    for raw_name, role in pairs:
        name = canonical.get(raw_name.casefold())
        if name is None:
            return Verdict.unparsable(f"{raw_name!r} is not one of the inhabitants")
        if name in roles:
            return Verdict.unparsable(f"{name} is named more than once")
        roles[name] = role.casefold()
    missing = [name for name in data["names"] if name not in roles]
    if missing:
        return Verdict.wrong(f"no role given for {', '.join(missing)}: name every inhabitant")
    return roles


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_PAIRS_CHARS:
        return Verdict.unparsable(f"{_FORMAT}; found {len(answer)} characters")
    roles = _roles(data, answer)
    if isinstance(roles, Verdict):
        return roles
    if roles == data["solution"]:
        return Verdict.right()
    knights = [roles[name] == "knight" for name in data["names"]]
    for speaker, statement in enumerate(data["statements"]):
        if _holds(statement, knights) != knights[speaker]:
            name, role = data["names"][speaker], roles[data["names"][speaker]]
            truth = "false" if knights[speaker] else "true"
            return Verdict.wrong(f"with these roles {name}'s statement is {truth}, so {name} cannot be a {role}")
    return Verdict.wrong("these roles are not the consistent assignment")  # unreachable: it is unique


# -- audit hooks -----------------------------------------------------------------------------

def _render(roles: dict[str, str], names: list[str], sep: str = ", ", link: str = ": ") -> str:
    return sep.join(f"{name}{link}{roles[name]}" for name in names)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    names, roles = data["names"], data["solution"]
    sentence = [f"{name} is a {roles[name]}" for name in names]
    return [
        _render(roles, names[::-1]),
        _render(roles, sorted(names)),
        _render(roles, names, "; "),
        _render(roles, names, "\n"),
        _render(roles, names, ", ", " = "),
        _render(roles, names, "\n", " - "),
        ", ".join(sentence),
        ", ".join(sentence[:-1]) + " and " + sentence[-1] + ".",
        ". ".join(sentence) + ".",
        reference.upper(),
        reference.lower(),
        "\n".join(f"- **{name}**: {roles[name].capitalize()}" for name in names),
        f"{reference}.",
        f"[{reference}]",
    ]


def _flipped(roles: dict[str, str], name: str) -> dict[str, str]:
    return {**roles, name: "knave" if roles[name] == "knight" else "knight"}


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    names, roles = data["names"], data["solution"]
    misses = [_render(_flipped(roles, name), names) for name in names[:4]]  # one role flipped
    misses += [
        _render({name: "knight" for name in names}, names),
        _render({name: "knave" for name in names}, names),
        _render({name: "knave" if roles[name] == "knight" else "knight" for name in names}, names),
        _render(roles, names[:-1]),  # someone missing
        _render(roles, names) + f", {names[0]}: {_flipped(roles, names[0])[names[0]]}",  # twice
        _render(roles, names) + ", Xerxes: knight",  # a stranger
        reference.replace(f"{names[0]}: {roles[names[0]]}", f"{names[0]}: knight or knave"),  # a hedge
        ", ".join(names),
        ", ".join(sorted({"knight", "knave"} if len(set(roles.values())) > 1 else set(roles.values()))),
    ]
    return [miss for miss in misses if miss != reference]
