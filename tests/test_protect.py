"""Protected pages: a pitch with ``protect: true`` is published only as ciphertext.

Real sites built with MkDocs; the payload is read back from the built page and opened with the
password, and every file of the site is scanned for the page's plaintext.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cryptography.exceptions import InvalidTag

from conftest import build_error, build_site, kitfolio, read_html, site_texts
from kitfolio.outputs.protect import ITERATIONS, Payload, decrypt
from kitfolio.sources.passwords import password_for

MKDOCS = """\
site_name: Protect test
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, kitfolio]
"""

KIT = """\
name: Ava Green
tagline: Slow fashion on a budget
niche: {primary: Fashion}
contact: {email: ava@example.org}
stats_as_of: 2026-10-01
platforms:
  - {network: instagram, handle: avagreen, followers: 48200}
rates:
  currency: GBP
  visibility: private
  items:
    - {deliverable: Instagram Reel, platform: instagram, price: 4519}
    - {deliverable: TikTok video, price: 4027}
  packages:
    - {name: Launch bundle, includes: [1 Reel, 1 TikTok], price: 8563}
partnerships:
  - {brand: Patagonia, year: 2025, summary: Repair series}
"""

PITCH = """\
kit: ava-green
brand: Zyvex Outdoor
protect: true
note: |
  Quillfeather proposal: **three** ideas for the Marrowbine launch.
packages: [Launch bundle]
items: [Instagram Reel]
partnerships: [Patagonia]
"""

PASSWORD = "correct horse battery staple"
PLAINTEXT = [
    "Zyvex",
    "Quillfeather",
    "Marrowbine",
    "4,519",
    "4519",
    "8,563",
    "8563",
]
"""The brand, the note and the private prices (formatted and as written): nowhere in clear."""


def write(root: Path, pitches: dict[str, str], *, pdf: bool = False) -> Path:
    """A site of one kit and ``pitches``; its PDF only with ``pdf`` (the site whose every file
    is scanned for the plaintext has it: a PDF is one more file that could leak)."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "pitches").mkdir(exist_ok=True)
    plugins = (
        "plugins: [search, kitfolio]" if pdf else "plugins: [search, {kitfolio: {pdf: false}}]"
    )
    (root / "mkdocs.yml").write_text(
        MKDOCS.replace("plugins: [search, kitfolio]", plugins), encoding="utf-8"
    )
    (root / "kits" / "ava-green.yml").write_text(KIT, encoding="utf-8")
    for name, text in pitches.items():
        (root / "pitches" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KITFOLIO_PASSWORD_ZYVEX", PASSWORD)
    return PASSWORD


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built with the password set for the build only: the other tests see none."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KITFOLIO_PASSWORD_ZYVEX", PASSWORD)
        return build_site(write(tmp_path_factory.mktemp("protect"), {"zyvex": PITCH}, pdf=True))


def payload_of(page: Path) -> Payload:
    found = read_html(page).select("[data-kf-payload]")
    assert len(found) == 1
    return Payload.from_json(str(found[0]["data-kf-payload"]))


def opened(page: Path, password: str = PASSWORD) -> BeautifulSoup:
    return BeautifulSoup(decrypt(payload_of(page), password), "html.parser")


def test_the_password_opens_the_pitch_with_the_kits_private_rates(site: Path) -> None:
    content = opened(site / "for" / "zyvex" / "index.html")
    text = content.get_text(" ", strip=True)
    assert "A proposal for Zyvex Outdoor" in text
    assert "Quillfeather proposal: three ideas for the Marrowbine launch." in text
    assert "£4,519" in text and "£8,563" in text
    assert "Prices are shared on request" not in text
    assert "These rates are for you only: this page is protected by a password." in text
    assert "TikTok video" not in text
    assert content.select_one("h1.kf-name") is not None


def test_a_wrong_password_opens_nothing(site: Path) -> None:
    with pytest.raises(InvalidTag):
        opened(site / "for" / "zyvex" / "index.html", "correct horse battery")


def test_the_page_shows_only_a_password_form_and_is_unlisted(site: Path) -> None:
    page = read_html(site / "for" / "zyvex" / "index.html")
    assert page.title is not None and page.title.get_text() == "Protected page · Protect test"
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None
    assert description["content"] == "This page is protected by a password."
    robots = page.find_all("meta", attrs={"name": "robots"})
    assert [r["content"] for r in robots] == ["noindex"]
    assert not page.find_all("meta", attrs={"property": re.compile("^og:")})
    assert not page.find_all("script", attrs={"type": "application/ld+json"})
    form = page.select_one(".kf-unlock form")
    assert form is not None
    field = form.select_one("input[type=password]")
    assert field is not None and field.get("id") == "kf-password"
    label = form.select_one("label[for=kf-password]")
    assert label is not None and label.get_text(strip=True) == "Password"
    status = form.select_one("[role=status][aria-live=polite]")
    assert status is not None and status.get("id") == field.get("aria-describedby")
    assert form.select_one("button[type=submit]") is not None
    assert page.select_one(".kf-page .kf-name") is None
    scripts = [s.get("src", "") for s in page.find_all("script")]
    assert any(src.endswith("assets/kitfolio/protect.js") for src in scripts)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/for/" not in sitemap and "ava-green/" in sitemap
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("for/")]


