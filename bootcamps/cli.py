"""The ``bootcamps`` command line: list, show, verify and dump tasks, and serve rewards."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from bootcamps.errors import BootcampsError, InvalidParameterError

EXIT_WRONG = 1
EXIT_USAGE = 2


def _overrides(task: Any, pairs: list[str]) -> dict[str, Any]:
    """Knob overrides from ``name=value`` pairs, converted by the knob's declared type."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep:
            raise InvalidParameterError(f"--set expected name=value, found {pair!r}")
        knob = task.knobs.get(name)
        if knob is None:
            task.params(**{name: raw})  # raises the usual unknown-knob error with a suggestion
        converters = {"int": int, "float": float, "str": str,
                      "bool": lambda text: {"true": True, "false": False}[text.lower()]}
        try:
            values[name] = converters[knob.type](raw)
        except (ValueError, KeyError):
            raise InvalidParameterError(
                f"{task.id}: knob {name!r} expected {knob.expected()}, found {raw!r}"
            ) from None
    return values


def _cmd_list(args: argparse.Namespace) -> int:
    from bootcamps.registry import get_task, list_tasks

    tags = [tag for tag in (args.tags or "").split(",") if tag]
    ids = list_tasks(category=args.category, tags=tags)
    if args.json:
        print(json.dumps([get_task(task_id).describe() for task_id in ids], indent=2))
        return 0
    for task_id in ids:
        task = get_task(task_id)
        print(f"{task_id:28} {task.category:12} {task.summary}")
    return 0


def _instance(args: argparse.Namespace):
    from bootcamps.registry import get_task

    task = get_task(args.task)
    return task, task.generate(args.seed, args.level, **_overrides(task, args.set))


def _cmd_show(args: argparse.Namespace) -> int:
    _, instance = _instance(args)
    if args.json:
        print(instance.to_json())
        return 0
    print(f"# {instance.task}  seed={instance.seed}  level={instance.level}  id={instance.id}")
    print(f"# params: {json.dumps(instance.params, sort_keys=True)}\n")
    print(instance.prompt)
    print(f"\n# reference answer\n{instance.reference}")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    task, instance = _instance(args)
    if args.response_file == "-":
        response = sys.stdin.read()
    else:
        try:
            response = Path(args.response_file).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise InvalidParameterError(
                f"--response-file expected a readable file, found {args.response_file!r} ({error.strerror})"
            ) from None
    verdict = task.score(instance, response, "strict" if args.strict else "lenient")
    print(json.dumps({"task": instance.task, "instance": instance.id, **verdict.to_dict()}))
    return 0 if verdict.correct else EXIT_WRONG


