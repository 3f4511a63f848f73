"""Campaigns: campaigns/<name>.yml → an unlisted report /reports/<name>/, case studies on the kit.

Every test builds a real site with MkDocs (or runs the kitfolio command) in tmp_path and reads
the output with an HTML parser; the suite's clock is fixed at conftest.TODAY (2026-11-30).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import build_error, build_site, kitfolio, read_html
from kitfolio.model.schema import campaign_schema, campaign_schema_text

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = """\
site_name: Campaign test
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, kitfolio]
"""

KIT = """\
name: {name}
niche: {{primary: Fashion}}
contact: {{email: {slug}@example.org}}
stats_as_of: 2026-10-01
platforms:
  - {{network: instagram, handle: {slug}, followers: 48200}}
theme: {{accent: "#2E7D32"}}
rates:
  currency: GBP
  visibility: {visibility}
  items:
    - {{deliverable: Instagram Reel, platform: instagram, price: 4519}}
partnerships:
  - {{brand: Oatly}}
  - {{brand: Patagonia, year: 2025, summary: Repair series}}
  - brand: greenline
    year: 2026
    summary: Written by hand in the kit
    testimonial: {{quote: "Ava made our range sing.", author: "Jo Smith, Greenline"}}
  - {{brand: Lush, year: 2026}}
"""

WRAPPED = """\
kit: ava-green
brand: Greenline
brand_url: https://greenline.example/
brand_contact: {name: Jo Smith, email: jo@greenline.example}
status: wrapped
start: 2026-09-01
end: 2026-11-15
brief: |
  Three months of **repair-first** styling. <script>alert(1)</script>

  The rest of the brief, for the report only.
deliverables:
  - title: Reel "Repair, don't replace"
    platform: instagram
    due: 2026-09-14
    url: https://www.instagram.com/p/abc/
    live: 2026-09-15
    results: {reach: 61000, views: 88000, link_clicks: 1200}
  - title: TikTok "Mending basics"
    platform: tiktok
    due: 2026-10-05
    url: https://www.tiktok.com/@ava/video/1
    live: 2026-10-04
results:
  source: Greenline's shop analytics, to 2026-11-30
  reach: 184000
  engagement_rate: 6.1
  conversions: 140
  revenue: 8400
currency: GBP
invoices:
  - {number: AG-014, amount: 850, issued: 2026-09-01, due: 2026-10-01, paid: 2026-09-28}
  - {number: AG-019, amount: 1234.5, issued: 2026-11-15, due: 2026-12-15}
feedback: The repair reels beat the styling reels two to one on saves.
thanks: Thank you for trusting me with Worn Again.
next: I'd love to cover the spring launch.
case_study: true
"""

EARLIER = """\
kit: ava-green
brand: Greenline
status: wrapped
start: 2025-03-01
end: 2025-04-30
deliverables: [{title: Reel, url: "https://www.instagram.com/p/k/"}]
results: {source: Greenline, reach: 58000}
thanks: Thank you.
"""

SECRET = """\
kit: ava-green
brand: Greenline
status: active
start: 2024-01-10
deliverables: [{title: Secret Reel, due: 2027-01-01}]
protect: true
"""

ACTIVE = """\
kit: bo-berg
brand: Acme Outdoor
status: active
start: 2026-11-01
deliverables:
  - {title: Spring Reel, platform: instagram, due: 2026-12-20}
currency: EUR
invoices:
  - {number: BB-7, amount: 3777, issued: 2026-11-01, due: 2026-12-31}
