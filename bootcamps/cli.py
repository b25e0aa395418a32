"""The ``bootcamps`` command line: list, show, verify and dump tasks."""

from __future__ import annotations

import argparse
import json
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
    from bootcamps.dump import dump_jsonl, select_tasks

    tasks = select_tasks(args.tasks)
    levels = [int(level) for level in args.levels.split(",")] if args.levels else list(range(1, 11))
    path = dump_jsonl(tasks, per_task=args.per_task, seed=args.seed, levels=levels, out=Path(args.out))
    print(f"wrote {len(tasks) * args.per_task} instances of {len(tasks)} tasks to {path}")
    return 0


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

    dump = commands.add_parser("dump", help="write instances of many tasks as JSONL")
    dump.add_argument("--tasks", default="all", help="comma-separated ids, families or categories, or all")
    dump.add_argument("--per-task", type=int, default=10)
    dump.add_argument("--seed", type=int, default=0, help="base seed")
    dump.add_argument("--levels", help="comma-separated levels (default: cycle through 1..10)")
    dump.add_argument("--out", required=True, help="output directory")
    dump.set_defaults(run=_cmd_dump)
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
