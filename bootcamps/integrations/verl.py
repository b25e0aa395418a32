"""verl: ``compute_score`` functions and datasets in verl's parquet schema.

Point verl's custom reward function at this module::

    custom_reward_function.path=<site-packages>/bootcamps/integrations/verl.py
    custom_reward_function.name=compute_score            # NaiveRewardManager (one at a time)
    # or, with reward_model.reward_manager=batch:
    custom_reward_function.name=compute_score_batch      # BatchRewardManager (parallel workers)

``ground_truth`` is the instance JSON (the ``reward_model.ground_truth`` column written by
``write_parquet``). Every call returns a dict with the same numeric keys for every task, since
verl collects them into ``reward_extra_info`` and breaks when rows differ:

- ``score``: the shaped reward (what verl trains on);
- ``acc``: 1.0 when the answer is correct, else 0.0;
- ``verdict_score``: the family's own score (partial credit shows here even when not rewarded);
- ``no_answer``, ``timeout``: 1.0 when no answer was found / the verifier ran out of time.

Reward shaping options (``RewardPolicy`` fields such as ``format_reward``) can be passed through
``custom_reward_function.reward_kwargs``; other keyword arguments verl passes are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from bootcamps.rewards import DEFAULT_TIMEOUT, RewardPolicy, Scored, score_batch, score_one
from bootcamps.types import Status

SCORE_KEYS = ("score", "acc", "verdict_score", "no_answer", "timeout")
_POLICY_FIELDS = {field.name for field in fields(RewardPolicy)}


def _policy(kwargs: dict[str, Any]) -> RewardPolicy:
    return RewardPolicy(**{key: value for key, value in kwargs.items() if key in _POLICY_FIELDS})


def _as_dict(scored: Scored) -> dict[str, float]:
    verdict = scored.verdict
    return {"score": float(scored.reward), "acc": float(verdict.correct), "verdict_score": float(verdict.score),
            "no_answer": float(verdict.status is Status.NO_ANSWER), "timeout": float(verdict.status is Status.TIMEOUT)}


def compute_score(data_source: str, solution_str: str, ground_truth: str, extra_info: dict[str, Any] | None = None,
                  **kwargs: Any) -> dict[str, float]:
    """Score one response (verl's per-sample contract); never raises on model text or bad rows."""
    return _as_dict(score_one({"instance": ground_truth}, solution_str, _policy(kwargs)))


def compute_score_batch(data_sources: Sequence[str], solution_strs: Sequence[str], ground_truths: Sequence[str],
                        extra_infos: Sequence[dict[str, Any]] | None = None, workers: int | None = None,
                        timeout: float = DEFAULT_TIMEOUT, **kwargs: Any) -> list[dict[str, float]]:
    """Score a batch in parallel worker processes (verl's BatchRewardManager contract)."""
    rows = [{"instance": truth} for truth in ground_truths]
    results = score_batch(rows, list(solution_strs), workers=workers, timeout=timeout,
                          policy=_policy(kwargs), details=True)
    return [_as_dict(item) for item in results]  # type: ignore[arg-type]


def verl_row(instance: Any, index: int, split: str, system_prompt: str | None = None) -> dict[str, Any]:
    """One row of verl's RL dataset schema for an instance."""
    from bootcamps.registry import get_task

    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    messages.append({"role": "user", "content": instance.prompt})
    return {
        "data_source": instance.task,
        "prompt": messages,
        "ability": get_task(instance.task).category,
        "reward_model": {"style": "rule", "ground_truth": instance.to_json()},
        # the same keys and types in every row: Arrow unifies struct columns across rows
        "extra_info": {"split": split, "index": index, "task": instance.task, "level": instance.level,
                       "seed": str(instance.seed), "instance_id": instance.id,
                       "params": json.dumps(instance.params, sort_keys=True)},
    }


def write_parquet(instances: Iterable[Any], path: str | Path, split: str = "train",
                  system_prompt: str | None = None) -> Path:
    """Write instances as a parquet file in verl's schema (needs the ``pyarrow`` extra)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [verl_row(instance, index, split, system_prompt) for index, instance in enumerate(instances)]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path
