"""Text that YAML silently drops as a comment, found before a brand reads the shortened value.

``disclosure: Every paid or gifted post is labelled #ad.`` parses as "... labelled": a ``#``
after a space starts a comment. An incomplete ad disclosure is a legal problem for the creator,
so a plain text value followed by one space and a hashtag-like word (``#ad``, ``#ff8800``) is
refused with the quoted value to write instead. An empty value whose place a ``#word`` took
(``accent: #ff8800``) is refused the same way. Comments set apart by two or more spaces, or
written ``# like this``, stay legal: that is how kits explain their fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import ScalarNode

from kitfolio.errors import cut

_AFTER_TEXT = re.compile(r"[ \t]#\w")
"""What follows a plain value when a hashtag was meant as text: one space, then ``#word``."""
_INSTEAD_OF_VALUE = re.compile(r"[ \t]*(#\w\S*)")
"""What follows ``key:`` when a ``#word`` was meant as the value."""


@dataclass(frozen=True)
class Swallowed:
    """A comment that took text: where its ``#`` stands (0-based, as YAML marks) and why."""

    line: int
    column: int
    message: str


def swallowed(node: ScalarNode, value: object, lines: list[str]) -> Swallowed | None:
    """The comment that cut ``node``'s plain text short, or None."""
    if node.style not in (None, "") or node.end_mark.line >= len(lines):
        return None
    line = node.end_mark.line
    rest = lines[line][node.end_mark.column :]
    if value is None and node.value == "":
        empty = _INSTEAD_OF_VALUE.match(rest)
        if empty is None:
            return None
        word = empty.group(1)
        column = node.end_mark.column + empty.start(1)
        return Swallowed(
            line,
            column,
            f"expected a value, got a comment: YAML reads {cut(word)!r} as a comment, so the "
            f'value is empty; quote it: "{_quoted(word)}"',
        )
    if not isinstance(value, str) or not _AFTER_TEXT.match(rest):
        return None
    comment = rest[1:].rstrip()
    whole = f"{node.value} {comment}"
    return Swallowed(
        line,
        node.end_mark.column + 1,
        f"expected the whole text, got {cut(comment)!r} read as a YAML comment and dropped; "
        f'quote the value: "{cut(_quoted(whole))}"',
    )


def _quoted(text: str) -> str:
    """``text`` as it would stand between double quotes."""
    return text.replace("\\", "\\\\").replace('"', '\\"')
