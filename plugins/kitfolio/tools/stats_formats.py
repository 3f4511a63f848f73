"""Read an analytics export (CSV) into the figures it gives for each platform.

Layouts: a generic one whose header names the kit's own fields, and the exports of YouTube
Studio, TikTok Studio and Meta Business Suite. The layout is told from the header row, or forced
by name. Every cell that cannot be read is a problem at ``file:row:column``; all of them are
reported, not only the first.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kitfolio.errors import Problem
from kitfolio.model.kit import Network

AVERAGES = ("avg_views", "avg_likes", "avg_comments", "avg_shares", "avg_saves")
FIGURES = (*AVERAGES, "engagement_rate")
GENERIC_COLUMNS = ("date", "platform", "followers", *FIGURES)
MAX_ROWS = 100_000
MAX_BYTES = 20_000_000

_ISO_DATE = "%Y-%m-%d"
_WORDY_DATES = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y")
_GROUPED = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


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
            self.problem(line, name, f"expected {expected}, got {_shown(text)}")
            return None
        return int(number)

    def percent(self, line: int, row: list[str], name: str) -> float | None:
        text = self.text(row, name)
        if not text:
            return None
        number = _number(text.removesuffix("%").strip())
        if number is None or not 0 <= number <= 100:
            self.problem(line, name, f"expected a percentage from 0 to 100, got {_shown(text)}")
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
        self.problem(line, name, f"expected a date such as {examples}, got {_shown(text)}")
        return None


@dataclass(frozen=True)
class Layout:
    """One export layout: how to recognise its header and what it maps to."""

    name: str
    title: str
    detect: Callable[[Table], bool]
    read: Callable[[Table], list[Reading]]
    required: tuple[str, ...] = ()


def _number(text: str) -> float | None:
    if _GROUPED.match(text):
        text = text.replace(",", "")
    return float(text) if _PLAIN.match(text) else None


def _shown(text: str) -> str:
    short = text if len(text) <= 40 else text[:37] + "..."
    return '"' + short.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def read_table(path: Path, display: str) -> tuple[Table | None, list[Problem]]:
    """The file's header and rows, or the problem that stops it being read at all."""

    def fail(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, 1, "(file)", message)]

    try:
        if path.stat().st_size > MAX_BYTES:
            return fail(1, f"expected a CSV file of at most {MAX_BYTES // 1_000_000} MB")
        text = _decode(path.read_bytes())
    except UnicodeDecodeError as exc:
        return fail(1, f"expected UTF-8 or UTF-16 text ({exc.reason})")
    except OSError as exc:
        return fail(1, f"cannot read the file: {exc.strerror}")
    lines = text.splitlines(keepends=True)
    skipped = 0
    # Spreadsheet exports may start with a hint for Excel ("sep=,") before the header.
    if lines and lines[0].strip().casefold().startswith("sep="):
        skipped = 1
    first = next((ln for ln in lines[skipped:] if ln.strip()), "")
    delimiter = ","
    if "," not in first:
        delimiter = next((d for d in ";\t" if d in first), ",")
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
                continue
            if len(rows) >= MAX_ROWS:
                return fail(start, f"expected at most {MAX_ROWS} rows")
            rows.append((start, record))
    except csv.Error as exc:
        return fail(previous + 1 + skipped, f"expected valid CSV: {exc}")
    if header is None:
        return fail(1, "expected a header row naming the columns, got an empty file")
    table = Table(display, header, header_line, rows)
    seen: dict[str, int] = {}
    for at, key in enumerate(table.keys):
        if key and key in seen:
            table.problems.append(
                Problem(
                    display,
                    header_line,
                    at + 1,
                    header[at].strip(),
                    f"expected each column once, got it again (first in column {seen[key] + 1})",
                )
            )
        seen.setdefault(key, at)
    for line, row in rows:
        if len(row) > len(header):
            table.problems.append(
                Problem(
                    display,
                    line,
                    len(header) + 1,
                    "(row)",
                    f"expected at most {len(header)} cells, as many as the header names, "
                    f"got {len(row)}",
                )
            )
    return table, []