feedback: Going well so far.
thanks: Never shown before the wrap-up.
"""

CAMPAIGNS = {
    "greenline-autumn": WRAPPED,
    "greenline-launch": EARLIER,
    "greenline-secret": SECRET,
    "acme-now": ACTIVE,
}


def write(
    root: Path, campaigns: dict[str, str], visibility: str = "public", mkdocs: str = MKDOCS
) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "kits").mkdir(exist_ok=True)
    (root / "campaigns").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    for slug, name, vis in (
        ("ava-green", "Ava Green", visibility),
        ("bo-berg", "Bo Berg", "on-request"),
    ):
        text = KIT.format(name=name, slug=slug, visibility=vis)
        (root / "kits" / f"{slug}.yml").write_text(text, encoding="utf-8")
    for name, text in campaigns.items():
        (root / "campaigns" / f"{name}.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(write(tmp_path_factory.mktemp("campaigns"), CAMPAIGNS))


def report(site: Path, name: str) -> BeautifulSoup:
    return read_html(site / "reports" / name / "index.html")


def section(page: BeautifulSoup, heading_id: str) -> Tag:
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    parent = heading.find_parent("section")
    assert isinstance(parent, Tag)
    return parent


def text(tag: Tag | BeautifulSoup) -> str:
    return " ".join(tag.get_text(" ").split())


# --- The report page ------------------------------------------------------------------------


def test_a_report_shows_the_brief_deliverables_results_invoices_and_feedback(site: Path) -> None:
    page = report(site, "greenline-autumn")
    assert "Greenline" in text(page.h1) and "Ava Green" in text(page.h1)
    assert page.find("strong", string="repair-first") is not None
    assert page.find("script", string=lambda s: bool(s and "alert" in s)) is None
    assert "The rest of the brief, for the report only." in text(section(page, "kf-brief-agreed"))
    delivered = section(page, "kf-deliverables")
    links = [a["href"] for a in delivered.select("h3 a")]
    assert links == ["https://www.instagram.com/p/abc/", "https://www.tiktok.com/@ava/video/1"]
    assert [t["datetime"] for t in delivered.select("time")][:2] == ["2026-09-14", "2026-09-15"]
    first = delivered.select("li")[0]
    assert {
        dt.get_text(): dd.get_text() for dt, dd in zip(first("dt"), first("dd"), strict=True)
    } == {
        "Reach": "61,000",
        "Views": "88,000",
        "Link clicks": "1,200",
    }
    invoices = section(page, "kf-invoices")
    rows = [[text(c) for c in row(["th", "td"])] for row in invoices.select("tbody tr")]
    assert rows == [
        ["AG-014", "September 1, 2026", "£850", "Paid September 28, 2026"],
        ["AG-019", "November 15, 2026", "£1,234.50", "Due December 15, 2026"],
    ]
    assert "two to one on saves" in text(section(page, "kf-feedback"))


def test_a_wrapped_report_has_the_wrap_up_with_final_results_and_invoices(site: Path) -> None:
    wrap = section(report(site, "greenline-autumn"), "kf-wrap")
    said = text(wrap)
    assert "Thank you for trusting me with Worn Again." in said
    figures = {dt.get_text(): dd.get_text() for dt, dd in zip(wrap("dt"), wrap("dd"), strict=True)}
    assert figures == {
        "Reach": "184,000",
        "Engagement rate": "6.1%",
        "Conversions": "140",
        "Revenue": "£8,400",
    }
    assert "Figures shared by Greenline: Greenline's shop analytics, to 2026-11-30" in said
    assert "1 invoice is outstanding: £1,234.50." in said
    assert "Settled so far: £850." in said
    assert "I'd love to cover the spring launch." in said


def test_an_active_report_has_no_wrap_up(site: Path) -> None:
    page = report(site, "acme-now")
    assert page.find(id="kf-wrap") is None
    assert "Never shown before the wrap-up" not in text(page)
    assert "Not live yet" in text(section(page, "kf-deliverables"))


def test_a_report_is_unlisted(site: Path) -> None:
    page = report(site, "greenline-autumn")
    robots = page.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    sitemap = gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    assert "reports/" not in sitemap and "reports/" not in (site / "sitemap.xml").read_text()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("reports/")]
    assert "Worn Again" not in json.dumps(index)
    feed = (site / "kits.json").read_text(encoding="utf-8")
    assert "reports/" not in feed and "Worn Again" not in feed
    home = read_html(site / "index.html")
    assert not [a for a in home.select("a[href]") if "reports/" in a["href"]]


def test_a_report_takes_the_kits_accent(site: Path) -> None:
    page = report(site, "greenline-autumn")
    kit_page = read_html(site / "ava-green" / "index.html")
    accent = [s.get_text() for s in page("style") if "--kf-accent" in s.get_text()]
    assert accent and accent == [
        s.get_text() for s in kit_page("style") if "--kf-accent" in s.get_text()
    ]


def test_invoice_amounts_follow_the_kits_rate_visibility(site: Path) -> None:
    page = report(site, "acme-now")
    html = (site / "reports" / "acme-now" / "index.html").read_text(encoding="utf-8")
    assert "3,777" not in html and "3777" not in html
    rows = [[text(c) for c in row(["th", "td"])] for row in page.select("#kf-invoices ~ table tr")]
    assert rows[1] == ["BB-7", "November 1, 2026", "Due December 31, 2026"]


def test_amounts_are_formatted_in_the_sites_locale(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace("plugins: [search, kitfolio]", "plugins: [{kitfolio: {locale: de}}]")
    site = build_site(write(tmp_path, {"greenline-autumn": WRAPPED}, mkdocs=mkdocs))
    cells = [text(td) for td in report(site, "greenline-autumn").select("td.kf-num")]
    assert cells == ["850 £", "1.234,50 £", "2.084,50 £"]


# --- Case studies and long-term partners on the media kit ----------------------------------


def case_studies(site: Path) -> list[Tag]:
    return list(section(read_html(site / "ava-green" / "index.html"), "kf-partnerships")("article"))


def test_a_wrapped_case_study_is_on_the_kit_with_the_brands_figures(site: Path) -> None:
    greenline = case_studies(site)[0]
    said = text(greenline)
    assert greenline.h3 is not None and text(greenline.h3) == "Greenline 2026"
    assert "Figures shared by Greenline: Greenline's shop analytics, to 2026-11-30" in said
    summary = greenline.find("p", attrs={"dir": "auto"})
    assert summary is not None and text(summary) == "Three months of repair-first styling."
    assert {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(greenline("dt"), greenline("dd"), strict=True)
    } == {
        "Reach": "184K",
        "Engagement rate": "6.1%",
        "Conversions": "140",
    }


def test_a_brand_with_several_campaigns_is_a_long_term_partner(site: Path) -> None:
    partner = case_studies(site)[0].select_one(".kf-partner")
    assert partner is not None
    # the protected campaign of 2024 is not counted: no public page tells of it
    assert text(partner) == "Long-term partner · 2 campaigns since March 2025"


def test_partnerships_and_case_studies_are_sorted_together_without_duplicates(
    site: Path,
) -> None:
    headings = [text(a.h3) for a in case_studies(site)]  # type: ignore[arg-type]
    assert headings == ["Greenline 2026", "Lush 2026", "Patagonia 2025", "Oatly"]
    greenline = case_studies(site)[0]
    assert "Written by hand in the kit" not in text(greenline)
    assert "Ava made our range sing." in text(greenline)


def test_only_a_wrapped_case_study_is_shown(tmp_path: Path) -> None:
    active = WRAPPED.replace("status: wrapped", "status: active")
    site = build_site(write(tmp_path, {"greenline-autumn": active, "old": EARLIER}))
    headings = [text(a.h3) for a in case_studies(site)]  # type: ignore[arg-type]
    assert headings == ["Oatly", "Patagonia 2025", "greenline 2026", "Lush 2026"]
    assert not any(a.select(".kf-partner, .kf-shared") for a in case_studies(site))


# --- Errors and warnings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("status: wrapped", "status: wraped"),
            "campaigns/c.yml:5:9: status: expected one of proposed, active, wrapped, cancelled; "
            "got \"wraped\" (did you mean 'wrapped'?)",
        ),
        (
            ("feedback:", "fedback:"),
            "campaigns/c.yml:34:1: fedback: unknown field 'fedback' (did you mean 'feedback'?)",
        ),
        (
            ("  source: Greenline's shop analytics, to 2026-11-30\n", ""),
            "campaigns/c.yml:24:1: results.source: expected a value: this field is required",
        ),
        (
            ("currency: GBP\n", ""),
            "campaigns/c.yml:1:1: currency: expected an ISO 4217 currency code such as GBP: "
            "currency is required when the campaign has invoices or results.revenue",
        ),
        (
            ("brand_url: https://greenline.example/", "brand_url: javascript:alert(1)"),
            "campaigns/c.yml:3:12: brand_url: expected a URL starting with https or http, got "
            '"javascript:alert(1)"',
        ),
        (
            ("case_study: true", "case_study: yes"),
            'campaigns/c.yml:37:13: case_study: expected true or false, got "yes"',
        ),
        (
            ("kit: ava-green", "kit: ava-gren"),
            "campaigns/c.yml:1:6: kit: unknown kit 'ava-gren' (did you mean 'ava-green'?)",
        ),
    ],
)
def test_a_wrong_campaign_is_an_error_with_file_line_and_column(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert change[0] in WRAPPED
    write(tmp_path, {"c": WRAPPED.replace(*change)})
    error = build_error(tmp_path)
    problems: list[str] = error.problems  # type: ignore[attr-defined]
    assert [p for p in problems if p.startswith(expected)], problems
    assert "in campaigns" in str(error)


def test_a_campaign_needs_a_deliverable(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"c": EARLIER.replace('[{title: Reel, url: "https://www.instagram.com/p/k/"}]', "[]")},
    )
    error = build_error(tmp_path)
    assert "campaigns/c.yml:6:15: deliverables: expected at least 1 item(s)" in error.problems  # type: ignore[attr-defined]


LATE = """\
kit: ava-green
brand: Late Co
status: wrapped
start: 2026-10-01
end: 2026-09-01
deliverables:
  - {title: Reel, due: 2026-10-10}
  - {title: Story, due: 2026-10-12, url: "https://www.instagram.com/s/1"}
