"""Prime Intellect verifiers: bootcamps tasks as a real ``verifiers.v1`` environment.

No network and no model. Scoring is driven as verifiers drives it after a rollout
(``Task.score`` on a ``Trace``), and whole episodes run through verifiers' own env, agents,
interception server and eval client against a loopback fake OpenAI-compatible endpoint.
"""

import asyncio
import json
import subprocess
import sys
import threading
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import verifiers.v1 as vf  # noqa: TID251 - Prime's PyPI library, the prime extra (Python >= 3.11)
from verifiers.v1.dialects.chat import message_to_wire  # noqa: E402, TID251 - Prime's PyPI library

import bootcamps  # noqa: E402
from bootcamps.dump import instance_seed  # noqa: E402
from bootcamps.integrations import prime  # noqa: E402
from bootcamps.rewards import RewardPolicy, score  # noqa: E402

SINGLE_TURN = ["basic_arithmetic", "sudoku"]
INTERACTIVE = ["guess_number", "maze", "tic_tac_toe"]  # puzzles (maze has an opening) and a game


@pytest.fixture(scope="module")
def env():
    return prime.load_environment(SINGLE_TURN + INTERACTIVE, per_task=2, seed=3, levels=[1, 2])


@pytest.fixture(scope="module")
def tasks(env):
    return list(env.taskset)


def instance_of(task):
    return bootcamps.Instance.from_json(task.data.instance)


def trace_for(task, replies):
    """A finished trace as verifiers records one: the prompt, then the model's sampled replies."""
    nodes = [vf.MessageNode(message=vf.UserMessage(content=task.data.prompt))]
    for reply in replies:
        nodes.append(vf.MessageNode(parent=len(nodes) - 1, message=vf.AssistantMessage(content=reply), sampled=True))
    return vf.Trace(task=vf.TraceTask(type=type(task).__name__, data=task.data, key=task.key, hash=task.hash),
                    agent=vf.AgentInfo(config=vf.AgentConfig()), nodes=nodes)


def scored(task, replies):
    trace = trace_for(task, replies)
    asyncio.run(task.score(trace))  # what Rollout.close() awaits once the agent is done
    return trace


# -- the environment and its tasks ---------------------------------------------------------


def test_environment_is_a_verifiers_env_whose_tasks_carry_our_prompts(env, tasks):
    assert isinstance(env, vf.Env) and isinstance(env, prime.BootcampsEnv)
    assert isinstance(env.taskset, vf.Taskset) and env.taskset.bounded
    names = sorted(SINGLE_TURN + INTERACTIVE)  # tasks in id order, as bootcamps dump selects them
    assert [task.data.name for task in tasks] == [f"{name}-v1#{i}" for name in names for i in (0, 1)]
    for index, task in enumerate(tasks):
        assert isinstance(task, vf.Task)
        bootcamps_task = bootcamps.get_task(task.data.task)
        expected = bootcamps_task.generate(instance_seed(3, bootcamps_task.id, index % 2), [1, 2][index % 2])
        assert task.data.instance == expected.to_json()  # the row bootcamps.rewards scores
        assert task.data.interactive is bootcamps_task.interactive
        opening = getattr(bootcamps_task.verifier, "opening", None) if bootcamps_task.interactive else None
        if opening is not None:  # the family's opening follows the prompt, as in the Gymnasium env
            assert task.data.prompt == f"{expected.prompt}\n\n{opening(expected.data)}"
        else:
            assert task.data.prompt == expected.prompt
        assert task.key == task.data.id == expected.id and task.data.idx == index
    assert len({task.key for task in tasks}) == len(tasks)
    # the seat plays the tool-less chat harness in the local runtime
    assert env.config.agent.harness.id == "null" and env.config.agent.runtime.type == "subprocess"


def test_config_and_task_data_survive_the_env_server_wire(env, tasks):
    # prime-rl's env servers rebuild the env from the config's JSON and each task from its data
    config = vf.resolve_env_config(json.loads(env.config.model_dump_json()))
    assert type(config) is prime.BootcampsEnvConfig and config == env.config
    # what vf-eval and prime-rl build from --env.taskset.* flags: the plugin id names this module
    assert vf.environment_class(prime.PLUGIN_ID) is prime.BootcampsEnv
    flags = vf.resolve_env_config({"taskset": {"id": prime.PLUGIN_ID, "tasks": ["sudoku,guess_number"],
                                               "levels": ["2", "4-5"], "task": {"format_reward": 0.5}}})
    assert flags.taskset.tasks == ["sudoku", "guess_number"] and flags.taskset.levels == [2, 4, 5]
    assert flags.taskset.task.policy == RewardPolicy(format_reward=0.5)
    data_type = type(env.taskset).task_type().data_type()
    assert data_type is prime.BootcampsData
    for task in tasks:
        assert data_type.model_validate(json.loads(task.data.model_dump_json())) == task.data


