"""Reading kit files: YAML 1.2 scalars, duplicate keys, positions, hostile YAML, file names."""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, build_error, load_kits, write_site
from kitfolio.errors import Problem
from kitfolio.present.formatting import Formatter
from kitfolio.sources import documents as load_module
from kitfolio.sources.documents import Document, parse
from kitfolio.sources.kits import kit_files, read_kits
from kitfolio.sources.pitches import Language, load_pitches, pitch_files

FIXTURES = Path(__file__).parent / "kits"


def values(text: str) -> object:
    """The data of a YAML text as the kit loader reads it (no kit validation)."""
    doc, problems = parse(text, Document(Path("x.yml"), "x.yml", None))
    assert problems == []
    return doc.data


def only_problem(roster_problems: list[Problem]) -> str:
    assert len(roster_problems) == 1, [str(p) for p in roster_problems]
    return str(roster_problems[0])


# -- YAML 1.2 scalars ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("No", "No"),
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("Yes", "Yes"),
        ("y", "y"),
        ("n", "n"),
        ("2026-10-31", "2026-10-31"),
        ("1:20", "1:20"),
        ("1_000", "1_000"),
        ("0b11", "0b11"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("0o17", 15),
        ("0x1F", 31),
        ("017", 17),
        ("1e3", 1000.0),
        ("-2.5", -2.5),
        (".5", 0.5),
        ("'12'", "12"),
        ('"4.8"', "4.8"),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(plain: str, expected: object) -> None:
    data = values(f"a: {plain}\n")
    assert isinstance(data, dict)
    assert data["a"] == expected
    assert type(data["a"]) is not bool or isinstance(expected, bool)


def test_infinity_and_nan_are_read_as_floats() -> None:
    data = values("a: [.inf, -.Inf, .nan]\n")
    assert isinstance(data, dict)
    inf, minus_inf, nan = data["a"]
    assert inf == float("inf") and minus_inf == float("-inf") and nan != nan


def test_mapping_keys_stay_as_written() -> None:
    data = values("{NO: 1, on: 2, 1: 3, true: 4, ~: 5}\n")
    assert data == {"NO": 1, "on": 2, "1": 3, "true": 4, "~": 5}


def test_yaml_1_1_traps_stay_strings_in_a_kit(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "yaml-1-1-traps.yml", tmp_path / "traps.yml")
    roster = read_kits([tmp_path / "traps.yml"], tmp_path)
    assert roster.problems == []
    kit = roster.kits[0].kit
    assert kit.pronouns == "on"
    assert kit.location == "1:20"
    assert kit.niche.tags == ["yes", "no", "on", "off", "y", "n", "NO"]
    assert kit.values == ["yes", "off"]
    assert kit.stats_as_of == date(2026, 10, 31)
    assert kit.audience is not None and kit.audience.countries == {"NO": 60.0, "GB": 40.0}
    platform = kit.platforms[0]
    assert (platform.handle, platform.name) == ("007", "0x1F")
    assert (platform.followers, platform.avg_likes, platform.avg_comments) == (31, 15, 17)
    assert platform.avg_views == 1000 and type(platform.avg_views) is int


@pytest.mark.parametrize(
    ("written", "followers"),
    [("1e3", 1000), ("1.5e3", 1500), ('"48200"', 48200), ("'48200'", 48200), ("48200.0", 48200)],
)
def test_numbers_may_be_plain_exponents_or_quoted(
    tmp_path: Path, written: str, followers: int
) -> None:
    text = MINIMAL_KIT.replace("followers: 48200", f"followers: {written}")
    roster = load_kits(tmp_path, {"ava": text})
    assert roster.problems == []
    assert roster.kits[0].kit.platforms[0].followers == followers


@pytest.mark.parametrize(
    ("written", "got"),
    [
        ('"48,200"', '"48,200"'),
        ("'1_000'", '"1_000"'),
        ("48k", '"48k"'),
        ("yes", '"yes"'),
        ("1e-3", "1e-3"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("-5", "-5"),
    ],
)
def test_text_that_is_not_a_count_is_refused(tmp_path: Path, written: str, got: str) -> None:
    text = MINIMAL_KIT.replace("followers: 48200", f"followers: {written}")
    message = only_problem(load_kits(tmp_path, {"ava": text}).problems)
    assert message == (
        "kits/ava.yml:9:16: platforms[0].followers: "
        f"expected a whole number of 0 or more, got {got}"
    )


def test_a_date_is_validated_as_a_date_string(tmp_path: Path) -> None:
    for written in ("2026-13-01", "2026-02-30"):
        text = MINIMAL_KIT.replace("2026-10-31", written)
        message = only_problem(load_kits(tmp_path, {"ava": text}).problems)
        assert message == (
            "kits/ava.yml:6:14: stats_as_of: expected a real calendar date as YYYY-MM-DD, "
            f'got "{written}"'
        )


# -- duplicate keys ------------------------------------------------------------------------------


def test_a_duplicate_top_level_key_is_an_error_at_the_second_one(tmp_path: Path) -> None:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + "name: Someone Else\n"})
    assert roster.kits == []
    assert only_problem(roster.problems) == (
        "kits/ava.yml:10:1: name: expected each key once in a mapping, got 'name' again "
        "(first at line 1, column 1)"
    )


