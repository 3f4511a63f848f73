"""Charts and accents: accessible inline SVG themed by CSS, accents that keep WCAG contrast."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from conftest import MINIMAL_KIT, build_site, write_site
from kitfolio.media import palette
from kitfolio.outputs import charts

ROOT_DIR = Path(__file__).resolve().parents[1]
KIT = (
    MINIMAL_KIT
    + "  - {network: tiktok, followers: 31000}\n"
    + "audience:\n"
    + '  age: {"13-17": 2, "18-24": 31, "25-34": 44, "35-44": 15, "45+": 8}\n'
    + "  gender: {women: 78, men: 19, other: 3}\n"
    + '  countries: {GB: 62, US: 14, "NO": 3}\n'
    + "  cities: {London: 18, Leeds: 7}\n"
)
CHARTS = {
    "kf-chart-age": ["13-17", "18-24", "25-34", "35-44", "45+"],
    "kf-chart-gender": ["women", "men", "other"],
    "kf-chart-countries": ["United Kingdom", "United States", "Norway"],
    "kf-chart-cities": ["London", "Leeds"],
    "kf-chart-platforms": ["Instagram", "TikTok"],
}


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    site = build_site(write_site(tmp_path_factory.mktemp("charts"), {"ava": KIT}))
    return BeautifulSoup((site / "ava" / "index.html").read_text("utf-8"), "html.parser")


def styles_of(svg: Tag) -> list[str]:
    return [str(el["style"]) for el in svg.find_all(style=True)]


@pytest.mark.parametrize("ident", list(CHARTS))
def test_each_chart_is_an_accessible_svg_with_a_table(page: BeautifulSoup, ident: str) -> None:
    figure = page.find(id=ident)
    assert isinstance(figure, Tag) and figure.name == "figure"
    drawn = figure.find(role="img")
    assert isinstance(drawn, Tag)
    labelled = str(drawn["aria-labelledby"]).split()
    title, desc = (page.find(id=name) for name in labelled)
    assert isinstance(title, Tag) and title.parent is drawn and title.get_text()
    assert isinstance(desc, Tag) and desc.parent is drawn
    table = figure.find("table")
    assert isinstance(table, Tag) and table.find_parent(class_="kf-sr") is not None
    rows = [
        (str(r.th.get_text()), str(r.td.get_text()))  # type: ignore[union-attr]
        for r in table.select("tbody tr")
    ]
    assert [label for label, _ in rows] == CHARTS[ident]
    labels = [t.get_text() for t in drawn.select(".kf-chart__label")]
    values = [t.get_text() for t in drawn.select(".kf-chart__value")]
    assert labels == CHARTS[ident], "every label is drawn whole (CSS cuts a long one)"
    for label, value in rows:
        assert value in values, f"{ident}: {value} not drawn"
        assert value in desc.get_text() and label in desc.get_text()


def test_chart_numbers_match_the_kit(page: BeautifulSoup) -> None:
    table = page.select_one("#kf-chart-age table")
    assert table is not None
    values = [td.get_text() for td in table.select("td")]
    assert values == ["2%", "31%", "44%", "15%", "8%"]
    fills = [str(bar["style"]) for bar in page.select("#kf-chart-age .kf-chart__fill")]
    assert fills == [f"width:{share}%" for share in ("2.0", "31.0", "44.0", "15.0", "8.0")]


def test_chart_colours_come_from_css_custom_properties(page: BeautifulSoup) -> None:
    for svg in page.select(".kf-page svg[role=img]"):
        if svg.find_parent(class_="kf-icon"):
            continue
        for element in svg.find_all(True):
            assert "fill" not in element.attrs and "stroke" not in element.attrs, element
        for style in styles_of(svg):
            colours = re.findall(r"(?:fill|stroke):([^;]+)", style)
            assert colours and all(c.startswith("var(--kf-chart-") for c in colours), style
    css = (ROOT_DIR / "theme" / "assets" / "kitfolio" / "kitfolio.css").read_text("utf-8")
    for name in ("fill", "track", "ink", "muted"):
        assert re.search(rf"--kf-chart-{name}:\s*var\(--", css), name
    for part, colour in (("bars", "color"), ("track", "background"), ("fill", "background")):
        rule = re.search(rf"\.kf-chart__{part} \{{([^}}]*)\}}", css)
        assert rule and re.search(rf"(?<![-\w]){colour}: var\(--kf-chart-", rule[1]), part
    printing = css[css.index("@media print") :]
    assert "--kf-chart-ink: #000" in printing and "print-color-adjust: exact" in printing


def test_hostile_labels_stay_text() -> None:
    label = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    markup = charts.bar_chart("kf-x", "T <b>", [charts.Bar(label, 50, "50%")], ("A", "B"))
    soup = BeautifulSoup(str(markup), "html.parser")
    assert not soup.find_all(["script", "img", "b"])
    assert soup.select_one("table th[scope=row]").get_text() == label  # type: ignore[union-attr]
    assert soup.select_one("#kf-x-title").get_text() == "T <b>"  # type: ignore[union-attr]
    assert soup.select_one(".kf-chart__label").get_text() == label  # type: ignore[union-attr]


def colour_rules(page: BeautifulSoup) -> dict[str, dict[str, str]]:
    """The kit's accent style: per selector, its custom properties."""
    style = next(s.get_text() for s in page.find_all("style") if "--kf-accent" in s.get_text())
    rules = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style):
        props = dict(part.split(":", 1) for part in body.split(";") if part)
        rules[selector.strip()] = props
    return rules


