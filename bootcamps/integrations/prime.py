"""Prime Intellect ``verifiers``: bootcamps tasks as a verifiers (v1 API) environment.

Install the extra (``pip install bootcamps[prime]``), then::

    from bootcamps.integrations import prime

    env = prime.load_environment(["countdown", "sudoku"], per_task=200, seed=0)

``env`` is a ``verifiers.v1.Env``: ``env.taskset`` yields one task per generated instance, and
rollouts run as verifiers runs them (``async with env.serving(): await env.run_slot(slot, ctx)``,
which is what ``vf-eval`` does, or served to prime-rl). The pieces follow verifiers' plugin layout
(a taskset module exporting its classes through ``__all__``), built on first use:

- ``BootcampsTaskset`` (config ``BootcampsTasksetConfig``: ``tasks``, ``per_task``, ``seed``,
  ``levels``, ``system_message``) generates the instances with the seeds of the TRL adapter's
  ``make_dataset`` (``bootcamps.dump.instance_seed``), levels cycling over ``levels``, tasks in id
  order, and drops repeated instances (the next seed replaces one). ``per_task=None`` makes it
  endless (tasks in turn, fresh seeds, no dedup), for training on an unbounded stream.
- ``BootcampsData`` (a ``TaskData``): ``prompt`` is the instance prompt, ``id`` the instance's
  content id (also the task ``key``), and the row fields ``task`` (task id) and ``instance``
  (instance JSON) that ``bootcamps.rewards`` scores, plus ``level`` and ``interactive``.
- ``BootcampsTask``: one reward, ``bootcamps``: ``bootcamps.rewards`` scores the final assistant
  message (``trace.last_reply``) against the instance with the task config's ``RewardPolicy``
  fields (``--env.taskset.task.format-reward 0.1``...). Verification runs in a worker process
  with a time budget (``scoring_timeout`` seconds; ``None`` scores in a thread, no budget). The
  metrics ``accuracy``, ``verdict_score``, ``no_answer``, ``timeout`` and ``error`` and the verdict
  (``trace.info["bootcamps_verdict"]``) are recorded on the trace. ``validate()`` checks that the
  reference answer verifies (``vf-validate``).
- ``BootcampsEnv`` (config ``BootcampsEnvConfig``, one ``agent`` seat like verifiers'
  ``SingleAgentEnv``): a single-turn task is one agent run. An interactive task is a game: the
  answer extracted from each reply is a move for the family's ``step()``, its observation is the
  next user turn, and the game's final verdict is the episode's (``max_moves`` bounds it; reward
  shaping such as the format bonus looks at the final reply). The seat defaults to verifiers'
  tool-less ``null`` chat harness in the local ``subprocess`` runtime: nothing the model writes
  is executed (override with ``--env.agent.harness.id`` and ``--env.agent.runtime.type``).

Plugin id: verifiers finds a taskset by the name of an importable top-level module
(``--env.taskset.id``, ``vf-eval <id>``); a dotted path does not work. ``PLUGIN_ID``
(``bootcamps-prime``) names the module ``bootcamps_prime``: when no such module is installed,
``load_environment`` registers this module under that name in the running process, which is
enough for in-process use. Processes that resolve the id on their own (``vf-eval``, prime-rl's
env servers) need a real top-level ``bootcamps_prime`` module that re-exports this one.

``verifiers`` is imported only when a function or class of this module is first used, so the
module imports without the extra; using it without ``verifiers`` raises ``MissingExtraError``.
"""

import asyncio
import functools
import importlib.util
import itertools
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any

from bootcamps.answers.extract import extract_answer
from bootcamps.errors import BootcampsError, GenerationError, InvalidParameterError, describe
from bootcamps.rewards import (
    DEFAULT_TIMEOUT,
    RewardPolicy,
    Scored,
    row_instance,
    score_batch,
    score_one,
    shared_pool,
)
from bootcamps.types import Status, Verdict

PLUGIN_ID = "bootcamps-prime"
PLUGIN_MODULE = PLUGIN_ID.replace("-", "_")
MAX_MOVES = 1_000
VERDICT_KEY = "bootcamps_verdict"
METRIC_KEYS = ("accuracy", "verdict_score", "no_answer", "timeout", "error")
INSTALL_HINT = "pip install bootcamps[prime]"
_CLASS_NAMES = ("BootcampsData", "BootcampsTaskConfig", "BootcampsTask", "BootcampsTasksetConfig",
                "BootcampsTaskset", "BootcampsEnvConfig", "BootcampsEnv")

