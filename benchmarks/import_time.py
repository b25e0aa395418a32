"""Time of `import bootcamps` in a fresh interpreter (best of N runs).

    python benchmarks/import_time.py [--runs 10]
"""

import argparse
import subprocess
import sys

CODE = "import time; t = time.perf_counter(); import bootcamps; print(time.perf_counter() - t)"

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    times = [float(subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    print(f"import bootcamps: best {min(times) * 1000:.1f} ms, median {sorted(times)[runs // 2] * 1000:.1f} ms "
          f"over {runs} runs")
