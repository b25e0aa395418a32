"""Verifier for water_jugs: the actions, simulated from empty jugs, meet the goal within the budget."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.moves import split_steps
from bootcamps.types import Verdict

_FORMAT = "expected one action per line: fill i, empty i or pour i j (jug numbers), e.g. pour 1 2"
_PUNCTUATION = re.compile(r"-+>|=>|\u2192|[(),:]")
_FILLERS = frozenset(("jug", "from", "to", "into", "the", "onto", "in"))
_ARITY = {"fill": 1, "empty": 1, "pour": 2}


def parse_actions(answer: str, budget: int) -> list[tuple[str, list[int]]] | str:
    """(verb, 1-based jug numbers) per action, or why the answer cannot be read."""
    limit = budget + 100
    steps = split_steps(answer, max_steps=limit, max_chars=40 * limit)
    if steps is None:
        return f"the answer is too long; {_FORMAT}"
    parsed = []
    for index, step in enumerate(steps, start=1):
        words = [w for w in _PUNCTUATION.sub(" ", step.lower()).split() if w not in _FILLERS]
        verb, numbers = (words[0], words[1:]) if words else ("", [])
        if verb not in _ARITY or len(numbers) != _ARITY[verb] or not all(n.isdigit() and len(n) <= 3
                                                                         for n in numbers):
            return f"action {index} ({step[:30]!r}) is not an action; {_FORMAT}"
        parsed.append((verb, [int(n) for n in numbers]))
    return parsed


def simulate(data: dict[str, Any], parsed: list[tuple[str, list[int]]]) -> list[int] | str:
    """The jugs' contents after the actions, or the first action that names no valid jug."""
    capacities = data["capacities"]
    jugs = [0] * len(capacities)
    for index, (verb, numbers) in enumerate(parsed, start=1):
        if any(not 1 <= n <= len(jugs) for n in numbers):
            return f"action {index} names a jug that does not exist; the jugs are 1 to {len(jugs)}"
        i = numbers[0] - 1
        if verb == "fill":
            jugs[i] = capacities[i]
        elif verb == "empty":
            jugs[i] = 0
        else:
            j = numbers[1] - 1
            if i == j:
                return f"action {index} pours jug {i + 1} into itself"
            amount = min(jugs[i], capacities[j] - jugs[j])
            jugs[i] -= amount
            jugs[j] += amount
    return jugs


def verify(data: dict[str, Any], answer: str) -> Verdict:
    parsed = parse_actions(answer, data["budget"])
    if isinstance(parsed, str):
        return Verdict.unparsable(parsed)
    jugs = simulate(data, parsed)
    if isinstance(jugs, str):
        return Verdict.wrong(jugs)
    target = data["target"]
    if data["goal"] == "total" and sum(jugs) != target:
        return Verdict.wrong(f"after the last action the jugs hold {sum(jugs)} litres in total, not {target}")
    if data["goal"] == "jug" and target not in jugs:
        contents = ", ".join(map(str, jugs))
        return Verdict.wrong(f"after the last action the jugs hold {contents} litres: none holds {target}")
    if len(parsed) > data["budget"]:
        return Verdict.wrong(f"the goal is met but with {len(parsed)} actions; at most {data['budget']} are allowed")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _steps(reference: str) -> list[list[str]]:
    return [line.split() for line in reference.splitlines()]


def _render(steps: list[list[str]], sep: str = "\n") -> str:
    return sep.join(" ".join(step) for step in steps)


def _other_optimal_plan(data: dict[str, Any], reference: str) -> str | None:
    """An optimal plan found with the actions tried in reverse order, when it differs."""
    from collections import deque

    from bootcamps.generators.water_jugs import actions, apply, goal_amounts, render

    capacities, goal, target = data["capacities"], data["goal"], data["target"]
    start = (0,) * len(capacities)
    plans = {start: []}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if target in goal_amounts(state, goal):
            text = "\n".join(render(action) for action in plans[state])
            return text if text != reference else None
        for action in reversed(actions(len(capacities))):
            after = apply(state, action, capacities)
            if after not in plans:
                plans[after] = [*plans[state], action]
                queue.append(after)
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    steps = _steps(reference)
    wordy = [[s[0], "jug", s[1], *(["into jug", s[2]] if len(s) == 3 else [])] for s in steps]
    called = [f"{s[0]}({', '.join(s[1:])})" for s in steps]
    forms = [
        _render(steps, ", "),
        _render(steps, "; "),
        _render(wordy),
        ", ".join(called),
        reference.upper(),
        "\n".join(f"{i}. {' '.join(s)}" for i, s in enumerate(steps, start=1)),
        "\n".join(" ".join(s) if len(s) == 2 else f"pour {s[1]} -> {s[2]}" for s in steps),
    ]
    if data["budget"] - data["optimum"] >= 2:  # a wasted fill-and-empty still fits the budget
        forms.append(_render([["fill", "1"], ["empty", "1"], *steps]))
    other = _other_optimal_plan(data, reference)
    if other is not None:
        forms.append(other)
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    steps = _steps(reference)
    count = len(data["capacities"])
    waste = (data["budget"] - data["optimum"]) // 2 + 1
    swapped = [[s[0], s[2], s[1]] if len(s) == 3 else s for s in steps]
    last = steps[-1]
    changed = ["empty" if last[0] == "fill" else "fill", last[1]] if len(last) == 2 else [last[0], last[2], last[1]]
    misses = [
        _render(steps[:-1]),
        _render([["fill", "1"], ["empty", "1"]] * waste + steps),  # meets the goal, over budget
        _render(swapped),
        _render([*steps[:-1], changed]),
        _render([["fill", str(count + 1)], *steps]),
        _render([*steps, ["pour", "1", "1"]]),
        f"{_render(steps, ', ')} or {_render(steps[:-1], ', ')}",
        str(data["target"]),
        ", ".join(map(str, data["capacities"])),
        "\n".join(f"fill {i}" for i in range(1, count + 1)),
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