def accent_site(tmp_path: Path, kit: str, avatar: Image.Image | None = None) -> BeautifulSoup:
    if avatar is not None:
        (tmp_path / "kits" / "media").mkdir(parents=True)
        avatar.save(tmp_path / "kits" / "media" / "face.png")
    site = build_site(write_site(tmp_path, {"ava": kit}))
    return BeautifulSoup((site / "ava" / "index.html").read_text("utf-8"), "html.parser")


def assert_readable(rules: dict[str, dict[str, str]]) -> None:
    light = rules[".kf-page"]
    dark = rules['[data-md-color-scheme="slate"] .kf-page']
    assert palette.contrast(light["--kf-accent"], palette.LIGHT_BACKGROUND) >= 3
    assert palette.contrast(dark["--kf-accent"], palette.DARK_BACKGROUND) >= 3
    for scheme in (light, dark):
        assert palette.contrast(scheme["--kf-accent"], scheme["--kf-accent-ink"]) >= 4.5
    for ground in (palette.LIGHT_BACKGROUND, palette.LIGHT_PANEL):
        assert palette.contrast(light["--kf-link"], ground) >= 4.5
    for ground in (palette.DARK_BACKGROUND, palette.DARK_PANEL):
        assert palette.contrast(dark["--kf-link"], ground) >= 4.5
    assert rules[".kf-accented"] == light, "the creator's header and footer take the same accent"


def test_a_pale_explicit_accent_is_darkened_for_light_pages_and_gets_ink(tmp_path: Path) -> None:
    rules = colour_rules(accent_site(tmp_path, MINIMAL_KIT + 'theme: {accent: "#FFEB3B"}\n'))
    assert_readable(rules)
    assert rules[".kf-page"]["--kf-accent"] != "#ffeb3b"
    assert rules['[data-md-color-scheme="slate"] .kf-page']["--kf-accent"] == "#ffeb3b"
    assert rules['[data-md-color-scheme="slate"] .kf-page']["--kf-accent-ink"] == "#000000"


def test_a_readable_explicit_accent_is_kept(tmp_path: Path) -> None:
    rules = colour_rules(accent_site(tmp_path, MINIMAL_KIT + 'theme: {accent: "#2E7D32"}\n'))
    assert rules[".kf-page"] == {
        "--kf-accent": "#2e7d32",
        "--kf-accent-ink": "#ffffff",
        "--kf-link": "#2e7d32",  # 5.1:1 on white, 4.7:1 on the panels: kept as text too
    }
    assert_readable(rules)


def test_without_an_accent_one_is_derived_from_the_avatar(tmp_path: Path) -> None:
    face = Image.new("RGB", (200, 200), (235, 228, 220))
    face.paste((200, 30, 60), (0, 120, 200, 200))  # a red jumper on a beige wall
    rules = colour_rules(accent_site(tmp_path, MINIMAL_KIT + "avatar: media/face.png\n", face))
    assert_readable(rules)
    red, green, blue = palette.parse(rules[".kf-page"]["--kf-accent"])
    assert red > 2 * green and red > 2 * blue


def test_a_grey_avatar_leaves_the_sites_own_colour(tmp_path: Path) -> None:
    face = Image.new("RGB", (200, 200), (128, 128, 128))
    page = accent_site(tmp_path, MINIMAL_KIT + "avatar: media/face.png\n", face)
    assert not [s for s in page.find_all("style") if "--kf-accent" in s.get_text()]


def test_every_accent_can_be_made_readable() -> None:
    shades = random.Random(5)
    for _ in range(400):
        colour = palette.hex_colour(tuple(shades.randrange(256) for _ in range(3)))  # type: ignore[arg-type]
        chosen = palette.palette(colour)
        assert palette.contrast(chosen.light, palette.LIGHT_BACKGROUND) >= 3, colour
        assert palette.contrast(chosen.dark, palette.DARK_BACKGROUND) >= 3, colour
        assert palette.contrast(chosen.light, chosen.light_ink) >= 4.5, colour
        assert palette.contrast(chosen.dark, chosen.dark_ink) >= 4.5, colour
        for ground in (palette.LIGHT_BACKGROUND, palette.LIGHT_PANEL):
            assert palette.contrast(chosen.light_link, ground) >= 4.5, colour
        for ground in (palette.DARK_BACKGROUND, palette.DARK_PANEL):
            assert palette.contrast(chosen.dark_link, ground) >= 4.5, colour
    assert palette.contrast("#ffffff", "#000000") == pytest.approx(21)
