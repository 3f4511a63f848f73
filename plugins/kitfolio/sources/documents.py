"""Read a YAML file with YAML 1.2 core-schema scalars, keeping where every value stands.

PyYAML implements YAML 1.1, where ``NO`` (Norway) and ``on`` become booleans and ``2026-10-31``
a date. Kits follow YAML 1.2, so plain scalars are resolved by the 1.2 core schema rules
(``yaml_scalars``), duplicate keys are refused, and each value's position is kept for error
messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kitfolio.errors import Problem, cut, printable
from kitfolio.sources.swallowed_text import swallowed
from kitfolio.sources.yaml_messages import plain_words
from kitfolio.sources.yaml_scalars import PLAIN, scalar

Loc = tuple[str | int, ...]

_MAX_NODES = 200_000
_MAX_DEPTH = 50

_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class Document:
    """A parsed YAML file: its data and the position of each value and key."""

    path: Path
    display: str
    data: Any
    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """Where ``loc`` stands, or its nearest located ancestor."""
        table = self.keys if key else self.values
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))

    def only(self, locs: Iterable[Loc]) -> Document:
        """The positions of ``locs`` alone, without the data.

        What a valid kit keeps, so that a later problem (an image that cannot be converted) is
        still located, while a roster of thousands does not hold every position in memory.
        """
        values = {loc: self.mark(loc) for loc in locs}
        return Document(self.path, self.display, None, values)

    def problem(
        self, loc: Loc, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        """A problem located at ``loc`` in this document."""
        where = self.mark(loc, key=key)
        return Problem(
            self.display,
            where.line,
            where.column,
            dotted(loc),
            message,
            "warning" if severity == "warning" else "error",
        )


def dotted(loc: Loc) -> str:
    """``('rates', 'items', 0, 'price')`` as ``rates.items[0].price``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{printable(part)}" if out else printable(part)
    return out or "(kit)"


class _Plain:
    """Tags every plain scalar for 1.2 resolution later, instead of PyYAML's 1.1 rules."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        return str(super().resolve(kind, value, implicit))  # type: ignore[misc]


class _Loader(_Plain, yaml.SafeLoader):
    """PyYAML's own composer, for its messages: nesting deeper than any kit needs is refused
    before its recursive composer can overflow."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_FastLoader: type[Any] | None = None
