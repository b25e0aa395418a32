"""OpenRLHF: the remote reward protocol (HTTP) and the custom reward function file.

OpenRLHF's PPO/GRPO trainer gets rewards from ``--remote_rm_url`` (``--reward.remote_url`` in
recent releases such as 0.11): the URL of an HTTP server, or the path of a Python file that
defines ``reward_func``. Both are served here. The dataset holds bootcamps rows
(``bootcamps.rewards.to_row``, or ``bootcamps dump``): chat messages under ``prompt`` and the
instance JSON under ``instance``, which OpenRLHF hands back to the reward as the *label*::

    --input_key prompt --apply_chat_template --label_key instance            # older releases
    --data.input_key prompt --data.apply_chat_template --data.label_key instance  # recent releases

**HTTP** (one server scores for every trainer process)::

    bootcamps serve --port 5000 --workers 8
    --remote_rm_url http://127.0.0.1:5000/get_reward

OpenRLHF POSTs ``{"query": [...], "prompts": [...], "labels": [...]}`` (``Content-Type:
application/json``; recent releases send one completion per request, older ones a whole batch)
and reads back ``{"rewards": [...], "scores": [...], "extra_logs": {name: [...]}}``, plain lists,
one value per query. ``rewards`` are the shaped rewards (``RewardPolicy``, the server's
``--policy``); ``scores``, which OpenRLHF's dynamic filtering reads, are the same values;
``extra_logs`` carries per-sample ``accuracy`` (1.0 when correct), ``format`` (1.0 when the
response has a well-formed ``<answer>`` block), ``timeout`` and ``error`` (1.0 when the verdict
has that status), which OpenRLHF logs as batch means.

**Reward function file** (scoring inside the trainer, in worker processes it starts)::

    --remote_rm_url $(python -c "import bootcamps.integrations.openrlhf as m; print(m.__file__)")

This very file defines ``reward_func(queries, prompts, labels, **kwargs)`` with the default
policy; the environment variables ``BOOTCAMPS_REWARD_POLICY`` (JSON of RewardPolicy fields),
``BOOTCAMPS_REWARD_WORKERS`` and ``BOOTCAMPS_REWARD_TIMEOUT`` configure it. Or write a file::

    from bootcamps.integrations.openrlhf import make_reward_func
    from bootcamps.rewards import RewardPolicy
    reward_func = make_reward_func(policy=RewardPolicy(format_reward=0.1), workers=4)

It returns ``{"rewards": tensor, "scores": tensor, "extra_logs": {name: tensor}}`` (float32
tensors of shape ``(len(queries),)``), as OpenRLHF's example ``reward_func`` does; without torch
it returns lists.

**Reading the response out of the query.** ``query[i]`` is the decoded prompt and completion,
special tokens included. The response is what follows ``prompts[i]`` in it; when the prompt is
not found there (OpenRLHF truncated it, or decoding changed it) it is what follows the last
assistant-turn marker of a known chat template (``ASSISTANT_MARKERS``), else the whole query.
Then every chat-template special token in ``SPECIAL_TOKENS`` is removed (``<|im_end|>``,
``<|endoftext|>``, ``</s>``, ``<|eot_id|>``, ``<|end|>``, ``<｜end▁of▁sentence｜>``, ...); pass
your own tuple as ``special_tokens`` for another template. ``<think>`` and ``<answer>`` are
ordinary text, never removed.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from bootcamps.answers.extract import Extraction, extract_answer
from bootcamps.errors import InvalidParameterError, describe
from bootcamps.rewards import DEFAULT_TIMEOUT, RewardPolicy, Scored
from bootcamps.server import BatchScorer, RequestError, describe_json, instance_text, parse_policy
from bootcamps.types import Status

SPECIAL_TOKENS: tuple[str, ...] = (
    # ChatML (Qwen, Yi, ...)
    "<|im_start|>", "<|im_end|>", "<|endoftext|>",
    # Llama 2, Mistral
    "<s>", "</s>",
    # Llama 3
    "<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>",
    "<|eom_id|>", "<|finetune_right_pad_id|>",
    # Phi-3
    "<|end|>", "<|system|>", "<|user|>", "<|assistant|>",
    # DeepSeek
    "<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>",
    # Gemma
    "<bos>", "<eos>", "<pad>", "<start_of_turn>", "<end_of_turn>",
    # padding and end markers of other tokenizers
    "<|pad|>", "[PAD]", "<|return|>",
)
"""Chat-template special tokens removed from a response before scoring."""

ASSISTANT_MARKERS: tuple[str, ...] = (
    "<|im_start|>assistant", "<|start_header_id|>assistant<|end_header_id|>", "<｜Assistant｜>",
    "<|assistant|>", "<start_of_turn>model", "[/INST]",
)
"""Where an assistant turn starts, for queries whose prompt cannot be found."""

_NO_LABEL_HINT = ("the instance JSON of the row (set OpenRLHF's --label_key instance, "
                  "--data.label_key instance in recent releases)")


@lru_cache(maxsize=32)
def _token_pattern(tokens: tuple[str, ...]) -> re.Pattern[str] | None:
    ordered = sorted(set(tokens), key=len, reverse=True)  # longest first: "<|end|>" inside nothing else
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def strip_special_tokens(text: str, special_tokens: Sequence[str] = SPECIAL_TOKENS) -> str:
    """``text`` without any occurrence of the given special tokens."""
    pattern = _token_pattern(tuple(special_tokens))
    return pattern.sub("", text) if pattern is not None else text


def response_text(query: str, prompt: str | None = None, special_tokens: Sequence[str] = SPECIAL_TOKENS) -> str:
    """The model's response inside an OpenRLHF query (prompt + response, with template tokens)."""
    start = query.find(prompt) if prompt else -1
    if start >= 0:
        text = query[start + len(prompt):]  # type: ignore[arg-type]
    else:
        cut = max((query.rfind(marker) + len(marker) if marker in query else -1) for marker in ASSISTANT_MARKERS)
        text = query[cut:] if cut >= 0 else query
    return strip_special_tokens(text, special_tokens)


