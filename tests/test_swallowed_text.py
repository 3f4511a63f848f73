"""Text YAML would silently drop as a comment is refused, with the quoted value to write."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, SITE_OPTIONS, build_error, build_site, read_html, write_site
from kitfolio.sources import documents as load_module
from kitfolio.sources.documents import Document, parse

PARSERS = ["libyaml", "python"]


def problems(text: str, parser: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    if parser == "python":
        monkeypatch.setattr(load_module, "_FastLoader", None)
    elif load_module._FastLoader is None:
        pytest.skip("PyYAML was built without libyaml")
    _, found = parse(text, Document(Path("k.yml"), "k.yml", None))
    return [str(p) for p in found]


SWALLOWED = [
    (
        "terms:\n  disclosure: Every paid or gifted post is labelled #ad.\n",
        "k.yml:2:53: terms.disclosure: expected the whole text, got '#ad.' read as a YAML "
        'comment and dropped; quote the value: "Every paid or gifted post is labelled #ad."',
    ),
    (
        "theme:\n  accent: #ff8800\n",
        "k.yml:2:11: theme.accent: expected a value, got a comment: YAML reads '#ff8800' as a "
        'comment, so the value is empty; quote it: "#ff8800"',
    ),
    (
        "niche:\n  tags:\n    - vegan #plantbased\n",
        "k.yml:3:13: niche.tags[0]: expected the whole text, got '#plantbased' read as a YAML "
        'comment and dropped; quote the value: "vegan #plantbased"',
    ),
    (
        'bio: Zoë says "hi" #grateful\n',
        "k.yml:1:20: bio: expected the whole text, got '#grateful' read as a YAML comment and "
        'dropped; quote the value: "Zoë says \\"hi\\" #grateful"',
    ),
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(("text", "expected"), SWALLOWED)
def test_a_hashtag_read_as_a_comment_is_an_error_with_the_fix(
    text: str, expected: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert problems(text, parser, monkeypatch) == [expected]


LEGAL = [
    "name: Ava Green                  # required\n",
    "name: Ava Green  #required\n",
    "name: Ava Green # required\n",
    'disclosure: "labelled #ad."\n',
    "disclosure: 'labelled #ad.'\n",
    "bio: |\n  labelled #ad.\n",
    "accent:   # set later\n",
    "followers: 1000 #approx\n",
    "tagline: C# and F#, taught kindly\n",
    "# disclosure: labelled #ad.\n",
]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("text", LEGAL)
def test_explanatory_comments_and_quoted_hashtags_stay_legal(
    text: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert problems(text, parser, monkeypatch) == []


def test_a_build_refuses_a_kit_whose_disclosure_lost_its_hashtag(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kit = MINIMAL_KIT + "terms:\n  disclosure: Every paid or gifted post is labelled #ad.\n"
    build_error(write_site(tmp_path, {"ava-green": kit}))
    assert "kits/ava-green.yml:11:53: terms.disclosure: expected the whole text" in caplog.text


def test_a_pitch_note_that_lost_its_hashtag_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = write_site(tmp_path, {"ava-green": MINIMAL_KIT})
    (site / "pitches").mkdir()
    (site / "pitches" / "acme.yml").write_text(
        "kit: ava-green\nbrand: Acme Outdoor  #1 in gear\n"
        "note: We love #outdoors\nexpires: 2099-12-31\n",
        encoding="utf-8",
    )
    build_error(site)
    assert "pitches/acme.yml:3:15: note: expected the whole text" in caplog.text
    assert "brand:" not in caplog.text  # two spaces: an aligned comment


def test_the_starter_kit_publishes_its_disclosure_whole(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "kitfolio.cli", "new", "jo-bloggs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    path = tmp_path / "kits" / "jo-bloggs.yml"
    written = path.read_text(encoding="utf-8")
    # The creator uncomments the terms block the starter suggests.
    terms = re.search(r"^# terms:\n(?:#   .*\n?)+", written, re.MULTILINE)
    assert terms is not None
    uncommented = re.sub(r"^# ", "", terms.group(0), flags=re.MULTILINE)
    path.write_text(written.replace(terms.group(0), uncommented), encoding="utf-8")
    write_site(tmp_path, {}, **SITE_OPTIONS)
    page = read_html(build_site(tmp_path) / "jo-bloggs" / "work-with-me" / "index.html")
    assert "Every paid or gifted post is labelled #ad." in page.get_text(" ")
