"""A dump on a real (local) Ray cluster gives the same bytes as the local run."""

import hashlib

import ray

from bootcamps.dump import DumpOptions, run_dump


def tree(root):
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file() and ".progress" not in path.parts}


def test_ray_backend_matches_local_bytes(tmp_path):
    options = dict(tasks=["basic_arithmetic-v1", "sudoku-v1"], per_task=400, seed=7, levels=[2, 5],
                   splits={"train": 360, "test": 40}, shard_size=150)
    run_dump(DumpOptions(**options), tmp_path / "local", workers=2, command="same")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        run_dump(DumpOptions(**options), tmp_path / "ray", backend="ray", command="same")
    finally:
        ray.shutdown()
    assert tree(tmp_path / "ray") == tree(tmp_path / "local")
