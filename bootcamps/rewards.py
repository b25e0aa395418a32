"""Rewards for RL trainers: scoring rows, in batches, with an explicit shaping policy.

A **row** is the unit every trainer carries: a mapping with ``task`` (the task id), ``instance``
(the instance as the JSON string ``Instance.to_json`` writes) and usually ``prompt`` (chat
messages). From a row alone a response can be scored. An ``Instance`` works wherever a row does.

Shaping (``RewardPolicy``), applied to the verdict of the extracted answer:

- correctness: ``correct_reward`` (default 1.0) for a correct answer, else 0;
- partial credit: only when ``partial_credit=True`` *and* the family gave a PARTIAL verdict, the
  verdict's score times ``correct_reward``;
- format: ``format_reward`` (default 0) is added when the response contains a well-formed
  ``<answer>...</answer>`` block outside any ``<think>`` block;
- length: ``length_penalty`` (default 0) is subtracted per 1,000 characters beyond
  ``length_budget`` characters.

``score_batch`` scores in parallel worker processes. Every item has a time budget
(``timeout`` seconds); an item over it is scored as a TIMEOUT verdict (reward 0 plus shaping) and
its worker is replaced. Nothing raises on model text or on a malformed row: a row that cannot be
read gets an ERROR verdict and reward 0.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import Connection, wait
from typing import Any

from bootcamps.answers.extract import NO_ANSWER, Extraction, choose_answer, extract_answer
from bootcamps.errors import BootcampsError, InvalidParameterError, describe
from bootcamps.types import Instance, Status, Verdict

DEFAULT_TIMEOUT = 1.0
_POLL_SECONDS = 0.02


@dataclass(frozen=True, slots=True)
class RewardPolicy:
    """How a verdict becomes a reward. The defaults give 1.0 for correct and 0.0 otherwise."""

    correct_reward: float = 1.0
    partial_credit: bool = False
    format_reward: float = 0.0
    length_penalty: float = 0.0
    length_budget: int = 0
    extraction: str = Extraction.LENIENT.value

    def __post_init__(self) -> None:
        for name in ("correct_reward", "format_reward", "length_penalty"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
                raise InvalidParameterError(f"RewardPolicy.{name} expected a number, found {describe(value)}")
        if not isinstance(self.length_budget, int) or self.length_budget < 0:
            raise InvalidParameterError(
                f"RewardPolicy.length_budget expected an int >= 0, found {describe(self.length_budget)}"
            )
        if self.extraction not in ("strict", "lenient"):
            raise InvalidParameterError(
                f"RewardPolicy.extraction expected 'strict' or 'lenient', found {self.extraction!r}"
            )

    def reward(self, verdict: Verdict, response: object) -> float:
        """The shaped reward of a verdict for this response."""
        if verdict.correct:
            value = self.correct_reward
        elif self.partial_credit and verdict.status is Status.PARTIAL:
            value = self.correct_reward * verdict.score
        else:
            value = 0.0
        if not isinstance(response, str):
            return float(value)
        if self.format_reward and extract_answer(response, Extraction.STRICT) is not None:
            value += self.format_reward
        if self.length_penalty and len(response) > self.length_budget:
            value -= self.length_penalty * (len(response) - self.length_budget) / 1000
        return float(value)


DEFAULT_POLICY = RewardPolicy()


@dataclass(frozen=True, slots=True)
class Scored:
    """One scored response: the shaped reward and the verdict behind it."""

    reward: float
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {"reward": self.reward, **self.verdict.to_dict()}


# -- rows ------------------------------------------------------------------------------------


# a batch's prompts (each scored for a group of completions); instances are many small GC-tracked
# objects, so a larger cache would slow every full collection of a scoring worker
@lru_cache(maxsize=2048)
def _instance_from_json(text: str) -> Instance:
    return Instance.from_json(text)


def to_row(instance: Instance, system_prompt: str | None = None) -> dict[str, Any]:
    """The row every trainer adapter reads: chat ``prompt``, ``task`` id and ``instance`` JSON."""
    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    messages.append({"role": "user", "content": instance.prompt})
    return {"prompt": messages, "task": instance.task, "instance": instance.to_json()}


def row_instance(row: Instance | Mapping[str, Any] | str) -> Instance:
    """The instance a row (or instance JSON, or instance) stands for; BootcampsError if none."""
    if isinstance(row, Instance):
        return row
    if isinstance(row, str):
        return _instance_from_json(row)
    if isinstance(row, Mapping):
        value = row.get("instance")
        if isinstance(value, str):
            instance = _instance_from_json(value)
        elif isinstance(value, Instance):
            instance = value
        elif isinstance(value, Mapping):
            instance = Instance.from_dict(dict(value))
        else:
            raise InvalidParameterError(
                f"expected a row with an 'instance' JSON string, found {describe(value)} under 'instance'"
            )
        task = row.get("task", instance.task)
        if task != instance.task:
            raise InvalidParameterError(f"expected the row's task to match its instance ({instance.task}), found {task!r}")
        return instance
    raise InvalidParameterError(f"expected a row mapping, an Instance or instance JSON, found {describe(row)}")


def verdict_for_answer(row: Instance | Mapping[str, Any] | str, answer: str) -> Verdict:
    """The verdict of an already extracted answer. Never raises: an unreadable row is an ERROR verdict."""
    from bootcamps.registry import get_task

    try:
        instance = row_instance(row)
        return get_task(instance.task).verify(instance.data, answer)
    except BootcampsError as error:
        return Verdict.error(f"unreadable row: {error}"[:500])
    except Exception as error:  # a bug must not stop a training run
        return Verdict.error(f"scoring failed: {type(error).__name__}: {error}"[:500])


def verdict_for(row: Instance | Mapping[str, Any] | str, response: object,
                policy: RewardPolicy = DEFAULT_POLICY) -> Verdict:
    """The verdict of a whole response to a row (extraction, then verification). Never raises."""
    answer, problem = choose_answer(response, policy.extraction) if isinstance(response, str) else (None, NO_ANSWER)
    if answer is None:
        try:
            row_instance(row)
        except BootcampsError as error:
            return Verdict.error(f"unreadable row: {error}"[:500])
        except Exception as error:
            return Verdict.error(f"scoring failed: {type(error).__name__}: {error}"[:500])
        return Verdict.no_answer() if problem == NO_ANSWER else Verdict.unparsable(problem)
    return verdict_for_answer(row, answer)


def score(row: Instance | Mapping[str, Any] | str, response: object, policy: RewardPolicy | None = None) -> float:
    """The shaped reward of one response, scored in this process (no time budget)."""
    policy = policy or DEFAULT_POLICY
    return policy.reward(verdict_for(row, response, policy), response)


def score_one(row: Instance | Mapping[str, Any] | str, response: object, policy: RewardPolicy | None = None) -> Scored:
    """Like ``score`` but with the verdict."""
    policy = policy or DEFAULT_POLICY
    verdict = verdict_for(row, response, policy)
    return Scored(policy.reward(verdict, response), verdict)


# -- the worker pool -------------------------------------------------------------------------


def _worker_main(connection: Connection, progress: Any) -> None:
    """Verify chunks of extracted answers; publish (item index, start time) so hangs can be seen."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        chunk_id, rows, items = message
        verdicts = []
        for index, (row_index, answer) in enumerate(items):
            progress[0], progress[1] = index, time.monotonic()
            verdicts.append(verdict_for_answer(rows[row_index], answer))
        progress[1] = 0.0
        connection.send((chunk_id, verdicts))


