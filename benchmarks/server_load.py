"""Load test of the HTTP reward server on loopback, bounded in time.

    python benchmarks/server_load.py [--seconds 15] [--clients 4] [--batch 256] [--workers 2] [--json FILE]

Starts ``bootcamps serve`` on a free 127.0.0.1 port, then ``--clients`` threads POST batches of
``--batch`` mixed completions of about 2,000 characters (correct, wrong, boxed, no answer, junk;
every task) to ``/score`` until ``--seconds`` have passed. Reports scored completions per second,
request latency (p50, p99), the server's resident memory over time (its process and its scoring
workers), then sends a mix of malformed requests and checks that each one gets a 4xx, and stops
the server with SIGTERM (it must exit 0). Every wait is bounded; the whole run takes at most
``--seconds`` plus about 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

import bootcamps

HOST = "127.0.0.1"
FILLER = ("Let me work through this carefully. First I restate the problem, then I check each step "
          "against the constraints, and only then do I write the final answer. ")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def completions(count: int, seed: int = 0) -> list[dict]:
    """``count`` items (instance JSON + response of ~2,000 characters) over every task, mixed kinds."""
    rng = random.Random(seed)
    instances = []
    for task_id in bootcamps.list_tasks():
        try:
            instances += [bootcamps.get_task(task_id).generate(seed, rng.randint(1, 8)) for seed in range(24)]
        except Exception as error:  # a family under construction must not stop the benchmark
            print(f"# skipping {task_id}: {type(error).__name__}: {error}", file=sys.stderr)
    items = []
    for index in range(count):
        instance = instances[rng.randrange(len(instances))]
        kind = index % 5
        answer = {0: f"<answer>{instance.reference}</answer>", 1: "<answer>42</answer>",
                  2: f"\\boxed{{{instance.reference}}}", 3: "I give up.",
                  4: "<answer>" + "(" * 50 + "</answer>"}[kind]
        reasoning = (FILLER * (2000 // len(FILLER) + 1))[: max(0, 2000 - len(answer) - 15)]
        items.append({"instance": instance.to_json(), "response": f"<think>{reasoning}</think>{answer}"})
    return items


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            values = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(values[11]) + int(values[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / ticks


def descendants(pid: int) -> list[int]:
    """Every live process under ``pid`` (scoring workers, the forkserver), from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def start_server(port: int, workers: int, extra: list[str]) -> subprocess.Popen:
    exe = shutil.which("bootcamps", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "bootcamps.cli"]
    process = subprocess.Popen([*command, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers),
                                "--log-level", "warning", *extra])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode} before answering /health")
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not answer /health within 30 s")


