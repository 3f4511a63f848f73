"""`kitfolio advise` as a creator runs it, and the rate data file it reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kitfolio.cli import main
from kitfolio.tools.rate_bands import DEFAULT_FILE, load_rate_data

KIT = """\
name: Ava Green
niche: {primary: Sustainable fashion}
contact: {email: hello@example.org}
stats_as_of: 2026-10-31
platforms:
  - {network: instagram, followers: 48200, avg_views: 21000}
  - {network: tiktok, followers: 31500}
rates:
  currency: CURRENCY
  items:
ITEMS
"""


def write_kit(root: Path, items: str, currency: str = "GBP", extra: str = "") -> Path:
    (root / "kits").mkdir(exist_ok=True)
    text = KIT.replace("CURRENCY", currency).replace("ITEMS", items) + extra
    path = root / "kits" / "ava-green.yml"
    path.write_text(text, encoding="utf-8")
    return path


def advise(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["advise", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def block(out: str, label: str) -> list[str]:
    """The lines of the advice on one rate item."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {label}:"))
    rest = lines[start + 1 :]
    end = next((i for i, line in enumerate(rest) if not line.startswith("    ")), len(rest))
    return [lines[start], *rest[:end]]


def test_a_20_pound_reel_at_48k_followers_is_far_below_the_band_and_names_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_kit(tmp_path, "    - {deliverable: Instagram Reel, platform: instagram, price: 20}")
    code, out, err = advise(capsys)
    assert code == 0, err
    lines = block(out, "Instagram Reel")
    assert lines[0] == "  Instagram Reel: £20 — instagram, 48,200 followers (micro)"
    band = next(line for line in lines if "per post" in line)
    assert band.strip().startswith("far below the usual band: £")
    source = lines[lines.index(band) + 1]
    assert "converted from USD" in source and "Word on the Block, 2023 [1]" in source
    assert "[1] Word on the Block, “How Much You Should Be Paying Influencers" in out
    assert "https://www.wordontheblock.com/blog/influencer-pricing-guide" in out
    # The band is the source's $100-$500, converted at the dated rates the data file names.
    assert "converted to GBP at the EUR reference rates of 2025-03-14" in out