def test_endless_taskset_takes_tasks_in_turn():
    env = prime.load_environment(["basic_arithmetic", "countdown"], per_task=None, seed=0, levels="2-3")
    assert not env.taskset.bounded
    names = [task.data.name for task in env.taskset.take(5)]
    assert names == ["basic_arithmetic-v1#0", "countdown-v1#0", "basic_arithmetic-v1#1", "countdown-v1#1",
                     "basic_arithmetic-v1#2"]


def test_repeated_instances_are_dropped_and_a_too_small_space_says_so():
    class OneInstance:  # a task whose every seed gives the same instance
        id = "basic_arithmetic-v1"

        def generate(self, seed, level):
            return bootcamps.get_task("basic_arithmetic").generate(0, 1)

    assert len(list(prime._instances([OneInstance()], 1, 0, [1]))) == 1
    with pytest.raises(bootcamps.GenerationError, match="expected 2 distinct instances"):
        list(prime._instances([OneInstance()], 2, 0, [1]))


def test_bad_arguments_raise_bootcamps_errors():
    with pytest.raises(bootcamps.UnknownTaskError, match="sudoku"):
        prime.load_environment(["sudoku_x"])
    with pytest.raises(bootcamps.InvalidParameterError, match="levels"):
        prime.load_environment(["sudoku"], levels=[0])
    with pytest.raises(bootcamps.InvalidParameterError, match="per_task"):
        prime.load_environment(["sudoku"], per_task=0)


# -- the reward, driven as verifiers drives it --------------------------------------------


def test_reward_is_the_bootcamps_score_of_the_final_assistant_message(tasks):
    for task in (task for task in tasks if not task.data.interactive):
        reference = instance_of(task).reference
        right, wrong = f"<think>hmm</think><answer>{reference}</answer>", "<answer>12345</answer>"
        trace = scored(task, [right])
        assert trace.rewards["bootcamps"].score == 1.0 and trace.reward == 1.0
        assert trace.metrics == {"accuracy": 1.0, "verdict_score": 1.0, "no_answer": 0.0, "timeout": 0.0, "error": 0.0}
        assert tuple(trace.metrics) == prime.METRIC_KEYS
        assert trace.info["bootcamps_verdict"]["status"] == "correct"
        assert scored(task, [right, wrong]).reward == 0.0  # only the final reply counts
        assert scored(task, [wrong, right]).reward == 1.0
        trace = scored(task, ["I give up"])
        assert trace.reward == 0.0 and trace.metrics["no_answer"] == 1.0
        assert scored(task, []).reward == 0.0  # vf-validate's "noop" check: an untouched trace scores 0
        for reply in (right, wrong, "I give up", f"\\boxed{{{reference}}}"):  # the same as bootcamps.rewards
            assert scored(task, [reply]).reward == score({"task": task.data.task, "instance": task.data.instance}, reply)


def test_reward_shaping_comes_from_the_policy():
    policy = RewardPolicy(format_reward=0.25, extraction="strict")
    env = prime.load_environment(["basic_arithmetic"], per_task=1, policy=policy, scoring_timeout=None)
    (task,) = env.taskset
    assert task.config.policy == policy
    reference = instance_of(task).reference
    assert scored(task, [f"<answer>{reference}</answer>"]).reward == 1.25
    assert scored(task, [f"\\boxed{{{reference}}}"]).reward == 0.0  # strict extraction needs the tags
    with pytest.raises(ValueError, match="correct_reward"):
        prime.BootcampsTaskConfig(correct_reward=float("nan"))


def test_interactive_reward_takes_the_refereed_verdict_or_replays_the_moves(tasks):
    for task in (task for task in tasks if task.data.interactive):
        moves = instance_of(task).reference.splitlines()
        # played elsewhere (no referee): the moves of the replies are replayed through verify()
        assert scored(task, [f"<answer>{move}</answer>" for move in moves]).reward == 1.0
        assert scored(task, [f"<answer>{move}</answer>" for move in moves[:-1]]).reward == 0.0
        # refereed by BootcampsEnv: the verdict it recorded on the trace is the reward
        trace = trace_for(task, ["<answer>whatever</answer>"])
        trace.info["bootcamps_verdict"] = bootcamps.Verdict.right("won").to_dict()
        asyncio.run(task.score(trace))
        assert trace.reward == 1.0 and trace.metrics["accuracy"] == 1.0


def test_validate_accepts_every_reference(tasks):
    assert all(asyncio.run(task.validate(None)) for task in tasks)


# -- whole episodes through verifiers, against a loopback model ----------------------------


