"""`kitfolio stats` and `kitfolio stats import` as a creator runs them: the command line on real
files in tmp_path, the resulting kit read back with Kitfolio's own loader."""

from __future__ import annotations

import difflib
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

import pytest

from kitfolio.cli import main
from kitfolio.sources.kits import load_kit

STATS = Path(__file__).parent / "stats"
TODAY = "2026-12-01"


@dataclass
class Ran:
    """What one CLI run gave: its exit code and output."""

    returncode: int
    stdout: str
    stderr: str


class Run(Protocol):
    """Runs the kitfolio CLI in a folder, with a set date."""

    def __call__(self, *args: str, cwd: Path, today: str = TODAY) -> Ran: ...


@pytest.fixture
def kitfolio(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``kitfolio ARGS`` run in ``cwd`` with the clock set to ``today``."""

    def run(*args: str, cwd: Path, today: str = TODAY) -> Ran:
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("KITFOLIO_TODAY", today)
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run


def project(tmp_path: Path, *csvs: str) -> Path:
    """A project with the commented kit as kits/mia-berg.yml and the named fixture exports."""
    (tmp_path / "kits").mkdir()
    shutil.copy(STATS / "kit.yml", tmp_path / "kits" / "mia-berg.yml")
    for name in csvs:
        shutil.copy(STATS / name, tmp_path / name)
    return tmp_path


def read_kit(root: Path) -> object:
    loaded, problems = load_kit(root / "kits" / "mia-berg.yml", "kits/mia-berg.yml", root)
    assert loaded is not None, problems
    return loaded.kit


def test_import_keeps_every_comment_and_line_it_does_not_change(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path, "generic.csv")
    before = (root / "kits" / "mia-berg.yml").read_text()
    done = kitfolio("stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    after = (root / "kits" / "mia-berg.yml").read_text()
    old, new = before.splitlines(), after.splitlines()
    changed_keys = {"stats_as_of", "followers", "avg_views", "avg_likes", "avg_comments"}
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, _, _ in matcher.get_opcodes():
        assert op != "delete", old[a1:a2]
        for line in old[a1:a2] if op == "replace" else []:
            assert line.strip().split(":")[0].lstrip("- ") in changed_keys, line
    # Every comment, and every line outside the changed values, is still there in order.
    comments = [line[line.index("#") :] for line in old if "#" in line]
    assert comments == [line[line.index("#") :] for line in new if "#" in line]
    kept = [line for line in old if line.strip().split(":")[0] not in changed_keys]
    assert [line for line in new if line in kept] == kept
    assert 'name: "Mia Berg"                     # quoted on purpose' in new
    assert "  countries: {NO: 61, SE: 12, GB: 9}  # NO stays Norway, never false" in new
    assert "    followers: 50300                 # as of stats_as_of" in new


def test_import_prints_the_unified_diff_of_the_file(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "generic.csv")
    kit = root / "kits" / "mia-berg.yml"
    before = kit.read_text()
    done = kitfolio("stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    expected = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            kit.read_text().splitlines(keepends=True),
            fromfile="a/kits/mia-berg.yml",
            tofile="b/kits/mia-berg.yml",
        )
    )
    assert expected and done.stdout.startswith(expected)
    assert done.stdout.endswith("wrote kits/mia-berg.yml\n")


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "generic.csv")
    kit = root / "kits" / "mia-berg.yml"
    before = kit.read_bytes()
    listing = sorted(p.name for p in (root / "kits").iterdir())
    done = kitfolio(
        "stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", "--dry-run", cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert "+stats_as_of: 2026-11-30" in done.stdout
    assert "dry run; nothing written" in done.stdout
    assert kit.read_bytes() == before
    assert sorted(p.name for p in (root / "kits").iterdir()) == listing


def test_a_bad_csv_names_each_row_and_column_and_writes_nothing(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path)
    (root / "bad.csv").write_text(
        "date,platform,followers,avg_views\n"
        "2026-11-30,instagram,12k,21000\n"
        "30/11/2026,tiktok,33800,\n"
        "2026-11-30,instagarm,100,\n"
        "2026-11-29,youtube,12100,-5\n"
    )
    before = (root / "kits" / "mia-berg.yml").read_bytes()
    done = kitfolio("stats", "import", "bad.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.endswith("[error]")]
    assert errors == [
        'bad.csv:2:3: followers: expected a whole number of 0 or more, got "12k" [error]',
        'bad.csv:3:1: date: expected a date such as 2026-10-31, got "30/11/2026" [error]',
        "bad.csv:4:2: platform: expected one of instagram, tiktok, youtube, twitch, pinterest, x, "
        "threads, bluesky, linkedin, facebook, snapchat, podcast, newsletter, blog, other; "
        'got "instagarm" [error]',
        'bad.csv:5:4: avg_views: expected a whole number of 0 or more, got "-5" [error]',
    ]
    assert "Traceback" not in done.stderr
    assert (root / "kits" / "mia-berg.yml").read_bytes() == before


def test_an_unknown_column_and_an_unknown_header_are_explained(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path)
    (root / "typo.csv").write_text("date,platform,followers,avg_view\n2026-11-30,tiktok,1,2\n")
    (root / "other.csv").write_text("Day,Count\n2026-11-30,5\n")
    typo = kitfolio("stats", "import", "typo.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert typo.returncode == 1
    assert "typo.csv:1:4: avg_view: unknown column 'avg_view' (did you mean 'avg_views'?)" in (
        typo.stderr
    )
    other = kitfolio("stats", "import", "other.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert other.returncode == 1
    assert "other.csv:1:1: (header): expected the header of a known layout" in other.stderr
    assert "pass --format to choose one" in other.stderr


def test_generic_layout_updates_figures_history_and_date(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "generic.csv")
    done = kitfolio("stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    kit = read_kit(root)
    instagram = kit.platforms[0]  # type: ignore[attr-defined]
    assert kit.stats_as_of == date(2026, 11, 30)  # type: ignore[attr-defined]
    assert (instagram.followers, instagram.avg_views, instagram.avg_likes) == (50300, 23500, 2050)
    assert (instagram.avg_comments, instagram.avg_shares, instagram.avg_saves) == (150, 70, 230)
    assert instagram.engagement_rate == 4.9
    assert [(h.date, h.followers) for h in instagram.history] == [
        (date(2026, 8, 31), 44100),
        (date(2026, 9, 30), 46000),
        (date(2026, 10, 31), 48200),
    ]
    assert kit.platforms[1].followers == 31500  # type: ignore[attr-defined]
    assert "platforms[1] tiktok: followers, avg_views not in the file" in done.stderr


def test_tiktok_follower_history_sets_followers_and_monthly_history(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path, "tiktok-followers.csv")
    done = kitfolio(
        "stats", "import", "tiktok-followers.csv", "--kit", "kits/mia-berg.yml", cwd=root
    )
    assert done.returncode == 0, done.stderr
    assert "read as TikTok Studio, Download data, Follower history" in done.stderr
    tiktok = read_kit(root).platforms[1]  # type: ignore[attr-defined]
    assert tiktok.followers == 33800
    # One point per month: November's is the current figure, so only earlier months remain.
    assert [(h.date, h.followers) for h in tiktok.history] == [
        (date(2026, 9, 30), 30100),
        (date(2026, 10, 31), 31500),
    ]
    assert read_kit(root).stats_as_of == date(2026, 11, 30)  # type: ignore[attr-defined]


def test_youtube_date_table_counts_subscribers_on_from_the_kit(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path, "youtube-dates.csv")
    done = kitfolio("stats", "import", "youtube-dates.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    kit = read_kit(root)
    youtube = kit.platforms[2]  # type: ignore[attr-defined]
    # 12000 on 2026-10-31, plus the net change of 1-7 November: 6 - 2 + 9 + 11 + 7 + 5 + 4.
    assert youtube.followers == 12000 + 40
    assert kit.stats_as_of == date(2026, 11, 7)  # type: ignore[attr-defined]
    assert [(h.date, h.followers) for h in youtube.history] == [(date(2026, 6, 30), 11000)]
    assert "counted from the kit's 12000 on 2026-10-31" in done.stderr


def test_youtube_date_table_with_a_gap_cannot_count_subscribers(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path)
    lines = (STATS / "youtube-dates.csv").read_text().splitlines()
    (root / "gap.csv").write_text("\n".join(line for line in lines if "2026-11-01" not in line))
    before = (root / "kits" / "mia-berg.yml").read_bytes()
    done = kitfolio("stats", "import", "gap.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 1
    assert "gap.csv:1:1: date: expected a row for every day from 2026-11-01" in done.stderr
    assert (root / "kits" / "mia-berg.yml").read_bytes() == before


def test_youtube_content_table_gives_per_video_averages(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "youtube-content.csv")
    done = kitfolio(
        "stats",
        "import",
        "youtube-content.csv",
        "--kit",
        "kits/mia-berg.yml",
        "--as-of",
        "2026-11-28",
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    kit = read_kit(root)
    youtube = kit.platforms[2]  # type: ignore[attr-defined]
    # The "Total" row is not a video: means of the three video rows.
    assert (youtube.avg_views, youtube.avg_likes, youtube.avg_comments, youtube.avg_shares) == (
        12000,
        540,
        63,
        32,
    )
    assert youtube.followers == 12000
    assert kit.stats_as_of == date(2026, 11, 28)  # type: ignore[attr-defined]
    assert "does not say when its figures were measured; they are dated 2026-11-28" in done.stderr


def test_meta_business_suite_content_export_gives_instagram_averages(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path, "instagram-content.csv")
    done = kitfolio(
        "stats", "import", "instagram-content.csv", "--kit", "kits/mia-berg.yml", cwd=root
    )
    assert done.returncode == 0, done.stderr
    kit = read_kit(root)
    instagram = kit.platforms[0]  # type: ignore[attr-defined]
    # "24,000" is read as 24000; a blank Saves cell is left out of that mean.
    assert (instagram.avg_views, instagram.avg_likes, instagram.avg_comments) == (20000, 1800, 130)
    assert (instagram.avg_shares, instagram.avg_saves) == (60, 220)
    assert instagram.followers == 48200
    assert kit.stats_as_of == date.fromisoformat(TODAY)  # type: ignore[attr-defined]


def test_tiktok_overview_is_recognised_and_refused_with_the_reason(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path, "tiktok-overview.csv")
    done = kitfolio(
        "stats", "import", "tiktok-overview.csv", "--kit", "kits/mia-berg.yml", cwd=root
    )
    assert done.returncode == 1
    assert "TikTok Studio's Overview export" in done.stderr
    assert "import the Follower history export" in done.stderr


def test_format_can_be_forced_and_platform_must_match(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "youtube-dates.csv")
    (root / "plain.csv").write_text("date,followers\n2026-11-30,33000\n")
    needs = kitfolio("stats", "import", "plain.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert needs.returncode == 1
    assert "plain.csv:1:1: platform: expected a platform column or --platform NAME" in needs.stderr
    chosen = kitfolio(
        "stats",
        "import",
        "plain.csv",
        "--kit",
        "kits/mia-berg.yml",
        "--platform",
        "tiktok",
        cwd=root,
    )
    assert chosen.returncode == 0, chosen.stderr
    assert read_kit(root).platforms[1].followers == 33000  # type: ignore[attr-defined]
    forced = kitfolio(
        "stats",
        "import",
        "plain.csv",
        "--kit",
        "kits/mia-berg.yml",
        "--format",
        "tiktok-followers",
        "--dry-run",
        cwd=root,
    )
    assert forced.returncode == 0, forced.stderr
    assert "read as TikTok Studio, Download data, Follower history" in forced.stderr
    wrong = kitfolio(
        "stats",
        "import",
        "youtube-dates.csv",
        "--kit",
        "kits/mia-berg.yml",
        "--platform",
        "tiktok",
        cwd=root,
    )
    assert wrong.returncode == 1
    assert "expected a tiktok export, got one for youtube" in wrong.stderr


def test_a_kit_whose_layout_cannot_be_kept_is_not_touched(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "generic.csv")
    kit = root / "kits" / "mia-berg.yml"
    kit.write_text(
        kit.read_text().replace(
            "handle: miaberg\n    followers: 48200", "handle:   miaberg\n    followers: 48200"
        )
    )
    before = kit.read_bytes()
    done = kitfolio("stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 1
    line = next(n for n, text in enumerate(kit.read_text().splitlines(), 1) if "handle:   " in text)
    assert (
        f"kits/mia-berg.yml:{line}:1: (layout): expected a layout that can be kept" in done.stderr
    )
    assert kit.read_bytes() == before


def test_an_invalid_kit_is_refused_before_the_export_is_read(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path, "generic.csv")
    kit = root / "kits" / "mia-berg.yml"
    kit.write_text(kit.read_text().replace("followers: 31500", "followers: lots"))
    done = kitfolio("stats", "import", "generic.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 1
    assert re.search(r"kits/mia-berg.yml:\d+:\d+: platforms\[1\]\.followers: expected", done.stderr)
    assert "fix the errors above first (kitfolio check)" in done.stderr


def test_an_import_older_than_the_kit_only_adds_history(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path)
    (root / "old.csv").write_text("date,platform,followers\n2026-07-31,tiktok,27000\n")
    done = kitfolio("stats", "import", "old.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    kit = read_kit(root)
    tiktok = kit.platforms[1]  # type: ignore[attr-defined]
    assert tiktok.followers == 31500
    assert [(h.date, h.followers) for h in tiktok.history] == [(date(2026, 7, 31), 27000)]
    assert kit.stats_as_of == date(2026, 10, 31)  # type: ignore[attr-defined]


def test_values_added_at_the_end_of_the_last_platform_keep_what_followed_it(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path)
    kit = root / "kits" / "mia-berg.yml"
    # The last platform ends with its history, then a blank line and a comment.
    (root / "yt.csv").write_text(
        "date,platform,followers\n2026-08-31,youtube,11500\n2026-11-30,youtube,12400\n"
    )
    done = kitfolio("stats", "import", "yt.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    assert (
        "    history:                         # from before this kit was in git\n"
        "      - {date: 2026-06-30, followers: 11000}\n"
        "      - {date: 2026-08-31, followers: 11500}\n"
        "\n"
        "# Audience and rates.\n"
    ) in kit.read_text()
    # Without history, the last key is avg_views: a new key after it keeps the same lines after.
    text = kit.read_text()
    history = text[text.index("    history:") : text.index("\n# Audience")]
    kit.write_text(text.replace(history, ""))
    (root / "rate.csv").write_text("date,platform,engagement_rate\n2026-12-01,youtube,3.1\n")
    done = kitfolio("stats", "import", "rate.csv", "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    assert (
        "    followers: 12400                 # subscribers\n"
        "    avg_views: 9000\n"
        "    engagement_rate: 3.1\n"
        "\n"
        "# Audience and rates.\n"
    ) in kit.read_text()


def test_stats_lists_each_kit_age_the_stalest_first(tmp_path: Path, kitfolio: Run) -> None:
    root = project(tmp_path)
    text = (root / "kits" / "mia-berg.yml").read_text()
    (root / "kits" / "old-one.yml").write_text(text.replace("2026-10-31", "2026-05-01"))
    (root / "kits" / "broken.yml").write_text("name: [unclosed\n")
    done = kitfolio("stats", cwd=root)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith("(today 2026-12-01)")
    assert lines[1].split()[:4] == ["kits/old-one.yml", "2026-05-01", "214", "d"]
    assert "stale (over 90 days): kitfolio stats import FILE --kit kits/old-one.yml" in lines[1]
    assert lines[2].split()[:5] == ["kits/mia-berg.yml", "2026-10-31", "31", "d", "fresh"]
    assert lines[3].startswith("kits/broken.yml") and "cannot read" in lines[3]
    assert lines[4] == "3 kits: 1 stale, 1 fresh, 1 unreadable"
    strict = kitfolio("stats", "--stale-after", "30", cwd=root)
    row = next(line for line in strict.stdout.splitlines() if "mia-berg" in line)
    assert row.split()[:5] == ["kits/mia-berg.yml", "2026-10-31", "31", "d", "stale"]


def test_the_clock_is_read_from_kitfolio_today_and_a_bad_value_is_an_error(
    tmp_path: Path, kitfolio: Run
) -> None:
    root = project(tmp_path)
    later = kitfolio("stats", cwd=root, today="2027-03-01")
    assert "(today 2027-03-01)" in later.stdout and "121 d  stale" in later.stdout
    bad = kitfolio("stats", cwd=root, today="next tuesday")
    assert bad.returncode == 2
    assert "KITFOLIO_TODAY: expected a date as YYYY-MM-DD, got 'next tuesday'" in bad.stderr


@pytest.mark.parametrize("name", ["generic.csv", "tiktok-followers.csv"])
def test_a_written_kit_keeps_its_mode_and_leaves_no_temporary_file(
    tmp_path: Path, kitfolio: Run, name: str
) -> None:
    root = project(tmp_path, name)
    kit = root / "kits" / "mia-berg.yml"
    kit.chmod(0o640)
    done = kitfolio("stats", "import", name, "--kit", "kits/mia-berg.yml", cwd=root)
    assert done.returncode == 0, done.stderr
    assert kit.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (root / "kits").iterdir()) == ["mia-berg.yml"]