def _cmd_dump(args: argparse.Namespace) -> int:
    from bootcamps.dump import DumpOptions, parse_levels, parse_splits, run_dump, select_tasks

    tasks = [task.id for task in select_tasks(args.tasks)]
    options = DumpOptions(tasks=tasks, per_task=args.per_task, seed=args.seed, levels=parse_levels(args.levels),
                          splits=parse_splits(args.splits, args.per_task), format=args.format,
                          shard_size=args.shard_size)
    manifest = run_dump(options, Path(args.out), workers=args.workers, backend=args.backend,
                        ray_address=args.ray_address, command=_command(args), progress=args.progress)
    print(f"wrote {manifest['total']:,} instances of {len(tasks)} tasks to {args.out}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from bootcamps.rewards import RewardPolicy
    from bootcamps.server import Limits, parse_policy, serve

    try:
        fields = json.loads(args.policy) if args.policy else None
    except json.JSONDecodeError as error:
        raise InvalidParameterError(f"--policy expected a JSON object of RewardPolicy fields, found invalid JSON "
                                    f"({error.msg})") from None
    policy = parse_policy(fields, RewardPolicy())
    names = ("max_body_bytes", "max_items", "max_response_chars", "max_queued_items")
    limits = Limits(**{name: getattr(args, name) for name in names if getattr(args, name) is not None})
    return serve(host=args.host, port=args.port, workers=args.workers, timeout=args.timeout, policy=policy,
                 limits=limits, log_level=args.log_level, access_log=args.access_log)


def _command(args: argparse.Namespace) -> str:
    return "bootcamps " + " ".join(sys.argv[1:]) if args.command_line is None else args.command_line


def _cmd_bench_build(args: argparse.Namespace) -> int:
    from bootcamps.bench import build_benchmark
    from bootcamps.dump import parse_levels, select_tasks

    tasks = [task.id for task in select_tasks(args.tasks)]
    manifest = build_benchmark(tasks, parse_levels(args.levels), args.per_level, args.seed, Path(args.out),
                               command=_command(args))
    print(f"wrote a benchmark of {manifest['total']:,} items ({len(tasks)} tasks) to {args.out}; "
          f"sha256 {manifest['items_sha256']}")
    return 0


def _cmd_bench_check(args: argparse.Namespace) -> int:
    from bootcamps.bench import check_benchmark

    report = check_benchmark(Path(args.bench), regenerate=args.regenerate)
    print(f"intact: {report['items']:,} items of {report['tasks']} tasks, sha256 {report['items_sha256']}"
          + (", every item regenerated identically" if report["regenerated"] else ""))
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from bootcamps.evaluation import Endpoint, evaluate

    endpoint = None
    if args.endpoint:
        if not args.model:
            raise InvalidParameterError("--endpoint expected --model NAME too, found none")
        endpoint = Endpoint(args.endpoint, args.model, api_key=os.environ.get(args.api_key_env),
                            timeout=args.timeout, retries=args.retries, max_tokens=args.max_tokens,
                            temperature=args.temperature)
    summary = evaluate(Path(args.bench), Path(args.out), responses=Path(args.responses) if args.responses else None,
                       endpoint=endpoint, samples=args.samples, concurrency=args.concurrency)
    passes = ", ".join(f"{key} {value:.1%}" for key, value in summary.items() if key.startswith("pass@"))
    print(f"{summary['items']} items: accuracy {summary['accuracy']:.1%} ({passes}); report in {args.out}")
    return 0


def _cmd_contamination(args: argparse.Namespace) -> int:
    from bootcamps.bench import contamination
    from bootcamps.dump import iter_dump_rows

    train = Path(args.train)
    if not train.exists():
        raise InvalidParameterError(f"--train expected a dump directory or a JSONL file, found no {str(train)!r}")
    report = contamination(iter_dump_rows(train), Path(args.bench))
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"{report['contaminated']} of {report['benchmark_items']} benchmark items appear among "
              f"{report['train_rows']:,} training rows")
        for task, count in report["per_task"].items():
            print(f"  {task}: {count}")
    return EXIT_WRONG if report["contaminated"] else 0


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tasks", default="all", help="comma-separated ids, families, categories, tags, or all")
    parser.add_argument("--seed", type=int, default=0, help="base seed, 0..2**32-1")
    parser.add_argument("--command-line", help=argparse.SUPPRESS)