def parse_request(body: object, max_items: int | None = None, max_chars: int | None = None,
                  special_tokens: Sequence[str] = SPECIAL_TOKENS) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and responses of an OpenRLHF reward request; RequestError (422, 413) if malformed.

    Fields other than ``query``, ``prompts`` and ``labels`` are ignored (forks add their own).
    """
    if not isinstance(body, Mapping):
        raise RequestError(422, f"request body: expected an object with 'query', 'prompts' and 'labels', "
                                f"found {describe_json(body)}")
    for key in ("query", "labels"):
        if key not in body:
            hint = f"; the labels are {_NO_LABEL_HINT}" if key == "labels" else ""
            raise RequestError(422, f"request body: expected a field {key!r}, found none{hint}")
    queries, labels, prompts = body["query"], body["labels"], body.get("prompts")
    for key, values in (("query", queries), ("labels", labels), ("prompts", prompts)):
        if key == "prompts" and values is None:
            continue
        if not isinstance(values, list):
            raise RequestError(422, f"{key}: expected an array, found {describe_json(values)}")
        if max_items is not None and len(values) > max_items:
            raise RequestError(413, f"{key}: expected at most {max_items} entries per request, found {len(values)}; "
                                    "split the batch")
        if len(values) != len(queries):
            raise RequestError(422, f"{key}: expected {len(queries)} entries (one per query), found {len(values)}")
    rows, responses = [], []
    for index, query in enumerate(queries):
        if not isinstance(query, str):
            raise RequestError(422, f"query[{index}]: expected a string, found {describe_json(query)}")
        if max_chars is not None and len(query) > max_chars:
            raise RequestError(413, f"query[{index}]: expected at most {max_chars} characters, found {len(query)}")
        prompt = prompts[index] if prompts is not None else None
        if prompt is not None and not isinstance(prompt, str):
            raise RequestError(422, f"prompts[{index}]: expected a string, found {describe_json(prompt)}")
        label = labels[index]
        if not isinstance(label, (str, dict)) or not label:
            raise RequestError(422, f"labels[{index}]: expected {_NO_LABEL_HINT}, found {describe_json(label)}")
        rows.append({"instance": instance_text(f"labels[{index}]", label)})
        responses.append(response_text(query, prompt, special_tokens))
    return rows, responses


def reward_payload(results: Sequence[Scored], responses: Sequence[str]) -> dict[str, Any]:
    """OpenRLHF's reward answer, as plain lists: rewards, scores and per-sample extra logs."""
    rewards = [item.reward for item in results]
    statuses = [item.verdict.status for item in results]
    return {
        "rewards": rewards,
        "scores": list(rewards),
        "extra_logs": {
            "accuracy": [float(item.verdict.correct) for item in results],
            "format": [float(extract_answer(text, Extraction.STRICT) is not None) for text in responses],
            "timeout": [float(status is Status.TIMEOUT) for status in statuses],
            "error": [float(status is Status.ERROR) for status in statuses],
        },
    }


def _as_tensors(payload: dict[str, Any]) -> dict[str, Any]:
    try:
        import torch
    except ImportError:  # OpenRLHF always has torch; lists keep the function usable without it
        return payload

    def tensor(values: list[float]) -> Any:
        return torch.tensor(values, dtype=torch.float32)

    return {"rewards": tensor(payload["rewards"]), "scores": tensor(payload["scores"]),
            "extra_logs": {key: tensor(values) for key, values in payload["extra_logs"].items()}}


