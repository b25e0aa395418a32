"""Synthetic data dumps: deterministic, deduplicated, sharded, resumable, in parallel.

A dump is a directory in the Hugging Face layout::

    OUT/README.md                    dataset card; YAML ``configs`` name one config per task
    OUT/manifest.json                counts, file hashes, library version, the exact command
    OUT/data/<task>/<split>-00000-of-00002.jsonl   (or .parquet)

Each row carries the columns TRL and verl read: ``prompt`` (chat messages), ``task``,
``instance`` (instance JSON), ``data_source``, ``ability``, ``reward_model`` (with the instance
JSON as ``ground_truth``) and ``extra_info``, plus ``id``, ``split``, ``level`` and ``seed``.

Guarantees:

- Seeds: split k of a dump with base seed S draws seeds from its own range,
  ``S * 2**32 + k * 2**30 + index``, so splits never share a seed (tasks hash seeds with their own
  id, see ``bootcamps.seeding``).
- Dedup: an instance whose content id was already kept (in any split of the task) is dropped
  and replaced by the next seed of the same split. Splits are filled test first, then
  validation, then train, so evaluation splits stay whole.
- Determinism: the same options give byte-identical files, whatever the number of workers and
  whether the work runs locally or on Ray.
- Resume: shards are written to a temporary name and renamed when complete, with a progress
  record beside them; the same command run again skips complete shards and continues. A killed
  dump leaves no partial line, no duplicate and no gap.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError, UnknownTaskError
from bootcamps.registry import LEVELS, Task, default_registry, get_task
from bootcamps.seeding import derive_seed

SPLIT_ORDER = ("test", "validation", "train")
SPLIT_RANGE = 2**30
MAX_BASE_SEED = 2**32 - 1
CHUNK = 512
FORMATS = ("jsonl", "parquet")


# -- selection -------------------------------------------------------------------------------


def select_tasks(selection: str | Iterable[str]) -> list[Task]:
    """Tasks named by ids, family names, categories, tags or ``all`` (comma-separated or a list)."""
    registry = default_registry()
    names = selection.split(",") if isinstance(selection, str) else list(selection)
    chosen: dict[str, Task] = {}
    everything = list(registry.tasks.values())
    for name in (part.strip() for part in names):
        if not name:
            continue
        if name == "all":
            matches = everything
        elif name in registry.tasks or name in registry.families:
            matches = [registry.get(name)]
        elif any(task.category == name for task in everything):
            matches = [task for task in everything if task.category == name]
        elif any(name in task.tags for task in everything):
            matches = [task for task in everything if name in task.tags]
        else:
            categories = sorted({task.category for task in everything})
            raise UnknownTaskError(name, sorted(registry.tasks) + sorted(registry.families) + categories)
        chosen.update((task.id, task) for task in matches)
    if not chosen:
        raise InvalidParameterError(f"--tasks expected at least one task, found {selection!r}")
    return [chosen[task_id] for task_id in sorted(chosen)]


def parse_levels(text: str) -> list[int]:
    """``"5"``, ``"3-7"`` or ``"1,5,10"`` (ranges and lists may mix) as a list of levels."""
    levels: list[int] = []
    for part in str(text).split(","):
        low, dash, high = part.strip().partition("-")
        try:
            span = range(int(low), int(high) + 1) if dash else [int(low)]
        except ValueError:
            raise InvalidParameterError(f"--levels expected levels like 5, 3-7 or 1,5,10, found {text!r}") from None
        for level in span:
            if level not in LEVELS:
                raise InvalidParameterError(f"--levels expected levels in 1..10, found {level}")
            levels.append(level)
    if not levels:
        raise InvalidParameterError(f"--levels expected at least one level, found {text!r}")
    return levels


def parse_splits(text: str, total: int) -> dict[str, int]:
    """Instances per split from ``"train=0.9,validation=0.05,test=0.05"`` (proportions) or from
    counts that add up to ``total`` (``"train=900,test=100"``)."""
    weights: dict[str, float] = {}
    for part in str(text).split(","):
        name, equals, value = part.strip().partition("=")
        if name not in SPLIT_ORDER or not equals:
            raise InvalidParameterError(
                f"--splits expected name=value pairs with names among {list(SPLIT_ORDER)}, found {part.strip()!r}"
            )
        try:
            weights[name] = float(value)
        except ValueError:
            raise InvalidParameterError(f"--splits expected a number for {name}, found {value!r}") from None
        if weights[name] < 0:
            raise InvalidParameterError(f"--splits expected non-negative sizes, found {name}={value}")
    if all(weight.is_integer() for weight in weights.values()) and sum(weights.values()) == total:
        return {name: int(weight) for name, weight in weights.items()}  # counts
    scale = sum(weights.values())
    if scale <= 0:
        raise InvalidParameterError(f"--splits expected a positive total, found {text!r}")
    exact = {name: total * weight / scale for name, weight in weights.items()}
    counts = {name: int(value) for name, value in exact.items()}
    ties = ("train", "validation", "test")
    for name in sorted(exact, key=lambda n: (counts[n] - exact[n], ties.index(n)))[: total - sum(counts.values())]:
        counts[name] += 1  # largest remainders first; ties go to train first
    return counts


# -- rows and candidates --------------------------------------------------------------------


def split_seed(base_seed: int, split: str, index: int) -> int:
    """The seed of the index-th candidate of a split: disjoint ranges per split."""
    return base_seed * 2**32 + SPLIT_ORDER.index(split) * SPLIT_RANGE + index


def instance_seed(base_seed: int, task_id: str, index: int) -> int:
    """A 64-bit seed for the index-th item of a task in a simple selection (no splits)."""
    return derive_seed(task_id, base_seed, {"index": index}) >> 192


def make_row(instance: Any, split: str, category: str, index: int) -> dict[str, Any]:
    """One dataset row with the columns TRL and verl read, the same keys for every task.

    ``extra_info.index`` is the candidate's index in its split's seed range.
    """
    text = instance.to_json()
    return {
        "id": instance.id,
        "task": instance.task,
        "split": split,
        "level": instance.level,
        "seed": str(instance.seed),  # 64-bit seeds exceed Arrow's signed integers
        "prompt": [{"role": "user", "content": instance.prompt}],
        "instance": text,
        "data_source": instance.task,
        "ability": category,
        "reward_model": {"style": "rule", "ground_truth": text},
        "extra_info": {"split": split, "index": index, "task": instance.task, "level": instance.level,
                       "instance_id": instance.id},
    }


@dataclass(frozen=True)
class Chunk:
    """A run of candidate indices of one task's split."""

    task: str
    split: str
    start: int
    count: int
    base_seed: int
    levels: tuple[int, ...]
    format: str = "jsonl"