def test_a_duplicate_nested_key_is_an_error_at_the_second_one(tmp_path: Path) -> None:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + "    followers: 3\n"})
    assert roster.kits == []
    assert only_problem(roster.problems).startswith(
        "kits/ava.yml:10:5: platforms[0].followers: expected each key once in a mapping"
    )


def test_a_duplicate_key_in_a_flow_mapping_is_an_error(tmp_path: Path) -> None:
    text = MINIMAL_KIT + "audience: {countries: {GB: 50, US: 20, GB: 10}}\n"
    roster = load_kits(tmp_path, {"ava": text})
    assert only_problem(roster.problems).startswith(
        "kits/ava.yml:10:40: audience.countries.GB: expected each key once"
    )


def test_duplicate_keys_are_reported_with_the_other_errors(tmp_path: Path) -> None:
    text = MINIMAL_KIT + "name: Again\npronouns: [she, her]\n"
    problems = [str(p) for p in load_kits(tmp_path, {"ava": text}).problems]
    assert [p.split(": ")[1] for p in problems] == ["name", "pronouns"]


# -- syntax and shape ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (MINIMAL_KIT + "bio: [unclosed\n", "kits/ava.yml:11:1"),
        (MINIMAL_KIT + "\tpronouns: she/her\n", "kits/ava.yml:10:1"),
        (MINIMAL_KIT + "---\nname: Second document\n", "kits/ava.yml:10:1"),
        (MINIMAL_KIT + "pronouns: *undefined\n", "kits/ava.yml:10:11"),
    ],
    ids=["unclosed", "tab", "two-documents", "undefined-alias"],
)
def test_a_yaml_syntax_error_says_where_and_what_was_expected(
    tmp_path: Path, text: str, where: str
) -> None:
    message = only_problem(load_kits(tmp_path, {"ava": text}).problems)
    assert message.startswith(f"{where}: (yaml): expected ")


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("", "an empty file"),
        ("# nothing\n", "an empty file"),
        ("- a\n", "a list"),
        ("42\n", "a number"),
        ("a line of someone's notes, never quoted back in full or in part\n", "text"),
    ],
)
def test_a_kit_is_a_mapping(tmp_path: Path, text: str, got: str) -> None:
    message = only_problem(load_kits(tmp_path, {"ava": text}).problems)
    assert message.startswith("kits/ava.yml:1:1: (kit): expected a mapping of kit fields")
    assert message.endswith(f"got {got}")


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_bytes(MINIMAL_KIT.encode("utf-16"))
    roster = read_kits(kit_files(tmp_path / "kits"), tmp_path)
    assert only_problem(roster.problems).startswith("kits/ava.yml:1:1: (file): expected UTF-8")


# Bytes YAML refuses, put at line 10, column 7 of a kit; the error stands exactly there.
UNREADABLE = [
    (b"bio: a\x00b\n", "kits/ava.yml:10:7: (yaml): expected printable text, got U+0000"),
    (b"bio: a\x1b[2Jb\n", "kits/ava.yml:10:7: (yaml): expected printable text, got U+001B"),
    (b"bio: a\xffb\n", "kits/ava.yml:10:7: (file): expected UTF-8 text, got the byte 0xFF"),
    (
        "bio: \u00e9\u00e9\u00e9".encode() + b"\xc3(\n",
        "kits/ava.yml:10:9: (file): expected UTF-8 text, got the byte 0xC3",
    ),
]


