"""What the trainer adapters share: reading completions and building rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bootcamps.errors import InvalidParameterError, describe


def completion_text(completion: Any) -> str:
    """The text of one completion: a string, or the last assistant message of a conversation.

    Message content may be a string or a list of parts (``{"type": "text", "text": ...}``).
    Anything else reads as empty text, which scores 0, rather than failing a training step.
    """
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        completion = [completion]
    if isinstance(completion, Sequence):
        for message in reversed(completion):
            if isinstance(message, Mapping) and message.get("role", "assistant") == "assistant":
                return _content_text(message.get("content"))
    return ""


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):
        return "".join(part.get("text", "") for part in content
                       if isinstance(part, Mapping) and isinstance(part.get("text", ""), str))
    return ""


def rows_from_columns(instance: Any, task: Any, count: int, source: str) -> list[dict[str, Any]]:
    """Rows from the per-sample ``instance`` (and optional ``task``) columns a trainer passes."""
    if instance is None:
        raise InvalidParameterError(
            f"{source}: expected an 'instance' column in the dataset (rows made by bootcamps.rewards.to_row "
            "or bootcamps.integrations.trl.make_dataset), found none"
        )
    if isinstance(instance, (str, bytes)) or not isinstance(instance, Iterable):
        raise InvalidParameterError(f"{source}: expected a list of instance JSON strings, found {describe(instance)}")
    instances = list(instance)
    tasks = list(task) if task is not None and not isinstance(task, str) else [None] * len(instances)
    if len(instances) != count or len(tasks) != count:
        raise InvalidParameterError(
            f"{source}: expected {count} instance values (one per completion), found {len(instances)}"
        )
    return [{"instance": value} if name is None else {"task": name, "instance": value}
            for value, name in zip(instances, tasks, strict=True)]