if yaml.__with_libyaml__:

    class _FastLoader(_Plain, yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser and composer: three times faster, and it refuses nesting past 1,000
        levels itself. A file it cannot read is read again by ``_Loader`` for the message."""


class _Builder:
    """Turns composed nodes into Python values, recording marks and duplicate keys."""

    def __init__(self, doc: Document, lines: list[str]) -> None:
        self.doc = doc
        self.lines = lines
        self.problems: list[Problem] = []
        self.count = 0
        self.open: set[int] = set()

    def build(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > _MAX_NODES:
            raise _TooLarge
        mark = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.values[loc] = mark
        if isinstance(node, ScalarNode):
            value = scalar(node.tag, node.value)
            lost = swallowed(node, value, self.lines)
            if lost is not None:
                self.problems.append(
                    Problem(
                        self.doc.display, lost.line + 1, lost.column + 1, dotted(loc), lost.message
                    )
                )
            return value
        if id(node) in self.open:
            raise _Recursive(mark)
        if len(loc) > _MAX_DEPTH:
            raise _TooDeep(node.start_mark)
        self.open.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, loc)
            assert isinstance(node, SequenceNode)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            key_mark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    Problem(
                        self.doc.display,
                        key_mark.line,
                        key_mark.column,
                        dotted(loc),
                        "expected a plain key, got a nested structure",
                    )
                )
                continue
            # Keys are names: kept as written (``NO``, ``1``, ``true``), never resolved.
            key: str = key_node.value
            where = (*loc, key)
            if key in first:
                earlier = first[key]
                self.problems.append(
                    Problem(
                        self.doc.display,
                        key_mark.line,
                        key_mark.column,
                        dotted(where),
                        f"expected each key once in a mapping, got {cut(key)!r} again "
                        f"(first at line {earlier.line}, column {earlier.column})",
                    )
                )
                continue
            first[key] = key_mark
            self.doc.keys[where] = key_mark
            out[key] = self.build(value_node, where)
        return out


class _TooLarge(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)


class _Recursive(Exception):
    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark


def load(path: Path, display: str | None = None) -> tuple[Document, list[Problem]]:
    """Parse one YAML file; problems are syntax errors, duplicate keys and unreadable files."""
    doc = Document(path=path, display=display or str(path), data=None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return doc, [Problem(doc.display, 1, 1, "(file)", f"cannot read the file: {exc.strerror}")]
    return parse_bytes(data, doc)


def parse_bytes(data: bytes, doc: Document) -> tuple[Document, list[Problem]]:
    """Parse a file's bytes, read already, into ``doc``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _byte_mark(data, exc.start)
        message = f"expected UTF-8 text, got the byte 0x{data[exc.start]:02X} ({exc.reason})"
        return doc, [Problem(doc.display, where.line, where.column, "(file)", message)]
    return parse(text, doc)


def _byte_mark(data: bytes, offset: int) -> Mark:
    """Where byte ``offset`` stands; the bytes before it are valid UTF-8."""
    start = data.rfind(b"\n", 0, offset) + 1
    return Mark(data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8")) + 1)


def _text_mark(text: str, offset: int) -> Mark:
    """Where character ``offset`` stands, counting line breaks the way YAML does."""
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return Mark(line, offset - start + 1)


def parse(text: str, doc: Document) -> tuple[Document, list[Problem]]:
    """Parse YAML text into ``doc``."""
    try:
        node = _compose_fast(text) or _compose(text)
    except yaml.reader.ReaderError as exc:
        where = _text_mark(text, exc.position)
        got = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        message = f"expected printable text, got {got} ({exc.reason})"
        return doc, [Problem(doc.display, where.line, where.column, "(yaml)", message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        return doc, [Problem(doc.display, line, column, "(yaml)", plain_words(reason))]
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        return doc, [Problem(doc.display, 1, 1, "(yaml)", f"expected valid YAML: {reason}")]
    except _TooDeep as exc:
        return doc, [_too_deep(doc, exc.mark)]
    if node is None:
        doc.data = None
        return doc, []
    builder = _Builder(doc, _BREAK.split(text))
    try:
        doc.data = builder.build(node, ())
    except _TooLarge:
        return doc, [
            Problem(
                doc.display,
                1,
                1,
                "(yaml)",
                f"expected at most {_MAX_NODES} values, got more (aliases expand too far)",
            )
        ]
    except _Recursive as exc:
        return doc, [
            Problem(
                doc.display,
                exc.mark.line,
                exc.mark.column,
                "(yaml)",
                "expected an alias to an earlier value, got one that contains "
                "itself (recursive alias)",
            )
        ]
    except _TooDeep as exc:
        return doc, [_too_deep(doc, exc.mark)]
    except RecursionError:
        return doc, [_too_deep(doc, Mark(1, 1))]
    return doc, builder.problems


def _compose(text: str, kind: type[Any] = _Loader) -> Node | None:
    """The document's node tree, or None for an empty document."""
    loader = kind(text)
    try:
        node: Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


def _compose_fast(text: str) -> Node | None:
    """The document's node tree from libyaml, or None when it is absent or finds a problem."""
    if _FastLoader is None:
        return None
    try:
        return _compose(text, _FastLoader)
    except yaml.YAMLError:
        return None


def _too_deep(doc: Document, mark: Mark) -> Problem:
    return Problem(
        doc.display,
        mark.line,
        mark.column,
        "(yaml)",
        f"expected values nested at most {_MAX_DEPTH} levels deep",
    )