__all__ = ["PLUGIN_ID", "MissingExtraError", "environment_config", "load_environment", *_CLASS_NAMES]


class MissingExtraError(BootcampsError, ImportError):
    """An optional dependency of an integration is not installed."""


def _verifiers() -> Any:
    """The ``verifiers.v1`` module, or MissingExtraError with the install hint."""
    try:
        import verifiers.v1 as vf  # noqa: TID251 - Prime's PyPI library, not our family folder
    except ImportError as error:
        raise MissingExtraError(
            f"bootcamps.integrations.prime expected Prime Intellect's `verifiers` library (>= 0.4, the "
            f"v1 API), found {'no such package' if error.name == 'verifiers' else repr(str(error))}; "
            f"install it with `{INSTALL_HINT}`"
        ) from error
    return vf


def __getattr__(name: str) -> Any:
    # The verifiers classes are built on first access, so importing this module needs no extra.
    if name in _CLASS_NAMES:
        return _classes()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- helpers shared by the classes -----------------------------------------------------------


def _check_levels(levels: Any) -> list[int]:
    from bootcamps.dump import parse_levels
    from bootcamps.registry import LEVELS

    if isinstance(levels, int) and not isinstance(levels, bool):
        levels = [levels]
    values = [levels] if isinstance(levels, str) else list(levels) if isinstance(levels, Iterable) else []
    if values and any(isinstance(value, str) for value in values):  # "3-7", "1,5,10" or ["3", "5-6"]
        return parse_levels(",".join(map(str, values)))
    if not values or any(not isinstance(v, int) or isinstance(v, bool) or v not in LEVELS for v in values):
        raise InvalidParameterError(f"levels expected a non-empty list of levels in 1..10, found {describe(levels)}")
    return values


def _task_names(tasks: Any) -> list[str]:
    """Names from a list or a comma-separated string (a CLI list item may hold several)."""
    names = [tasks] if isinstance(tasks, str) else list(tasks) if isinstance(tasks, Iterable) else [tasks]
    if all(isinstance(name, str) for name in names):
        return [part.strip() for name in names for part in name.split(",") if part.strip()]
    raise InvalidParameterError(f"tasks expected task ids, families, categories or 'all', found {describe(tasks)}")


def _max_draws(wanted: int) -> int:
    """Seeds tried for ``wanted`` distinct instances of one task before giving up."""
    return 4 * wanted + 64


def _instances(tasks: Sequence[Any], per_task: int | None, seed: int, levels: Sequence[int]) -> Iterator[Any]:
    """``per_task`` distinct instances of each task in turn, or all tasks round-robin forever."""
    from bootcamps.dump import instance_seed

    if per_task is None:  # no dedup: a small task space must not stall an endless stream
        for index in itertools.count():
            for task in tasks:
                yield task.generate(instance_seed(seed, task.id, index), levels[index % len(levels)])
    seen: set[str] = set()
    for task in tasks:
        kept = 0
        for draw in range(_max_draws(per_task)):
            # the k-th distinct instance gets levels[k % len(levels)] whatever was skipped before it
            instance = task.generate(instance_seed(seed, task.id, draw), levels[kept % len(levels)])
            if instance.id in seen:
                continue
            seen.add(instance.id)
            kept += 1
            yield instance
            if kept == per_task:
                break
        else:
            raise GenerationError(
                f"{task.id}: expected {per_task} distinct instances at levels {list(levels)}, found only {kept} "
                f"in {_max_draws(per_task)} seeds; ask for fewer or use higher levels"
            )


def _verdict_from_dict(value: Any) -> Verdict | None:
    try:
        return Verdict(bool(value["correct"]), float(value["score"]), str(value["reason"]), Status(value["status"]))
    except (KeyError, TypeError, ValueError):
        return None


_POOL_LOCK = threading.Lock()


def _score(row: dict[str, str], response: str, policy: RewardPolicy, timeout: float | None) -> Scored:
    """Score in this thread (no budget) or in the shared one-process pool with a time budget."""
    if timeout is None:
        return score_one(row, response, policy)
    with _POOL_LOCK:  # concurrent rollouts score in threads: start the shared pool only once
        shared_pool(1)
    return score_batch([row], [response], workers=1, timeout=timeout, policy=policy, details=True)[0]  # type: ignore[return-value]


