"""OpenRLHF: the remote reward protocol and the reward function file, driven by OpenRLHF's own code.

OpenRLHF cannot be installed with its dependencies here (it pins flash-attn, which needs CUDA),
but ``pip install --no-deps openrlhf`` gives its source: its reward client
(``openrlhf/utils/agent.py``, needing only aiohttp) is loaded by file path, as OpenRLHF's own tests
do, and sends its real requests to a real server on 127.0.0.1; it also loads our reward function
file exactly as the trainer does (CI installs it with ``--no-deps``). The batch client of older
releases (``remote_rm_utils.request_api_wrapper``: requests, the same JSON and headers) and the
file loader are replicated.
"""

import asyncio
import importlib.util
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import bootcamps
from bootcamps.integrations import openrlhf as adapter
from bootcamps.rewards import RewardPolicy
from bootcamps.server import RequestError

TASK = "basic_arithmetic-v1"


def load_file(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def openrlhf_agent(monkeypatch):
    """OpenRLHF's reward client module, loaded by path (its package __init__ imports GPU libraries)."""
    spec = importlib.util.find_spec("openrlhf")
    assert spec is not None, "openrlhf is not installed (pip install --no-deps openrlhf)"
    root = Path(next(iter(spec.submodule_search_locations)))
    logging_utils = load_file(root / "utils" / "logging_utils.py", "openrlhf.utils.logging_utils")
    monkeypatch.setitem(sys.modules, "openrlhf.utils.logging_utils", logging_utils)
    return load_file(root / "utils" / "agent.py", "_openrlhf_agent")


@pytest.fixture(scope="module")
def instances():
    task = bootcamps.get_task(TASK)
    return [task.generate(seed, 2) for seed in range(4)]


@pytest.fixture(scope="module")
def server_url():
    from bootcamps.server import create_app, running

    with running(create_app(workers=1, timeout=2.0)) as url:
        yield url


def chat(instance, completion: str) -> tuple[str, str]:
    """(query, prompt) as OpenRLHF builds them with a ChatML template."""
    prompt = f"<|im_start|>user\n{instance.prompt}<|im_end|>\n<|im_start|>assistant\n"
    return prompt + completion + "<|im_end|><|endoftext|>", prompt


def batch(instances):
    """Correct, wrong, boxed and empty completions: (queries, prompts, labels, expected rewards)."""
    completions = [f"<think>2+2</think><answer>{instances[0].reference}</answer>", "<answer>nope</answer>",
                   f"so \\boxed{{{instances[2].reference}}}", ""]
    pairs = [chat(instance, completion) for instance, completion in zip(instances, completions, strict=True)]
    return ([query for query, _ in pairs], [prompt for _, prompt in pairs],
            [instance.to_json() for instance in instances], [1.0, 0.0, 1.0, 0.0])


def test_response_text_strips_the_prompt_and_template_tokens():
    assert adapter.response_text("PROMPT<answer>1</answer><|im_end|>", "PROMPT") == "<answer>1</answer>"
    assert adapter.response_text("<s>PROMPT<think>x</think>2</s>", "PROMPT") == "<think>x</think>2"
    # the prompt is not in the query (OpenRLHF truncated it): the last assistant marker is used
    query = "...tail of prompt<|start_header_id|>assistant<|end_header_id|>\n\n<answer>3</answer><|eot_id|>"
    assert adapter.response_text(query, "FULL PROMPT") == "\n\n<answer>3</answer>"
    assert adapter.response_text("<answer>4</answer><｜end▁of▁sentence｜>", None) == "<answer>4</answer>"
    assert adapter.response_text("a<|end|>b<eos>", "") == "ab"
    assert adapter.response_text("P<answer>5</answer>[END]", "P", special_tokens=["[END]"]) == "<answer>5</answer>"


def test_openrlhf_http_client_gets_rewards_from_the_server(openrlhf_agent, server_url, instances):
    queries, prompts, labels, expected = batch(instances)
    executor = openrlhf_agent.SingleTurnAgentExecutor(f"{server_url}/get_reward")

    async def fetch():
        # recent OpenRLHF sends one completion per request, concurrently
        one_by_one = await asyncio.gather(*(executor._fetch_rewards_via_http([q], [p], [lab])
                                            for q, p, lab in zip(queries, prompts, labels, strict=True)))
        return one_by_one, await executor._fetch_rewards_via_http(queries, prompts, labels)

    one_by_one, together = asyncio.run(fetch())
    assert [result[0]["rewards"] for result in one_by_one] == [[value] for value in expected]
    assert together[0]["rewards"] == expected and together[0]["scores"] == expected
    assert together[0]["extra_logs"]["accuracy"] == expected
    assert together[0]["extra_logs"]["format"] == [1.0, 1.0, 0.0, 0.0]


def test_batch_client_of_older_openrlhf_releases(server_url, instances):
    import requests
    queries, prompts, labels, expected = batch(instances)
    data = {"query": queries * 4, "prompts": prompts * 4, "labels": labels * 4}  # a GRPO group of 4 per prompt
    response = requests.post(url=f"{server_url}/get_reward", json=data,
                             headers={"Content-Type": "application/json"}, timeout=180)
    response.raise_for_status()
    answer = response.json()
    assert answer["rewards"] == expected * 4
    assert set(answer) == {"rewards", "scores", "extra_logs"}
    assert all(len(values) == 16 for values in answer["extra_logs"].values())


@pytest.fixture
def default_reward(monkeypatch):
    monkeypatch.setenv("BOOTCAMPS_REWARD_WORKERS", "1")
    monkeypatch.setenv("BOOTCAMPS_REWARD_POLICY", '{"format_reward": 0.5}')
    monkeypatch.setattr(adapter, "_DEFAULT", [])
    yield
    for function in adapter._DEFAULT:
        function.close()


def test_reward_func_file_as_openrlhf_loads_it(default_reward, instances):
    import torch
    module = load_file(Path(adapter.__file__), "reward_func")  # what --remote_rm_url file.py does
    queries, prompts, labels, expected = batch(instances)
    result = module.reward_func(queries, prompts, labels)
    assert isinstance(result["rewards"], torch.Tensor) and result["rewards"].dtype == torch.float32
    assert result["rewards"].tolist() == [1.5, 0.5, 1.0, 0.0]  # BOOTCAMPS_REWARD_POLICY's format reward
    assert result["scores"].tolist() == result["rewards"].tolist()
    assert result["extra_logs"]["accuracy"].tolist() == expected
    assert adapter._DEFAULT[0].workers == 1


def test_reward_func_file_through_openrlhf_executor(default_reward, openrlhf_agent, instances):
    import torch
    executor = openrlhf_agent.SingleTurnAgentExecutor(adapter.__file__)
    assert executor.reward_func is not None
    queries, prompts, labels, _ = batch(instances)
    infos = asyncio.run(executor._fetch_rewards_via_func(queries, prompts, labels))  # one call per query
    assert [info["rewards"].tolist() for info in infos] == [[1.5], [0.5], [1.0], [0.0]]
    # what OpenRLHF's samples generator then does with one sample's reward info
    reward = torch.tensor([infos[0]["rewards"]])
    assert reward.shape == (1,) and reward.item() == 1.5
    assert torch.tensor([infos[0]["extra_logs"]["accuracy"].flatten()[0].item()]).tolist() == [1.0]


def test_make_reward_func_with_a_policy_and_lists(instances):
    reward_func = adapter.make_reward_func(policy=RewardPolicy(correct_reward=2.0), workers=1, tensors=False)
    try:
        queries, prompts, labels, expected = batch(instances)
        result = reward_func(queries, prompts, labels)
        assert result["rewards"] == [2 * value for value in expected]
        assert reward_func([], [], []) == {"rewards": [], "scores": [],
                                           "extra_logs": {"accuracy": [], "format": [], "timeout": [], "error": []}}
        copy = pickle.loads(pickle.dumps(reward_func.reward_function))  # Ray ships it to workers
        assert copy.policy == RewardPolicy(correct_reward=2.0) and copy._scorer is None
    finally:
        reward_func.reward_function.close()


def test_reward_func_says_what_is_wrong_with_its_input(instances):
    reward_func = adapter.make_reward_func(workers=1)
    with pytest.raises(RequestError, match="--label_key instance"):
        reward_func(["q"], ["q"], [""])  # OpenRLHF passes "" when no label key is set
    with pytest.raises(RequestError, match="labels: expected 2 entries"):
        reward_func(["q", "r"], ["q", "r"], [instances[0].to_json()])
    assert reward_func.reward_function._scorer is None  # nothing was started for bad input


def test_reward_func_ships_by_value_to_a_fresh_process():
    """Older OpenRLHF wraps the file's function in ``ray.remote``: cloudpickle sends it by value."""
    import cloudpickle
    module = load_file(Path(adapter.__file__), "reward_func")
    payload = cloudpickle.dumps(module.reward_func)
    assert len(payload) < 4000  # the function alone, no captured state
    script = ("import sys, cloudpickle\nfunction = cloudpickle.loads(sys.stdin.buffer.read())\n"
              "try:\n    function(['q'], ['q'], [''])\nexcept Exception as error:\n    print(type(error).__name__, error)")
    out = subprocess.run([sys.executable, "-c", script], input=payload, capture_output=True, timeout=60)
    assert b"RequestError" in out.stdout and b"--label_key instance" in out.stdout, out.stderr[-2000:]