def test_the_payload_names_at_least_600000_iterations(site: Path) -> None:
    payload = payload_of(site / "for" / "zyvex" / "index.html")
    assert payload.iterations >= 600_000 == ITERATIONS
    assert len(payload.salt) == 16 and len(payload.iv) == 12
    raw = read_html(site / "for" / "zyvex" / "index.html").select_one("[data-kf-payload]")
    assert raw is not None
    fields = json.loads(str(raw["data-kf-payload"]))
    assert fields["kdf"] == "PBKDF2-HMAC-SHA256" and fields["cipher"] == "AES-256-GCM"


def test_no_output_file_holds_any_of_the_plaintext(site: Path) -> None:
    scanned = {path for path, _ in site_texts(site)}
    assert {site / "for" / "zyvex" / "index.html", site / "sitemap.xml.gz"} <= scanned
    assert any(p.suffix == ".png" for p in scanned)  # the social cards, with their metadata
    assert (site / "kits.json").is_file() and (site / "search" / "search_index.json").is_file()
    found = [
        (path.relative_to(site).as_posix(), word)
        for path, text in site_texts(site)
        for word in PLAINTEXT
        if word in text
    ]
    assert found == []


def test_salt_and_iv_are_new_for_every_build(site: Path, tmp_path: Path, password: str) -> None:
    again = build_site(write(tmp_path, {"zyvex": PITCH}))
    first = payload_of(site / "for" / "zyvex" / "index.html")
    second = payload_of(again / "for" / "zyvex" / "index.html")
    assert first.salt != second.salt and first.iv != second.iv
    assert first.ciphertext != second.ciphertext
    assert decrypt(first, password) == decrypt(second, password)


def test_a_protected_page_without_a_password_stops_the_build(tmp_path: Path) -> None:
    root = write(tmp_path, {"zyvex": PITCH})
    built = build_site(write(tmp_path / "other", {}))
    error = build_error(root, site_dir=str(built))
    assert "1 problem in pitches" in str(error)
    assert (built / "ava-green" / "index.html").is_file()
    assert not (built / "for").exists()
    assert getattr(error, "problems", []) == [
        "pitches/zyvex.yml:3:10: protect: expected a password in the environment variable "
        "KITFOLIO_PASSWORD_ZYVEX (or KITFOLIO_PASSWORD), found neither: a protected page is "
        "published only encrypted, so it cannot be built without one (docs/protected-pages.md)"
    ]


def test_kitfolio_check_reports_the_missing_password(tmp_path: Path) -> None:
    root = write(tmp_path, {"zyvex": PITCH})
    result = kitfolio("check", cwd=root)
    assert result.returncode == 1
    assert "pitches/zyvex.yml:3:10: protect: expected a password" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_site_wide_password_opens_a_page_without_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITFOLIO_PASSWORD", "one password for the site")
    site = build_site(write(tmp_path, {"zyvex": PITCH}))
    assert (
        "Zyvex"
        in opened(site / "for" / "zyvex" / "index.html", "one password for the site").get_text()
    )


def test_a_short_password_is_a_warning_that_strict_builds_stop_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITFOLIO_PASSWORD_ZYVEX", "hunter2")
    root = write(tmp_path, {"zyvex": PITCH})
    warning = (
        "pitches/zyvex.yml:3:10: protect: expected a password of at least 12 characters: anyone "
        "with the page can try passwords against it offline"
    )
    checked = kitfolio("check", cwd=root)
    assert checked.returncode == 0 and warning in checked.stdout + checked.stderr
    assert (build_site(root) / "for" / "zyvex" / "index.html").is_file()
    stopped = build_error(root, strict=True)
    assert [p[: len(warning)] for p in getattr(stopped, "problems", [])] == [warning]


def test_the_pages_own_password_wins_and_an_empty_one_counts_as_unset() -> None:
    env = {"KITFOLIO_PASSWORD": "site", "KITFOLIO_PASSWORD_ACME_SPRING": "page"}
    assert password_for("acme-spring", env) == "page"
    assert password_for("other", env) == "site"
    assert password_for("acme-spring", {"KITFOLIO_PASSWORD_ACME_SPRING": ""}) is None


def test_an_expired_protected_pitch_needs_no_password(tmp_path: Path) -> None:
    expired = PITCH + "expires: 2001-01-31\n"
    site = build_site(write(tmp_path, {"zyvex": expired}))
    assert not (site / "for" / "zyvex").exists()


@pytest.mark.usefixtures("password")
def test_a_template_that_skips_the_seal_stops_the_build(tmp_path: Path) -> None:
    root = write(tmp_path, {"zyvex": PITCH})
    (root / "mkdocs.yml").write_text(
        MKDOCS.replace("font: false", "font: false, custom_dir: overrides"), encoding="utf-8"
    )
    overrides = root / "overrides" / "kitfolio"
    overrides.mkdir(parents=True)
    (overrides / "base.html").write_text(
        '{% extends "main.html" %}\n{% block content %}{% block kitfolio %}{% endblock %}'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    error = build_error(root)
    assert "the protected page 'zyvex' was rendered without its encrypted payload" in str(error)