def _metrics(verdict: Verdict) -> dict[str, float]:
    """The per-trace metrics, named by METRIC_KEYS."""
    values = (verdict.correct, verdict.score, verdict.status is Status.NO_ANSWER,
              verdict.status is Status.TIMEOUT, verdict.status is Status.ERROR)
    return {key: float(value) for key, value in zip(METRIC_KEYS, values, strict=True)}


def _moves_transcript(trace: Any, extraction: str) -> str:
    """The moves of an interactive episode that no BootcampsEnv refereed, one per line."""
    moves = [extract_answer(message.content or "", extraction) for message in trace.assistant_messages]
    return "<answer>\n" + "\n".join(move for move in moves if move) + "\n</answer>"


def _step(verifier: Any, data: dict[str, Any], state: dict[str, Any], move: str) -> Any:
    """One move through the family's rules; a bug there ends the game with an ERROR verdict."""
    from bootcamps.interactive import Feedback

    try:
        feedback = verifier.step(data, state, move)
        if isinstance(feedback, Feedback):
            return feedback
        verdict = Verdict.error(f"step() returned {type(feedback).__name__}, not a Feedback")
    except Exception as error:  # a verifier bug must not stop a training run
        verdict = Verdict.error(f"step() failed: {type(error).__name__}: {error}"[:300])
    return Feedback(observation=verdict.reason, state=state, done=True, verdict=verdict)


# -- the verifiers classes -------------------------------------------------------------------


_CLASSES: dict[str, type] = {}
_CLASSES_LOCK = threading.Lock()


def _classes() -> dict[str, type]:
    """The verifiers classes, built once per process (one set, whichever thread asks first)."""
    with _CLASSES_LOCK:
        if not _CLASSES:
            _CLASSES.update(_build_classes())
        return _CLASSES