@pytest.mark.parametrize(("line", "where"), UNREADABLE, ids=["nul", "escape", "ff", "cut"])
def test_a_character_yaml_refuses_is_located_where_it_stands(
    tmp_path: Path, line: bytes, where: str
) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "ava.yml").write_bytes(MINIMAL_KIT.encode() + line)
    roster = read_kits(kit_files(tmp_path / "kits"), tmp_path)
    message = only_problem(roster.problems)
    assert message.startswith(where), message
    assert message.isprintable()


@pytest.mark.parametrize(
    ("written", "field"),
    [
        ('"a\\0b"', "bio"),
        ('"a\\eb"', "bio"),
        ('"\\uD800"', "location"),
        ('"\\x9b31m"', "tagline"),
    ],
    ids=["nul", "escape", "surrogate", "c1"],
)
def test_an_escaped_control_character_is_refused_like_a_raw_one(
    tmp_path: Path, written: str, field: str
) -> None:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + f"{field}: {written}\n"})
    message = only_problem(roster.problems)
    assert message.startswith(f"kits/ava.yml:10:{len(field) + 3}: {field}: expected printable text")
    assert message.isprintable()


@pytest.mark.parametrize("digits", ["9" * 5000, "-" + "1" * 4400, "0" * 4301 + "7"])
def test_more_digits_than_python_converts_stay_text(digits: str) -> None:
    assert values(f"a: {digits}\n") == {"a": digits}


# -- hostile YAML --------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "alias-bomb.yml", tmp_path / "bomb.yml")
    roster = read_kits([tmp_path / "bomb.yml"], tmp_path)
    message = only_problem(roster.problems)
    assert message.startswith("bomb.yml:1:1: (yaml): expected at most ")
    assert "aliases expand too far" in message


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "recursive-alias.yml", tmp_path / "loop.yml")
    roster = read_kits([tmp_path / "loop.yml"], tmp_path)
    assert only_problem(roster.problems).startswith(
        "loop.yml:3:8: (yaml): expected an alias to an earlier value, got one that contains itself"
    )


@pytest.mark.parametrize("nest", [("[", "]"), ("{a: ", "}")], ids=["lists", "mappings"])
def test_absurd_nesting_is_refused_without_a_traceback(
    tmp_path: Path, nest: tuple[str, str]
) -> None:
    opening, closing = nest
    text = MINIMAL_KIT + "bio: " + opening * 3000 + "x" + closing * 3000 + "\n"
    message = only_problem(load_kits(tmp_path, {"ava": text}).problems)
    assert message.startswith("kits/ava.yml:10:")
    assert message.endswith("(yaml): expected values nested at most 50 levels deep")


def test_a_chain_of_aliases_cannot_nest_past_the_limit(tmp_path: Path) -> None:
    chain = "x0: &x0 [a]\n" + "".join(f"x{i}: &x{i} [*x{i - 1}]\n" for i in range(1, 400))
    message = only_problem(load_kits(tmp_path, {"ava": chain}).problems)
    assert message.endswith("(yaml): expected values nested at most 50 levels deep")


# -- libyaml and PyYAML's own parser ------------------------------------------------------------

ROOT = Path(__file__).parent.parent
READABLE = sorted(
    [
        *FIXTURES.glob("*.yml"),
        *(ROOT / "kits").glob("*.yml"),
        *(ROOT / "tests/hostile").glob("*.yml"),
    ]
)


