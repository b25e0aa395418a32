"""bootcamps.rewards: shaping policy, rows, batch scoring with time budgets."""

import os
import time

import pytest

import bootcamps
from bootcamps import rewards
from bootcamps.rewards import RewardPolicy, ScoringPool

TASK = bootcamps.get_task("basic_arithmetic")


def good(instance):
    return f"<think>work</think><answer>{instance.reference}</answer>"


@pytest.fixture(scope="module")
def instances():
    return [TASK.generate(seed, 4) for seed in range(12)]


def test_default_policy_is_one_for_correct_zero_otherwise(instances):
    instance = instances[0]
    assert rewards.score(instance, good(instance)) == 1.0
    assert rewards.score(instance, "<answer>nonsense</answer>") == 0.0
    assert rewards.score(instance, "") == 0.0


def test_format_reward_and_length_penalty(instances):
    instance = instances[0]
    policy = RewardPolicy(format_reward=0.1, length_penalty=0.5, length_budget=100)
    assert rewards.score(instance, good(instance), policy) == pytest.approx(1.1)
    assert rewards.score(instance, "<answer>wrong</answer>", policy) == pytest.approx(0.1)
    assert rewards.score(instance, f"\\boxed{{{instance.reference}}}", policy) == pytest.approx(1.0)  # no tag
    long = good(instance) + " " * (2100 - len(good(instance)))
    assert rewards.score(instance, long, policy) == pytest.approx(1.1 - 0.5 * 2.0)


def test_partial_credit_only_when_asked_and_offered():
    partial = bootcamps.Verdict.partial(0.5, "half")
    wrong = bootcamps.Verdict.wrong("no")
    assert RewardPolicy().reward(partial, "") == 0.0
    assert RewardPolicy(partial_credit=True).reward(partial, "") == 0.5
    assert RewardPolicy(partial_credit=True).reward(wrong, "") == 0.0


@pytest.mark.parametrize("fields, message", [
    ({"format_reward": "x"}, "format_reward expected a number"),
    ({"length_budget": -1}, "length_budget expected an int >= 0"),
    ({"extraction": "loose"}, "extraction expected 'strict' or 'lenient'"),
])
def test_bad_policy_is_our_error(fields, message):
    with pytest.raises(bootcamps.InvalidParameterError, match=message):
        RewardPolicy(**fields)


def test_rows_carry_everything_needed(instances):
    row = rewards.to_row(instances[1], system_prompt="Be brief.")
    assert row["prompt"][0] == {"role": "system", "content": "Be brief."}
    assert row["prompt"][-1]["content"] == instances[1].prompt
    assert rewards.row_instance(row) == instances[1]
    assert rewards.score(row, good(instances[1])) == 1.0
    assert rewards.score(instances[1].to_json(), good(instances[1])) == 1.0


@pytest.mark.parametrize("row", [
    {}, {"instance": "{broken"}, {"instance": 5}, "not json", None, 42,
    {"task": "sudoku-v1", "instance": TASK.generate(0).to_json()},
])
def test_unreadable_rows_score_zero_with_an_error_verdict(row):
    scored = rewards.score_one(row, "<answer>1</answer>")
    assert scored.reward == 0.0 and scored.verdict.status is bootcamps.Status.ERROR


def test_batch_matches_single_scoring(instances):
    rows = [rewards.to_row(instance) for instance in instances for _ in range(4)]
    responses = [good(bootcamps.Instance.from_json(row["instance"])) if i % 3 else "<answer>0</answer>"
                 for i, row in enumerate(rows)]
    expected = [rewards.score(row, response) for row, response in zip(rows, responses, strict=True)]
    assert rewards.score_batch(rows, responses, workers=2) == expected
    assert rewards.score_batch(rows, responses, workers=0) == expected
    details = rewards.score_batch(rows, responses, workers=2, details=True)
    assert [item.reward for item in details] == expected


def test_batch_never_raises_on_junk(instances):
    rows = [rewards.to_row(instances[0]), {"instance": "{"}, None, rewards.to_row(instances[1])]
    responses = ["<answer>" * 10_000, "x", None, b"bytes"]
    assert rewards.score_batch(rows, responses, workers=2) == [0.0, 0.0, 0.0, 0.0]


