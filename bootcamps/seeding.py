"""Stable per-instance randomness derived from (task id, seed, canonical params)."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from bootcamps.types import canonical_json


def derive_seed(task_id: str, seed: int, params: dict[str, Any]) -> int:
    """A 256-bit integer from SHA-256 of the canonical (task id, seed, params) triple.

    Neighbouring seeds give unrelated values (no ``seed + index`` shifts), and nothing depends
    on Python's salted ``hash()``, so the value is the same in every process.
    """
    payload = canonical_json({"task": task_id, "seed": seed, "params": params})
    return int.from_bytes(hashlib.sha256(payload.encode("utf-8")).digest(), "big")


def instance_rng(task_id: str, seed: int, params: dict[str, Any]) -> random.Random:
    """The random.Random a generator draws from for this (task, seed, params)."""
    return random.Random(derive_seed(task_id, seed, params))
