"""Problems found in kits, as users see them: ``file:line:col: field: message``.

The core never prints or logs; it returns or raises these, and each front end (the MkDocs
adapter, the CLI) decides how to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
SHOWN = 60
"""The most characters of a creator's value that a message quotes."""
PATH_SHOWN = 255
"""The most characters of a path a message quotes: as long as a file name may be."""


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}


def cut(text: str, limit: int = SHOWN) -> str:
    """At most ``limit`` characters of ``text``, for quoting in a message: enough to find the
    value, never a file's contents."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def printable(text: str, limit: int = SHOWN) -> str:
    """``text`` cut to ``limit`` and escaped, so a message stays one line that no terminal
    reads as a control sequence (``\\x1b``, ``\\u202e``)."""
    return "".join(_escaped(char) for char in cut(text, limit))


def shown_path(path: Path, root: Path, resolved: Callable[[Path], Path] = Path.resolve) -> str:
    """``path`` as messages name it: relative to the project ``root`` when inside it, named as
    listed (not a link's target), and on one printable line whatever its name holds
    (``evil\\n.yml``). ``resolved`` follows a folder's links (one that remembers, for many
    files of one folder)."""
    try:
        shown = (resolved(path.absolute().parent) / path.name).relative_to(resolved(root))
        text = shown.as_posix()
    except ValueError:
        text = str(path)
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    return char if char.isprintable() else ascii(char)[1:-1]


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning, located in a kit file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are reported but do not stop a build (unless strict)."""
    return [p for p in problems if p.severity == "warning"]
