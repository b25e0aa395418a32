"""Core value types: Problem (what a generator returns), Instance and Verdict."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bootcamps.errors import InvalidInstanceError, describe


def canonical_json(value: Any) -> str:
    """The canonical JSON text of a value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@dataclass(frozen=True, slots=True)
class Problem:
    """What a family generator returns.

    ``question`` is the task text shown to the model (the answer-tag instruction is appended by
    the Task). ``data`` is a JSON-serialisable dict holding everything the verifier needs.
    ``reference`` is one answer text that must verify.
    """

    question: str
    data: dict[str, Any]
    reference: str


class Status(str, Enum):
    """Why a verdict is what it is."""

    CORRECT = "correct"
    PARTIAL = "partial"  # valid but not fully right; score carries the partial credit
    WRONG = "wrong"
    UNPARSABLE = "unparsable"  # an answer was found but is not of the expected form
    NO_ANSWER = "no_answer"  # no answer could be extracted from the response
    TIMEOUT = "timeout"
    ERROR = "error"  # the verifier itself failed; a bug to report, never the model's fault


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of verifying one answer.

    ``correct`` is True exactly when ``status`` is CORRECT; ``score`` is in [0, 1] and is 1.0
    exactly when correct. Partial credit (a score strictly between 0 and 1) comes with status
    PARTIAL; whether it is used as reward is decided by ``bootcamps.rewards``, not here.
    """

    correct: bool
    score: float
    reason: str
    status: Status

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"expected a score in [0, 1], found {self.score!r}")
        if self.correct != (self.status is Status.CORRECT) or self.correct != (self.score == 1.0):
            raise ValueError(
                f"inconsistent verdict: correct={self.correct}, score={self.score}, status={self.status}"
            )

    @classmethod
    def right(cls, reason: str = "correct") -> Verdict:
        if reason == "correct" and cls is Verdict:
            return _RIGHT  # verdicts are immutable: the most common one is built once
        return cls(True, 1.0, reason, Status.CORRECT)

    @classmethod
    def wrong(cls, reason: str) -> Verdict:
        return cls(False, 0.0, reason, Status.WRONG)

    @classmethod
    def partial(cls, score: float, reason: str) -> Verdict:
        """Partial credit; the score is clamped below 1 so it can never pass for correct."""
        return cls(False, min(max(float(score), 0.0), 0.999), reason, Status.PARTIAL)

    @classmethod
    def unparsable(cls, reason: str) -> Verdict:
        return cls(False, 0.0, reason, Status.UNPARSABLE)

    @classmethod
    def no_answer(cls, reason: str = "no answer found in the response") -> Verdict:
        return cls(False, 0.0, reason, Status.NO_ANSWER)

    @classmethod
    def timeout(cls, reason: str = "verification timed out") -> Verdict:
        return cls(False, 0.0, reason, Status.TIMEOUT)

    @classmethod
    def error(cls, reason: str) -> Verdict:
        return cls(False, 0.0, reason, Status.ERROR)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "score": self.score, "reason": self.reason, "status": self.status.value}


_RIGHT = Verdict(True, 1.0, "correct", Status.CORRECT)

_INSTANCE_FIELDS = {"task": str, "seed": int, "level": int, "params": dict, "prompt": str,
                    "data": dict, "reference": str, "id": str}


def content_id(task: str, prompt: str, data: dict[str, Any]) -> str:
    """Content hash of an instance: equal for instances that pose the same problem."""
    digest = hashlib.sha256(canonical_json([task, prompt, data]).encode("utf-8")).hexdigest()
    return digest[:24]


@dataclass(frozen=True, slots=True)
class Instance:
    """One generated problem, with everything needed to reproduce and to score it.

    ``id`` is a content hash of (task, prompt, data): instances that pose the same problem share
    it, whatever seed produced them, which is what dedup and contamination checks need.
    """

    task: str
    seed: int
    level: int
    params: dict[str, Any]
    prompt: str
    data: dict[str, Any]
    reference: str
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.task, self.prompt, self.data))

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "seed": self.seed, "level": self.level, "params": self.params,
                "prompt": self.prompt, "data": self.data, "reference": self.reference, "id": self.id}

    def to_json(self) -> str:
        """Canonical JSON; ``Instance.from_json`` gives back an equal instance."""
        return canonical_json(self.to_dict())

    @classmethod
    def from_dict(cls, obj: Any) -> Instance:
        """Build an instance from a dict, checking every field and the content hash."""
        if not isinstance(obj, dict):
            raise InvalidInstanceError(f"expected a JSON object for an instance, found {describe(obj)}")
        missing = sorted(set(_INSTANCE_FIELDS) - set(obj))
        extra = sorted(set(obj) - set(_INSTANCE_FIELDS))
        if missing or extra:
            raise InvalidInstanceError(
                f"expected instance fields {sorted(_INSTANCE_FIELDS)}, found missing {missing} and unknown {extra}"
            )
        for name, kind in _INSTANCE_FIELDS.items():
            value = obj[name]
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise InvalidInstanceError(
                    f"expected instance field {name!r} to be {kind.__name__}, found {describe(value)}"
                )
        expected_id = content_id(obj["task"], obj["prompt"], obj["data"])
        if obj["id"] != expected_id:
            raise InvalidInstanceError(
                f"expected instance id {expected_id!r} (the hash of its content), found {obj['id']!r}: "
                "the instance was altered or corrupted"
            )
        return cls(**obj)

    @classmethod
    def from_json(cls, text: str | bytes) -> Instance:
        """Parse JSON written by ``to_json``; corrupt or altered text raises InvalidInstanceError."""
        if not isinstance(text, (str, bytes, bytearray)):
            raise InvalidInstanceError(f"expected instance JSON text, found {describe(text)}")
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InvalidInstanceError(f"expected instance JSON text, found invalid JSON: {exc}") from None
        return cls.from_dict(obj)