def _generic(table: Table) -> list[Reading]:
    known = list(GENERIC_COLUMNS)
    for at, key in enumerate(table.keys):
        if key not in known:
            match = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f" (did you mean {match[0]!r}?)" if match else ""
            table.problems.append(
                Problem(
                    table.display,
                    table.header_line,
                    at + 1,
                    table.header[at].strip() or "(column)",
                    f"unknown column {table.header[at].strip()!r}{hint}; "
                    f"expected one of {', '.join(known)}",
                )
            )
    if not any(key in table.keys for key in ("followers", *FIGURES)):
        table.problem(
            table.header_line,
            "(header)",
            "expected a column of figures: followers, avg_views, ... or engagement_rate",
        )
        return []
    networks = [n.value for n in Network]
    by_network: dict[str | None, list[tuple[int, date, list[str]]]] = {}
    first_seen: dict[tuple[str | None, date], int] = {}
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE,))
        network: str | None = None
        if table.index("platform") is not None:
            network = table.text(row, "platform").casefold()
            if network not in networks:
                got = table.text(row, "platform")
                table.problem(
                    line, "platform", f"expected one of {', '.join(networks)}; got {_shown(got)}"
                )
                continue
        if when is None:
            continue
        if (network, when) in first_seen:
            table.problem(
                line,
                "date",
                f"expected one row per platform and date, got {when} again "
                f"(first on line {first_seen[network, when]})",
            )
            continue
        first_seen[network, when] = line
        by_network.setdefault(network, []).append((line, when, row))
    readings = []
    for network, dated in by_network.items():
        dated.sort(key=lambda item: item[1])
        followers = []
        newest: dict[str, float] = {}
        for line, when, row in dated:
            count = table.count(line, row, "followers")
            if count is not None:
                followers.append((when, count))
            values: dict[str, float] = {}
            for name in AVERAGES:
                value = table.count(line, row, name)
                if value is not None:
                    values[name] = value
            rate = table.percent(line, row, "engagement_rate")
            if rate is not None:
                values["engagement_rate"] = rate
            newest = values
        last = dated[-1][1]
        readings.append(Reading(network, tuple(followers), (), newest, last if newest else None))
    return readings


def _means(table: Table, columns: dict[str, str], network: str, unit: str) -> list[Reading]:
    """Per-post averages over the rows of a per-post export (``columns``: kit field → column)."""
    sums: dict[str, list[int]] = {name: [] for name in columns}
    rows = 0
    for line, row in table.data_rows():
        rows += 1
        for name, column in columns.items():
            value = table.count(line, row, column)
            if value is not None:
                sums[name].append(value)
    if not rows:
        table.problem(table.header_line, "(rows)", f"expected at least one {unit} row")
        return []
    figures = {name: float(round(sum(v) / len(v))) for name, v in sums.items() if v}
    return [Reading(network, figures=figures)]


_YOUTUBE_CONTENT = {
    "avg_views": "views",
    "avg_likes": "likes",
    "avg_comments": "comments added",
    "avg_shares": "shares",
}
_META_CONTENT = {
    "avg_views": "views",
    "avg_likes": "likes",
    "avg_comments": "comments",
    "avg_shares": "shares",
    "avg_saves": "saves",
}


def _youtube_content(table: Table) -> list[Reading]:
    present = {k: v for k, v in _YOUTUBE_CONTENT.items() if table.index(v) is not None}
    return _means(table, present, Network.youtube.value, "video")


def _meta_content(table: Table) -> list[Reading]:
    present = {k: v for k, v in _META_CONTENT.items() if table.index(v) is not None}
    return _means(table, present, Network.instagram.value, "post")


def _youtube_dates(table: Table) -> list[Reading]:
    changes: dict[date, int] = {}
    net = table.index("subscribers") is not None
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE, *_WORDY_DATES))
        if net:
            change = table.count(line, row, "subscribers", signed=True)
        else:
            gained = table.count(line, row, "subscribers gained")
            lost = table.count(line, row, "subscribers lost")
            change = gained - lost if gained is not None and lost is not None else None
        if when is None or change is None:
            continue
        if when in changes:
            table.problem(line, "date", f"expected one row per date, got {when} again")
            continue
        changes[when] = change
    return [Reading(Network.youtube.value, changes=tuple(sorted(changes.items())))]