def generate_chunk(chunk: Chunk) -> list[tuple[str, Any]]:
    """(content id, row) for every candidate of the chunk; for JSONL the row comes encoded as its
    line, so the parent only concatenates. Pure: any process gives the same."""
    task = get_task(chunk.task)
    out: list[tuple[str, Any]] = []
    for index in range(chunk.start, chunk.start + chunk.count):
        level = chunk.levels[index % len(chunk.levels)]
        instance = task.generate(split_seed(chunk.base_seed, chunk.split, index), level)
        row = make_row(instance, chunk.split, task.category, index)
        out.append((instance.id, _jsonl_line(row) if chunk.format == "jsonl" else row))
    return out


def _jsonl_line(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n"


# -- executors ------------------------------------------------------------------------------

Executor = Callable[[Iterator[Chunk]], Iterator[list[tuple[str, Any]]]]


def local_executor(workers: int, window: int | None = None) -> tuple[Executor, Callable[[], None]]:
    """Ordered map over worker processes (or this process for workers <= 1), a bounded window
    of chunks in flight so that nothing much is generated past what the dump keeps."""
    if workers <= 1:
        return (lambda chunks: map(generate_chunk, chunks)), (lambda: None)
    import multiprocessing
    from collections import deque

    # not fork: a process with other threads (a trainer's torch pools, a Ray or gRPC client) can
    # hand a forked worker a lock that no thread will ever release, and the dump hangs; the
    # forkserver forks workers from a clean single-threaded server instead
    methods = multiprocessing.get_all_start_methods()
    pool = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn").Pool(workers)
    window = window or 2 * workers

    def run(chunks: Iterator[Chunk]) -> Iterator[list[tuple[str, Any]]]:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(generate_chunk, (chunk,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    return run, pool.terminate


def ray_executor(address: str | None = None, window: int = 16) -> tuple[Executor, Callable[[], None]]:
    """Ordered map over Ray tasks, at most ``window`` in flight (needs the ``ray`` extra)."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    remote = ray.remote(generate_chunk)

    def run(chunks: Iterator[Chunk]) -> Iterator[list[tuple[str, Any]]]:
        pending: list[Any] = []
        for chunk in chunks:
            pending.append(remote.remote(chunk))
            if len(pending) >= window:
                yield ray.get(pending.pop(0))
        while pending:
            yield ray.get(pending.pop(0))

    return run, lambda: None


# -- writing --------------------------------------------------------------------------------


@dataclass
class DumpOptions:
    """Everything that decides a dump's bytes (and so goes into its manifest)."""

    tasks: list[str]
    per_task: int
    seed: int = 0
    levels: list[int] = field(default_factory=lambda: list(LEVELS))
    splits: dict[str, int] = field(default_factory=dict)
    format: str = "jsonl"
    shard_size: int = 10_000

    def check(self) -> None:
        if not isinstance(self.per_task, int) or self.per_task < 1:
            raise InvalidParameterError(f"--per-task expected an int >= 1, found {self.per_task!r}")
        if not isinstance(self.seed, int) or not 0 <= self.seed <= MAX_BASE_SEED:
            raise InvalidParameterError(f"--seed expected an int in [0, 2**32 - 1], found {self.seed!r}")
        if self.format not in FORMATS:
            raise InvalidParameterError(f"--format expected one of {list(FORMATS)}, found {self.format!r}")
        if not isinstance(self.shard_size, int) or self.shard_size < 1:
            raise InvalidParameterError(f"--shard-size expected an int >= 1, found {self.shard_size!r}")
        if sum(self.splits.values()) != self.per_task:
            raise InvalidParameterError(
                f"--splits expected sizes adding up to --per-task {self.per_task}, found {self.splits}"
            )
        if any(count >= SPLIT_RANGE for count in self.splits.values()):
            raise InvalidParameterError(f"--per-task expected fewer than {SPLIT_RANGE} instances per split")


def _write_atomically(path: Path, payload: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _encode(rows: list[Any], fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(rows).encode("utf-8")
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), sink)
    return sink.getvalue()


def _shard_ids(path: Path, fmt: str) -> list[str]:
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=["id"]).column("id").to_pylist()


class _Progress:
    """A one-line progress report on stderr (only when it is a terminal, or when forced)."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def advance(self, count: int) -> None:
        self.done += count
        if self.enabled:
            rate = self.done / max(time.monotonic() - self.start, 1e-9)
            sys.stderr.write(f"\r[bootcamps dump] {self.done:,}/{self.total:,} instances ({rate:,.0f}/s)")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _shard_name(split: str, number: int, shards: int, fmt: str) -> str:
    return f"{split}-{number:05d}-of-{shards:05d}.{fmt}"


def _fill_split(options: DumpOptions, task: Task, split: str, count: int, out: Path, seen: set[str],
                executor: Executor, progress: _Progress) -> dict[str, Any]:
    """Write one split of one task shard by shard; returns its manifest entry.

    Complete shards of an earlier run are read back (their ids join the dedup set); the rest
    come from one stream of candidates that starts where the last complete shard stopped.
    """
    folder = out / "data" / task.id
    record_folder = out / ".progress" / task.id
    folder.mkdir(parents=True, exist_ok=True)
    record_folder.mkdir(parents=True, exist_ok=True)
    shards = -(-count // options.shard_size)
    sizes = [min(options.shard_size, count - number * options.shard_size) for number in range(shards)]
    paths = [folder / _shard_name(split, number, shards, options.format) for number in range(shards)]
    files: list[dict[str, Any]] = []
    next_index = dropped = 0
    for path in paths:
        record_path = record_folder / (path.name + ".json")
        if not (path.exists() and record_path.exists()):
            break
        record = json.loads(record_path.read_text())
        seen.update(_shard_ids(path, options.format))
        next_index, dropped = record["next_index"], record["dropped"]
        files.append(record["file"])
        progress.advance(record["file"]["rows"])
    if len(files) == shards:
        return {"count": count, "duplicates_dropped": dropped, "files": files}
    budget = 10 * count + 1_000  # candidates allowed before a task's instance space counts as exhausted
    chunk = max(16, min(CHUNK, (count - sum(sizes[: len(files)])) // 8))
    stream = executor(Chunk(task.id, split, start, chunk, options.seed, tuple(options.levels), options.format)
                      for start in range(next_index, budget, chunk))
    rows: list[Any] = []
    for candidates in stream:
        for content_id, row in candidates:
            next_index += 1
            if content_id in seen:
                dropped += 1
                continue
            seen.add(content_id)
            rows.append(row)
            if len(rows) == sizes[len(files)]:
                files.append(_write_shard(out, paths[len(files)], record_folder, rows, options.format,
                                          next_index, dropped))
                progress.advance(len(rows))
                rows = []
                if len(files) == shards:
                    return {"count": count, "duplicates_dropped": dropped, "files": files}
    kept = sum(sizes[: len(files)]) + len(rows)
    raise GenerationError(
        f"{task.id}: found only {kept} distinct instances for {split} in {next_index} draws at levels "
        f"{options.levels}; ask for fewer or for higher levels"
    )


def _write_shard(out: Path, path: Path, record_folder: Path, rows: list[Any], fmt: str, next_index: int,
                 dropped: int) -> dict[str, Any]:
    """Write a complete shard: its progress record first, then the shard under its final name."""
    payload = _encode(rows, fmt)
    entry = {"path": path.relative_to(out).as_posix(), "rows": len(rows),
             "sha256": hashlib.sha256(payload).hexdigest()}
    record = {"next_index": next_index, "dropped": dropped, "file": entry}
    _write_atomically(record_folder / (path.name + ".json"), json.dumps(record).encode())
    _write_atomically(path, payload)
    return entry


def _card(options: DumpOptions, manifest: dict[str, Any]) -> str:
    lines = ["---", "configs:"]
    for task_id in options.tasks:
        lines += [f"- config_name: {task_id}", "  data_files:"]
        for split in SPLIT_ORDER:
            if options.splits.get(split):
                lines += [f"  - split: {split}", f"    path: data/{task_id}/{split}-*.{options.format}"]
    lines += ["tags:", "- bootcamps", "- reasoning", "- synthetic", "- verifiable-rewards", "---", ""]
    lines += [
        "# bootcamps synthetic reasoning data",
        "",
        "Procedurally generated, verifiable reasoning tasks made with the `bootcamps` library "
        f"(version {manifest['bootcamps_version']}). Every row can be scored without a model: "
        "`bootcamps.rewards.score(row, response)`.",
        "",
        f"Made with: `{manifest['command']}`",
        "",
        "| task | " + " | ".join(split for split in SPLIT_ORDER if options.splits.get(split)) + " |",
        "|---|" + "---|" * sum(1 for split in SPLIT_ORDER if options.splits.get(split)),
    ]
    for task_id in options.tasks:
        counts = [str(manifest["tasks"][task_id][split]["count"]) for split in SPLIT_ORDER if options.splits.get(split)]
        lines.append(f"| {task_id} | " + " | ".join(counts) + " |")
    lines += ["", "Columns: `prompt` (chat messages), `task`, `instance` (instance JSON), `data_source`, "
              "`ability`, `reward_model.ground_truth` (instance JSON), `extra_info`, `id` (content hash), "
              "`split`, `level`, `seed`.", ""]
    return "\n".join(lines)


def run_dump(options: DumpOptions, out: Path, *, workers: int = 1, backend: str = "local",
             ray_address: str | None = None, command: str = "", progress: bool | None = None) -> dict[str, Any]:
    """Write (or finish) a dump; returns its manifest. Same options, same bytes.

    With ``workers`` > 1 the generator processes are started by multiprocessing's forkserver,
    which imports the calling script again in each of them: a script that calls this needs the
    usual ``if __name__ == "__main__":`` guard (the ``bootcamps dump`` command has it).
    """
    from bootcamps import __version__

    options.check()
    tasks = [get_task(task_id) for task_id in options.tasks]
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / ".write-test").write_bytes(b"")
        (out / ".write-test").unlink()
    except OSError as error:
        raise InvalidParameterError(f"--out expected a writable directory, found {str(out)!r} ({error.strerror})") from None
    if backend == "local":
        executor, shutdown = local_executor(workers)
    elif backend == "ray":
        executor, shutdown = ray_executor(ray_address)
    else:
        raise InvalidParameterError(f"--backend expected 'local' or 'ray', found {backend!r}")
    report = _Progress(len(tasks) * options.per_task, progress)
    manifest: dict[str, Any] = {"bootcamps_version": __version__, "command": command,
                                "options": {"tasks": options.tasks, "per_task": options.per_task, "seed": options.seed,
                                            "levels": options.levels, "splits": options.splits,
                                            "format": options.format, "shard_size": options.shard_size},
                                "tasks": {}}
    try:
        for task in tasks:
            seen: set[str] = set()
            manifest["tasks"][task.id] = {
                split: _fill_split(options, task, split, options.splits[split], out, seen, executor, report)
                for split in SPLIT_ORDER if options.splits.get(split)
            }
    finally:
        shutdown()
        report.close()
    manifest["total"] = len(tasks) * options.per_task
    _write_atomically(out / "README.md", _card(options, manifest).encode("utf-8"))
    _write_atomically(out / "manifest.json", (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return manifest


def iter_dump_rows(path: Path) -> Iterator[dict[str, Any]]:
    """Every row of a dump directory (JSONL or Parquet shards), or of one JSONL file."""
    files: Sequence[Path] = [path] if path.is_file() else sorted((path / "data").rglob("*.*"))
    for file in files:
        if file.suffix == ".jsonl":
            with file.open(encoding="utf-8") as handle:
                for line in handle:
                    yield json.loads(line)
        elif file.suffix == ".parquet":
            import pyarrow.parquet as pq

            yield from pq.read_table(file).to_pylist()
