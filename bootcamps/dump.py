"""Write instances of many tasks to JSONL, deterministically."""

from __future__ import annotations

import os
from pathlib import Path

from bootcamps.errors import InvalidParameterError, UnknownTaskError
from bootcamps.registry import Task, default_registry
from bootcamps.seeding import derive_seed


def select_tasks(selection: str) -> list[Task]:
    """Tasks named by a comma-separated list of ids, families, categories or ``all``."""
    registry = default_registry()
    chosen: dict[str, Task] = {}
    for name in (part.strip() for part in selection.split(",")):
        if not name:
            continue
        if name == "all":
            matches = list(registry.tasks.values())
        elif any(task.category == name for task in registry.tasks.values()):
            matches = [task for task in registry.tasks.values() if task.category == name]
        else:
            matches = [registry.get(name)]
        chosen.update((task.id, task) for task in matches)
    if not chosen:
        raise UnknownTaskError(selection, sorted(registry.tasks))
    return [chosen[task_id] for task_id in sorted(chosen)]


def instance_seed(base_seed: int, task_id: str, index: int) -> int:
    """The seed of the index-th instance of a task in a dump: a hash, never base + index."""
    return derive_seed(task_id, base_seed, {"index": index}) >> 192


def dump_jsonl(tasks: list[Task], per_task: int, seed: int, levels: list[int], out: Path) -> Path:
    """Write ``per_task`` instances of each task to ``out/instances.jsonl``; levels cycle."""
    if per_task < 1:
        raise InvalidParameterError(f"--per-task expected a positive int, found {per_task}")
    if not levels:
        raise InvalidParameterError("--levels expected at least one level, found none")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidParameterError(f"--out expected a writable directory, found {str(out)!r} ({error.strerror})") from None
    path = out / "instances.jsonl"
    partial = path.with_suffix(".jsonl.partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for task in tasks:
                for index in range(per_task):
                    instance = task.generate(instance_seed(seed, task.id, index), levels[index % len(levels)])
                    handle.write(instance.to_json() + "\n")
    except OSError as error:
        raise InvalidParameterError(f"--out expected a writable directory, found {str(out)!r} ({error.strerror})") from None
    os.replace(partial, path)
    return path
