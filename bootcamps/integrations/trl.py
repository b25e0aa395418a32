"""TRL: reward functions for ``GRPOTrainer`` (and the other TRL online trainers) and datasets.

    from bootcamps.integrations import trl as bootcamps_trl

    dataset = bootcamps_trl.make_dataset(["countdown", "sudoku"], per_task=500, seed=0)
    trainer = GRPOTrainer(model=..., reward_funcs=bootcamps_trl.reward_function(), train_dataset=dataset, ...)

The dataset has the columns ``prompt`` (chat messages, or plain text with
``conversational=False``), ``task`` and ``instance``; TRL passes the extra columns to the reward
function, which scores each completion against its row's instance. Both of TRL's formats work:
completions as strings (standard) or as message lists (conversational). With
``asynchronous=True`` the reward function is a coroutine function, which TRL runs on its event
loop alongside other async rewards.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from bootcamps.integrations._common import completion_text, rows_from_columns
from bootcamps.rewards import DEFAULT_TIMEOUT, RewardPolicy, score_batch


class RewardFunction:
    """A picklable TRL reward function: ``(prompts, completions, **columns) -> list[float]``.

    ``scored`` counts the completions it has scored; the accuracy of each batch is reported to
    TRL's metrics as ``bootcamps/accuracy`` when the trainer offers ``log_metric``.
    """

    def __init__(self, policy: RewardPolicy | None = None, workers: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT, name: str = "bootcamps") -> None:
        self.policy = policy or RewardPolicy()
        self.workers, self.timeout = workers, timeout
        self.__name__ = name
        self.scored = 0

    def __call__(self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (),
                 completion_ids: Any = None, instance: Any = None, task: Any = None, **kwargs: Any) -> list[float]:
        rows = rows_from_columns(instance, task, len(completions), f"reward function {self.__name__!r}")
        responses = [completion_text(completion) for completion in completions]
        results = score_batch(rows, responses, workers=self.workers, timeout=self.timeout,
                              policy=self.policy, details=True)
        self.scored += len(results)
        log_metric = kwargs.get("log_metric")
        if callable(log_metric) and results:
            log_metric(f"{self.__name__}/accuracy", sum(item.verdict.correct for item in results) / len(results))
        return [item.reward for item in results]


class AsyncRewardFunction(RewardFunction):
    """The same reward function as a coroutine: scoring runs in a thread, off TRL's event loop."""

    async def __call__(self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (),  # type: ignore[override]
                       completion_ids: Any = None, instance: Any = None, task: Any = None,
                       **kwargs: Any) -> list[float]:
        call = super().__call__
        return await asyncio.to_thread(call, prompts, completions, completion_ids, instance, task, **kwargs)


def reward_function(*, policy: RewardPolicy | None = None, workers: int | None = None,
                    timeout: float = DEFAULT_TIMEOUT, asynchronous: bool = False,
                    name: str = "bootcamps") -> RewardFunction:
    """The reward function to pass as ``reward_funcs`` to a TRL trainer.

    Args:
        policy: reward shaping (see ``bootcamps.rewards.RewardPolicy``); default 1 correct, 0 not.
        workers: scoring processes (default: the CPU count; 0 scores in the trainer's process).
        timeout: time budget per completion in seconds; over it the completion scores as a timeout.
        asynchronous: return a coroutine function for TRL's async reward path.
        name: the name TRL logs the reward under (``rewards/<name>/mean``).
    """
    kind = AsyncRewardFunction if asynchronous else RewardFunction
    return kind(policy=policy, workers=workers, timeout=timeout, name=name)


def make_dataset(tasks: Iterable[str] | str, per_task: int, seed: int = 0, levels: Sequence[int] = range(1, 11),
                 conversational: bool = True, system_prompt: str | None = None) -> Any:
    """A ``datasets.Dataset`` of bootcamps rows, ready for ``GRPOTrainer``.

    ``tasks`` is a list of task ids, families or categories (or ``"all"``); levels cycle over
    ``levels``; seeds are derived from ``seed`` as in ``bootcamps dump``.
    """
    import datasets

    from bootcamps.dump import instance_seed, select_tasks
    from bootcamps.rewards import to_row

    selection = tasks if isinstance(tasks, str) else ",".join(tasks)
    rows = []
    for task in select_tasks(selection):
        for index in range(per_task):
            instance = task.generate(instance_seed(seed, task.id, index), levels[index % len(levels)])
            row = to_row(instance, system_prompt)
            if not conversational:
                row["prompt"] = "\n\n".join(message["content"] for message in row["prompt"])
            rows.append(row)
    return datasets.Dataset.from_list(rows)