def _build_classes() -> dict[str, type]:
    vf = _verifiers()
    from typing import Literal

    from pydantic import Field, field_validator, model_validator

    class BootcampsData(vf.TaskData):
        """One bootcamps instance as verifiers task data: the prompt and the row to score."""

        task: str
        """The bootcamps task id (``countdown-v1``)."""
        instance: str
        """The instance JSON (``Instance.to_json``), all that scoring needs."""
        level: int
        interactive: bool = False

    class BootcampsTaskConfig(vf.TaskConfig):
        """Reward shaping (the fields of ``bootcamps.rewards.RewardPolicy``) and the scoring budget."""

        correct_reward: float = 1.0
        partial_credit: bool = False
        format_reward: float = 0.0
        length_penalty: float = 0.0
        length_budget: int = Field(0, ge=0)
        extraction: Literal["lenient", "strict"] = "lenient"
        """How the answer is extracted from a reply (see ``bootcamps.answers``)."""
        scoring_timeout: float | None = Field(DEFAULT_TIMEOUT, gt=0)
        """Seconds one verification may take in the scoring worker; None scores in a thread."""

        @property
        def policy(self) -> RewardPolicy:
            return RewardPolicy(**{field.name: getattr(self, field.name) for field in fields(RewardPolicy)})

        @model_validator(mode="after")
        def _check_policy(self) -> "BootcampsTaskConfig":
            self.policy  # noqa: B018 - RewardPolicy validates the shaping fields, before any rollout
            return self

    class BootcampsTask(vf.Task[BootcampsData, vf.State, BootcampsTaskConfig]):
        """A bootcamps instance: its reward is the bootcamps verdict on the final reply."""

        @property
        def key(self) -> str:
            return self.data.id or self.hash

        @property
        def row(self) -> dict[str, str]:
            return {"task": self.data.task, "instance": self.data.instance}

        @vf.reward
        async def bootcamps(self, trace: Any) -> float:
            """The shaped bootcamps reward of the episode; records its verdict and metrics."""
            policy = self.config.policy
            response = trace.last_reply
            verdict = _verdict_from_dict(trace.info.get(VERDICT_KEY)) if self.data.interactive else None
            if verdict is not None:  # refereed move by move by BootcampsEnv
                scored = Scored(policy.reward(verdict, response), verdict)
            elif self.data.interactive:  # played elsewhere: replay its moves through verify()
                transcript = _moves_transcript(trace, policy.extraction)
                found = await asyncio.to_thread(_score, self.row, transcript, policy, self.config.scoring_timeout)
                scored = Scored(policy.reward(found.verdict, response), found.verdict)
            else:
                scored = await asyncio.to_thread(_score, self.row, response, policy, self.config.scoring_timeout)
            trace.info[VERDICT_KEY] = scored.verdict.to_dict()
            trace.record_metrics(_metrics(scored.verdict))
            return scored.reward

        async def validate(self, runtime: Any) -> bool:
            """Whether the reference answer verifies (a model-free check of the ground truth)."""
            reference = f"<answer>{row_instance(self.row).reference}</answer>"
            scored = await asyncio.to_thread(score_one, self.row, reference, self.config.policy)
            return scored.verdict.correct

    class BootcampsTasksetConfig(vf.TasksetConfig):
        """Which instances load: ``--env.taskset.tasks countdown,sudoku --env.taskset.per-task 100``."""

        tasks: list[str] = ["all"]
        """Task ids, family names, categories or tags, or "all"."""
        per_task: int | None = Field(100, ge=1)
        """Instances per task; None is endless (tasks in turn)."""
        seed: int = Field(0, ge=0)
        levels: list[int] = list(range(1, 11))
        """Levels cycled over each task's instances ("3-7" and "1,5,10" are accepted too)."""
        system_message: str | None = None
        """A system prompt for every task (``system_prompt`` is verifiers' file override)."""
        task: BootcampsTaskConfig = BootcampsTaskConfig()

        @field_validator("tasks", mode="before")
        @classmethod
        def _split_tasks(cls, value: Any) -> Any:
            return _task_names(value)

        @field_validator("levels", mode="before")
        @classmethod
        def _parse_levels(cls, value: Any) -> Any:
            return _check_levels(value)

    class BootcampsTaskset(vf.Taskset[BootcampsTask, BootcampsTasksetConfig]):
        """Generated bootcamps instances, one ``BootcampsTask`` each."""

        def __init__(self, config: BootcampsTasksetConfig) -> None:
            from bootcamps.dump import select_tasks

            super().__init__(config)
            self.tasks = select_tasks(_task_names(config.tasks))
            self.levels = _check_levels(config.levels)
            self.INFINITE = config.per_task is None

        def load(self) -> Iterator[BootcampsTask]:
            config = self.config
            counts: dict[str, int] = {}
            for instance in _instances(self.tasks, config.per_task, config.seed, self.levels):
                index = counts[instance.task] = counts.get(instance.task, -1) + 1
                interactive = self.tasks_by_id[instance.task].interactive
                prompt = instance.prompt
                if interactive:
                    opening = getattr(self.tasks_by_id[instance.task].verifier, "opening", None)
                    if opening is not None:
                        prompt = f"{prompt}\n\n{opening(instance.data)}"
                data = BootcampsData(id=instance.id, name=f"{instance.task}#{index}", prompt=prompt,
                                     system_prompt=config.system_message, task=instance.task,
                                     instance=instance.to_json(), level=instance.level, interactive=interactive)
                yield BootcampsTask(data, config.task)

        @functools.cached_property
        def tasks_by_id(self) -> dict[str, Any]:
            return {task.id: task for task in self.tasks}

    class BootcampsEnvConfig(vf.EnvConfig):
        """The env's one seat (``--env.agent.*``) and the move limit of interactive tasks."""

        agent: vf.AgentConfig = vf.AgentConfig(harness={"id": "null"}, runtime=vf.SubprocessConfig())
        """The policy's seat: verifiers' tool-less ``null`` chat harness, run locally by default."""
        max_moves: int = Field(MAX_MOVES, ge=1)
        """Moves after which an unfinished interactive game ends as lost."""

    class BootcampsEnv(vf.Env[BootcampsEnvConfig]):
        """Single-turn tasks: one agent run. Interactive tasks: the family's rules referee a dialogue."""

        async def run(self, task: BootcampsTask, agents: Any) -> None:
            if not task.data.interactive:
                await agents.agent.run(task)
                return
            await self.play(task, agents.agent)

        async def play(self, task: BootcampsTask, agent: Any) -> None:
            """Each reply's extracted answer is one move; the observation is the next user turn."""
            from bootcamps.registry import get_task

            instance = row_instance(task.row)
            verifier = get_task(instance.task).verifier
            state = verifier.initial_state(instance.data)
            verdict, moves = None, 0
            async with agent.interaction(task) as interaction:
                segment = await interaction.turn()
                while not segment.terminated:
                    move = extract_answer(segment.last_reply, task.config.extraction) or ""
                    feedback = _step(verifier, instance.data, state, move)
                    state, moves = feedback.state, moves + 1
                    if feedback.done:
                        verdict = feedback.verdict
                        break
                    if moves >= self.config.max_moves:
                        verdict = Verdict.wrong(f"the game was not over after {moves} moves")
                        break
                    segment = await interaction.turn(feedback.observation)
                if verdict is None:
                    verdict = Verdict.wrong(f"the conversation ended after {moves} moves, before the game did")
                # read by BootcampsTask.bootcamps when the interaction closes and scores
                interaction.trace.info[VERDICT_KEY] = verdict.to_dict()
                interaction.trace.info["bootcamps_moves"] = moves

    classes = {name: value for name, value in locals().items() if name in _CLASS_NAMES}
    for cls in classes.values():
        # module-level names, so pickling and verifiers' plugin lookups find them here
        cls.__module__, cls.__qualname__ = __name__, cls.__name__
    return classes