@pytest.mark.parametrize(
    ("price", "verdict"),
    [
        (40, "far below the usual band"),
        (80, "below the usual band"),
        (300, "within the usual band"),
        ("{min: 450, max: 700}", "within the usual band"),
        (600, "above the usual band"),
        (1200, "far above the usual band"),
    ],
)
def test_verdicts_against_the_micro_instagram_band(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    price: object,
    verdict: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    item = f"    - {{deliverable: Reel, platform: instagram, price: {price}}}"
    write_kit(tmp_path, item, currency="USD")
    code, out, err = advise(capsys)
    assert code == 0, err
    band = next(line for line in block(out, "Reel") if "per post" in line)
    assert band.strip() == f"{verdict}: $100–$500 (micro (10K–100K followers), per post)"
    assert "converted" not in out


def test_the_cpm_rule_uses_the_kits_own_average_views(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_kit(tmp_path, "    - {deliverable: Reel, platform: instagram, price: 200}", "USD")
    _, out, _ = advise(capsys)
    lines = block(out, "Reel")
    # 21,000 views at $5-$15 per 1,000: $105-$315.
    assert (
        "    within the usual band: $105–$315 "
        "(CPM rule: $5–$15 per 1,000 impressions, applied to 21,000 average views)"
    ) in lines


def test_a_platform_without_views_or_bands_says_what_it_cannot_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    items = (
        "    - {deliverable: TikTok video, price: 100}\n"
        "    - {deliverable: Instagram Story set, platform: instagram, price: 100}\n"
        "    - {deliverable: Instagram ストーリーズ, platform: instagram, price: 100}\n"
        "    - {deliverable: Newsletter feature, platform: newsletter, price: 100}\n"
    )
    write_kit(tmp_path, items, "USD")
    _, out, _ = advise(capsys)
    tiktok = block(out, "TikTok video")
    assert "    note: platform guessed from the deliverable's name: tiktok" in tiktok
    assert "    note: no avg_views for tiktok in the kit: the CPM rule cannot be applied" in tiktok
    assert any(line.strip().startswith("within the usual band: $25–$125") for line in tiktok)
    story = block(out, "Instagram Story set")
    assert "    note: no published band for Stories in the data file: not compared" in story
    stories = block(out, "Instagram ストーリーズ")
    assert "    note: no published band for Stories in the data file: not compared" in stories
    newsletter = block(out, "Newsletter feature")
    assert "    note: the kit has no newsletter platform, so no follower tier to compare with" in (
        newsletter
    )


def test_add_ons_brands_ask_for_are_listed_with_their_usual_premiums(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    addons = "  addons:\n    - {name: Category exclusivity, percent: 10}\n"
    write_kit(tmp_path, "    - {deliverable: Reel, platform: instagram, price: 300}", extra=addons)
    _, out, _ = advise(capsys)
    assert (
        "    Paid usage / whitelisting: not priced: brands will ask for it; usually 50–100% on "
        "top of the base fee — Influize, undated [2]"
    ) in out.splitlines()
    assert (
        "    Exclusivity: priced at 10% of the base fee: below the usual premium (15–30% on top "
        "of the base fee) — Film Daily, undated [3]"
    ) in out.splitlines()
    revisions = next(line for line in out.splitlines() if "Extra rounds of revisions" in line)
    assert "not priced" in revisions and "No public source with a figure" in revisions


def test_a_package_is_compared_with_the_sum_of_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    packages = (
        "  packages:\n"
        "    - name: Launch bundle\n"
        "      includes: [2 Instagram Reels, TikTok video ×1, 3-frame Story set]\n"
        "      price: 150\n"
    )
    write_kit(
        tmp_path, "    - {deliverable: Reel, platform: instagram, price: 300}", "USD", packages
    )
    _, out, _ = advise(capsys)
    lines = block(out, "Launch bundle")
    # 2 x $100-$500 (Instagram micro) + 1 x $25-$125 (TikTok micro) = $225-$1,125.
    assert lines[1] == (
        "    below the usual band: $225–$1,125 "
        "(sum of the bands of 2 Instagram Reels, TikTok video ×1)"
    )
    assert "    note: '3-frame Story set': no band to count it with" in lines


def test_advise_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    kit = write_kit(tmp_path, "    - {deliverable: Reel, platform: instagram, price: 20}")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, out, _ = advise(capsys, str(kit))
    assert code == 0
    assert out.startswith("For your eyes only")
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_the_bundled_rate_data_is_valid_and_every_figure_names_a_dated_source() -> None:
    data, problems = load_rate_data()
    assert problems == [] and data is not None
    assert data.bands and data.cpm and data.addons
    for figure in [*data.bands, *data.cpm]:
        source = data.source(figure.source)
        assert source is not None and source.url.startswith("https://")
        assert source.consulted <= data.updated
    for currency in {b.currency for b in data.bands}:
        assert currency == data.exchange.base or currency in data.exchange.rates
    assert data.source(data.exchange.source) is not None


def test_a_broken_rate_data_file_is_reported_where_it_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_kit(tmp_path, "    - {deliverable: Reel, platform: instagram, price: 20}")
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    data["bands"][0]["source"] = "nobody"
    data["sources"][0]["url"] = "ftp://example.org/rates"
    broken = tmp_path / "bands.yml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, _, err = advise(capsys, "--bands", str(broken))
    assert code == 1
    lines = broken.read_text().splitlines()
    url_line = next(n for n, line in enumerate(lines, 1) if "ftp://" in line)
    assert f"bands.yml:{url_line}:" in err and "sources[0].url: expected a URL" in err
    data["sources"][0]["url"] = "https://example.org/rates"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, _, err = advise(capsys, "--bands", str(broken))
    assert code == 1
    assert "bands[0].source: expected the id of a source" in err and "got 'nobody'" in err