def _tiktok_followers(table: Table) -> list[Reading]:
    counts: dict[date, int] = {}
    for line, row in table.data_rows():
        when = table.day(line, row, "date", (_ISO_DATE, *_WORDY_DATES))
        count = table.count(line, row, "followers")
        if when is None or count is None:
            continue
        if when in counts:
            table.problem(line, "date", f"expected one row per date, got {when} again")
            continue
        counts[when] = count
    return [Reading(Network.tiktok.value, followers=tuple(sorted(counts.items())))]


def _tiktok_overview(table: Table) -> list[Reading]:
    table.problem(
        table.header_line,
        "(layout)",
        "expected followers or per-post figures, got TikTok Studio's Overview export: it holds "
        "daily totals of the whole account (video views, profile views, likes, comments, "
        "shares), from which no follower count or per-post average follows; import the "
        "Follower history export, or write the figures in the generic layout",
    )
    return []


def _has(*names: str) -> Callable[[Table], bool]:
    return lambda table: all(name in table.keys for name in names)


def _is_youtube_dates(table: Table) -> bool:
    keys = table.keys
    return (
        bool(keys)
        and keys[0] == "date"
        and ("subscribers" in keys or {"subscribers gained", "subscribers lost"} <= set(keys))
    )


def _is_tiktok_followers(table: Table) -> bool:
    allowed = {"date", "followers", "difference in followers from previous day"}
    written = [name.strip() for name in table.header]
    return "Followers" in written and set(table.keys) <= allowed and table.keys[0] == "date"


def _is_generic(table: Table) -> bool:
    keys = table.keys
    return "date" in keys and any(key in GENERIC_COLUMNS for key in keys if key != "date")


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "youtube-content",
        "YouTube Studio, advanced mode, Content table (Table data.csv)",
        lambda t: bool(t.keys) and t.keys[0] == "content" and "views" in t.keys,
        _youtube_content,
        ("content", "views"),
    ),
    Layout(
        "youtube-dates",
        "YouTube Studio, advanced mode, Date table (Table data.csv or Totals.csv)",
        _is_youtube_dates,
        _youtube_dates,
        ("date",),
    ),
    Layout(
        "tiktok-followers",
        "TikTok Studio, Download data, Follower history",
        _is_tiktok_followers,
        _tiktok_followers,
        ("date", "followers"),
    ),
    Layout(
        "tiktok-overview",
        "TikTok Studio, Download data, Overview",
        _has("date", "video views", "profile views"),
        _tiktok_overview,
        ("date",),
    ),
    Layout(
        "instagram-content",
        "Meta Business Suite, Insights, Content export (Instagram)",
        lambda t: "post id" in t.keys and ("permalink" in t.keys or "account username" in t.keys),
        _meta_content,
        ("post id",),
    ),
    Layout(
        "generic",
        "generic (date, platform, followers, avg_views, ..., engagement_rate)",
        _is_generic,
        _generic,
        ("date",),
    ),
)
NAMES = tuple(layout.name for layout in LAYOUTS)


def layout_named(name: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.name == name)


def detect(table: Table) -> Layout | None:
    """The layout whose header this is, the most specific first."""
    return next((layout for layout in LAYOUTS if layout.detect(table)), None)


def read(
    path: Path, display: str, forced: str | None = None
) -> tuple[Layout | None, list[Reading], list[Problem]]:
    """The layout of a CSV file, what it says about each platform, and every problem in it."""
    table, problems = read_table(path, display)
    if table is None:
        return None, [], problems
    layout = layout_named(forced) if forced else detect(table)
    if layout is None:
        shown = ", ".join(name.strip() for name in table.header)
        message = (
            f"expected the header of a known layout ({', '.join(NAMES)}), got {_shown(shown)}; "
            "pass --format to choose one"
        )
        return (
            None,
            [],
            [*table.problems, Problem(display, table.header_line, 1, "(header)", message)],
        )
    missing = [name for name in layout.required if name not in table.keys]
    if layout.name == "youtube-dates" and not _is_youtube_dates(table):
        missing.append("subscribers")
    if missing:
        found = [
            Problem(
                display,
                table.header_line,
                1,
                name,
                f"expected a column named {name!r} in the header of the {layout.name} layout",
            )
            for name in missing
        ]
        return layout, [], table.problems + found
    readings = layout.read(table)
    return layout, readings, sorted(table.problems, key=lambda p: (p.line, p.column))
