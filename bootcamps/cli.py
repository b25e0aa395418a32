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
    command = "bootcamps " + " ".join(sys.argv[1:]) if args.command_line is None else args.command_line
    manifest = run_dump(options, Path(args.out), workers=args.workers, backend=args.backend,
                        ray_address=args.ray_address, command=command, progress=args.progress)
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