class ChatHarness(vf.Harness[vf.HarnessConfig]):
    """The null harness's chat loop, in process: one chat completion through the interception.

    (verifiers runs the null harness's program as a uv script, whose dependencies would be
    downloaded; a harness may run its loop in process as long as it calls the model there.)
    """

    APPENDS_SYSTEM_PROMPT = True
    SUPPORTS_RESUME = True
    EXECUTES_CODE = False
    NEEDS_CONTAINER = False

    async def launch(self, ctx, trace, runtime, endpoint, secret, mcp_urls, data, **kwargs):
        system, prompt = self.resolve_prompt(data)
        messages = [{"role": "system", "content": system}] if system else []
        if isinstance(prompt, str):
            messages.append({"role": "user", "content": prompt})
        else:
            messages += [message_to_wire(message) for message in prompt]
        async with httpx.AsyncClient(timeout=30, verify=False) as client:  # loopback http: no certificates to load
            response = await client.post(f"{endpoint}/chat/completions", json={"model": ctx.model, "messages": messages},
                                         headers={"Authorization": f"Bearer {secret}"})
        return vf.ProgramResult(0 if response.status_code == 200 else 1, response.text, "")


class FakeModel(BaseHTTPRequestHandler):
    """Chat completions: model "right" plays the reference (move n on its n-th turn), "wrong" junk."""

    references: dict[str, list[str]] = {}  # prompt -> the moves of its reference

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        messages = body["messages"]
        moves = self.references[next(m["content"] for m in messages if m["role"] == "user")]
        turn = sum(message["role"] == "assistant" for message in messages)
        text = f"<answer>{moves[min(turn, len(moves) - 1)]}</answer>" if body["model"] == "right" else "<answer>no</answer>"
        payload = json.dumps({"id": "fake", "object": "chat.completion", "created": 0, "model": body["model"],
                              "choices": [{"index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": text}}],
                              "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def test_episodes_run_end_to_end_and_score_through_bootcamps(monkeypatch):
    harness = types.ModuleType("bootcamps_test_chat_harness")
    harness.ChatHarness, harness.__all__ = ChatHarness, ["ChatHarness"]
    monkeypatch.setitem(sys.modules, harness.__name__, harness)  # verifiers loads harnesses by module id
    # max_moves=12 cuts the wrong model's maze short (the right model's maze takes 10 moves)
    env = prime.load_environment(SINGLE_TURN + INTERACTIVE, per_task=1, seed=5, levels=[1], max_moves=12,
                                 agent={"harness": {"id": harness.__name__}})
    tasks = list(env.taskset)
    FakeModel.references = {task.data.prompt: instance_of(task).reference.splitlines() if task.data.interactive
                            else [instance_of(task).reference] for task in tasks}
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = vf.EvalClientConfig(base_url=f"http://127.0.0.1:{server.server_address[1]}/v1",
                                 api_key_var="BOOTCAMPS_TEST_NO_KEY")
    contexts = [vf.ModelContext(model=model, client=client) for model in ("right", "wrong")]

    async def run_all():
        async with env.serving():  # as vf-eval runs an env in process
            return await asyncio.gather(*(env.run_slot(slot, ctx) for ctx in contexts
                                          for task in tasks for slot in env.slots(task)))

    try:
        episodes = asyncio.run(run_all())
    finally:
        server.shutdown()
        server.server_close()
    assert len(episodes) == 2 * len(tasks)
    for episode in episodes:
        assert episode.ok, episode.errors
        (trace,) = episode.traces
        right = trace.agent.config.model == "right"
        assert trace.reward == trace.rewards["bootcamps"].score == float(right), trace.info
        assert trace.metrics["accuracy"] == float(right)
        task = next(task for task in tasks if task.key == trace.task.key)
        instance = instance_of(task)
        if not task.data.interactive:
            assert trace.num_turns == 1 and trace.last_reply.startswith("<answer>")
            continue
        # a real dialogue: each user turn after the prompt is the family's observation of the last move
        assert trace.info["bootcamps_moves"] == trace.num_turns > 1
        if task.data.task == "maze-v1" and not right:
            assert trace.num_turns == 12 and "not over after 12 moves" in trace.info["bootcamps_verdict"]["reason"]
        moves = instance.reference.splitlines() if right else ["no"] * trace.num_turns
        verifier = bootcamps.get_task(task.data.task).verifier
        state = verifier.initial_state(instance.data)
        users = [message.content for message in trace.messages if message.role == "user"]
        assert users[0] == task.data.prompt and len(users) == trace.num_turns
        for move, observation in zip(moves, users[1:], strict=False):
            feedback = verifier.step(instance.data, state, move)
            assert observation == feedback.observation
            state = feedback.state


# -- without the extra ---------------------------------------------------------------------


def test_module_imports_without_verifiers_and_says_how_to_install_it(tmp_path):
    code = """
import sys
sys.modules["verifiers"] = None  # as if the extra were not installed
import bootcamps
import bootcamps.integrations.prime as prime
assert not [name for name, module in sys.modules.items() if name.startswith("verifiers") and module]
for attempt in (lambda: prime.load_environment(["sudoku"]), lambda: prime.BootcampsTaskset):
    try:
        attempt()
    except prime.MissingExtraError as error:
        assert isinstance(error, bootcamps.BootcampsError) and isinstance(error, ImportError)
        assert "pip install bootcamps[prime]" in str(error), error
    else:
        raise AssertionError("expected MissingExtraError")
print("ok")
"""
    # run from an empty folder: the repository's own verifiers/ folder must not be importable
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
