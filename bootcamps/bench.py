"""Frozen benchmarks: build one balanced over tasks and levels, and check that one is intact.

A benchmark directory holds ``items.jsonl`` (one ``Instance.to_json`` per line, sorted by task,
level and seed) and ``manifest.json`` (counts per task and level, the SHA-256 of items.jsonl,
the library version and the exact command). Benchmark seeds come from their own range
(``S * 2**32 + 3 * 2**30 + level * 2**26 + index``), apart from the seed ranges of dump splits.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from bootcamps.dump import MAX_BASE_SEED, SPLIT_RANGE, _write_atomically
from bootcamps.errors import (
    BootcampsError,
    GenerationError,
    InvalidInstanceError,
    InvalidParameterError,
)
from bootcamps.registry import get_task
from bootcamps.types import Instance

BENCH_RANGE_OFFSET = 3 * SPLIT_RANGE
ITEMS, MANIFEST = "items.jsonl", "manifest.json"


class BenchmarkError(BootcampsError):
    """A benchmark directory that is missing, altered or inconsistent."""


LEVEL_RANGE = 2**26


def bench_seed(base_seed: int, level: int, index: int) -> int:
    """The seed of a benchmark candidate: a range per base seed, then per level."""
    return base_seed * 2**32 + BENCH_RANGE_OFFSET + level * LEVEL_RANGE + index


def build_benchmark(tasks: list[str], levels: list[int], per_level: int, seed: int, out: Path,
                    command: str = "") -> dict[str, Any]:
    """Write a benchmark with ``per_level`` distinct instances of every (task, level)."""
    from bootcamps import __version__

    if not isinstance(per_level, int) or per_level < 1:
        raise InvalidParameterError(f"--per-level expected an int >= 1, found {per_level!r}")
    if not isinstance(seed, int) or not 0 <= seed <= MAX_BASE_SEED:
        raise InvalidParameterError(f"--seed expected an int in [0, 2**32 - 1], found {seed!r}")
    lines: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    for task_id in tasks:
        task = get_task(task_id)
        seen: set[str] = set()
        counts[task.id] = {}
        for level in sorted(set(levels)):
            kept, index = 0, 0
            while kept < per_level:
                if index >= 10 * per_level + 1_000:
                    raise GenerationError(f"{task.id}: only {kept} distinct instances at level {level}; "
                                          "ask for fewer per level")
                instance = task.generate(bench_seed(seed, level, index), level)
                index += 1
                if instance.id not in seen:
                    seen.add(instance.id)
                    lines.append(instance.to_json() + "\n")
                    kept += 1
            counts[task.id][str(level)] = kept
    payload = "".join(lines).encode("utf-8")
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write_atomically(out / ITEMS, payload)
    except OSError as error:
        raise InvalidParameterError(f"--out expected a writable directory, found {str(out)!r} ({error.strerror})") from None
    manifest = {"bootcamps_version": __version__, "command": command, "total": len(lines),
                "options": {"tasks": tasks, "levels": sorted(set(levels)), "per_level": per_level, "seed": seed},
                "counts": counts, "items_sha256": hashlib.sha256(payload).hexdigest()}
    _write_atomically(out / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return manifest


def load_benchmark(directory: Path) -> tuple[dict[str, Any], list[Instance]]:
    """Read a benchmark, checking its hash, every instance and the counts; BenchmarkError if not intact."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text("utf-8"))
        payload = (directory / ITEMS).read_bytes()
    except FileNotFoundError as error:
        raise BenchmarkError(f"expected a benchmark directory with {ITEMS} and {MANIFEST}, "
                             f"found no {Path(error.filename).name} in {str(directory)!r}") from None
    except (OSError, ValueError) as error:
        raise BenchmarkError(f"expected a readable JSON manifest in {str(directory)!r}, found {error}") from None
    digest = hashlib.sha256(payload).hexdigest()
    if not isinstance(manifest, dict) or manifest.get("items_sha256") != digest:
        raise BenchmarkError(f"expected {ITEMS} to hash to {manifest.get('items_sha256') if isinstance(manifest, dict) else None}"
                             f" as the manifest says, found {digest}: the benchmark was altered")
    instances = []
    for number, line in enumerate(payload.decode("utf-8").splitlines(), start=1):
        try:
            instances.append(Instance.from_json(line))
        except InvalidInstanceError as error:
            raise BenchmarkError(f"{ITEMS} line {number}: {error}") from None
    found = Counter((instance.task, str(instance.level)) for instance in instances)
    expected = Counter({(task, level): count for task, levels in manifest.get("counts", {}).items()
                        for level, count in levels.items()})
    if found != expected or len(instances) != manifest.get("total"):
        raise BenchmarkError(f"expected {manifest.get('total')} items with the manifest's counts per task and level, "
                             f"found {len(instances)} with different counts")
    if len({instance.id for instance in instances}) != len(instances):
        raise BenchmarkError(f"expected distinct items in {ITEMS}, found duplicates")
    return manifest, instances


def check_benchmark(directory: Path, regenerate: bool = False) -> dict[str, Any]:
    """Prove a benchmark intact; with ``regenerate``, also that this library re-creates every item."""
    manifest, instances = load_benchmark(directory)
    if regenerate:
        for instance in instances:
            again = get_task(instance.task).generate(instance.seed, instance.level)
            if again != instance:
                raise BenchmarkError(f"{instance.task} seed {instance.seed} level {instance.level}: this version of "
                                     "bootcamps generates a different instance (the family changed without a new id)")
    return {"items": len(instances), "tasks": len(manifest["counts"]), "items_sha256": manifest["items_sha256"],
            "regenerated": regenerate}


def contamination(train_rows: Any, benchmark: Path) -> dict[str, Any]:
    """Benchmark items whose content id also appears among the training rows."""
    _, instances = load_benchmark(benchmark)
    bench_ids = {instance.id: instance for instance in instances}
    overlap: dict[str, str] = {}
    scanned = 0
    for row in train_rows:
        scanned += 1
        item_id = row.get("id") if isinstance(row, dict) else None
        if item_id is None and isinstance(row, dict) and isinstance(row.get("instance"), str):
            item_id = Instance.from_json(row["instance"]).id
        if item_id in bench_ids:
            overlap[item_id] = bench_ids[item_id].task
    per_task = Counter(overlap.values())
    return {"train_rows": scanned, "benchmark_items": len(instances), "contaminated": len(overlap),
            "per_task": dict(sorted(per_task.items())), "ids": sorted(overlap)}
