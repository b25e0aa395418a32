"""Focused tests for string_rewriting-v1: final strings and step counts checked by an independent simulator."""

import random

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators import string_rewriting as family
from bootcamps.types import Status

TASK = bootcamps.get_task("string_rewriting")


def simulate(start: str, rules: list[list[str]], limit: int = 10_000) -> tuple[str, int]:
    """Final string and step count, scanning positions by hand; shares no code with the family."""
    text, steps = start, 0
    while steps <= limit:
        for left, right in rules:
            positions = [i for i in range(len(text) - len(left) + 1) if text[i:i + len(left)] == left]
            if positions:
                i = positions[0]
                text = text[:i] + right + text[i + len(left):]
                steps += 1
                break
        else:
            return text, steps
    raise AssertionError("did not stop")


@pytest.mark.parametrize("level", range(1, 11))
def test_final_string_and_steps_match_an_independent_simulation(level):
    params = TASK.params(level)
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        final, steps = simulate(data["start"], data["rules"])
        assert (final, steps) == (data["final"], data["steps"])
        assert steps >= params["min_steps"] and final != data["start"] and len(final) >= 2
        assert len(data["start"]) == params["length"] and len(data["rules"]) == params["rules"]
        assert all(len(right) <= len(left) for left, right in data["rules"])
        assert set(data["start"]) <= set("abcdef"[:params["alphabet"]])
        assert instance.reference == (f"{final}, {steps}" if params["ask_steps"] else final)


def test_levels_grow():
    table = [TASK.params(level) for level in range(1, 11)]
    for knob in ("length", "rules", "alphabet", "min_steps"):
        values = [p[knob] for p in table]
        assert values == sorted(values) and values[0] < values[-1], knob
    assert not table[0]["ask_steps"] and table[-1]["ask_steps"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, alphabet=7)
    with pytest.raises(InvalidParameterError, match="min_steps"):
        family.generate(random.Random(0), length=5, rules=2, alphabet=2, min_steps=6, ask_steps=False)


# caabbc: rule 1 twice (caabbc -> cabbc -> cbbc), then rule 2 (cbbc -> ccc): 3 steps.
# Taking rule 2 first would stop at caacc; the rightmost "ab" first gives the same here.
DATA = {"start": "caabbc", "rules": [["ab", "b"], ["bb", "c"]], "ask_steps": False, "final": "ccc", "steps": 3}


def test_hand_written_instance():
    assert simulate(DATA["start"], DATA["rules"]) == ("ccc", 3)
    for answer in ["ccc", "CCC", '"ccc"', "ccc.", "final: ccc", "`ccc`"]:
        assert TASK.verify(DATA, answer).correct, answer
    cases = {
        "cbbc": (Status.WRONG, "rule 2 still applies"),
        "caabbc": (Status.WRONG, "rule 1 still applies"),
        "caacc": (Status.WRONG, "not where the rewriting stops"),
        "cc": (Status.WRONG, "not where the rewriting stops"),
        "ccc, 3": (Status.UNPARSABLE, ""),
        "ccc or cbbc": (Status.UNPARSABLE, ""),
        "c c c": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(DATA, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_steps_checked_when_asked():
    data = dict(DATA, ask_steps=True)
    for answer in ["ccc, 3", "ccc; 3", "ccc 3", "final: ccc, steps: 3", "CCC, 3 steps"]:
        assert TASK.verify(data, answer).correct, answer
    assert "number of steps is wrong" in TASK.verify(data, "ccc, 4").reason
    assert TASK.verify(data, "ccc").status is Status.UNPARSABLE
    assert "rule 2 still applies" in TASK.verify(data, "cbbc, 2").reason


def test_leftmost_occurrence_and_rule_order_matter():
    cases = [
        ("aaa", [["aa", "b"], ["ab", "c"]], "ba", 1),  # leftmost aa; the rightmost would give ab -> c
        ("aab", [["ab", "b"], ["aa", "c"]], "b", 2),  # aab -> ab -> b
        ("aab", [["aa", "c"], ["ab", "b"]], "cb", 1),  # the first rule in the list wins
    ]
    for start, rules, final, steps in cases:
        assert simulate(start, rules) == (final, steps)
        trace = family.rewrite(start, rules, 10)
        assert (trace[-1][0], len(trace) - 1) == (final, steps)
        data = {"start": start, "rules": rules, "ask_steps": True, "final": final, "steps": steps}
        assert TASK.verify(data, f"{final}, {steps}").correct
