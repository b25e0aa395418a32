"""Dumps: deterministic, deduplicated, split by disjoint seed ranges, resumable after SIGKILL."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import bootcamps
from bootcamps.dump import DumpOptions, iter_dump_rows, parse_levels, parse_splits, run_dump

BOOTCAMPS = str(Path(sys.executable).parent / "bootcamps")
TASKS = ["basic_arithmetic-v1", "linear_system-v1"]


def tree_bytes(root: Path) -> dict[str, str]:
    """Every file of a dump (progress records aside) with its hash."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file() and ".progress" not in path.parts}


def options(**overrides) -> DumpOptions:
    base = {"tasks": TASKS, "per_task": 300, "seed": 3, "levels": [2, 5, 9],
            "splits": {"train": 240, "validation": 30, "test": 30}, "shard_size": 100}
    return DumpOptions(**{**base, **overrides})


def test_same_options_give_the_same_bytes_whatever_the_workers(tmp_path):
    run_dump(options(), tmp_path / "one", workers=1, command="cmd")
    run_dump(options(), tmp_path / "two", workers=2, command="cmd")
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_rows_splits_and_manifest(tmp_path):
    manifest = run_dump(options(), tmp_path, workers=2, command="bootcamps dump ...")
    rows = list(iter_dump_rows(tmp_path))
    assert len(rows) == 600 and manifest["total"] == 600
    for task in TASKS:
        for split, count in {"train": 240, "validation": 30, "test": 30}.items():
            entry = manifest["tasks"][task][split]
            assert entry["count"] == count == sum(1 for r in rows if r["task"] == task and r["split"] == split)
            for file in entry["files"]:
                assert hashlib.sha256((tmp_path / file["path"]).read_bytes()).hexdigest() == file["sha256"]
    assert len({row["id"] for row in rows}) == 600  # no duplicate inside or across splits
    seeds = {split: {int(r["seed"]) for r in rows if r["split"] == split} for split in ("train", "validation", "test")}
    assert not seeds["train"] & seeds["test"] and not seeds["train"] & seeds["validation"]
    assert {row["level"] for row in rows} == {2, 5, 9}
    assert manifest["bootcamps_version"] == bootcamps.__version__ and manifest["command"] == "bootcamps dump ..."
    row = rows[0]
    instance = bootcamps.Instance.from_json(row["instance"])
    assert row["prompt"] == [{"role": "user", "content": instance.prompt}]
    assert row["reward_model"] == {"style": "rule", "ground_truth": row["instance"]}
    assert row["data_source"] == instance.task and row["id"] == instance.id
    assert bootcamps.rewards.score(row, f"<answer>{instance.reference}</answer>") == 1.0


def test_dataset_card_names_a_config_per_task(tmp_path):
    run_dump(options(), tmp_path, workers=1)
    text = (tmp_path / "README.md").read_text()
    card = yaml.safe_load(text.split("---")[1])
    assert [config["config_name"] for config in card["configs"]] == TASKS
    files = card["configs"][0]["data_files"]
    assert [entry["split"] for entry in files] == ["test", "validation", "train"]
    assert all(list(tmp_path.glob(entry["path"])) for entry in files)


def test_duplicates_are_dropped_and_replaced(tmp_path):
    # level 1 has about 225 distinct expressions, so 150 draws repeat some
    manifest = run_dump(options(tasks=["basic_arithmetic-v1"], per_task=150, levels=[1], splits={"train": 150}),
                        tmp_path, workers=1)
    rows = list(iter_dump_rows(tmp_path))
    assert len(rows) == len({row["id"] for row in rows}) == 150
    assert manifest["tasks"]["basic_arithmetic-v1"]["train"]["duplicates_dropped"] > 0


def test_an_exhausted_instance_space_is_a_clear_error(tmp_path):
    with pytest.raises(bootcamps.GenerationError, match="found only .* distinct instances"):
        run_dump(options(tasks=["basic_arithmetic-v1"], per_task=400, levels=[1], splits={"train": 400},
                         shard_size=10_000), tmp_path, workers=1)


def test_parquet_dump_has_the_same_rows(tmp_path):
    run_dump(options(), tmp_path / "jsonl", workers=1)
    run_dump(options(format="parquet"), tmp_path / "parquet", workers=1)
    assert list(iter_dump_rows(tmp_path / "jsonl")) == list(iter_dump_rows(tmp_path / "parquet"))
    first = tree_bytes(tmp_path / "parquet")
    run_dump(options(format="parquet"), tmp_path / "again", workers=2)
    assert tree_bytes(tmp_path / "again") == first


@pytest.mark.parametrize("text, levels", [("5", [5]), ("3-5", [3, 4, 5]), ("1,5,10", [1, 5, 10]),
                                          ("1-2,9", [1, 2, 9])])
def test_level_selections(text, levels):
    assert parse_levels(text) == levels


@pytest.mark.parametrize("text, counts", [
    ("train=1", {"train": 100}),
    ("train=0.9,validation=0.05,test=0.05", {"train": 90, "validation": 5, "test": 5}),
    ("train=80,test=20", {"train": 80, "test": 20}),
    ("train=1,test=1,validation=1", {"train": 34, "test": 33, "validation": 33}),
])
def test_split_selections(text, counts):
    assert parse_splits(text, 100) == counts


def run_cli(*args, **kwargs):
    return subprocess.run([BOOTCAMPS, "dump", *args], capture_output=True, text=True, timeout=120, **kwargs)


@pytest.mark.parametrize("args, message", [
    (["--tasks", "sudok"], "did you mean 'sudoku'"),
    (["--levels", "0-3"], "levels in 1..10"),
    (["--levels", "easy"], "expected levels like 5, 3-7 or 1,5,10"),
    (["--splits", "train=0.5,dev=0.5"], "names among"),
    (["--per-task", "0"], "--per-task expected an int >= 1"),
    (["--seed", "-1"], "--seed expected an int in [0, 2**32 - 1]"),
    (["--out", "/proc/no-such-dir"], "expected a writable directory"),
])
def test_bad_dump_arguments_exit_2_with_a_message(tmp_path, args, message):
    base = ["--tasks", "basic_arithmetic", "--per-task", "10", "--out", str(tmp_path / "out")]
    done = run_cli(*base, *args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr


def test_killed_dump_resumes_to_the_same_bytes(tmp_path):
    args = ["--tasks", "basic_arithmetic,linear_system", "--per-task", "4000", "--levels", "4-8",
            "--splits", "train=0.8,test=0.2", "--shard-size", "60", "--workers", "2",
            "--command-line", "fixed"]
    reference = tmp_path / "reference"
    assert run_cli(*args, "--out", str(reference)).returncode == 0
    expected = tree_bytes(reference)
    interrupted = 0
    for delay in (0.6, 1.2, 2.0):
        out = tmp_path / f"killed-{delay}"
        process = subprocess.Popen([BOOTCAMPS, "dump", *args, "--out", str(out)], start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)  # the dump and its worker processes, at once
        process.wait()
        interrupted += not (out / "manifest.json").exists()
        for path in out.rglob("*.jsonl"):  # whatever survived is whole lines only
            assert path.read_bytes().endswith(b"\n")
        assert run_cli(*args, "--out", str(out)).returncode == 0
        assert tree_bytes(out) == expected
    assert interrupted, "no kill landed before the dump finished: the test proved nothing"
