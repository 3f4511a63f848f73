"""The kitfolio command as a creator runs it: a real process, real files."""

from __future__ import annotations

import argparse
import json
from importlib.metadata import version
from pathlib import Path

from conftest import kitfolio
from kitfolio import cli
from kitfolio.model.schema import kit_schema_text

GOOD = """\
name: Kari Nord
niche: {primary: Outdoor}
contact: {email: hi@example.org}
stats_as_of: 2026-10-01
platforms: [{network: instagram, followers: 24000}]
"""


def test_new_writes_a_starter_kit_that_passes_check_and_names_the_schema(tmp_path: Path) -> None:
    made = kitfolio("new", "jo-bloggs", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    kit = tmp_path / "kits" / "jo-bloggs.yml"
    assert kit.read_text().splitlines()[0] == (
        "# yaml-language-server: $schema=../schema/kit.schema.json"
    )
    assert (tmp_path / "schema" / "kit.schema.json").read_text() == kit_schema_text()
    checked = kitfolio("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    # Its example text must not reach a brand: warnings, and a strict check fails.
    assert "1 kit checked: 0 error(s), 9 warning(s)" in checked.stdout
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 1


def test_new_refuses_a_bad_slug_and_an_existing_kit(tmp_path: Path) -> None:
    assert kitfolio("new", "Jo_Bloggs", cwd=tmp_path).returncode == 2
    assert kitfolio("new", "jo", cwd=tmp_path).returncode == 0
    again = kitfolio("new", "jo", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_check_reports_every_error_of_every_kit_and_exits_1(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    kits.mkdir()
    (kits / "one.yml").write_text(
        GOOD.replace("24000", '"lots"').replace("Outdoor}", "Outdoor, tagz: []}")
    )
    (kits / "two.yml").write_text(GOOD.replace("instagram", "instagarm"))
    (kits / "three.yml").write_text(GOOD)
    done = kitfolio("check", cwd=tmp_path)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.endswith("[error]")]
    assert any(
        line.startswith("kits/one.yml:5:") and "platforms[0].followers" in line for line in lines
    )
    assert any(
        line.startswith("kits/one.yml:2:") and "did you mean 'tags'" in line for line in lines
    )
    assert any(
        line.startswith("kits/two.yml:5:") and "did you mean 'instagram'" in line for line in lines
    )
    assert len(lines) == 3
    assert "3 kits checked: 3 error(s)" in done.stdout


def test_check_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    kits.mkdir()
    (kits / "ava.yml").write_text(GOOD + 'audience: {age: {"18-24": 40, "25-34": 40}}\n')
    relaxed = kitfolio("check", "kits/ava.yml", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert "kits/ava.yml:6:" in relaxed.stderr and "audience.age" in relaxed.stderr
    assert kitfolio("check", "--strict", "kits", cwd=tmp_path).returncode == 1


def test_check_of_a_missing_path_says_so(tmp_path: Path) -> None:
    done = kitfolio("check", "nowhere", cwd=tmp_path)
    assert done.returncode == 2 and "no such file" in done.stderr


def test_schema_prints_the_draft_07_schema(tmp_path: Path) -> None:
    done = kitfolio("schema", cwd=tmp_path)
    schema = json.loads(done.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["additionalProperties"] is False
    assert {"name", "niche", "contact", "platforms"} <= set(schema["required"])


def subcommands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += subcommands(sub, (*path, name))
    return found


def test_every_command_and_option_has_help_in_plain_words() -> None:
    commands = subcommands(cli.parser())
    assert {path for path, _ in commands} >= {
        (),
        ("init",),
        ("check",),
        ("new",),
        ("schema",),
        ("stats",),
        ("stats", "import"),
        ("advise",),
    }
    for path, parser in commands:
        text = parser.format_help()
        assert "``" not in text and ":func:" not in text, path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    assert choice.help, (path, choice.dest)
                continue
            assert action.help and action.help != argparse.SUPPRESS, (path, action.dest)


def test_version_comes_from_the_package_metadata(tmp_path: Path) -> None:
    shown = kitfolio("--version", cwd=tmp_path)
    assert shown.returncode == 0
    assert shown.stdout.strip() == f"kitfolio {version('kitfolio')}"


def test_help_documents_the_exit_statuses_and_a_usage_error_exits_2(tmp_path: Path) -> None:
    for command in ([], ["check"], ["init"]):
        shown = kitfolio(*command, "--help", cwd=tmp_path)
        assert shown.returncode == 0
        assert "exit status:" in shown.stdout
        assert "1  problems found" in shown.stdout
        assert "2  the command was used wrongly" in shown.stdout
    wrong = kitfolio("check", "--no-such-option", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "unrecognized arguments" in wrong.stderr
