"""Generation and verification throughput per task on one core.

    python benchmarks/throughput.py [--tasks a,b] [--levels 1,5,10] [--seconds 1.0] [--json FILE]

For every task and level: instances generated per second (Task.generate, seeding and hashing
included), verifications per second of the reference (the family verifier on the extracted
answer), and the slowest verification of a 1 MB junk response. Runs in this one process.
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import bootcamps
from bootcamps.testing import junk_answers


def rate(call, seconds: float) -> float:
    """Calls per second, measured over at least ``seconds``."""
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(10):
            call()
        count += 10
    return count / elapsed


def measure(task_id: str, level: int, seconds: float) -> dict:
    task = bootcamps.get_task(task_id)
    seeds = iter(range(10**9))
    generation = rate(lambda: task.generate(next(seeds), level), seconds)
    instances = [task.generate(seed, level) for seed in range(50)]
    index = iter(range(10**9))

    def verify_one():
        instance = instances[next(index) % len(instances)]
        task.verifier.verify(instance.data, instance.reference)

    verification = rate(verify_one, seconds)
    worst = 0.0
    for junk in junk_answers():
        start = time.perf_counter()
        task.verifier.verify(instances[0].data, junk)
        worst = max(worst, time.perf_counter() - start)
    return {"task": task_id, "level": level, "generate_per_s": round(generation, 1),
            "verify_per_s": round(verification, 1), "worst_junk_verify_ms": round(worst * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", default="all")
    parser.add_argument("--levels", default="1,5,10")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    tasks = bootcamps.list_tasks() if args.tasks == "all" else args.tasks.split(",")
    levels = [int(level) for level in args.levels.split(",")]
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}, one process")
    print(f"{'task':28} {'level':>5} {'gen/s':>10} {'verify/s':>10} {'worst junk ms':>14}")
    rows = []
    for task_id in tasks:
        for level in levels:
            row = measure(task_id, level, args.seconds)
            rows.append(row)
            print(f"{task_id:28} {level:>5} {row['generate_per_s']:>10.0f} {row['verify_per_s']:>10.0f} "
                  f"{row['worst_junk_verify_ms']:>14.2f}", flush=True)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(rows, handle, indent=1)


if __name__ == "__main__":
    main()