def load(url: str, bodies: list[bytes], batch: int, clients: int, seconds: float) -> tuple[list[float], int, int]:
    """Requests from ``clients`` threads until the deadline: latencies, items scored, failures."""
    latencies: list[float] = []
    counts = {"items": 0, "failures": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(timeout=30, headers={"Content-Type": "application/json"}) as session:
            index = offset
            while time.monotonic() < deadline:
                body = bodies[index % len(bodies)]
                index += 1
                start = time.perf_counter()
                response = session.post(f"{url}/score", content=body)
                elapsed = time.perf_counter() - start
                ok = response.status_code == 200 and len(response.json()["results"]) == batch
                with lock:
                    latencies.append(elapsed)
                    counts["items" if ok else "failures"] += batch if ok else 1

    threads = [threading.Thread(target=client, args=(offset,)) for offset in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return latencies, counts["items"], counts["failures"]


def malformed_requests(item: dict, max_items: int, max_body: int) -> list[tuple[str, str, str, bytes]]:
    """(name, method, path, body) of requests the server must refuse with a 4xx."""
    big_response = "x" * 200_001
    return [
        ("invalid JSON", "POST", "/score", b'{"items": [}'),
        ("empty body", "POST", "/score", b""),
        ("not an object", "POST", "/score", b"[1, 2]"),
        ("missing items", "POST", "/score", b"{}"),
        ("items not a list", "POST", "/score", json.dumps({"items": "x"}).encode()),
        ("item not an object", "POST", "/score", json.dumps({"items": [3]}).encode()),
        ("missing response", "POST", "/score", json.dumps({"items": [{"instance": item["instance"]}]}).encode()),
        ("response not a string", "POST", "/score",
         json.dumps({"items": [{"instance": item["instance"], "response": 7}]}).encode()),
        ("unknown policy field", "POST", "/score", json.dumps({"items": [], "policy": {"bonus": 1}}).encode()),
        ("too many items", "POST", "/score",
         json.dumps({"items": [{"instance": "{}", "response": ""}] * (max_items + 1)}).encode()),
        ("response too long", "POST", "/score",
         json.dumps({"items": [{"instance": item["instance"], "response": big_response}]}).encode()),
        ("body too large", "POST", "/score", b'{"items": ["' + b"y" * max_body + b'"]}'),
        ("OpenRLHF: missing labels", "POST", "/get_reward", json.dumps({"query": ["q"], "prompts": ["q"]}).encode()),
        ("OpenRLHF: length mismatch", "POST", "/get_reward",
         json.dumps({"query": ["q", "r"], "prompts": ["q"], "labels": [item["instance"]] * 2}).encode()),
        ("unknown path", "POST", "/scores", b"{}"),
        ("wrong method", "GET", "/score", b""),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=15.0, help="load duration (at most 20)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    seconds = min(args.seconds, 20.0)
    max_items, max_body, max_chars = 4096, 8 * 2**20, 200_000

    items = completions(args.batch * 8)
    bodies = [json.dumps({"items": items[start:start + args.batch]}).encode()
              for start in range(0, len(items), args.batch)]
    port = free_port()
    url = f"http://{HOST}:{port}"
    server = start_server(port, args.workers, ["--max-items", str(max_items), "--max-body-bytes", str(max_body),
                                               "--max-response-chars", str(max_chars)])
    memory: list[tuple[float, int, int]] = []
    stop = threading.Event()

    def sample() -> None:
        start = time.monotonic()
        while not stop.wait(0.5):
            total = rss_kib(server.pid) + sum(rss_kib(child) for child in descendants(server.pid))
            memory.append((round(time.monotonic() - start, 1), rss_kib(server.pid), total))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        processes = [server.pid, *descendants(server.pid)]
        cpu_before = cpu_seconds(processes)
        main_before = cpu_seconds(processes[:1])
        start = time.perf_counter()
        latencies, scored, failures = load(url, bodies, args.batch, args.clients, seconds)
        elapsed = time.perf_counter() - start
        server_cpu = cpu_seconds(processes) - cpu_before
        main_cpu = cpu_seconds(processes[:1]) - main_before
        load_average = os.getloadavg()[0]
        stop.set()
        sampler.join(timeout=5)
        checks = []
        with httpx.Client(base_url=url, timeout=30) as session:
            for name, method, path, body in malformed_requests(items[0], max_items, max_body):
                try:
                    response = session.request(method, path, content=body or None)
                    message = response.json().get("error", "")
                    checks.append((name, response.status_code, message))
                except (httpx.TransportError, ValueError) as error:
                    checks.append((name, 0, f"{type(error).__name__}: {error}"))
            health = session.get("/health").json()
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        try:
            exit_code = server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            exit_code = "killed after 15 s"

    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000
    rate = scored / elapsed
    all_4xx = all(400 <= status < 500 for _, status, _ in checks)
    mean_chars = statistics.mean(len(item["response"]) for item in items)
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"server --workers {args.workers}, {args.clients} client threads, batches of {args.batch} completions "
          f"(mean {mean_chars:.0f} chars), {elapsed:.1f} s")
    print(f"scored completions/s  {rate:10.0f}   ({scored} completions in {len(latencies)} requests, "
          f"{failures} failed)")
    print(f"latency per request   p50 {p50:.0f} ms   p99 {p99:.0f} ms")
    print(f"server CPU            {server_cpu:.1f} s over {elapsed:.1f} s = {1000 * server_cpu / max(scored, 1):.3f} ms "
          f"per completion ({main_cpu:.1f} s in the server process, the rest in its scoring workers); "
          f"machine load average {load_average:.1f}")
    print("server RSS (MiB)      time s: main process / with scoring workers")
    for when, main_kib, total_kib in memory[:: max(1, len(memory) // 10)] + memory[-1:]:
        print(f"    {when:6.1f}: {main_kib / 1024:7.1f} / {total_kib / 1024:7.1f}")
    print(f"malformed requests    {sum(400 <= s < 500 for _, s, _ in checks)}/{len(checks)} answered 4xx")
    for name, status, message in checks:
        print(f"    {status}  {name:28} {message[:110]}")
    print(f"server after load     scored {health['scored']} in {health['batches']} batches, "
          f"workers replaced {health['workers_replaced']}; SIGTERM exit code {exit_code}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "completions_per_s": rate, "p50_ms": p50, "p99_ms": p99, "server_cpu_s": server_cpu, "requests": len(latencies), "failures": failures,
            "rss_kib": memory, "malformed": checks, "exit_code": exit_code}, indent=1))
    return 0 if all_4xx and failures == 0 and exit_code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
