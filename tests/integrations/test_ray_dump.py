"""A dump on a real (local) Ray cluster gives the same bytes as the local run.

The Ray run is a `bootcamps dump --backend ray` subprocess: Ray's client threads stay out of the
test process, whose later tests fork worker processes.
"""

import hashlib
import subprocess
import sys
from pathlib import Path

from bootcamps.dump import DumpOptions, run_dump

BOOTCAMPS = str(Path(sys.executable).parent / "bootcamps")


def tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file() and ".progress" not in path.parts}


def test_ray_backend_matches_local_bytes(tmp_path):
    options = dict(tasks=["basic_arithmetic-v1", "sudoku-v1"], per_task=400, seed=7, levels=[2, 5],
                   splits={"train": 360, "test": 40}, shard_size=150)
    run_dump(DumpOptions(**options), tmp_path / "local", workers=2, command="same")
    done = subprocess.run([BOOTCAMPS, "dump", "--tasks", "basic_arithmetic-v1,sudoku-v1", "--per-task", "400",
                           "--seed", "7", "--levels", "2,5", "--splits", "train=360,test=40", "--shard-size", "150",
                           "--backend", "ray", "--command-line", "same", "--out", str(tmp_path / "ray")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert tree(tmp_path / "ray") == tree(tmp_path / "local")
