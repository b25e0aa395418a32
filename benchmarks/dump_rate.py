"""Dump throughput: instances per second written by `bootcamps dump` on this machine.

    python benchmarks/dump_rate.py [--tasks basic_arithmetic,linear_system,shortest_path,countdown]
                                   [--total 100000] [--workers 2] [--levels 1-10]
"""

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bootcamps.dump import DumpOptions, parse_levels, run_dump, select_tasks

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", default="basic_arithmetic,linear_system,shortest_path,countdown")
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--levels", default="1-10")
    parser.add_argument("--format", default="jsonl")
    args = parser.parse_args()
    tasks = [task.id for task in select_tasks(args.tasks)]
    per_task = args.total // len(tasks)
    out = Path(tempfile.mkdtemp(prefix="bootcamps-dump-"))
    try:
        options = DumpOptions(tasks=tasks, per_task=per_task, levels=parse_levels(args.levels),
                              splits={"train": per_task}, format=args.format)
        start = time.perf_counter()
        manifest = run_dump(options, out, workers=args.workers)
        elapsed = time.perf_counter() - start
        size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
        print(f"{manifest['total']:,} instances of {len(tasks)} tasks in {elapsed:.1f} s: "
              f"{manifest['total'] / elapsed:,.0f} instances/s with {args.workers} workers ({size / 2**20:.0f} MiB)")
    finally:
        shutil.rmtree(out)