currency: GBP
invoices:
  - {number: L-1, amount: 100, due: 2026-11-01}
  - {number: L-2, amount: 100, due: 2026-11-01, paid: 2026-11-02}
  - {number: L-3, amount: 100, due: 2026-12-01}
"""

LATE_WARNINGS = [
    "campaigns/late.yml:3:9: status: a wrapped campaign has no results and no thanks: the "
    "wrap-up shows the brand the final results and a thank-you",
    "campaigns/late.yml:5:6: end: expected an end on or after the start (2026-10-01), got "
    "2026-09-01",
    "campaigns/late.yml:7:24: deliverables[0].due: 'Reel' was due on 2026-10-10 and has no url: "
    "add the link once it is live, or agree a new date and write it here",
    "campaigns/late.yml:11:37: invoices[0].due: invoice L-1 was due on 2026-11-01 and is not "
    "paid: chase it, or write the day it was paid as paid: YYYY-MM-DD",
]


def test_check_warns_about_what_the_creator_should_chase(tmp_path: Path) -> None:
    write(tmp_path, {"late": LATE})
    checked = kitfolio("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert set(checked.stderr.splitlines()) == {f"{line} [warning]" for line in LATE_WARNINGS}
    assert "2 kits and 1 campaign checked: 0 error(s), 4 warning(s)" in checked.stdout
    assert kitfolio("check", "--strict", cwd=tmp_path).returncode == 1
    assert (build_site(tmp_path) / "reports" / "late" / "index.html").is_file()
    error = build_error(tmp_path, strict=True)
    assert error.problems == LATE_WARNINGS  # type: ignore[attr-defined]


def test_warnings_are_judged_by_the_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"late": LATE})
    monkeypatch.setenv("KITFOLIO_TODAY", "2026-10-05")
    early = kitfolio("check", cwd=tmp_path).stderr
    assert "deliverables[0].due" not in early and "invoices[0].due" not in early
    monkeypatch.setenv("KITFOLIO_TODAY", "2026-12-02")
    late = kitfolio("check", cwd=tmp_path).stderr
    assert "invoices[0].due" in late and "invoices[2].due: invoice L-3" in late


def test_an_overdue_invoice_shows_as_overdue_on_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"late": LATE})
    monkeypatch.setenv("KITFOLIO_TODAY", "2026-11-20")
    rows = report(build_site(tmp_path), "late").select("#kf-invoices ~ table tbody tr")
    assert [text(row("td")[-1]) for row in rows] == [
        "Overdue since November 1, 2026",
        "Paid November 2, 2026",
        "Due December 1, 2026",
    ]


def test_a_protected_case_study_is_refused_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, {"c": WRAPPED + "protect: true\n"})
    checked = kitfolio("check", cwd=tmp_path)
    assert (
        "campaigns/c.yml:37:13: case_study: expected case_study: false on a protected"
        in checked.stderr
    )
    studies = case_studies(build_site(tmp_path))
    assert [text(a.h3) for a in studies][2] == "greenline 2026"  # type: ignore[arg-type]
    assert not [a for a in studies if a.select(".kf-shared")]


# --- The schema -----------------------------------------------------------------------------


def test_the_schema_is_committed_published_and_validates_the_showcase(site: Path) -> None:
    committed = (ROOT / "schema" / "campaign.schema.json").read_text(encoding="utf-8")
    assert committed == campaign_schema_text(), (
        "run: kitfolio schema --campaign --output schema/campaign.schema.json"
    )
    assert (site / "schema" / "campaign.schema.json").read_text(encoding="utf-8") == committed
    schema = campaign_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    validator = jsonschema.Draft7Validator(schema)
    showcase = sorted((ROOT / "campaigns").glob("*.yml"))
    assert len(showcase) >= 2
    for path in showcase:
        assert not list(validator.iter_errors(as_json(path.read_text()))), path
    broken = as_json(WRAPPED)
    broken["deliverables"] = []
    broken["colour"] = "red"
    assert {e.validator for e in validator.iter_errors(broken)} == {
        "minItems",
        "additionalProperties",
    }


def as_json(text: str) -> Any:
    """YAML as an editor's schema checker sees it: dates are strings."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


