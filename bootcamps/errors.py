"""The library's errors: one base class, each message says what was expected and what was found."""

from __future__ import annotations

import difflib


class BootcampsError(Exception):
    """Base class of every error raised by bootcamps on bad input from a user."""


class UnknownTaskError(BootcampsError, LookupError):
    """A task id or family name that the registry does not hold."""

    def __init__(self, name: object, known: list[str]) -> None:
        self.name = name
        self.suggestions = difflib.get_close_matches(str(name), known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(
            f"expected a task id such as 'sudoku-v1' or a family name, found {name!r}{hint} "
            "(bootcamps.list_tasks() lists them all)"
        )


class InvalidParameterError(BootcampsError, ValueError):
    """A bad knob name, knob value, level or seed passed to a task."""


class InvalidInstanceError(BootcampsError, ValueError):
    """An instance (usually JSON) that is malformed or does not match its content hash."""


class RegistryError(BootcampsError):
    """The registry file is malformed: it fails its schema or its own consistency rules."""


class FamilyLoadError(BootcampsError, ImportError):
    """A family's generator or verifier module cannot be imported or lacks its entry points."""


class GenerationError(BootcampsError, RuntimeError):
    """A generator could not produce an instance within its bounded number of attempts."""


def describe(value: object, limit: int = 80) -> str:
    """A short printable description of a value and its type, for error messages."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{text} ({type(value).__name__})"