class RewardFunction:
    """OpenRLHF's ``reward_func(queries, prompts, labels, **kwargs)`` contract, as a picklable object.

    The scoring processes start on the first call (a ``BatchScorer``: concurrent calls, which
    OpenRLHF makes from threads, are scored together) and stop at exit. Pickling drops them.
    """

    def __init__(self, policy: RewardPolicy | None = None, workers: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT, special_tokens: Sequence[str] = SPECIAL_TOKENS,
                 tensors: bool = True) -> None:
        if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 1):
            raise InvalidParameterError(f"workers expected an int >= 1, found {describe(workers)}")
        if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or not timeout > 0:
            raise InvalidParameterError(f"timeout expected a positive number of seconds, found {describe(timeout)}")
        self.policy = policy or RewardPolicy()
        # a trainer node has many cores and several engines: a few scoring processes each is plenty
        self.workers = workers or min(8, os.cpu_count() or 1)
        self.timeout = timeout
        self.special_tokens = tuple(special_tokens)
        self.tensors = tensors
        self._scorer: BatchScorer | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key not in ("_scorer", "_lock")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _scorer=None, _lock=threading.Lock())

    def scorer(self) -> BatchScorer:
        with self._lock:
            if self._scorer is None:
                self._scorer = BatchScorer(self.workers, self.timeout)
                atexit.register(self.close)
            return self._scorer

    def close(self) -> None:
        with self._lock:
            scorer, self._scorer = self._scorer, None
        if scorer is not None:
            scorer.close()

    def __call__(self, queries: Sequence[str], prompts: Sequence[str] | None, labels: Sequence[Any],
                 **kwargs: Any) -> dict[str, Any]:
        body = {"query": list(queries), "labels": list(labels),
                "prompts": list(prompts) if prompts is not None else None}
        rows, responses = parse_request(body, special_tokens=self.special_tokens)
        results = self.scorer().score(rows, responses, self.policy) if rows else []
        payload = reward_payload(results, responses)
        return _as_tensors(payload) if self.tensors else payload


def make_reward_func(policy: RewardPolicy | None = None, workers: int | None = None,
                     timeout: float = DEFAULT_TIMEOUT, special_tokens: Sequence[str] = SPECIAL_TOKENS,
                     tensors: bool = True):
    """A ``reward_func`` for an OpenRLHF reward function file (a plain function, as Ray needs).

    Args:
        policy: reward shaping (``bootcamps.rewards.RewardPolicy``); default 1 correct, 0 not.
        workers: scoring processes started in the trainer process (default: min(8, CPU count)).
        timeout: time budget per completion in seconds; over it the completion scores as a timeout.
        special_tokens: chat-template tokens removed from responses (default ``SPECIAL_TOKENS``).
        tensors: return torch tensors, as OpenRLHF expects (False: plain lists).
    """
    function = RewardFunction(policy, workers, timeout, special_tokens, tensors)

    def reward_func(queries, prompts, labels, **kwargs):
        return function(queries, prompts, labels, **kwargs)

    reward_func.reward_function = function  # type: ignore[attr-defined]
    return reward_func


def _from_environment() -> RewardFunction:
    raw = os.environ.get("BOOTCAMPS_REWARD_POLICY")
    try:
        fields = json.loads(raw) if raw else None
    except json.JSONDecodeError as error:
        raise InvalidParameterError(f"BOOTCAMPS_REWARD_POLICY: expected a JSON object, found invalid JSON "
                                    f"({error.msg})") from None
    try:
        policy = parse_policy(fields, RewardPolicy())
        workers = os.environ.get("BOOTCAMPS_REWARD_WORKERS")
        timeout = os.environ.get("BOOTCAMPS_REWARD_TIMEOUT")
        return RewardFunction(policy, int(workers) if workers else None, float(timeout) if timeout else DEFAULT_TIMEOUT)
    except RequestError as error:
        raise InvalidParameterError(f"BOOTCAMPS_REWARD_POLICY: {error.message}") from None
    except ValueError as error:
        raise InvalidParameterError(f"BOOTCAMPS_REWARD_WORKERS / BOOTCAMPS_REWARD_TIMEOUT: expected numbers, "
                                    f"found {error}") from None


_DEFAULT: list[RewardFunction] = []
_DEFAULT_LOCK = threading.Lock()


def default_reward_function() -> RewardFunction:
    """The process-wide reward function behind ``reward_func``, configured from the environment."""
    with _DEFAULT_LOCK:
        if not _DEFAULT:
            _DEFAULT.append(_from_environment())
        return _DEFAULT[0]


def reward_func(queries, prompts, labels, **kwargs):
    """OpenRLHF's custom reward function: point ``--remote_rm_url`` at this file.

    OpenRLHF loads the file under another module name and may ship this function to Ray workers
    by value, so it holds no state: it imports the installed module and delegates.
    """
    from bootcamps.integrations import openrlhf

    return openrlhf.default_reward_function()(queries, prompts, labels, **kwargs)
