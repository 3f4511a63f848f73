"""Read a CSV file into a header and rows, each cell read with the line and column it sits at.

Analytics exports differ in encoding (UTF-8 with or without a BOM, UTF-16), delimiter and
summary rows; this module hides that, and every cell that cannot be read becomes a problem at
``file:row:column`` so that all of them are reported, not only the first.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kitfolio.errors import Problem

MAX_ROWS = 100_000
MAX_BYTES = 20_000_000

_GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[-+]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Reading:
    """What one file says about one platform.

    ``followers`` are counts on dates; ``changes`` are net gains per day (what YouTube exports
    instead of a count); ``figures`` are per-post averages and the engagement rate, measured on
    ``figures_date`` (None when the file does not say, as in per-post lifetime exports).
    """

    network: str | None
    followers: tuple[tuple[date, int], ...] = ()
    changes: tuple[tuple[date, int], ...] = ()
    figures: dict[str, float] = field(default_factory=dict)
    figures_date: date | None = None


@dataclass
class Table:
    """A CSV file's header and rows, with the line each row starts on."""

    display: str
    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]]
    problems: list[Problem] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """Column names as compared: trimmed and case-folded."""
        return [name.strip().casefold() for name in self.header]

    def index(self, name: str) -> int | None:
        keys = self.keys
        return keys.index(name) if name in keys else None

    def text(self, row: list[str], name: str) -> str:
        at = self.index(name)
        return row[at].strip() if at is not None and at < len(row) else ""

    def problem(self, line: int, name: str, message: str) -> None:
        at = self.index(name)
        column = at + 1 if at is not None else 1
        label = self.header[at].strip() if at is not None else name
        self.problems.append(Problem(self.display, line, column, label, message))

    def data_rows(self) -> Iterator[tuple[int, list[str]]]:
        """Rows other than a summary row ("Total") that some exports put first."""
        for line, row in self.rows:
            if row and row[0].strip().casefold() == "total":
                continue
            yield line, row

    def count(self, line: int, row: list[str], name: str, *, signed: bool = False) -> int | None:
        """A whole number in the cell (thousands may be grouped: ``12,400``); None if empty."""
        text = self.text(row, name)
        if not text:
            return None
        number = _number(text)
        expected = "a whole number" if signed else "a whole number of 0 or more"
        if number is None or not number.is_integer() or (number < 0 and not signed):
            self.problem(line, name, f"expected {expected}, got {shown(text)}")
            return None
        return int(number)

    def percent(self, line: int, row: list[str], name: str) -> float | None:
        text = self.text(row, name)
        if not text:
            return None
        number = _number(text.removesuffix("%").strip())
        if number is None or not 0 <= number <= 100:
            self.problem(line, name, f"expected a percentage from 0 to 100, got {shown(text)}")
            return None
        return number

    def day(self, line: int, row: list[str], name: str, formats: tuple[str, ...]) -> date | None:
        text = self.text(row, name)
        for form in formats:
            try:
                return datetime.strptime(text, form).date()
            except ValueError:
                continue
        examples = " or ".join(date(2026, 10, 31).strftime(form) for form in formats)
        self.problem(line, name, f"expected a date such as {examples}, got {shown(text)}")
        return None


def _number(text: str) -> float | None:
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    return float(text) if _PLAIN.fullmatch(text) else None


def shown(text: str) -> str:
    """A cell as quoted in a message: cut to 40 characters, quotes escaped."""
    short = text if len(text) <= 40 else text[:37] + "..."
    return '"' + short.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


class _Unreadable(Exception):
    """The file cannot be read as a table at all: the line it stopped at and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_table(path: Path, display: str) -> tuple[Table | None, list[Problem]]:
    """The file's header and rows, or the problem that stops it being read at all."""
    try:
        header, header_line, rows = _records(_text(path))
    except _Unreadable as stop:
        return None, [Problem(display, stop.line, 1, "(file)", stop.message)]
    table = Table(display, header, header_line, rows)
    table.problems.extend(_shape_problems(table))
    return table, []


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _Unreadable(1, f"expected a CSV file of at most {MAX_BYTES // 1_000_000} MB")
        return _decode(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise _Unreadable(1, f"expected UTF-8 or UTF-16 text ({exc.reason})") from None
    except OSError as exc:
        raise _Unreadable(1, f"cannot read the file: {exc.strerror}") from None


def _records(text: str) -> tuple[list[str], int, list[tuple[int, list[str]]]]:
    """The header, its line, and the non-blank rows with the line each starts on."""
    lines = text.splitlines(keepends=True)
    # Spreadsheet exports may start with a hint for Excel ("sep=,") before the header.
    skipped = 1 if lines and lines[0].strip().casefold().startswith("sep=") else 0
    first = next((ln for ln in lines[skipped:] if ln.strip()), "")
    delimiter = "," if "," in first else next((d for d in ";\t" if d in first), ",")
    reader = csv.reader(io.StringIO("".join(lines[skipped:]), newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for record in reader:
            start = previous + 1 + skipped
            previous = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header, header_line = record, start
            elif len(rows) >= MAX_ROWS:
                raise _Unreadable(start, f"expected at most {MAX_ROWS} rows")
            else:
                rows.append((start, record))
    except csv.Error as exc:
        raise _Unreadable(previous + 1 + skipped, f"expected valid CSV: {exc}") from None
    if header is None:
        raise _Unreadable(1, "expected a header row naming the columns, got an empty file")
    return header, header_line, rows


def _shape_problems(table: Table) -> Iterator[Problem]:
    """A column named twice, and rows with more cells than the header names."""
    seen: dict[str, int] = {}
    for at, key in enumerate(table.keys):
        if key and key in seen:
            yield Problem(
                table.display,
                table.header_line,
                at + 1,
                table.header[at].strip(),
                f"expected each column once, got it again (first in column {seen[key] + 1})",
            )
        seen.setdefault(key, at)
    width = len(table.header)
    for line, row in table.rows:
        if len(row) > width:
            yield Problem(
                table.display,
                line,
                width + 1,
                "(row)",
                f"expected at most {width} cells, as many as the header names, got {len(row)}",
            )
