"""Golden hashes: a family's output for fixed (seed, level) pairs may not change silently.

Each task id has tests/golden/<id>.json mapping "seed:level" to the SHA-256 of the instance JSON.
A change in output fails here until the family's version is bumped (a new id, a new file).
A new task id gets its file written by running this test once with BOOTCAMPS_WRITE_GOLDEN=1.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

import bootcamps

GOLDEN = Path(__file__).parent / "golden"
PAIRS = [(seed, level) for seed in (0, 1, 20261122) for level in (1, 5, 10)]


def instance_hashes(task_id: str) -> dict[str, str]:
    task = bootcamps.get_task(task_id)
    return {f"{seed}:{level}": hashlib.sha256(task.generate(seed, level).to_json().encode()).hexdigest()
            for seed, level in PAIRS}


@pytest.mark.parametrize("task_id", bootcamps.list_tasks())
def test_instances_match_golden_hashes(task_id):
    path = GOLDEN / f"{task_id}.json"
    actual = instance_hashes(task_id)
    if not path.exists():
        if os.environ.get("BOOTCAMPS_WRITE_GOLDEN") != "1":
            pytest.fail(f"{path.name} is missing: run BOOTCAMPS_WRITE_GOLDEN=1 pytest tests/test_golden.py "
                        "once for a new task id, and commit it")
        path.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n")
    expected = json.loads(path.read_text())
    changed = sorted(key for key in expected if expected[key] != actual.get(key))
    assert not changed, (f"{task_id} output changed for seed:level {changed}: bump the family version "
                         "(new id) instead of changing an existing one")


def test_every_golden_file_names_a_registered_task():
    registered = set(bootcamps.list_tasks())
    stale = sorted(path.stem for path in GOLDEN.glob("*.json") if path.stem not in registered)
    assert not stale, f"golden files for tasks no longer registered: {stale}"
