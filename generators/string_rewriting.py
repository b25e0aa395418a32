"""String rewriting: apply ordered rewrite rules to a string until none applies.

Description:
    A string over a small alphabet and an ordered list of rules "left -> right" are given. The
    strategy is fixed and deterministic: at each step, take the first rule in the list whose
    left side occurs in the current string and replace the leftmost occurrence of that left side
    with the rule's right side; stop when no left side occurs. No rule makes the string longer
    and the rewriting is simulated at generation: an instance is kept only when it stops within
    a step bound (so it never cycles), takes at least ``min_steps`` steps, uses at least two
    different rules, and ends on a string of at least two letters (never the input, never empty).
    The result is therefore unique, and so is the number of steps.
Difficulty:
    length: length of the starting string (5 at level 1, 30 at level 10).
    rules: number of rules (2 at level 1, 8 at level 10); rules have left sides of 1 to 3
        letters and right sides no longer than their left sides (some delete the match).
    alphabet: number of letters, from a (2 at level 1: a, b; 6 at level 10: a to f).
    min_steps: fewest rewriting steps an instance may take (2 at level 1, 16 at level 10).
    ask_steps: whether the number of steps must be given too (levels 6-10).
Prompt:
    "Start from the string abba and apply these rules ... 1. ab -> b  2. ba -> (nothing) ... At
    each step, find the first rule in the list whose left side occurs ... What is the final
    string?" (and "how many steps were applied?" when ask_steps is on).
Answer format:
    The final string, e.g. ``bca`` (case and surrounding quotes do not matter); with ask_steps,
    the final string then the number of steps, e.g. ``bca, 7`` (labels as in
    ``final: bca, steps: 7`` are read too).
Verification:
    The string must equal the unique final string (and the count the number of steps applied).
    The reason for a wrong string says whether a rule still applies to it. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

LETTERS = "abcdef"
MIN_LENGTH, MAX_LENGTH = 3, 40
MIN_RULES, MAX_RULES = 2, 10
_MAX_ATTEMPTS = 2000
# (left length, right length) of a rule, with weights: mostly shrinking rules, some reordering
# ones (which need the step bound), a few deletions.
_SHAPES = ((2, 1), (2, 1), (2, 1), (2, 2), (2, 2), (3, 1), (3, 2), (3, 2), (1, 1), (2, 0), (3, 0))


def step(text: str, rules: list[list[str]]) -> tuple[str, int] | None:
    """The string after one step and the 0-based index of the rule applied, or None at a fixpoint."""
    for index, (left, right) in enumerate(rules):
        at = text.find(left)
        if at >= 0:
            return text[:at] + right + text[at + len(left):], index
    return None


def rewrite(text: str, rules: list[list[str]], max_steps: int) -> list[tuple[str, int]] | None:
    """Every (string, rule index) of the run, starting string with index -1; None past max_steps."""
    trace = [(text, -1)]
    for _ in range(max_steps + 1):
        after = step(trace[-1][0], rules)
        if after is None:
            return trace
        trace.append(after)
    return None


def step_bound(length: int) -> int:
    """The most steps an instance may take: enough to be interesting, few enough to do by hand."""
    return 2 * length + 10


def _random_rules(rng: random.Random, count: int, letters: str) -> list[list[str]]:
    rules: list[list[str]] = []
    while len(rules) < count:
        left_size, right_size = rng.choice(_SHAPES)
        left = "".join(rng.choice(letters) for _ in range(left_size))
        right = "".join(rng.choice(letters) for _ in range(right_size))
        if left != right and all(left != other for other, _ in rules):
            rules.append([left, right])
    return rules


def render_rule(number: int, left: str, right: str) -> str:
    return f"{number}. {left} -> {right if right else '(nothing)'}"


def _question(data: dict) -> str:
    rules = "\n".join(render_rule(i, left, right) for i, (left, right) in enumerate(data["rules"], start=1))
    ask = ("What is the final string, and how many steps (rule applications) were made in all? "
           "Answer with the final string, a comma, then the number of steps, e.g. abc, 7."
           if data["ask_steps"] else "What is the final string? Answer with the string only, e.g. abc.")
    return (
        f"Start from the string {data['start']} and rewrite it with these rules, in this order:\n\n"
        f"{rules}\n\n"
        "At each step, find the first rule in the list whose left side occurs somewhere in the "
        "current string, and replace the leftmost occurrence of that left side with the rule's "
        "right side (a right side of (nothing) deletes the matched letters). Repeat until no "
        f"rule's left side occurs in the string; the process always stops.\n\n{ask}"
    )


def _check_knobs(length: int, rules: int, alphabet: int, min_steps: int) -> None:
    checks = (("length", length, MIN_LENGTH, MAX_LENGTH), ("rules", rules, MIN_RULES, MAX_RULES),
              ("alphabet", alphabet, 2, len(LETTERS)), ("min_steps", min_steps, 1, length))
    for name, value, low, high in checks:
        if not low <= value <= high:
            raise InvalidParameterError(
                f"string_rewriting: expected {name} between {low} and {high}, found {value}")


def generate(rng: random.Random, *, length: int, rules: int, alphabet: int, min_steps: int,
             ask_steps: bool) -> Problem:
    _check_knobs(length, rules, alphabet, min_steps)
    letters = LETTERS[:alphabet]
    for _ in range(_MAX_ATTEMPTS):
        rule_list = _random_rules(rng, rules, letters)
        start = "".join(rng.choice(letters) for _ in range(length))
        trace = rewrite(start, rule_list, step_bound(length))
        if trace is None or len(trace) - 1 < min_steps:
            continue
        final = trace[-1][0]
        if len(final) < 2 or final == start or len({index for _, index in trace[1:]}) < 2:
            continue
        steps = len(trace) - 1
        data = {"start": start, "rules": rule_list, "ask_steps": ask_steps, "final": final, "steps": steps}
        reference = f"{final}, {steps}" if ask_steps else final
        return Problem(question=_question(data), data=data, reference=reference)
    raise GenerationError(f"string_rewriting: no run of at least {min_steps} steps in {_MAX_ATTEMPTS} attempts")