class _Worker:
    def __init__(self, context: Any) -> None:
        self.progress = context.Array("d", 2, lock=False)
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, self.progress), daemon=True)
        self.process.start()
        child.close()
        self.chunk: tuple[int, list[int]] | None = None  # (chunk id, item positions)

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.connection.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=1.0 if not kill else 5.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5.0)
        self.connection.close()


class ScoringPool:
    """Persistent worker processes that score batches with a per-item time budget.

    Use it as a context manager, or let ``score_batch`` keep a shared one per worker count.
    Workers are forked by default, so a trainer script needs no ``__main__`` guard. Forking a
    process that runs other threads (Ray, gRPC, some data loaders) can leave a worker waiting
    forever on a lock one of them held; the pool warns when it sees other Python threads (BLAS
    pools, which register fork handlers, are not counted). There, pass
    ``start_method="forkserver"``, or set ``BOOTCAMPS_START_METHOD=forkserver`` for the pools the
    trainer adapters start (the script then needs ``if __name__ == "__main__":``).
    """

    def __init__(self, workers: int | None = None, start_method: str | None = None) -> None:
        workers = os.cpu_count() or 1 if workers is None else workers
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise InvalidParameterError(f"workers expected an int >= 1, found {describe(workers)}")
        chosen = start_method or os.environ.get("BOOTCAMPS_START_METHOD") or None
        methods = multiprocessing.get_all_start_methods()
        if chosen is not None and chosen not in methods:
            raise InvalidParameterError(f"start_method (or BOOTCAMPS_START_METHOD) expected one of {methods}, "
                                        f"found {chosen!r}")
        method = chosen or ("fork" if "fork" in methods else "spawn")
        if chosen is None and method == "fork" and (threads := threading.active_count()) > 1:
            warnings.warn(f"forking {workers} scoring worker(s) from a process running {threads} threads: a worker "
                          "can hang on a lock another thread held at the fork; set BOOTCAMPS_START_METHOD=forkserver "
                          "(or pass start_method) and guard the script with if __name__ == '__main__':",
                          RuntimeWarning, stacklevel=2)
        self._context = multiprocessing.get_context(method)
        self._workers = [_Worker(self._context) for _ in range(workers)]
        self._lock = threading.Lock()
        self.replaced = 0  # workers killed for going over the time budget

    def __enter__(self) -> ScoringPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def score(self, rows: Sequence[Any], responses: Sequence[object], timeout: float = DEFAULT_TIMEOUT,
              policy: RewardPolicy | None = None) -> list[Scored]:
        """Score ``responses[i]`` against ``rows[i]`` for every i; never raises on their content."""
        policy = policy or DEFAULT_POLICY
        _check_batch(rows, responses, timeout)
        with self._lock:
            if not self._workers:
                raise InvalidParameterError("this ScoringPool is closed")
            return self._run(list(rows), list(responses), float(timeout), policy)

    def _run(self, rows: list[Any], responses: list[object], timeout: float, policy: RewardPolicy) -> list[Scored]:
        # Answers are extracted here (linear time, never hangs) so that only short answers cross
        # the process boundary; whole responses would cost more to send than to verify.
        answers = [choose_answer(response, policy.extraction)[0] if isinstance(response, str) else None
                   for response in responses]
        verdicts: list[Verdict | None] = [None] * len(rows)
        for position, answer in enumerate(answers):
            if answer is None:
                verdicts[position] = verdict_for(rows[position], None, policy)
        todo = [position for position, answer in enumerate(answers) if answer is not None]
        size = max(8, min(256, -(-len(todo) // (4 * len(self._workers)))))
        pending = [todo[start:start + size] for start in range(0, len(todo), size)]
        pending.reverse()
        next_id = 0
        while pending or any(worker.chunk for worker in self._workers):
            for worker in self._workers:
                if worker.chunk is None and pending:
                    positions = pending.pop()
                    next_id += 1
                    try:
                        worker.connection.send((next_id, *_pack(rows, answers, positions)))
                    except Exception as error:  # e.g. a row that cannot be pickled
                        for position in positions:
                            verdicts[position] = Verdict.error(f"row could not be sent for scoring: {error!r}"[:300])
                        continue
                    worker.chunk = (next_id, positions)  # busy only once the work is really sent
            busy = {worker.connection: worker for worker in self._workers if worker.chunk}
            for connection in wait(list(busy), timeout=_POLL_SECONDS):
                self._collect(busy[connection], verdicts)
            self._enforce_budget(timeout, verdicts, pending)
        return [Scored(policy.reward(verdict, response), verdict)  # type: ignore[arg-type]
                for verdict, response in zip(verdicts, responses, strict=True)]

    def _collect(self, worker: _Worker, results: list[Verdict | None]) -> None:
        try:
            chunk_id, scored = worker.connection.recv()
        except (EOFError, OSError):
            return  # the worker died; _enforce_budget replaces it
        assert worker.chunk is not None and chunk_id == worker.chunk[0]
        for position, item in zip(worker.chunk[1], scored, strict=True):
            results[position] = item
        worker.chunk = None

    def _enforce_budget(self, timeout: float, results: list[Verdict | None], pending: list[list[int]]) -> None:
        now = time.monotonic()
        for slot, worker in enumerate(self._workers):
            if worker.chunk is None:
                continue
            started = worker.progress[1]
            dead = not worker.process.is_alive()
            if not dead and not (started and now - started > timeout):
                continue
            positions = worker.chunk[1]
            current = int(worker.progress[0]) if started else 0
            stuck = positions[min(current, len(positions) - 1)]
            results[stuck] = (Verdict.timeout(f"verification took longer than {timeout:g} s") if not dead
                              else Verdict.error("the scoring worker died"))
            # results travel per chunk, so the chunk's other items are scored again elsewhere
            rest = [position for position in positions if position != stuck]
            if rest:
                pending.append(rest)
            worker.stop(kill=True)
            self._workers[slot] = _Worker(self._context)
            self.replaced += 1


def _pack(rows: list[Any], answers: list[str | None], positions: list[int]) -> tuple[list[Any], list[tuple[int, Any]]]:
    """Rows deduplicated by value (GRPO repeats one prompt per group) and (row index, answer) items."""
    table: list[Any] = []
    seen: dict[Any, int] = {}
    items = []
    for position in positions:
        row = rows[position]
        key = row.get("instance") if isinstance(row, Mapping) else row
        key = key if isinstance(key, str) else id(row)
        if key not in seen:
            seen[key] = len(table)
            table.append(row.to_json() if isinstance(row, Instance) else _plain(row))
        items.append((seen[key], answers[position]))
    return table, items


def _plain(row: Any) -> Any:
    """Only what scoring needs crosses the process boundary (rows may carry tensors or images)."""
    if isinstance(row, Mapping):
        return {key: row[key] for key in ("task", "instance") if key in row}
    return row


def _check_batch(rows: Sequence[Any], responses: Sequence[object], timeout: float) -> None:
    if not isinstance(rows, Sequence) or not isinstance(responses, Sequence) or isinstance(rows, (str, bytes)):
        raise InvalidParameterError(
            f"expected sequences of rows and responses, found {type(rows).__name__} and {type(responses).__name__}"
        )
    if len(rows) != len(responses):
        raise InvalidParameterError(f"expected as many responses as rows ({len(rows)}), found {len(responses)}")
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or not timeout > 0:
        raise InvalidParameterError(f"timeout expected a positive number of seconds, found {describe(timeout)}")


_POOLS: dict[int, ScoringPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(workers: int | None = None) -> ScoringPool:
    """The process-wide pool for a worker count, started on first use and closed at exit."""
    workers = workers or os.cpu_count() or 1
    with _POOLS_LOCK:
        pool = _POOLS.get(workers)
        if pool is None:
            pool = _POOLS[workers] = ScoringPool(workers)
    return pool


@atexit.register
def _close_pools() -> None:
    for pool in _POOLS.values():
        pool.close()
    _POOLS.clear()


def score_batch(rows: Sequence[Any], responses: Sequence[object], workers: int | None = None,
                timeout: float = DEFAULT_TIMEOUT, policy: RewardPolicy | None = None,
                details: bool = False) -> list[float] | list[Scored]:
    """Shaped rewards for ``responses[i]`` against ``rows[i]``, scored in parallel.

    ``workers=0`` scores in this process (no time budget; for debugging). Otherwise a shared pool
    of ``workers`` processes (default: the CPU count) scores the batch and any item over
    ``timeout`` seconds gets a TIMEOUT verdict. ``details=True`` returns ``Scored`` items.
    """
    _check_batch(rows, responses, timeout)
    if workers == 0:
        scored = [score_one(row, response, policy) for row, response in zip(rows, responses, strict=True)]
    else:
        scored = shared_pool(workers).score(rows, responses, timeout, policy)
    return scored if details else [item.reward for item in scored]
