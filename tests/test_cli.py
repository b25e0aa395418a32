"""The bootcamps command line, run as a user runs it (the installed console script)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bootcamps

# the console script sits beside the interpreter running the tests (the venv need not be on PATH)
EXE = shutil.which("bootcamps", path=str(Path(sys.executable).parent))
TASK = "basic_arithmetic-v1"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert EXE, "the bootcamps console script is not installed"
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_list_names_every_task():
    out = run("list")
    assert out.returncode == 0
    assert [line.split()[0] for line in out.stdout.splitlines()] == bootcamps.list_tasks()
    entries = json.loads(run("list", "--json").stdout)
    assert {entry["id"] for entry in entries} == set(bootcamps.list_tasks())


def test_show_prints_prompt_and_reference():
    out = run("show", TASK, "--seed", "3", "--level", "2")
    instance = bootcamps.get_task(TASK).generate(3, 2)
    assert out.returncode == 0
    assert instance.prompt in out.stdout and out.stdout.rstrip().endswith(instance.reference)
    assert bootcamps.Instance.from_json(run("show", TASK, "--seed", "3", "--level", "2", "--json").stdout) == instance


def test_show_with_knob_override():
    out = run("show", TASK, "--set", "terms=7", "--set", "division=false", "--json")
    assert json.loads(out.stdout)["params"]["terms"] == 7


def test_verify_reads_a_response_file(tmp_path: Path):
    instance = bootcamps.get_task(TASK).generate(5, 4)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(f"<think>hmm</think><answer>{instance.reference}</answer>")
    bad.write_text("<answer>not a number</answer>")
    ok = run("verify", TASK, "--seed", "5", "--level", "4", "--response-file", str(good))
    assert ok.returncode == 0 and json.loads(ok.stdout)["correct"] is True
    wrong = run("verify", TASK, "--seed", "5", "--level", "4", "--response-file", str(bad))
    assert wrong.returncode == 1 and json.loads(wrong.stdout)["status"] == "unparsable"
    piped = run("verify", TASK, "--seed", "5", "--level", "4", "--response-file", "-",
                stdin=f"<answer>{instance.reference}</answer>")
    assert piped.returncode == 0


@pytest.mark.parametrize("args, message", [
    (("show", "basic_arithmetc"), "did you mean 'basic_arithmetic'"),
    (("show", TASK, "--level", "11"), "level expected an int in [1, 10], found 11"),
    (("show", TASK, "--set", "terms=many"), "knob 'terms' expected an int in [2, 20], found 'many'"),
    (("show", TASK, "--set", "term=3"), "did you mean 'terms'"),
    (("show", TASK, "--set", "terms"), "expected name=value"),
    (("verify", TASK, "--response-file", "/no/such/file"), "expected a readable file"),
    (("dump", "--out", "/proc/forbidden"), "expected a writable directory"),
])
def test_user_errors_exit_2_with_a_message(args, message):
    out = run(*args)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_dump_writes_every_task_deterministically(tmp_path: Path):
    from bootcamps.dump import iter_dump_rows

    first, second = tmp_path / "a", tmp_path / "b"
    args = ["dump", "--per-task", "3", "--seed", "9", "--command-line", "same"]
    assert run(*args, "--out", str(first)).returncode == 0
    assert run(*args, "--out", str(second), "--workers", "1").returncode == 0
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files and all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    instances = [bootcamps.Instance.from_json(row["instance"]) for row in iter_dump_rows(first)]
    assert sorted({i.task for i in instances}) == bootcamps.list_tasks()
    assert len(instances) == 3 * len(bootcamps.list_tasks())
    assert len({(i.task, i.seed) for i in instances}) == len({i.id for i in instances}) == len(instances)