def _add_data_commands(commands: Any) -> None:
    bench = commands.add_parser("bench", help="build or check a frozen benchmark")
    actions = bench.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="a benchmark balanced over tasks and levels")
    _add_selection(build)
    build.add_argument("--levels", default="1-10", help="levels to cover: 5, 3-7 or 1,5,10")
    build.add_argument("--per-level", type=int, default=10, help="items per task and level")
    build.add_argument("--out", required=True)
    build.set_defaults(run=_cmd_bench_build)
    check = actions.add_parser("check", help="prove a benchmark directory intact")
    check.add_argument("bench")
    check.add_argument("--regenerate", action="store_true", help="also regenerate every item and compare")
    check.set_defaults(run=_cmd_bench_check)

    evaluation = commands.add_parser("eval", help="score a responses file or a live endpoint on a benchmark")
    evaluation.add_argument("--bench", required=True)
    source = evaluation.add_mutually_exclusive_group(required=True)
    source.add_argument("--responses", help='JSONL lines {"id": ..., "response": ...} (several per id = samples)')
    source.add_argument("--endpoint", help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    evaluation.add_argument("--model")
    evaluation.add_argument("--samples", type=int, default=1, help="completions per item (pass@k)")
    evaluation.add_argument("--concurrency", type=int, default=8)
    evaluation.add_argument("--retries", type=int, default=4)
    evaluation.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    evaluation.add_argument("--max-tokens", type=int)
    evaluation.add_argument("--temperature", type=float)
    evaluation.add_argument("--api-key-env", default="OPENAI_API_KEY", help="environment variable with the key")
    evaluation.add_argument("--out", required=True)
    evaluation.set_defaults(run=_cmd_eval)

    contaminated = commands.add_parser("contamination", help="benchmark items that also appear in training data")
    contaminated.add_argument("--train", required=True, help="a dump directory or a JSONL file of rows/instances")
    contaminated.add_argument("--bench", required=True)
    contaminated.add_argument("--json", action="store_true")
    contaminated.set_defaults(run=_cmd_contamination)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bootcamps", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="list the tasks")
    listing.add_argument("--category")
    listing.add_argument("--tags", help="comma-separated; a task must carry every tag")
    listing.add_argument("--json", action="store_true", help="full registry entries as JSON")
    listing.set_defaults(run=_cmd_list)

    for name, run, text in (("show", _cmd_show, "print an instance's prompt and reference"),
                            ("verify", _cmd_verify, "score a response against an instance")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("task", help="a task id or family name")
        sub.add_argument("--seed", type=int, default=0)
        sub.add_argument("--level", type=int, default=5)
        sub.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE",
                         help="override a knob (repeatable)")
        sub.set_defaults(run=run)
    commands.choices["show"].add_argument("--json", action="store_true", help="the instance as JSON")
    verify = commands.choices["verify"]
    verify.add_argument("--response-file", required=True, help="the model's whole response, or - for stdin")
    verify.add_argument("--strict", action="store_true", help="only an <answer> block counts")

    dump = commands.add_parser("dump", help="write a dataset of many tasks (JSONL or Parquet, HF layout)")
    dump.add_argument("--tasks", default="all", help="comma-separated ids, families, categories, tags, or all")
    dump.add_argument("--per-task", type=int, default=10, help="instances per task, over all splits")
    dump.add_argument("--seed", type=int, default=0, help="base seed, 0..2**32-1")
    dump.add_argument("--levels", default="1-10", help="one level, a range or a list: 5, 3-7, 1,5,10 (cycled)")
    dump.add_argument("--splits", default="train=1", help="e.g. train=0.9,validation=0.05,test=0.05 or counts")
    dump.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    dump.add_argument("--shard-size", type=int, default=10_000, help="rows per file")
    dump.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="generator processes")
    dump.add_argument("--backend", choices=["local", "ray"], default="local")
    dump.add_argument("--ray-address", help="a running Ray cluster (default: start a local one)")
    dump.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                      help="progress on stderr (default: when stderr is a terminal)")
    dump.add_argument("--out", required=True, help="output directory (an unfinished dump there is resumed)")
    dump.add_argument("--command-line", help=argparse.SUPPRESS)  # recorded in the manifest instead of argv
    dump.set_defaults(run=_cmd_dump)

    serve = commands.add_parser("serve", help="run the HTTP reward server (POST /score, POST /get_reward)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, help="scoring processes (default: the CPU count)")
    serve.add_argument("--timeout", type=float, default=1.0, help="time budget per completion, seconds")
    serve.add_argument("--policy", help='RewardPolicy fields as JSON, e.g. \'{"format_reward": 0.1}\'')
    serve.add_argument("--max-body-bytes", type=int, help="request body limit (default: 64 MiB)")
    serve.add_argument("--max-items", type=int, help="completions per request (default: 16384)")
    serve.add_argument("--max-response-chars", type=int, help="characters per response (default: 1000000)")
    serve.add_argument("--max-queued-items", type=int, help="items waiting before 503 (default: 262144)")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.set_defaults(run=_cmd_serve)
    _add_data_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BootcampsError as error:
        print(f"bootcamps: error: {error}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