# --- The command line -----------------------------------------------------------------------


def test_campaign_new_writes_a_starter_that_passes_the_strict_check(tmp_path: Path) -> None:
    write(tmp_path, {})
    done = kitfolio("campaign", "new", "acme-spring", "--kit", "ava-green", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "campaigns" / "acme-spring.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schema/campaign.schema.json\n")
    assert (tmp_path / "schema" / "campaign.schema.json").read_text() == campaign_schema_text()
    data = yaml.safe_load(written)
    assert (data["kit"], data["brand"], data["status"]) == ("ava-green", "Acme Spring", "proposed")
    checked = kitfolio("check", "--strict", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert (build_site(tmp_path, strict=True) / "reports" / "acme-spring" / "index.html").is_file()
    again = kitfolio("campaign", "new", "acme-spring", "--kit", "ava-green", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_campaign_new_refuses_an_unknown_kit(tmp_path: Path) -> None:
    write(tmp_path, {})
    done = kitfolio("campaign", "new", "acme", "--kit", "nobody", cwd=tmp_path)
    assert done.returncode == 2 and "no such kit" in done.stderr
    assert not (tmp_path / "campaigns" / "acme.yml").exists()


def test_campaign_report_prints_a_plain_text_summary(tmp_path: Path) -> None:
    write(tmp_path, {"greenline-autumn": WRAPPED, "acme-now": ACTIVE})
    done = kitfolio("campaign", "report", "greenline-autumn", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Greenline × Ava Green: campaign report"
    assert "To: Jo Smith <jo@greenline.example>" in lines
    assert "Report: https://example.org/reports/greenline-autumn/" in lines
    assert "  - AG-019  £1,234.50  unpaid, due December 15, 2026" in lines
    assert "  Settled: £850 · Outstanding: £1,234.50" in lines
    assert "  Source: Greenline's shop analytics, to 2026-11-30" in lines
    private = kitfolio("campaign", "report", "acme-now", cwd=tmp_path).stdout
    assert "€3,777" in private  # the creator's own terminal shows the amounts the page hides


def test_campaign_report_of_an_unknown_or_broken_campaign(tmp_path: Path) -> None:
    write(tmp_path, {"bad": WRAPPED.replace("kit: ava-green", "kit: nobody")})
    assert kitfolio("campaign", "report", "nope", cwd=tmp_path).returncode == 2
    broken = kitfolio("campaign", "report", "bad", cwd=tmp_path)
    assert broken.returncode == 1 and "campaigns/bad.yml:1:6: kit: unknown kit" in broken.stderr


def test_kitfolio_schema_prints_the_campaign_schema(tmp_path: Path) -> None:
    done = kitfolio("schema", "--campaign", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == campaign_schema_text()


def test_hostile_text_in_a_campaign_stays_text(tmp_path: Path) -> None:
    hostile = (
        WRAPPED.replace("brand: Greenline", 'brand: "<img src=x onerror=alert(1)>"')
        .replace("name: Jo Smith", 'name: "<b>Jo</b>"')
        .replace(
            "  source: Greenline's shop analytics, to 2026-11-30",
            '  source: "<script>alert(2)</script>"',
        )
    )
    site = build_site(write(tmp_path, {"evil": hostile}))
    for page in (report(site, "evil"), read_html(site / "ava-green" / "index.html")):
        assert page.find("img", attrs={"onerror": True}) is None
        assert page.find("script", string=lambda s: bool(s and "alert(2)" in s)) is None
    page = report(site, "evil")
    assert "<img src=x onerror=alert(1)>" in text(page.h1)  # type: ignore[arg-type]
    assert page.find("b", string="Jo") is None and "<b>Jo</b>" in text(page)


def test_a_kit_cannot_take_the_reports_address(tmp_path: Path) -> None:
    write(tmp_path, {"greenline-autumn": WRAPPED})
    kit = (tmp_path / "kits" / "ava-green.yml").read_text(encoding="utf-8")
    (tmp_path / "kits" / "reports.yml").write_text(kit, encoding="utf-8")
    error = build_error(tmp_path)
    assert "two sources" in str(error)


def test_a_campaign_file_outside_the_project_is_refused_unread(tmp_path: Path) -> None:
    root = write(tmp_path / "site", {})
    outside = tmp_path / "secret.yml"
    outside.write_text(WRAPPED, encoding="utf-8")
    (root / "campaigns" / "leak.yml").symlink_to(outside)
    error = build_error(root)
    [problem] = error.problems  # type: ignore[attr-defined]
    assert problem.startswith("campaigns/leak.yml:1:1: (file): expected a file inside the project")
    assert "Greenline" not in problem


def test_campaigns_dir_is_an_option_and_stays_out_of_docs_dir(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace(
        "plugins: [search, kitfolio]", "plugins: [{kitfolio: {campaigns_dir: partners}}]"
    )
    root = write(tmp_path, {}, mkdocs=mkdocs)
    (root / "partners").mkdir()
    (root / "partners" / "acme-now.yml").write_text(ACTIVE, encoding="utf-8")
    assert (build_site(root) / "reports" / "acme-now" / "index.html").is_file()
    inside = mkdocs.replace("campaigns_dir: partners", "campaigns_dir: docs/partners")
    (root / "mkdocs.yml").write_text(inside, encoding="utf-8")
    assert "campaigns_dir 'docs/partners' is inside docs_dir" in str(build_error(root))