def test_bad_batch_arguments_are_our_errors(instances):
    row = rewards.to_row(instances[0])
    with pytest.raises(bootcamps.InvalidParameterError, match="as many responses as rows"):
        rewards.score_batch([row], ["a", "b"])
    with pytest.raises(bootcamps.InvalidParameterError, match="timeout expected a positive number"):
        rewards.score_batch([row], ["a"], timeout=0)
    with pytest.raises(bootcamps.InvalidParameterError, match="workers expected an int >= 1"):
        ScoringPool(workers=-1)


def _hanging_verify(real):
    def verify(data, answer):
        if answer == "HANG":
            time.sleep(60)
        if answer == "DIE":
            os._exit(3)
        return real(data, answer)
    return verify


def test_an_item_over_budget_times_out_and_its_worker_is_replaced(monkeypatch, instances):
    module = TASK.verifier
    monkeypatch.setattr(module, "verify", _hanging_verify(module.verify))
    # the pool forks after the patch, so its workers carry the hanging verifier
    with ScoringPool(workers=2) as pool:
        rows = [rewards.to_row(instance) for instance in instances]
        responses = [good(instance) for instance in instances]
        responses[3] = "<answer>HANG</answer>"
        start = time.monotonic()
        results = pool.score(rows, responses, timeout=0.5)
        assert time.monotonic() - start < 10
        assert results[3].verdict.status is bootcamps.Status.TIMEOUT and results[3].reward == 0.0
        assert all(item.reward == 1.0 for i, item in enumerate(results) if i != 3)
        assert pool.replaced == 1
        again = pool.score(rows, [good(instance) for instance in instances], timeout=0.5)
        assert all(item.reward == 1.0 for item in again)


def test_a_dying_worker_costs_one_item_only(monkeypatch, instances):
    module = TASK.verifier
    monkeypatch.setattr(module, "verify", _hanging_verify(module.verify))
    with ScoringPool(workers=1) as pool:
        rows = [rewards.to_row(instance) for instance in instances]
        responses = [good(instance) for instance in instances]
        responses[5] = "<answer>DIE</answer>"
        results = pool.score(rows, responses, timeout=5)
        assert results[5].verdict.status is bootcamps.Status.ERROR
        assert [item.reward for i, item in enumerate(results) if i != 5] == [1.0] * 11


def test_an_unsendable_row_is_an_error_and_the_pool_keeps_working(instances):
    import threading

    row = rewards.to_row(instances[0])
    rows = [row, {**row, "lock": threading.Lock()}, row]
    with ScoringPool(workers=1) as pool:
        # _plain keeps only task and instance, so rows carrying tensors or objects still score
        assert [item.reward for item in pool.score(rows, [good(instances[0])] * 3)] == [1.0, 1.0, 1.0]
        nested: object = row["instance"]
        for _ in range(5000):  # too deep to pickle: the send itself fails
            nested = [nested]
        results = pool.score([row, nested, row], [good(instances[0])] * 3)
        assert results[1].verdict.status is bootcamps.Status.ERROR
        assert pool.score([row], [good(instances[0])])[0].reward == 1.0


def test_forking_beside_other_threads_warns_and_forkserver_does_not(instances):
    import threading
    import warnings

    rows = [rewards.to_row(instance) for instance in instances[:3]]
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        with pytest.warns(RuntimeWarning, match="forkserver"):
            ScoringPool(workers=1).close()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with ScoringPool(workers=1, start_method="forkserver") as pool:
                assert [item.reward for item in pool.score(rows, [good(i) for i in instances[:3]])] == [1.0] * 3
    finally:
        release.set()
        thread.join()


def test_the_start_method_can_come_from_the_environment(monkeypatch, instances):
    monkeypatch.setenv("BOOTCAMPS_START_METHOD", "forkserver")
    with ScoringPool(workers=1) as pool:
        assert pool._context.get_start_method() == "forkserver"
        assert pool.score([rewards.to_row(instances[0])], [good(instances[0])])[0].reward == 1.0
    monkeypatch.setenv("BOOTCAMPS_START_METHOD", "frok")
    with pytest.raises(bootcamps.InvalidParameterError, match="expected one of .* found 'frok'"):
        ScoringPool(workers=1)
