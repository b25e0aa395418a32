"""Focused tests for guess_number: the rules, the optimal bound, and scripted play through step()."""

import copy
import math
import random
import re

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("guess_number")
RULES = TASK.verifier


def _data(low=10, high=19, secret=17, extra=2):
    optimal = math.ceil(math.log2(high - low + 2))
    return {"low": low, "high": high, "secret": secret, "optimal_turns": optimal, "max_turns": optimal + extra}


def _play(data, moves):
    """Feed moves through step() one by one; returns the list of Feedback objects."""
    state, feedbacks = RULES.initial_state(data), []
    for move in moves:
        feedback = RULES.step(data, state, move)
        feedbacks.append(feedback)
        state = feedback.state
        if feedback.done:
            break
    return feedbacks


def _bisect_player(data, instance_prompt=None):
    """A player that reads only the observations ("Higher"/"Lower") and bisects its own interval."""
    low, high = data["low"], data["high"]
    if instance_prompt is not None:  # read the bounds from the prompt, as a model would
        low, high = map(int, re.search(r"between (-?\d+) and (-?\d+)", instance_prompt).groups())
    state = RULES.initial_state(data)
    while True:
        guess = (low + high) // 2
        feedback = RULES.step(data, state, str(guess))
        state = feedback.state
        if feedback.done:
            return feedback
        if feedback.observation.startswith("Higher"):
            low = guess + 1
        else:
            assert feedback.observation.startswith("Lower")
            high = guess - 1


def test_optimal_bound_is_the_binary_search_worst_case():
    from bootcamps.generators.guess_number import binary_search, optimal_turns

    for size in range(1, 130):
        worst = max(len(binary_search(1, size, secret)) for secret in range(1, size + 1))
        assert worst == optimal_turns(size) == math.ceil(math.log2(size + 1))


@pytest.mark.parametrize("level", [1, 5, 10])
def test_scripted_player_solves_within_the_optimum(level):
    for seed in range(30):
        instance = TASK.generate(seed, level)
        feedback = _bisect_player(instance.data, instance.prompt)
        assert feedback.verdict.correct, feedback.observation
        assert feedback.state["turns"] <= instance.data["optimal_turns"]


def test_reference_is_binary_search_and_secret_in_range():
    for level in range(1, 11):
        for seed in range(10):
            data = TASK.generate(seed, level).data
            assert data["low"] <= data["secret"] <= data["high"]
            assert data["secret"] not in (-1, 0, 1)
            assert data["max_turns"] - data["optimal_turns"] == TASK.params(level)["extra_turns"]


def test_hand_written_game_feedback_and_verdicts():
    data = _data()  # 10..19, secret 17, optimal 4, limit 6
    feedbacks = _play(data, ["14", "17"])
    assert feedbacks[0].observation.startswith("Higher") and not feedbacks[0].done
    assert "17" not in feedbacks[0].observation  # never leaks the secret
    assert feedbacks[1].done and feedbacks[1].verdict.correct
    assert TASK.verify(data, "14\n17").correct
    assert TASK.verify(data, "19\n18\n17").correct  # lucky-ish but within the optimum of 4
    slow = TASK.verify(data, "10\n11\n12\n13\n17")  # 5 guesses: solved, not optimal
    assert slow.status is Status.PARTIAL and slow.score == pytest.approx(4 / 5)
    assert TASK.verify(data, "10\n11\n12\n13\n14\n15").status is Status.WRONG  # out of turns
    assert TASK.verify(data, "10\n11\n12\n13\n14\n15\n17").status is Status.WRONG  # goes on after the end
    assert TASK.verify(data, "14").status is Status.WRONG  # stops before the end
    assert TASK.verify(data, "").status is Status.UNPARSABLE


def test_illegal_moves_waste_a_turn_and_leave_the_state_unchanged():
    data = _data()
    state = RULES.initial_state(data)
    for move in ["abc", "9", "20", "14.5", "14 or 15", "", "1e1", "x" * 10_000]:
        feedback = RULES.step(data, state, move)
        assert not feedback.legal and not feedback.done
        assert feedback.state == {**state, "turns": state["turns"] + 1}
        assert "Illegal guess" in feedback.observation and "between 10 and 19" in feedback.observation
    assert TASK.verify(data, "9\n14\n17").correct  # one wasted turn: 3 guesses <= 4
    assert TASK.verify(data, "9\n20\n10\n14\n17").status is Status.PARTIAL


def test_junk_actions_end_the_episode_by_the_turn_limit():
    data = TASK.generate(3, 5).data
    rng = random.Random(0)
    alphabet = "0123456789 -+,.abcxyz\n\u2212\u00bd"
    state = RULES.initial_state(data)
    for turn in range(1, data["max_turns"] + 1):
        move = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if move.strip().lstrip("+").isdigit() and int(move.strip()) == data["secret"]:
            move = "junk"
        feedback = RULES.step(data, state, move)
        state = feedback.state
        assert state["turns"] == turn
        assert feedback.done == (turn == data["max_turns"])
    assert feedback.verdict.status is Status.WRONG and feedback.verdict.score == 0
    again = RULES.step(data, state, str(data["secret"]))  # after the end nothing changes
    assert again.done and not again.verdict.correct and again.state == state


def test_step_never_mutates_its_inputs():
    data = TASK.generate(5, 3).data
    state = RULES.initial_state(data)
    for move in ["50", "junk", str(data["secret"]), "7"]:
        before_data, before_state = copy.deepcopy(data), copy.deepcopy(state)
        feedback = RULES.step(data, state, move)
        assert data == before_data and state == before_state
        assert feedback.state is not state
        state = feedback.state


def test_levels_change_range_and_turn_budget():
    ranges = [TASK.generate(0, level).data for level in range(1, 11)]
    sizes = [data["high"] - data["low"] + 1 for data in ranges]
    assert sizes == sorted(sizes) and sizes[0] == 10 and sizes[-1] == 10**9
    assert ranges[-1]["max_turns"] == ranges[-1]["optimal_turns"] == 30
    assert ranges[0]["max_turns"] == ranges[0]["optimal_turns"] + 6
