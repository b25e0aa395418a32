"""Gymnasium environments for every task.

One class, ``BootcampEnv``, serves every registry entry; ``import bootcamps`` registers it as
``bootcamps/<task id>`` (for instance ``gymnasium.make("bootcamps/sudoku-v1", level=7)``).

Modes:

- single turn (default): the observation is the prompt; one ``step(response)`` scores it and
  ends the episode (``terminated=True``);
- feedback (``max_attempts=k``): a wrong answer returns the verdict's reason as the next
  observation until the answer is right or k attempts are used;
- interactive families (``interactive: true`` in the registry) play a dialogue through the
  family's ``step`` rules until the game ends (see ``bootcamps.interactive``).

The reward comes at the end of the episode (0 before the end) from the verdict through a
``bootcamps.rewards.RewardPolicy``. The environments' default policy keeps partial credit, so an
interactive game solved in more turns than optimal earns its partial score; pass
``reward_policy=RewardPolicy()`` for strict 1-or-0 rewards, or add format and length shaping.

Vector environments: ``gymnasium.make_vec("bootcamps/<id>", num_envs=n)`` works in "sync" and
"async" modes. Episodes of one step meet Gymnasium's default NEXT_STEP autoreset: after a step
that ends an episode, the next ``step`` call of that sub-environment only resets it (its action
is ignored, its reward is 0) and returns the new prompt. Pass
``vector_kwargs={"autoreset_mode": gymnasium.vector.AutoresetMode.SAME_STEP}`` to get the new
prompt in the same step instead (the final observation is then in ``info``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium
import numpy as np
from gymnasium import spaces

from bootcamps.answers.extract import Extraction, extract_answer
from bootcamps.errors import InvalidParameterError, describe
from bootcamps.interactive import Feedback
from bootcamps.registry import DEFAULT_LEVEL, Task, get_task
from bootcamps.rewards import RewardPolicy
from bootcamps.types import Instance, Verdict

OBSERVATION_MAX_CHARS = 1 << 18
ACTION_MAX_CHARS = 1 << 22
MAX_INTERACTIVE_STEPS = 1_000
_SAMPLE_CHARSET = "".join(chr(code) for code in range(32, 127)) + "\n\u00e9\u03c0\u2212\u4e2d"


class AnyText(spaces.Text):
    """A text space that contains every string up to ``max_length`` characters, any unicode.

    Gymnasium's Text space only accepts characters of its charset (alphanumerics by default) and
    strings of at least one character; prompts and model responses are neither. Samples are short
    strings over a mixed charset.
    """

    def __init__(self, max_length: int, seed: int | np.random.Generator | None = None) -> None:
        super().__init__(max_length, min_length=0, charset=_SAMPLE_CHARSET, seed=seed)

    def contains(self, x: Any) -> bool:
        return isinstance(x, str) and len(x) <= self.max_length

    def sample(self, mask: Any = None, probability: Any = None) -> str:
        length = int(self.np_random.integers(0, 65))
        chars = self.np_random.choice(len(self.character_list), size=length)
        return "".join(self.character_list[index] for index in chars)

    def __repr__(self) -> str:
        return f"AnyText(max_length={self.max_length})"


class _SharedTexts(Sequence[str]):
    """A live view of the texts in an async vector env's shared observation buffer.

    Gymnasium reads the shared buffer once, at construction, and expects a view that follows
    later writes; a tuple of strings would stay stale. Copies (the default ``copy=True`` of
    AsyncVectorEnv) are plain tuples.
    """

    def __init__(self, shared: Any, n: int, width: int) -> None:
        self._rows = np.frombuffer(shared.get_obj(), dtype=np.int32).reshape((n, width))

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return tuple(self)[index]
        row = self._rows[index]
        return row[row >= 0].tobytes().decode("utf-32-le", "surrogatepass")

    def __deepcopy__(self, memo: dict[int, Any]) -> tuple[str, ...]:
        return tuple(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __repr__(self) -> str:
        return repr(tuple(self))


def _register_shared_memory() -> None:
    """Store AnyText observations in async vector envs' shared memory as UTF-32 code points."""
    from gymnasium.vector.utils import shared_memory as memory

    @memory.create_shared_memory.register(AnyText)
    def _create(space: AnyText, n: int = 1, ctx: Any = None) -> Any:
        import multiprocessing

        return (ctx or multiprocessing).Array(np.dtype(np.int32).char, n * space.max_length)

    @memory.write_to_shared_memory.register(AnyText)
    def _write(space: AnyText, index: int, value: str, shared: Any) -> None:
        codes = np.frombuffer(value.encode("utf-32-le", "surrogatepass"), dtype=np.int32)
        width = space.max_length
        row = np.frombuffer(shared.get_obj(), dtype=np.int32)[index * width:(index + 1) * width]
        row[: len(codes)] = codes
        row[len(codes):] = -1

    @memory.read_from_shared_memory.register(AnyText)
    def _read(space: AnyText, shared: Any, n: int = 1) -> _SharedTexts:
        return _SharedTexts(shared, n, space.max_length)


_register_shared_memory()


