"""Gymnasium environments: every registered id passes check_env; modes, seeding, vectors, pickling."""

import pickle
import subprocess
import sys
import warnings

import gymnasium
import pytest
from gymnasium.utils.env_checker import check_env

import bootcamps
from bootcamps.envs import AnyText, BootcampEnv
from bootcamps.gym_registration import registered_task_ids

TASK_IDS = bootcamps.list_tasks()
SINGLE_TURN = [task_id for task_id in TASK_IDS if not bootcamps.get_task(task_id).interactive]
INTERACTIVE = [task_id for task_id in TASK_IDS if bootcamps.get_task(task_id).interactive]


def answer(text: str) -> str:
    return f"<answer>{text}</answer>"


def test_registered_env_ids_match_the_registry():
    assert sorted(registered_task_ids()) == TASK_IDS
    bootcamps_envs = sorted(env_id for env_id in gymnasium.registry if env_id.startswith("bootcamps/"))
    assert bootcamps_envs == [f"bootcamps/{task_id}" for task_id in TASK_IDS]


@pytest.mark.parametrize("task_id", TASK_IDS)
@pytest.mark.parametrize("render_mode", [None, "ansi"])
def test_check_env_passes_with_warnings_as_errors(task_id, render_mode):
    env = gymnasium.make(f"bootcamps/{task_id}", render_mode=render_mode)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env.unwrapped)


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_spec_serialises_and_env_pickles(task_id):
    env = gymnasium.make(f"bootcamps/{task_id}", level=3)
    assert gymnasium.envs.registration.EnvSpec.from_json(env.spec.to_json()).id == env.spec.id
    first, _ = env.reset(seed=5)
    clone = pickle.loads(pickle.dumps(env))
    assert clone.reset(seed=5)[0] == first


@pytest.mark.parametrize("task_id", SINGLE_TURN)
def test_single_turn_episode(task_id):
    env = gymnasium.make(f"bootcamps/{task_id}", level=4)
    observation, info = env.reset(seed=11)
    instance = env.unwrapped.instance
    assert observation == instance.prompt and observation in env.observation_space
    assert info["instance_id"] == instance.id and info["level"] == 4
    _, reward, terminated, truncated, info = env.step(answer(instance.reference))
    assert (reward, terminated, truncated) == (1.0, True, False)
    assert info["verdict"]["correct"] is True
    env.reset(seed=11)
    _, reward, terminated, _, info = env.step("I give up")
    assert reward == 0.0 and terminated and info["verdict"]["status"] == "no_answer"


@pytest.mark.parametrize("task_id", INTERACTIVE)
def test_interactive_episode_replays_the_reference(task_id):
    env = gymnasium.make(f"bootcamps/{task_id}", level=5)
    env.reset(seed=2)
    moves = [line for line in env.unwrapped.instance.reference.splitlines() if line.strip()]
    for number, move in enumerate(moves, start=1):
        observation, reward, terminated, truncated, info = env.step(answer(move))
        assert isinstance(observation, str) and not truncated
        assert terminated == (number == len(moves))
    assert reward == 1.0 and info["verdict"]["correct"]


@pytest.mark.parametrize("task_id", INTERACTIVE)
def test_interactive_episode_survives_junk_and_ends(task_id):
    env = gymnasium.make(f"bootcamps/{task_id}", level=1)
    env.reset(seed=4)
    junk = ["", "<answer></answer>", "<answer>\ud800</answer>", "x" * 100_000, "<answer>" + "9" * 500 + "</answer>"]
    for step in range(1, 2_000):
        observation, reward, terminated, truncated, info = env.step(junk[step % len(junk)])
        assert isinstance(observation, str) and observation
        if terminated or truncated:
            break
    assert terminated or truncated
    assert reward < 1.0


def test_same_seed_same_rollout():
    task_id = TASK_IDS[0]
    rollouts = []
    for _ in range(2):
        env = gymnasium.make(f"bootcamps/{task_id}", max_attempts=2)
        steps = [env.reset(seed=42)]
        steps += [env.step("<answer>1</answer>"), env.step("<answer>2</answer>")]
        rollouts.append(steps)
    assert rollouts[0] == rollouts[1]


def test_unseeded_resets_follow_the_env_seed():
    env = gymnasium.make(f"bootcamps/{TASK_IDS[0]}")
    env.reset(seed=1)
    seen = [env.reset()[0] for _ in range(5)]
    env.reset(seed=1)
    assert seen == [env.reset()[0] for _ in range(5)]
    assert len(set(seen)) > 1


def test_feedback_mode_returns_the_reason_until_right():
    env = bootcamps.make("basic_arithmetic", max_attempts=3)
    env.reset(seed=8)
    reference = env.unwrapped.instance.reference
    observation, reward, terminated, _, info = env.step("no tags here")
    assert not terminated and reward == 0.0
    assert "no answer found" in observation and "Attempts left: 2" in observation
    observation, reward, terminated, _, info = env.step(answer("12345678/7"))
    assert not terminated and "not right" in observation and info["attempt"] == 2
    _, reward, terminated, _, info = env.step(answer(reference))
    assert terminated and reward == 1.0
    with pytest.raises(gymnasium.error.ResetNeeded):
        env.unwrapped.step(answer(reference))


