"""How problems reach the user: ``file:line:col: field.path: message``, all of them in one run,
and a broken kit never costs the last good build."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MINIMAL_KIT, build_error, build_site, load_kits, write_site
from kitfolio.derive import growth
from kitfolio.derive.growth import Point
from kitfolio.errors import Problem, errors, warnings

LINE = re.compile(
    r"^(?P<file>[\w./-]+):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<message>.+)$"
)
BASE_LINES = MINIMAL_KIT.count("\n")

# A snippet appended to the minimal kit, the field its one error names, and the text the error
# must point at (its first occurrence in the snippet).
BROKEN = [
    ("    avg_likes: lots\n", "platforms[0].avg_likes", "lots"),
    ("    url: javascript:alert(1)\n", "platforms[0].url", "javascript"),
    ("    folowers: 3\n", "platforms[0].folowers", "folowers"),
    ("    engagement_rate: 101\n", "platforms[0].engagement_rate", "101"),
    (
        "    history:\n      - {date: 2026-1-1, followers: 9}\n",
        "platforms[0].history[0].date",
        "2026-1-1",
    ),
    ("  - network: tiktk\n    followers: 3\n", "platforms[1].network", "tiktk"),
    ("  - network: tiktok\n", "platforms[1].followers", "network"),
    ("nmae: Ava\n", "nmae", "nmae"),
    ("tagline: [a, b]\n", "tagline", "["),
    ("languages: [en, english]\n", "languages[1]", "english"),
    ("audience:\n  countries: {GB: 50, gb: 10}\n", "audience.countries.gb", "gb"),
    ("audience:\n  age: {'18-24': x}\n", "audience.age.18-24", "x"),
    (
        "rates:\n  currency: GBP\n  items:\n    - {deliverable: Reel, price: lots}\n",
        "rates.items[0].price",
        "lots",
    ),
    (
        "rates:\n  currency: GBP\n  items:\n    - deliverable: Reel\n"
        "      price: {min: 9, max: 1}\n",
        "rates.items[0].price",
        "{min",
    ),
    ("rates:\n  currency: XYZ\n", "rates.currency", "XYZ"),
    ("rates:\n  visibility: public\n", "rates.currency", "rates"),
    ("terms:\n  payment: [a]\n", "terms.payment", "[a]"),
    ("partnerships:\n  - brand: B\n    url: ftp://x.example.org\n", "partnerships[0].url", "ftp"),
    ("availability: {booked_until: soon}\n", "availability.booked_until", "soon"),
    ("theme: {accent: green}\n", "theme.accent", "green"),
    ("name: Twice\n", "name", "name"),
    ("bio: [unclosed\n", "(yaml)", None),
]


def position(snippet: str, token: str) -> tuple[int, int]:
    """1-based line and column of ``token`` in the kit made of MINIMAL_KIT + ``snippet``."""
    for number, line in enumerate(snippet.splitlines(), start=BASE_LINES + 1):
        if token in line:
            return number, line.index(token) + 1
    raise AssertionError(f"{token!r} not in snippet")


@pytest.mark.parametrize(("snippet", "field", "token"), BROKEN, ids=[b[1] for b in BROKEN])
def test_every_error_names_file_line_column_field_and_what_was_expected(
    tmp_path: Path, snippet: str, field: str, token: str | None
) -> None:
    problems = load_kits(tmp_path, {"ava": MINIMAL_KIT + snippet}).problems
    assert len(problems) == 1, [str(p) for p in problems]
    shown = LINE.match(str(problems[0]))
    assert shown is not None, str(problems[0])
    assert shown["file"] == "kits/ava.yml"
    assert shown["field"] == field
    assert "expected" in shown["message"]
    if token is not None:
        assert (int(shown["line"]), int(shown["col"])) == position(snippet, token)


def test_positions_are_exact(tmp_path: Path) -> None:
    text = MINIMAL_KIT + (
        "    avg_likes: lots\n"  # 10
        "    url: javascript:alert(1)\n"  # 11
        "rates:\n"  # 12
        "  currency: gbp\n"  # 13
        "  items:\n"  # 14
        "    - deliverable: Reel\n"  # 15
        "      prise: 450\n"  # 16
    )
    assert [str(p) for p in load_kits(tmp_path, {"ava": text}).problems] == [
        "kits/ava.yml:10:16: platforms[0].avg_likes: expected a whole number of 0 or more, "
        'got "lots"',
        "kits/ava.yml:11:10: platforms[0].url: expected a URL starting with https or http, "
        'got "javascript:alert(1)"',
        'kits/ava.yml:13:13: rates.currency: expected an upper-case currency code (GBP), got "gbp"',
        "kits/ava.yml:16:7: rates.items[0].prise: unknown field 'prise' (did you mean 'price'?); "
        "expected one of deliverable, platform, price, includes",
    ]


def test_a_missing_top_level_field_points_at_the_start_of_the_kit(tmp_path: Path) -> None:
    text = "# Ava's kit\n\n" + MINIMAL_KIT.replace("name: Ava Green\n", "")
    assert [str(p) for p in load_kits(tmp_path, {"ava": text}).problems] == [
        "kits/ava.yml:3:1: name: expected a value: this field is required"
    ]


def test_a_missing_nested_field_points_at_its_parent(tmp_path: Path) -> None:
    text = MINIMAL_KIT.replace("    followers: 48200\n", "    handle: ava\n")
    assert [str(p) for p in load_kits(tmp_path, {"ava": text}).problems] == [
        "kits/ava.yml:8:5: platforms[0].followers: expected a value: this field is required"
    ]


# -- all errors of all kits in one run -----------------------------------------------------------

AVA = MINIMAL_KIT + ("    avg_likes: lots\n    url: javascript:alert(1)\nrates:\n  currency: gbp\n")
BO = (
    "niche: {primary: Food}\n"
    "contact: {}\n"
    "stats_as_of: 31/10/2026\n"
    "platforms:\n"
    "  - {network: youtube, followers: 1200, folowers: 3}\n"
    "audience:\n"
    "  countries: {gb: 40}\n"
)
ALL_PROBLEMS = [
    'kits/ava.yml:10:16: platforms[0].avg_likes: expected a whole number of 0 or more, got "lots"',
    "kits/ava.yml:11:10: platforms[0].url: expected a URL starting with https or http, "
    'got "javascript:alert(1)"',
    'kits/ava.yml:13:13: rates.currency: expected an upper-case currency code (GBP), got "gbp"',
    "kits/bo.yml:1:1: name: expected a value: this field is required",
    "kits/bo.yml:2:10: contact: expected at least one of email, booking_url or manager",
    'kits/bo.yml:3:14: stats_as_of: expected a date as YYYY-MM-DD, got "31/10/2026"',
    "kits/bo.yml:5:41: platforms[0].folowers: unknown field 'folowers' (did you mean "
    "'followers'?); expected one of network, handle, name, url, followers, avg_views, avg_likes, "
    "avg_comments, avg_shares, avg_saves, engagement_rate, open_rate, history",
    'kits/bo.yml:7:15: audience.countries.gb: expected an upper-case country code (GB), got "gb"',
]


def test_one_run_reports_every_error_of_every_kit(tmp_path: Path) -> None:
    roster = load_kits(tmp_path, {"ava": AVA, "bo": BO, "cy": MINIMAL_KIT})
    assert sorted(str(p) for p in roster.problems) == ALL_PROBLEMS
    assert [k.slug for k in roster.kits] == ["cy"]


def test_a_build_logs_every_error_of_every_kit_and_stops(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path, {"ava": AVA, "bo": BO, "cy": MINIMAL_KIT})
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    assert str(error) == "kitfolio: 8 problems in kits; nothing was built and site/ is unchanged"
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    for problem in ALL_PROBLEMS:
        assert any(m.endswith(problem) for m in logged), problem
    assert not any("Traceback" in m for m in logged)


def test_errors_and_warnings_are_told_apart() -> None:
    problems = [
        Problem("kits/a.yml", 3, 1, "name", "expected text, got a list"),
        Problem("kits/a.yml", 2, 1, "audience.age", "shares sum to 90%", "warning"),
    ]
    assert errors(problems) == problems[:1]
    assert warnings(problems) == problems[1:]
    assert str(problems[0]) == "kits/a.yml:3:1: name: expected text, got a list"


# -- the last good build survives ----------------------------------------------------------------


def test_a_broken_kit_never_destroys_the_last_good_build(tmp_path: Path) -> None:
    bio = "bio: |\n  Thrifted style on a **real** budget.\n"
    root = write_site(tmp_path, {"ava": MINIMAL_KIT + bio})
    site = build_site(root)
    index = site / "index.html"
    kit_page = site / "ava" / "index.html"
    before = {path: path.read_bytes() for path in (index, kit_page)}
    page = BeautifulSoup(before[kit_page], "html.parser")
    assert "real" in [tag.get_text() for tag in page.find_all("strong")], "bio is Markdown"

    (root / "kits" / "ava.yml").write_text(MINIMAL_KIT + bio + "nmae: oops\n", encoding="utf-8")
    error = build_error(root)
    assert str(error).startswith("kitfolio: 1 problem in kits")
    assert {path: path.read_bytes() for path in (index, kit_page)} == before


# -- values that used to crash a build: each one a located error, never a traceback --------------

RATES = "rates:\n  currency: GBP\n  items:\n    - {deliverable: Reel, price: PRICE}\n"
NESTED_LISTS = "".join("  " + "  " * depth + "- x\n" for depth in range(600))
# slug: (kit text, the problem it must report); every position is exact.
CRASHERS = {
    "digits": (
        MINIMAL_KIT.replace("48200", "9" * 5000),
        "kits/digits.yml:9:16: platforms[0].followers: expected a whole number of 0 or more, "
        f'below 10,000,000,000, got "{"9" * 57}..."',
    ),
    "hex": (
        MINIMAL_KIT.replace("48200", "0x" + "f" * 4000),
        "kits/hex.yml:9:16: platforms[0].followers: expected a whole number of 0 or more, "
        f"below 10,000,000,000, got 0x{'f' * 55}...",
    ),
    "exponent": (
        MINIMAL_KIT.replace("48200", "1e39"),
        "kits/exponent.yml:9:16: platforms[0].followers: expected a whole number of 0 or more, "
        "below 10,000,000,000, got 1e39",
    ),
    "price": (
        MINIMAL_KIT + RATES.replace("PRICE", "1e28"),
        "kits/price.yml:13:34: rates.items[0].price: expected a number below "
        "1,000,000,000,000, got 1e28",
    ),
    "long-price": (
        MINIMAL_KIT + RATES.replace("PRICE", "9" * 400),
        "kits/long-price.yml:13:34: rates.items[0].price: expected a number below "
        f"1,000,000,000,000, got {'9' * 57}...",
    ),
    "year-one": (
        MINIMAL_KIT.replace("2026-10-31", "0001-01-15"),
        "kits/year-one.yml:6:14: stats_as_of: expected a date from 1990-01-01 to 2100-12-31, "
        "got 0001-01-15",
    ),
    "nested": (
        MINIMAL_KIT + "bio: |\n" + NESTED_LISTS,
        "kits/nested.yml:10:6: bio: expected Markdown of at most 5,000 characters, got 361,800",
    ),
    "brackets": (
        MINIMAL_KIT + 'bio: "' + "[" * 20_000 + '"\n',
        "kits/brackets.yml:10:6: bio: expected Markdown of at most 5,000 characters, got 20,000",
    ),
    "deep-lists": (
        MINIMAL_KIT + "bio: '" + "- " * 11 + "x'\n",
        "kits/deep-lists.yml:10:6: bio: expected lists and quotes nested at most 10 levels deep",
    ),
    "surrogate": (
        MINIMAL_KIT.replace("Ava Green", '"Ava \\uD800"'),
        "kits/surrogate.yml:1:7: name: expected printable text (no control characters), "
        'got "Ava \\ud800"',
    ),
}
HISTORY_OF_YEAR_ONE = "    history:\n      - {date: 0001-01-01, followers: 9}\n"
YEAR_ONE_HISTORY = (
    "kits/year-one.yml:11:16: platforms[0].history[0].date: expected a date from 1990-01-01 "
    "to 2100-12-31, got 0001-01-01"
)


def crasher_kits() -> dict[str, str]:
    kits = {slug: text for slug, (text, _) in CRASHERS.items()}
    kits["year-one"] += HISTORY_OF_YEAR_ONE
    return kits


EXPECTED_CRASHERS = sorted([line for _, line in CRASHERS.values()] + [YEAR_ONE_HISTORY])


@pytest.mark.parametrize("slug", list(CRASHERS))
def test_each_value_that_broke_a_build_is_refused_where_it_stands(
    tmp_path: Path, slug: str
) -> None:
    roster = load_kits(tmp_path, {slug: crasher_kits()[slug]})
    expected = sorted([CRASHERS[slug][1]] + ([YEAR_ONE_HISTORY] if slug == "year-one" else []))
    assert sorted(str(p) for p in roster.problems) == expected
    assert roster.kits == []


def test_values_that_broke_a_build_are_located_errors(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path, crasher_kits())
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    count = len(EXPECTED_CRASHERS)
    assert (
        str(error)
        == f"kitfolio: {count} problems in kits; nothing was built and site/ is unchanged"
    )
    logged = sorted(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert [m for m in logged if "Traceback" in m] == []
    for line in EXPECTED_CRASHERS:
        assert any(m.endswith(line) for m in logged), line


def test_kitfolio_check_reports_them_too(tmp_path: Path) -> None:
    write_site(tmp_path, crasher_kits())
    done = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    reported = sorted(line.removesuffix(" [error]") for line in done.stderr.splitlines())
    assert reported == EXPECTED_CRASHERS


def test_a_growth_window_before_year_one_is_no_growth() -> None:
    """History read from the cache or git can hold any date; the arithmetic never overflows."""
    points = [Point(date(1, 1, 2), 10), Point(date(1, 1, 15), 20)]
    assert [growth.change(points, days) for days in growth.WINDOWS] == [None, None]
    assert growth.change([Point(date(2026, 1, 1), 10), Point(date(2026, 3, 1), 20)], 30) == (
        growth.Change(30, 10, 20, date(2026, 1, 1), date(2026, 3, 1))
    )


# -- messages quote what finds the value, and nothing a terminal would run -----------------------


def test_messages_quote_a_short_escaped_excerpt_of_any_value(tmp_path: Path) -> None:
    long_key = "k" * 5000
    text = (
        MINIMAL_KIT.replace("48200", '"' + "lots " * 20_000 + '"')
        + f"? {long_key}\n: 1\n"
        + 'tagline: "\\e]0;owned\\a"\n'
        + "audience:\n  age:\n    ? '"
        + "a" * 3000
        + "'\n    : 101\n"
    )
    problems = load_kits(tmp_path, {"ava": text}).problems
    assert [p.field for p in problems] == [
        "platforms[0].followers",
        "k" * 57 + "...",
        "tagline",
        "audience.age." + "a" * 57 + "...",
    ]
    for problem in problems:
        shown = str(problem)
        assert len(shown) < 500 and shown.isprintable(), shown
    assert '\\x1b]0;owned\\x07"' in str(problems[2])


def test_a_long_image_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    problems = load_kits(
        tmp_path, {"ava": MINIMAL_KIT + "avatar: " + "a" * 300 + ".png\n"}
    ).problems
    assert [(p.field, p.line) for p in problems] == [("avatar", 10)]
    assert problems[0].message.endswith(
        "expected an image file that can be read (File name too long)"
    )