class BootcampEnv(gymnasium.Env[str, str]):
    """A bootcamps task as a Gymnasium environment: text observations, text actions.

    Args:
        task: a task id or family name.
        level: difficulty level 1..10 (``reset(options={"level": ...})`` changes it per episode).
        max_attempts: answers allowed per episode in single-turn tasks (feedback mode when > 1).
        extraction: "lenient" or "strict" answer extraction from each response.
        render_mode: None, "ansi" (``render()`` returns the last observation) or "human" (prints it).
        reward_policy: how the final verdict becomes the reward (default: partial credit kept).
        **knobs: knob overrides applied at every reset.
    """

    metadata = {"render_modes": ["ansi", "human"], "render_fps": 4}  # fps: Gymnasium asks; text has none

    def __init__(self, task: str, level: int = DEFAULT_LEVEL, max_attempts: int = 1,
                 extraction: str = "lenient", render_mode: str | None = None,
                 reward_policy: RewardPolicy | None = None, **knobs: Any) -> None:
        self.task: Task = get_task(task)
        self.task.params(level, **knobs)  # validate now, not at the first reset
        if not isinstance(max_attempts, int) or isinstance(max_attempts, bool) or max_attempts < 1:
            raise InvalidParameterError(f"max_attempts expected an int >= 1, found {describe(max_attempts)}")
        if render_mode not in (None, *self.metadata["render_modes"]):
            raise InvalidParameterError(
                f"render_mode expected one of {self.metadata['render_modes']} or None, found {render_mode!r}"
            )
        self.level, self.knobs, self.max_attempts = level, dict(knobs), max_attempts
        self.extraction = Extraction(extraction)
        self.reward_policy = reward_policy or RewardPolicy(partial_credit=True, extraction=self.extraction.value)
        if not isinstance(self.reward_policy, RewardPolicy):
            raise InvalidParameterError(f"reward_policy expected a RewardPolicy, found {describe(reward_policy)}")
        self.render_mode = render_mode
        self.observation_space = AnyText(OBSERVATION_MAX_CHARS)
        self.action_space = AnyText(ACTION_MAX_CHARS)
        self.instance: Instance | None = None
        self._state: dict[str, Any] = {}
        self._attempt = 0
        self._done = True
        self._observation = ""

    # -- gymnasium API ------------------------------------------------------------------------

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        """Start an episode; the same ``seed`` (and options) gives the same instance.

        ``options`` may hold ``level`` and ``knobs`` (a dict of overrides) for this episode.
        """
        super().reset(seed=seed)
        options = dict(options or {})
        level = options.pop("level", self.level)
        knobs = {**self.knobs, **options.pop("knobs", {})}
        if options:
            raise InvalidParameterError(f"reset options expected only 'level' and 'knobs', found {sorted(options)}")
        instance_seed = seed if seed is not None else int(self.np_random.integers(0, 2**63))
        self.instance = self.task.generate(instance_seed, level, **knobs)
        self._attempt, self._done = 0, False
        observation = self.instance.prompt
        if self.task.interactive:
            verifier = self.task.verifier
            self._state = verifier.initial_state(self.instance.data)
            opening = getattr(verifier, "opening", None)
            if opening is not None:
                observation = f"{observation}\n\n{opening(self.instance.data)}"
        return self._show(observation), self._info()

    def step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if self.instance is None or self._done:
            raise gymnasium.error.ResetNeeded("call reset() before step(), and again after an episode ends")
        self._attempt += 1
        if self.task.interactive:
            return self._interactive_step(action)
        verdict = self.task.score(self.instance, action, self.extraction)
        if verdict.correct or self._attempt >= self.max_attempts:
            self._done = True
            reward = self.reward_policy.reward(verdict, action)
            return self._show(verdict.reason), reward, True, False, self._info(verdict)
        left = self.max_attempts - self._attempt
        text = f"Not accepted: {verdict.reason}. Attempts left: {left}. Try again; {self._instruction()}"
        return self._show(text), 0.0, False, False, self._info(verdict)

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return self._observation
        if self.render_mode == "human":
            print(self._observation)
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _interactive_step(self, action: str) -> tuple[str, float, bool, bool, dict[str, Any]]:
        move = extract_answer(action, self.extraction) if isinstance(action, str) else None
        feedback: Feedback = self.task.verifier.step(self.instance.data, self._state, move or "")
        self._state = feedback.state
        if feedback.done:
            self._done = True
            verdict = feedback.verdict
            reward = self.reward_policy.reward(verdict, action)
            return self._show(feedback.observation), reward, True, False, self._info(verdict)
        truncated = self._attempt >= MAX_INTERACTIVE_STEPS
        self._done = truncated
        return self._show(feedback.observation), 0.0, False, truncated, self._info(legal=feedback.legal)

    def _instruction(self) -> str:
        from bootcamps.registry import ANSWER_INSTRUCTION

        return ANSWER_INSTRUCTION[0].lower() + ANSWER_INSTRUCTION[1:]

    def _show(self, observation: str) -> str:
        self._observation = observation
        if self.render_mode == "human":
            self.render()
        return observation

    def _info(self, verdict: Verdict | None = None, legal: bool | None = None) -> dict[str, Any]:
        assert self.instance is not None
        info: dict[str, Any] = {"task": self.instance.task, "instance_id": self.instance.id,
                                "seed": self.instance.seed, "level": self.instance.level, "attempt": self._attempt}
        if verdict is not None:
            info["verdict"] = verdict.to_dict()
        if legal is not None:
            info["legal_move"] = legal
        return info


def make(name: str, **kwargs: Any) -> gymnasium.Env:
    """``gymnasium.make`` for a task id or family name: ``bootcamps.make("sudoku", level=3)``."""
    task_id = get_task(name).id
    return gymnasium.make(f"bootcamps/{task_id}", **kwargs)
