"""The benchmark harness: generation and verification speed per family and level, latency
percentiles, import time, batch reward throughput, scoring-worker memory, and a side-by-side
comparison with Reasoning Gym.

    python benchmarks/harness.py [--tasks all] [--levels 1,5,10] [--seconds 1.0] [--json out.json]
                                 [--compare]        # Reasoning Gym side by side (pip install reasoning-gym)

Everything runs on one core in this process unless said otherwise (batch rewards use 2 workers).
Rates are wall-clock; run on an idle machine, and read the numbers as that machine's.
Verification columns: verify/s the reference answers of 40 instances over and over, other/s the
family's other correct renderings, fresh/s both as texts never seen before (padded with a new run
of spaces each time, so caches keyed by the answer text miss; the other columns are what repeated
answers cost, as in a GRPO group).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from typing import Any

import bootcamps
from bootcamps.testing import junk_answers

# Our task and level beside the Reasoning Gym dataset of comparable difficulty (its defaults).
COMPARISONS = [
    ("sudoku-v1", 5, "sudoku", "9x9, 45 empty (RG: 30-50 empty); both prove uniqueness"),
    ("sudoku-v1", 2, "mini_sudoku", "4x4, 10 empty (RG: 8-12 empty)"),
    ("countdown-v1", 7, "countdown", "6 numbers, target 100-999 (RG: 4-6 numbers, 100-999)"),
    ("knights_knaves-v1", 2, "knights_knaves", "small islands (RG: 2 people, depth 2)"),
    ("basic_arithmetic-v1", 7, "basic_arithmetic", "7 terms to 99 (RG: 2-6 terms, 1-4 digits)"),
    ("cryptarithm-v1", 3, "cryptarithm", "2-3 addends (RG: 2-3 words)"),
    ("graph_coloring-v1", 4, "graph_color", "10 nodes, 3 colours (RG: 10 vertices, 3 colours)"),
    ("shortest_path-v1", 4, "shortest_path", "10-node weighted graph (RG: 5-8 grid)"),
    ("futoshiki-v1", 5, "futoshiki", "6x6 (RG: 4-9 boards); both prove uniqueness"),
    ("n_queens-v1", 5, "n_queens", "8x8 (RG: 8x8, 1-7 queens removed)"),
    ("zebra_puzzle-v1", 5, "zebra_puzzles", "4 houses x 5 attributes (RG: 4 x 4); both prove uniqueness"),
    ("polynomial_roots-v1", 3, "polynomial_equations", "degree 3 (RG: degree 1-3)"),
    ("tower_of_hanoi-v1", 5, "tower_of_hanoi", "5 disks, 3 pegs (RG: 3-7 disks, 3-4 pegs)"),
    ("cellular_automaton-v1", 7, "game_of_life", "Life-like 6x6, 2 steps (RG: Life 10x10, 1 step)"),
    ("count_islands-v1", 5, "largest_island", "10x10 (RG: 5-10 grids)"),
    ("topological_sort-v1", 3, "course_schedule", "8 nodes (RG: 5-10 courses)"),
    ("sokoban-v1", 5, "sokoban", "7x6, 2 boxes, solved optimally (RG: 6-10 rooms, 4-10 boxes)"),
    ("water_jugs-v1", 5, "jugs", "3 jugs, optimum by BFS (RG: 3 jugs)"),
    ("dice_probability-v1", 5, "dice", "4 mixed dice up to 10 sides (RG: 4 dice up to 20)"),
    ("date_arithmetic-v1", 3, "calendar_arithmetic", "offsets up to 120 days (RG: up to 100)"),
    ("prime_factorization-v1", 3, "prime_factorization", "4 digits (RG: up to 1000)"),
    ("base_conversion-v1", 3, "base_conversion", "3 digits (RG: up to 1000)"),
    ("antiderivative-v2", 3, "intermediate_integration", "nested terms (RG: mixed types)"),
    ("boolean_circuit-v1", 3, "circuit_logic", "3 inputs, depth 3 (RG: 2-4 inputs)"),
]


def rate(call: Any, seconds: float) -> float:
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(5):
            call()
        count += 5
    return count / elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure_task(task_id: str, level: int, seconds: float) -> dict[str, Any]:
    task = bootcamps.get_task(task_id)
    seeds = iter(range(10**9))
    generation = rate(lambda: task.generate(next(seeds), level), seconds)
    instances = [task.generate(seed, level) for seed in range(40)]
    latencies = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for instance in instances:
            start = time.perf_counter()
            task.verifier.verify(instance.data, instance.reference)
            latencies.append(time.perf_counter() - start)
    # the reference may hit a fast path (an answer identical to the stored one): time the other
    # correct renderings too (the family's equivalents), as models write them
    others = [(instance, answer) for instance in instances[:10] for answer in task.equivalents(instance)
              if answer.strip() != instance.reference.strip()] or [(instance, instance.reference) for instance in instances]
    other = rate(lambda: [task.verifier.verify(instance.data, answer) for instance, answer in others], seconds / 2)
    fresh_pairs = [(instance, instance.reference) for instance in instances[:10]] + others
    padding = iter(range(10**9))
    fresh = rate(lambda: [task.verifier.verify(instance.data, unseen(answer, next(padding)))
                          for instance, answer in fresh_pairs], seconds / 2)
    worst_junk = 0.0
    for junk in junk_answers():
        # the better of two runs, as the conformance check measures: one garbage collection of the
        # whole harness process is not the verifier's cost
        elapsed = []
        for _ in range(2):
            start = time.perf_counter()
            task.verifier.verify(instances[0].data, junk)
            elapsed.append(time.perf_counter() - start)
        worst_junk = max(worst_junk, min(elapsed))
    return {"task": task_id, "level": level, "generate_per_s": round(generation, 1),
            "verify_per_s": round(len(latencies) / sum(latencies), 1),
            "verify_other_per_s": round(other * len(others), 1),
            "verify_fresh_per_s": round(fresh * len(fresh_pairs), 1),
            "verify_p50_us": round(percentile(latencies, 0.5) * 1e6, 1),
            "verify_p99_us": round(percentile(latencies, 0.99) * 1e6, 1),
            "verify_max_ms": round(max(latencies) * 1e3, 2),
            "junk_1mb_max_ms": round(worst_junk * 1e3, 2)}


def unseen(answer: str, count: int) -> str:
    """The answer with a different run of surrounding spaces each time (8,633 variants), so caches
    keyed by the answer text miss while those of the stored data (parsed once per prompt) still hit."""
    return f"{' ' * (count % 97)}{answer}{' ' * (count // 97 % 89)}"


def import_time(runs: int = 7) -> float:
    code = "import time; t = time.perf_counter(); import bootcamps; print(time.perf_counter() - t)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(runs))


def batch_rewards(items: int = 8192, workers: int = 2) -> dict[str, Any]:
    """8,192 mixed completions of ~2,000 characters through score_batch, and the workers' peak RSS."""
    import random

    from bootcamps import rewards

    rng = random.Random(0)
    tasks = bootcamps.list_tasks()
    rows, responses = [], []
    for group in range(items // 8):
        instance = bootcamps.get_task(tasks[group % len(tasks)]).generate(group, 1 + group % 10)
        row = rewards.to_row(instance)
        for member in range(8):
            padding = "".join(rng.choice("abcdefgh ijk\n") for _ in range(1900))
            rows.append(row)
            responses.append(f"<think>{padding}</think>\n<answer>{instance.reference if member % 2 else 'x'}</answer>")
    pool = rewards.ScoringPool(workers)
    try:
        pool.score(rows[:64], responses[:64])
        times = []
        for _ in range(3):
            start = time.perf_counter()
            pool.score(rows, responses)
            times.append(time.perf_counter() - start)
        peaks = []
        for worker in pool._workers:
            with open(f"/proc/{worker.process.pid}/status") as status:
                peaks += [int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM")]
    finally:
        pool.close()
    return {"items": len(rows), "workers": workers, "best_s": round(min(times), 3),
            "median_s": round(statistics.median(times), 3), "per_s": round(len(rows) / min(times)),
            "worker_peak_rss_mib": round(max(peaks), 1) if peaks else None}


def measure_reasoning_gym(name: str, seconds: float) -> tuple[float, float]:
    """Reasoning Gym's items per second and score_answer calls per second on its reference answers."""
    import reasoning_gym

    dataset = reasoning_gym.create_dataset(name, size=10**6, seed=1)
    indices = iter(range(10**6))
    generate = rate(lambda: dataset[next(indices)], seconds)
    entries = [dataset[index] for index in range(40)]
    position = iter(range(10**9))

    def score_one() -> None:
        entry = entries[next(position) % len(entries)]
        dataset.score_answer(entry["answer"], entry)

    return generate, rate(score_one, seconds)


def compare_reasoning_gym(seconds: float) -> list[dict[str, Any]]:
    rows = []
    known = set(bootcamps.list_tasks())
    for task_id, level, rg_name, note in COMPARISONS:
        if task_id not in known:
            continue
        ours = measure_task(task_id, level, seconds)
        theirs_generate, theirs_verify = measure_reasoning_gym(rg_name, seconds)
        rows.append({"task": task_id, "level": level, "reasoning_gym": rg_name, "match": note,
                     "ours_generate_per_s": ours["generate_per_s"], "rg_generate_per_s": round(theirs_generate, 1),
                     "generate_ratio": round(ours["generate_per_s"] / theirs_generate, 2),
                     "ours_verify_per_s": ours["verify_per_s"], "rg_verify_per_s": round(theirs_verify, 1),
                     "verify_ratio": round(ours["verify_per_s"] / theirs_verify, 2)})
        print(f"{task_id:22} L{level:<2} vs {rg_name:17} gen {rows[-1]['ours_generate_per_s']:>9,.0f} / "
              f"{rows[-1]['rg_generate_per_s']:>8,.0f} = {rows[-1]['generate_ratio']:>6.1f}x   verify "
              f"{rows[-1]['ours_verify_per_s']:>9,.0f} / {rows[-1]['rg_verify_per_s']:>8,.0f} = "
              f"{rows[-1]['verify_ratio']:>6.1f}x", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", default="all")
    parser.add_argument("--levels", default="1,5,10")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--compare", action="store_true", help="Reasoning Gym side by side")
    parser.add_argument("--skip-tasks", action="store_true", help="only the whole-library measurements")
    parser.add_argument("--json", help="write every measurement to this file")
    args = parser.parse_args()
    report: dict[str, Any] = {"machine": {"processor": platform.processor() or platform.machine(),
                                          "cpus": os.cpu_count(), "python": platform.python_version()}}
    print(f"# {report['machine']}")
    report["import_bootcamps_s"] = round(import_time(), 4)
    print(f"import bootcamps: {report['import_bootcamps_s'] * 1000:.0f} ms (best of 7)")
    report["batch_rewards"] = batch_rewards()
    print(f"batch rewards: {report['batch_rewards']}")
    rows = []
    if not args.skip_tasks:
        tasks = bootcamps.list_tasks() if args.tasks == "all" else args.tasks.split(",")
        print(f"{'task':24}{'lvl':>4}{'gen/s':>10}{'verify/s':>10}{'other/s':>10}{'fresh/s':>10}{'p50 us':>9}{'p99 us':>9}"
              f"{'max ms':>8}{'junk ms':>9}")
        for task_id in tasks:
            for level in (int(level) for level in args.levels.split(",")):
                row = measure_task(task_id, level, args.seconds)
                rows.append(row)
                print(f"{task_id:24}{level:>4}{row['generate_per_s']:>10,.0f}{row['verify_per_s']:>10,.0f}"
                      f"{row['verify_other_per_s']:>10,.0f}{row['verify_fresh_per_s']:>10,.0f}{row['verify_p50_us']:>9.1f}{row['verify_p99_us']:>9.1f}{row['verify_max_ms']:>8.2f}"
                      f"{row['junk_1mb_max_ms']:>9.2f}", flush=True)
    report["tasks"] = rows
    if args.compare:
        report["reasoning_gym"] = compare_reasoning_gym(args.seconds)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=1)


if __name__ == "__main__":
    main()