def test_feedback_mode_ends_after_k_attempts():
    env = bootcamps.make("basic_arithmetic", max_attempts=2)
    env.reset(seed=8)
    assert env.step("wrong")[2] is False
    _, reward, terminated, _, _ = env.step("wrong again")
    assert terminated and reward == 0.0


def test_reset_options_choose_level_and_knobs():
    env = bootcamps.make("basic_arithmetic", level=2)
    _, info = env.reset(seed=3, options={"level": 9, "knobs": {"terms": 3}})
    assert info["level"] == 9 and env.unwrapped.instance.params["terms"] == 3
    with pytest.raises(bootcamps.InvalidParameterError, match="found \\['lvl'\\]"):
        env.reset(seed=3, options={"lvl": 2})
    with pytest.raises(bootcamps.InvalidParameterError, match="level expected an int in \\[1, 10\\]"):
        env.reset(seed=3, options={"level": 0})


@pytest.mark.parametrize("kwargs, message", [
    ({"max_attempts": 0}, "max_attempts expected an int >= 1"),
    ({"level": 11}, "level expected"),
    ({"terms": 99}, "knob 'terms'"),
    ({"render_mode": "rgb_array"}, "render_mode expected"),
])
def test_bad_env_arguments_are_our_errors(kwargs, message):
    with pytest.raises(bootcamps.InvalidParameterError, match=message):
        BootcampEnv("basic_arithmetic", **kwargs)


def test_text_spaces_accept_any_text():
    space = AnyText(1000)
    for text in ("", "hello world\n", "é π − 中 🙂", "\x00\ud800", "a" * 1000):
        assert space.contains(text)
    assert not space.contains("a" * 1001) and not space.contains(b"bytes") and not space.contains(None)
    assert all(space.contains(space.sample()) for _ in range(20))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_vector_envs_and_next_step_autoreset(mode):
    envs = gymnasium.make_vec(f"bootcamps/{TASK_IDS[0]}", num_envs=2, vectorization_mode=mode)
    try:
        observations, infos = envs.reset(seed=[1, 2])
        single = [bootcamps.get_task(TASK_IDS[0]).generate(seed, 5).prompt for seed in (1, 2)]
        assert tuple(observations) == tuple(single)
        references = [bootcamps.get_task(TASK_IDS[0]).generate(seed, 5).reference for seed in (1, 2)]
        _, rewards, terminated, _, _ = envs.step([answer(references[0]), "é 中 \ud800 junk"])
        assert list(rewards) == [1.0, 0.0] and all(terminated)
        # NEXT_STEP autoreset: this step only resets; actions are ignored and rewards are 0
        observations, rewards, terminated, _, _ = envs.step(["ignored", "ignored"])
        assert list(rewards) == [0.0, 0.0] and not any(terminated)
        assert all(observation.startswith(single[0][:20]) for observation in observations)
    finally:
        envs.close()


def test_make_with_module_prefix_needs_no_import():
    code = ("import gymnasium; env = gymnasium.make('bootcamps:bootcamps/basic_arithmetic-v1', level=2); "
            "print(env.reset(seed=1)[1]['level'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_reward_policy_shapes_the_final_reward():
    from bootcamps.rewards import RewardPolicy

    env = bootcamps.make("basic_arithmetic", reward_policy=RewardPolicy(format_reward=0.25))
    env.reset(seed=8)
    reference = env.unwrapped.instance.reference
    assert env.step(answer(reference))[1] == 1.25
    env.reset(seed=8)
    assert env.step(f"\\boxed{{{reference}}}")[1] == 1.0  # right, but not in answer tags


def test_interactive_partial_credit_is_kept_by_default_and_can_be_dropped():
    from bootcamps.rewards import RewardPolicy

    rewards_seen = []
    for policy in (None, RewardPolicy()):
        env = bootcamps.make("guess_number", level=3, reward_policy=policy)
        env.reset(seed=1)
        data = env.unwrapped.instance.data
        low, high = data["low"], data["high"]
        wasted = [low, low] if data["secret"] != low else [high, high]  # two wasted turns, then binary search
        for guess in wasted:
            env.step(answer(str(guess)))
        while True:
            guess = (low + high) // 2
            observation, reward, terminated, truncated, info = env.step(answer(str(guess)))
            if terminated or truncated:
                break
            low, high = (guess + 1, high) if "higher" in observation.lower() else (low, guess - 1)
        rewards_seen.append((reward, info["verdict"]["status"]))
    (kept, status), (dropped, _) = rewards_seen
    assert status == "partial" and 0 < kept < 1 and dropped == 0.0