# -- entry points ----------------------------------------------------------------------------


def _register_plugin() -> None:
    """Make ``PLUGIN_ID`` importable in this process when no ``bootcamps_prime`` is installed."""
    if PLUGIN_MODULE not in sys.modules and importlib.util.find_spec(PLUGIN_MODULE) is None:
        sys.modules[PLUGIN_MODULE] = sys.modules[__name__]


def environment_config(tasks: str | Iterable[str] = "all", per_task: int | None = 100, seed: int = 0,
                       levels: Sequence[int] | str = range(1, 11), policy: RewardPolicy | None = None, *,
                       system_prompt: str | None = None, scoring_timeout: float | None = DEFAULT_TIMEOUT,
                       max_moves: int = MAX_MOVES, **env_fields: Any) -> Any:
    """The validated ``BootcampsEnvConfig`` that ``load_environment`` builds its env from.

    Raises BootcampsError for unknown tasks or bad levels, and MissingExtraError without verifiers.
    """
    from bootcamps.dump import select_tasks

    names = _task_names(tasks)
    select_tasks(names)  # unknown names fail here, with suggestions
    level_list = _check_levels(levels)
    if per_task is not None and (not isinstance(per_task, int) or isinstance(per_task, bool) or per_task < 1):
        raise InvalidParameterError(f"per_task expected an int >= 1 or None, found {describe(per_task)}")
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise InvalidParameterError(f"seed expected an int >= 0, found {describe(seed)}")
    if policy is not None and not isinstance(policy, RewardPolicy):
        raise InvalidParameterError(f"policy expected a RewardPolicy, found {describe(policy)}")
    classes = _classes()
    _register_plugin()
    shaping = {field.name: getattr(policy or RewardPolicy(), field.name) for field in fields(RewardPolicy)}
    task_config = classes["BootcampsTaskConfig"](**shaping, scoring_timeout=scoring_timeout)
    taskset = classes["BootcampsTasksetConfig"](id=PLUGIN_ID, tasks=names, per_task=per_task, seed=seed,
                                                levels=level_list, system_message=system_prompt, task=task_config)
    return classes["BootcampsEnvConfig"](taskset=taskset, max_moves=max_moves, **env_fields)


def load_environment(tasks: str | Iterable[str] = "all", per_task: int | None = 100, seed: int = 0,
                     levels: Sequence[int] | str = range(1, 11), policy: RewardPolicy | None = None, *,
                     system_prompt: str | None = None, scoring_timeout: float | None = DEFAULT_TIMEOUT,
                     max_moves: int = MAX_MOVES, **env_fields: Any) -> Any:
    """A ``verifiers.v1`` environment (a ``BootcampsEnv``) over generated bootcamps instances.

    Args:
        tasks: task ids, family names, categories or tags (a list or comma-separated), or "all".
        per_task: distinct instances per task; None is an endless stream (tasks in turn).
        seed: the base seed.
        levels: difficulty levels cycled over each task's instances.
        policy: reward shaping (``bootcamps.rewards.RewardPolicy``); default 1 correct, 0 not.
        system_prompt: a system message for every task.
        scoring_timeout: seconds one verification may take in the scoring worker process;
            None scores in a thread of the env's process, with no budget.
        max_moves: moves after which an unfinished interactive game ends as lost.
        **env_fields: other ``BootcampsEnvConfig`` fields, e.g.
            ``agent={"harness": {"id": "bash"}, "runtime": {"type": "docker"}}``, ``retries=...``.
    """
    config = environment_config(tasks, per_task, seed, levels, policy, system_prompt=system_prompt,
                                scoring_timeout=scoring_timeout, max_moves=max_moves, **env_fields)
    return _verifiers().load_environment(config)
