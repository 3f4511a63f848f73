"""Campaign files: the format and its errors, check warnings by the clock, the schema, the CLI.

Every test builds a real site with MkDocs (or runs the kitfolio command) in tmp_path; the
suite's clock is fixed at conftest.TODAY (2026-11-30).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from campaign_data import (
    ACTIVE,
    EARLIER,
    MKDOCS,
    ROOT,
    WRAPPED,
    case_studies,
    report,
    text,
    write,
)
from conftest import build_error, build_site, kitfolio
from kitfolio.model.schema import campaign_schema, campaign_schema_text

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


def test_a_protected_case_study_is_refused_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITFOLIO_PASSWORD", "a long enough test password")
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


def test_the_schema_is_committed_published_and_validates_the_showcase(tmp_path: Path) -> None:
    site = build_site(write(tmp_path, {"acme-now": ACTIVE}))
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
        "plugins: [search, {kitfolio: {pdf: false}}]",
        "plugins: [{kitfolio: {pdf: false, campaigns_dir: partners}}]",
    )
    root = write(tmp_path, {}, mkdocs=mkdocs)
    (root / "partners").mkdir()
    (root / "partners" / "acme-now.yml").write_text(ACTIVE, encoding="utf-8")
    assert (build_site(root) / "reports" / "acme-now" / "index.html").is_file()
    inside = mkdocs.replace("campaigns_dir: partners", "campaigns_dir: docs/partners")
    (root / "mkdocs.yml").write_text(inside, encoding="utf-8")
    assert "campaigns_dir 'docs/partners' is inside docs_dir" in str(build_error(root))
