"""Change values in a kit file and keep everything else as the creator wrote it.

ruamel.yaml reads the file with its comments, quoting and key order. A kit is edited only when
ruamel.yaml writes the unchanged file back byte for byte under one of the usual indentations, so
an edit never reformats lines it does not touch.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import ScalarString
from ruamel.yaml.tokens import CommentToken

# (mapping, sequence, offset): the indentations kits are written with, most common first.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (4, 6, 2), (3, 5, 3))


class LayoutError(Exception):
    """The file cannot be written back without changing lines that were not edited."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class EditableKit:
    """A kit file loaded for editing; ``data`` is its round-trip tree."""

    def __init__(self, text: str) -> None:
        self.crlf = "\r\n" in text
        self.original = text
        plain = text.replace("\r\n", "\n")
        first_difference = 1
        for mapping, sequence, offset in _INDENTS:
            yaml = YAML(typ="rt")
            yaml.preserve_quotes = True
            yaml.width = 100_000
            yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
            try:
                data = yaml.load(plain)
                again = _dump(yaml, data)
            except YAMLError as exc:
                raise LayoutError(1, f"ruamel.yaml cannot read the file: {exc}") from None
            if again == plain:
                self.yaml, self.data = yaml, data
                return
            first_difference = max(first_difference, _first_difference(plain, again))
        raise LayoutError(
            first_difference,
            "expected a layout that can be kept as it is; ruamel.yaml would rewrite this line "
            "(unusual indentation or spacing); nothing was changed",
        )

    def text(self) -> str:
        out = _dump(self.yaml, self.data)
        return out.replace("\n", "\r\n") if self.crlf else out


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _first_difference(a: str, b: str) -> int:
    for number, (left, right) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if left != right:
            return number
    return min(len(a.splitlines()), len(b.splitlines())) + 1


def same(old: Any, new: Any) -> bool:
    """Whether a value in the file already says ``new``."""
    if isinstance(old, str) or isinstance(new, date):
        return str(old) == str(new)
    return bool(old == new) and type(old) is not bool


def like(old: Any, new: Any) -> Any:
    """``new`` written the way ``old`` was (a quoted date stays quoted)."""
    if isinstance(old, ScalarString):
        return type(old)(str(new))
    return new


def set_value(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> bool:
    """Set ``key``; a new key goes where ``order`` puts it among its siblings. True if changed."""
    if key in mapping:
        if same(mapping[key], value):
            return False
        mapping[key] = like(mapping[key], value)
        return True
    insert(mapping, position(mapping, key, order), key, value)
    return True


def position(mapping: CommentedMap, key: str, order: Sequence[str]) -> int:
    rank = order.index(key) if key in order else len(order)
    keys = list(mapping)
    after = [i for i, k in enumerate(keys) if k in order and order.index(k) < rank]
    return after[-1] + 1 if after else len(keys)


def insert(mapping: CommentedMap, at: int, key: str, value: Any) -> None:
    """Insert a key; at the end of a mapping, blank lines and comments that followed the last
    value stay after the new one instead of coming between them."""
    rest = _take_trailing(mapping) if at >= len(mapping) else ""
    mapping.insert(at, key, value)
    if rest:
        _give_trailing(mapping, key, rest)


def append(sequence: CommentedSeq, item: Any) -> None:
    """Append an item, keeping what followed the last item after the new one."""
    rest = _take_trailing(sequence) if len(sequence) else ""
    sequence.append(item)
    if rest:
        sequence.ca.items[len(sequence) - 1] = [CommentToken("\n" + rest, CommentMark(0)), None]


def _take_trailing(node: Any) -> str:
    """Detach the blank lines and comment lines after a collection's last value; the comment on
    the value's own line stays."""
    slot = _last_comment(node)
    if slot is None:
        return ""
    holder, index = slot
    token = holder[index]
    first, newline, rest = str(token.value).partition("\n")
    if not rest:
        return ""
    if first.strip():
        token.value = first + newline
    else:
        holder[index] = None
    return rest


def _last_comment(node: Any) -> tuple[list[Any], int] | None:
    """Where the comment after a collection's last value is kept: (list, index) in ruamel's
    comment attributes."""
    if isinstance(node, CommentedMap) and len(node):
        last = list(node)[-1]
        value = node[last]
        items = node.ca.items.get(last)
        if items and len(items) > 2 and items[2] is not None:
            return items, 2
        if isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style():
            return _last_comment(value)
    if isinstance(node, CommentedSeq) and len(node):
        index = len(node) - 1
        items = node.ca.items.get(index)
        if items and items[0] is not None:
            return items, 0
        value = node[index]
        if isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style():
            return _last_comment(value)
    return None


def _give_trailing(mapping: CommentedMap, key: str, rest: str) -> None:
    value = mapping[key]
    if isinstance(value, CommentedSeq) and len(value):
        value.ca.items[len(value) - 1] = [CommentToken("\n" + rest, CommentMark(0)), None]
    else:
        mapping.ca.items[key] = [None, None, CommentToken("\n" + rest, CommentMark(0)), None]


def flow_map(pairs: Sequence[tuple[str, Any]]) -> CommentedMap:
    """A mapping written on one line: ``{date: 2026-09-30, followers: 5000}``."""
    mapping = CommentedMap(pairs)
    mapping.fa.set_flow_style()
    return mapping


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` all at once: a crash leaves the old file or the new one,
    never half of one."""
    mode = path.stat().st_mode & 0o777
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
