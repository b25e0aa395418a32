"""Batch reward throughput: 8,192 mixed completions of about 2,000 characters through score_batch.

    python benchmarks/reward_batch.py [--items 8192] [--workers 2] [--repeat 3]

Completions mix every task, right and wrong answers, answers with and without reasoning; rows
repeat in groups of 8 as in GRPO. Prints the best and median wall time of the repeats.
"""

import argparse
import random
import statistics
import time

import bootcamps
from bootcamps import rewards

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=8192)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(0)
    tasks = bootcamps.list_tasks()
    rows, responses = [], []
    for group in range(args.items // 8):
        instance = bootcamps.get_task(tasks[group % len(tasks)]).generate(group, 1 + group % 10)
        row = rewards.to_row(instance)
        for member in range(8):
            answer = instance.reference if member % 2 else "not it"
            padding = "".join(rng.choice("abcdefgh ijk\n") for _ in range(1900))
            rows.append(row)
            responses.append(f"<think>{padding}</think>\n<answer>{answer}</answer>")
    rewards.score_batch(rows[:64], responses[:64], workers=args.workers)  # start the pool
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        scores = rewards.score_batch(rows, responses, workers=args.workers)
        times.append(time.perf_counter() - start)
    print(f"{len(rows):,} completions (~{sum(map(len, responses)) // len(responses):,} chars each), "
          f"{args.workers} workers: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
          f"({len(rows) / min(times):,.0f}/s); mean reward {sum(scores) / len(scores):.3f}")
