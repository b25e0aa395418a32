"""Focused tests for mastermind: peg scoring, the target bound, and scripted play through step()."""

import copy
import itertools
import random
import re
from collections import Counter

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("mastermind")
RULES = TASK.verifier


def pegs(guess: str, secret: str) -> tuple[int, int]:
    """An independent scorer: black by position, white from multiset intersection."""
    black = sum(a == b for a, b in zip(guess, secret, strict=True))
    common = sum((Counter(guess) & Counter(secret)).values())
    return black, common - black


def codes(length, colors, repeats):
    digits = "123456789"[:colors]
    pool = itertools.product(digits, repeat=length) if repeats else itertools.permutations(digits, length)
    return sorted("".join(code) for code in pool)


def consistent_player(data, secret_for_replies=None):
    """Plays the first code consistent with the observations so far; reads the replies from step()."""
    candidates = codes(data["length"], data["colors"], data["repeats"])
    state = RULES.initial_state(data)
    while True:
        guess = candidates[0]
        feedback = RULES.step(data, state, guess)
        state = feedback.state
        if feedback.done:
            return feedback
        black, white = map(int, re.search(r"(\d+) black, (\d+) white", feedback.observation).groups())
        candidates = [code for code in candidates if pegs(guess, code) == (black, white)]


def _data(secret="1123", colors=6, repeats=True, target=5, extra=2):
    return {"length": len(secret), "colors": colors, "repeats": repeats, "secret": secret,
            "target_turns": target, "max_turns": target + extra}


def test_peg_scoring_hand_cases():
    cases = {("1123", "1123"): (4, 0), ("1123", "3211"): (0, 4), ("1111", "1123"): (2, 0),
             ("2211", "1123"): (0, 3), ("4456", "1123"): (0, 0), ("1213", "1123"): (2, 2),
             ("3333", "1123"): (1, 0), ("1312", "1123"): (1, 3)}
    for (guess, secret), expected in cases.items():
        assert RULES.score(guess, secret) == expected == pegs(guess, secret)


def test_peg_scoring_matches_brute_force():
    rng = random.Random(1)
    for _ in range(3000):
        length, colors = rng.randint(3, 5), rng.randint(3, 9)
        guess, secret = ("".join(rng.choice("123456789"[:colors]) for _ in range(length)) for _ in range(2))
        assert RULES.score(guess, secret) == pegs(guess, secret)


@pytest.mark.parametrize("config", [(3, 4, True), (4, 5, False), (3, 6, True), (4, 6, False)])
def test_target_is_the_worst_case_of_the_consistent_strategy(config):
    """Brute force: simulate the strategy on every secret; the worst case is the stated target."""
    length, colors, repeats = config
    everything = codes(length, colors, repeats)
    worst = 0
    for secret in everything:
        candidates, turns = everything, 0
        while True:
            guess, turns = candidates[0], turns + 1
            if guess == secret:
                break
            reply = pegs(guess, secret)
            candidates = [code for code in candidates if pegs(guess, code) == reply]
        worst = max(worst, turns)
    data = TASK.generate(0, 1, length=length, colors=colors, repeats=repeats).data
    assert data["target_turns"] == worst


@pytest.mark.parametrize("level", [1, 5, 10])
def test_scripted_consistent_player_solves_within_the_target(level):
    for seed in range(4 if level == 10 else 20):
        instance = TASK.generate(seed, level)
        feedback = consistent_player(instance.data)
        assert feedback.verdict.correct, feedback.observation
        # the reference is exactly this strategy's transcript
        assert feedback.state["turns"] == len(instance.reference.split())


def test_secret_obeys_the_knobs_and_never_leaks():
    for level in range(1, 11):
        params = TASK.params(level)
        for seed in range(5):
            instance = TASK.generate(seed, level)
            secret = instance.data["secret"]
            assert len(secret) == params["length"]
            assert set(secret) <= set("123456789"[:params["colors"]])
            if not params["repeats"]:
                assert len(set(secret)) == len(secret)
            assert instance.data["max_turns"] == instance.data["target_turns"] + params["extra_turns"]
            feedback = RULES.step(instance.data, RULES.initial_state(instance.data), "1" * params["length"])
            assert secret not in feedback.observation or secret == "1" * params["length"]


def test_hand_written_game_and_verdicts():
    data = _data()  # secret 1123, target 5, limit 7
    assert TASK.verify(data, "1123").correct
    assert TASK.verify(data, "1 1 2 3").correct and TASK.verify(data, "[1, 1, 2, 3]").correct
    assert TASK.verify(data, "3211\n1123").correct
    slow = TASK.verify(data, "\n".join(["4444"] * 5 + ["1123"]))
    assert slow.status is Status.PARTIAL and slow.score == pytest.approx(5 / 6)
    assert TASK.verify(data, "\n".join(["4444"] * 7)).status is Status.WRONG
    assert TASK.verify(data, "\n".join(["4444"] * 7 + ["1123"])).status is Status.WRONG
    assert TASK.verify(data, "3211").status is Status.WRONG
    feedback = RULES.step(data, RULES.initial_state(data), "1213")
    assert "2 black, 2 white" in feedback.observation and feedback.legal and not feedback.done


def test_guesses_may_repeat_colours_even_without_repeats():
    data = _data(secret="1234", repeats=False)
    feedback = RULES.step(data, RULES.initial_state(data), "1111")
    assert feedback.legal and "1 black, 0 white" in feedback.observation


def test_illegal_moves_waste_a_turn_and_leave_the_state_unchanged():
    data = _data()
    state = RULES.initial_state(data)
    for move in ["112", "11234", "1170", "0123", "abcd", "", "1123 or 1124", "1.1.2.3", "x" * 5000, "١١٢٣"]:
        feedback = RULES.step(data, state, move)
        assert not feedback.legal and not feedback.done
        assert feedback.state == {**state, "turns": state["turns"] + 1}
        assert "Illegal guess" in feedback.observation and "4 digits, each from 1 to 6" in feedback.observation


def test_junk_actions_end_the_episode_by_the_turn_limit():
    data = TASK.generate(2, 5).data
    rng = random.Random(3)
    state = RULES.initial_state(data)
    for turn in range(1, data["max_turns"] + 1):
        move = "".join(rng.choice("0123456789 ,[]ab\n") for _ in range(rng.randint(0, 9)))
        if RULES.parse_code(move, data["length"], data["colors"]) == data["secret"]:
            move = "junk"
        feedback = RULES.step(data, state, move)
        state = feedback.state
        assert state["turns"] == turn and feedback.done == (turn == data["max_turns"])
    assert feedback.verdict.status is Status.WRONG


def test_step_never_mutates_its_inputs():
    data = TASK.generate(5, 3).data
    state = RULES.initial_state(data)
    for move in ["1234", "junk", data["secret"], "1111"]:
        before_data, before_state = copy.deepcopy(data), copy.deepcopy(state)
        feedback = RULES.step(data, state, move)
        assert data == before_data and state == before_state
        state = feedback.state


def test_levels_change_the_code_space():
    first, last = TASK.generate(0, 1).data, TASK.generate(0, 10).data
    assert (first["length"], first["colors"]) == (3, 4) and (last["length"], last["colors"]) == (5, 8)
    assert last["target_turns"] > first["target_turns"]
    assert last["max_turns"] == last["target_turns"]


def test_impossible_configuration_is_a_clear_error():
    with pytest.raises(bootcamps.errors.GenerationError, match="colors >= length"):
        TASK.generate(0, 1, length=5, colors=4, repeats=False)