def typed(value: object) -> object:
    """``value`` with the type and written form of every scalar, so ``1`` differs from ``'1'``."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return type(value).__name__, repr(value), getattr(value, "source", None)


@pytest.mark.skipif(load_module._FastLoader is None, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("path", READABLE, ids=lambda path: path.name)
def test_libyaml_reads_a_kit_exactly_as_pythons_parser_does(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text("utf-8")
    fast, fast_problems = parse(text, Document(path, path.name, None))
    monkeypatch.setattr(load_module, "_FastLoader", None)
    slow, slow_problems = parse(text, Document(path, path.name, None))
    assert typed(fast.data) == typed(slow.data)
    assert (fast.values, fast.keys) == (slow.values, slow.keys)
    assert [str(p) for p in fast_problems] == [str(p) for p in slow_problems]


# -- file names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Ava-Green.yml", "ava-green"),
        ("ava_green.yml", "ava-green"),
        ("ava green.yml", "ava-green"),
        ("ava-green.YML", "ava-green"),
        ("-ava.yml", "ava"),
    ],
)
def test_a_kit_file_name_must_be_a_slug(tmp_path: Path, name: str, suggestion: str) -> None:
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / name).write_text(MINIMAL_KIT, encoding="utf-8")
    roster = read_kits(kit_files(tmp_path / "kits"), tmp_path)
    assert roster.kits == []
    assert only_problem(roster.problems) == (
        f"kits/{name}:1:1: (file name): expected a file name of lowercase letters, digits and "
        f"hyphens ending in .yml, such as {suggestion}.yml; got {name!r}"
    )


@pytest.mark.parametrize("folder", ["kits", "pitches"])
def test_a_file_name_with_a_line_break_is_not_a_slug(tmp_path: Path, folder: str) -> None:
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "evil\n.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    if folder == "kits":
        found = read_kits(kit_files(tmp_path / "kits"), tmp_path).problems
    else:
        found = load_pitches(
            pitch_files(tmp_path / "pitches"),
            tmp_path,
            [Language("en", "", {}, Formatter())],
            [],
            date(2026, 11, 1),
        ).problems
    assert [(p.file, p.field, p.line) for p in found] == [
        (f"{folder}/evil\\n.yml", "(file name)", 1)
    ]
    assert "'evil\\n.yml'" in found[0].message
    assert str(found[0]).isprintable()


@pytest.mark.parametrize(
    ("snippet", "field"),
    [
        ('theme: {accent: "#ABC\\n"}\n', "theme.accent"),
        ('theme: {accent: "#ABC\\n;}body{display:none"}\n', "theme.accent"),
        ('languages: ["en\\n"]\n', "languages[0]"),
        ('availability: {booked_until: "2026-12-31\\n"}\n', "availability.booked_until"),
        ('audience: {countries: {"GB\\n": 5}}\n', "audience.countries.GB\\n"),
        ('rates: {currency: "GBP\\n"}\n', "rates.currency"),
    ],
)
def test_a_value_is_matched_whole_so_a_final_line_break_is_refused(
    tmp_path: Path, snippet: str, field: str
) -> None:
    roster = load_kits(tmp_path, {"ava": MINIMAL_KIT + snippet})
    assert [p.field for p in roster.problems] == [field]


def test_slugs_of_letters_digits_and_hyphens_load(tmp_path: Path) -> None:
    roster = load_kits(tmp_path, {"ava-green-2": MINIMAL_KIT, "studio9": MINIMAL_KIT})
    assert roster.problems == []
    assert sorted(k.slug for k in roster.kits) == ["ava-green-2", "studio9"]


def test_only_kit_files_of_the_folder_are_kits(tmp_path: Path) -> None:
    folder = tmp_path / "kits"
    (folder / "media").mkdir(parents=True)
    (folder / "ava.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    for other in ("README.md", ".ava.yml", "ava.yml.bak", "media/nested.yml"):
        (folder / other).write_text("not a kit: [", encoding="utf-8")
    assert kit_files(folder) == [folder / "ava.yml"]


def test_two_files_cannot_share_a_slug(tmp_path: Path) -> None:
    folder = tmp_path / "kits"
    folder.mkdir()
    (folder / "ava.yml").write_text(MINIMAL_KIT, encoding="utf-8")
    (folder / "ava.yaml").write_text(MINIMAL_KIT, encoding="utf-8")
    roster = read_kits(kit_files(folder), tmp_path)
    assert [k.slug for k in roster.kits] == ["ava"]
    assert only_problem(roster.problems) == (
        "kits/ava.yml:1:1: (file name): slug 'ava' is already used by kits/ava.yaml"
    )


def test_hostile_yaml_stops_a_build_with_a_clean_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kits = {
        "bomb": (FIXTURES / "alias-bomb.yml").read_text(encoding="utf-8"),
        "loop": (FIXTURES / "recursive-alias.yml").read_text(encoding="utf-8"),
    }
    root = write_site(tmp_path, kits)
    with caplog.at_level(logging.ERROR):
        error = build_error(root)
    assert str(error).startswith("kitfolio: 2 problems in kits")
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("kits/bomb.yml:1:1: (yaml): expected at most" in m for m in logged), logged
    assert any("kits/loop.yml:3:8: (yaml): expected an alias" in m for m in logged), logged
