"""Hostile kits: every string a creator writes is shown as text and never runs.

The fixture ``tests/hostile/hostile.yml`` puts script tags, attribute breakers, a ``</title>``
breaker, ``javascript:`` Markdown links, a Jinja expression and a pre-escaped entity into every
string field. Real sites are built with MkDocs' own API and every output file is read with an
HTML, JSON or XML parser.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort, PluginError

from conftest import build_error, load_kits, read_html, write_project
from conftest import build_site as run_build
from kitfolio.model.fields import MARKDOWN_LIMIT
from kitfolio.present.markdown import NESTING, render

HOSTILE = Path(__file__).parent / "hostile" / "hostile.yml"
KIT = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
PAYLOAD = KIT["name"].removeprefix("N: ")
JINJA = "{{ 7*7 }}"

MKDOCS = """\
site_name: Hostile
site_url: https://example.org/
theme: {name: material, font: false}
plugins: [search, kitfolio]
"""

# Plain-text fields: shown verbatim, as text, on the page named.
KIT_PAGE_FIELDS = {
    "name": KIT["name"],
    "pronouns": KIT["pronouns"],
    "tagline": KIT["tagline"],
    "location": KIT["location"],
    "niche.primary": KIT["niche"]["primary"],
    "niche.tags[0]": KIT["niche"]["tags"][0],
    "platforms[0].handle": KIT["platforms"][0]["handle"],
    "platforms[1].name": KIT["platforms"][1]["name"],
    "audience.source": KIT["audience"]["source"],
    "audience.age key": next(iter(KIT["audience"]["age"])),
    "audience.gender key": next(iter(KIT["audience"]["gender"])),
    "audience.cities key": next(iter(KIT["audience"]["cities"])),
    "values[0]": KIT["values"][0],
    "dealbreakers[0]": KIT["dealbreakers"][0],
    "partnerships[0].brand": KIT["partnerships"][0]["brand"],
    "partnerships[0].deliverables[0]": KIT["partnerships"][0]["deliverables"][0],
    "partnerships[0].testimonial.quote": KIT["partnerships"][0]["testimonial"]["quote"],
    "partnerships[0].testimonial.author": KIT["partnerships"][0]["testimonial"]["author"],
    "testimonials[0].quote": KIT["testimonials"][0]["quote"],
    "testimonials[0].author": KIT["testimonials"][0]["author"],
    "highlights[0].title": KIT["highlights"][0]["title"],
    "contact.manager.name": KIT["contact"]["manager"]["name"],
    "contact.manager.agency": KIT["contact"]["manager"]["agency"],
}
WORK_PAGE_FIELDS = {
    "name": KIT["name"],
    "tagline": KIT["tagline"],
    "niche.primary": KIT["niche"]["primary"],
    "rates.items[0].deliverable": KIT["rates"]["items"][0]["deliverable"],
    "rates.packages[0].name": KIT["rates"]["packages"][0]["name"],
    "rates.packages[0].includes[0]": KIT["rates"]["packages"][0]["includes"][0],
    "rates.packages[0].note": KIT["rates"]["packages"][0]["note"],
    "rates.addons[0].name": KIT["rates"]["addons"][0]["name"],
    "process[0].title": KIT["process"][0]["title"],
    "contact.manager.name": KIT["contact"]["manager"]["name"],
}
ROSTER_FIELDS = {
    "name": KIT["name"],
    "niche.primary": KIT["niche"]["primary"],
    "location": KIT["location"],
    "niche.tags[0]": KIT["niche"]["tags"][0],
}
# Markdown fields, by the marker their text starts with: rendered, sanitised, still bold.
KIT_PAGE_MARKDOWN = {"bio": "BIO:", "partnerships[0].summary": "PS:"}
WORK_PAGE_MARKDOWN = {
    "rates.items[0].includes": "RI:",
    "rates.long_term": "LT:",
    "rates.gifting": "GI:",
    "rates.affiliate": "AF:",
    **{f"terms.{key}": f"T{i}:" for i, key in enumerate(KIT["terms"], start=1)},
    "process[0].detail": "SD:",
    "availability.note": "AV:",
}

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
FOREIGN_ELEMENTS = ("iframe", "object", "embed", "base", "frame", "frameset", "applet")


def write_site(root: Path, kits: dict[str, str], *, pdf: bool = False) -> Path:
    """A site of ``kits``; with ``pdf``, its PDFs too (a hostile kit's PDF takes WeasyPrint
    many seconds: one site draws it, so a PDF that fails on hostile text fails the build)."""
    plugins = (
        "plugins: [search, kitfolio]" if pdf else "plugins: [search, {kitfolio: {pdf: false}}]"
    )
    return write_project(root, kits, MKDOCS.replace("plugins: [search, kitfolio]", plugins))


def html_files(site: Path) -> Iterator[Path]:
    found = sorted(site.rglob("*.html"))
    assert found, f"no HTML in {site}"
    yield from found


def content(soup: BeautifulSoup) -> Tag:
    """The part of a page Kitfolio renders (the theme's frame around it is material's)."""
    found = soup.select_one(".kf-page")
    assert found is not None
    return found


def normalised_url(value: str) -> str:
    """A URL the way a browser reads its scheme: control characters and blanks dropped."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower()


@pytest.fixture(scope="module")
def roster_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hostile kits, so the home page is the roster."""
    text = HOSTILE.read_text(encoding="utf-8")
    root = write_site(tmp_path_factory.mktemp("hostile"), {"hostile": text, "hostile-two": text})
    return run_build(root)


@pytest.fixture(scope="module")
def single_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One hostile kit, so the home page is that kit's media kit."""
    root = write_site(
        tmp_path_factory.mktemp("hostile-single"),
        {"hostile": HOSTILE.read_text(encoding="utf-8")},
        pdf=True,
    )
    return run_build(root)


@pytest.fixture(params=["roster", "single"])
def any_site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def test_the_fixture_is_hostile_in_every_string_field() -> None:
    """Guard the fixture itself: each plain string carries the whole payload."""

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    parts = (
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</title><script>x()</script>",
        "[x](javascript:alert(1))",
        JINJA,
        "&lt;script&gt;",
    )
    assert all(part in PAYLOAD for part in parts)
    # Only codes, enums, URLs and e-mail addresses are exempt (the format validates them).
    exempt = re.compile(r"^(?:[a-z_-]+|[A-Z]{2,3}|https://\S+|\S+@example\.org)$")
    hostile = [s for s in strings(KIT) if all(part in s for part in parts)]
    tame = [s for s in strings(KIT) if s not in hostile and not exempt.match(s)]
    assert not tame
    assert len(hostile) >= 40


def test_only_the_sites_own_scripts_run(any_site: Path) -> None:
    site = any_site.resolve()
    for page in html_files(site):
        for script in read_html(page).find_all("script"):
            src = script.get("src")
            if src:
                assert "://" not in src and not src.startswith("//"), (page, src)
                base = site if src.startswith("/") else page.parent
                target = (base / src.lstrip("/")).resolve()
                assert target.is_relative_to((site / "assets").resolve()), (page, src)
                assert target.is_file(), (page, src)
            elif script.get("type") == "application/ld+json":
                # Data, not code: creator text may appear, but only as JSON strings with <, > and
                # & escaped, so nothing in it can end the element or start another.
                body = script.string or ""
                assert not set("<>&") & set(body), (page, body[:200])
                assert isinstance(json.loads(body), dict), page
            else:
                body = script.string or ""
                assert "alert(" not in body and "x()" not in body, (page, body[:200])
                assert PAYLOAD not in body, page


def test_no_element_carries_an_event_handler_or_a_script_url(any_site: Path) -> None:
    for page in html_files(any_site):
        soup = read_html(page)
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (page, element.name, attribute)
                values = value if isinstance(value, list) else [value]
                for text in values:
                    assert not normalised_url(str(text)).startswith(DANGEROUS_SCHEMES), (
                        page,
                        element.name,
                        attribute,
                        text,
                    )
        assert not soup.find_all(FOREIGN_ELEMENTS), page
        assert not soup.find_all("img", src="x"), page


def test_each_page_has_one_title_of_plain_text(any_site: Path) -> None:
    for page in html_files(any_site):
        soup = read_html(page)
        # An inline SVG chart has titles of its own; the document's title is the one outside SVG.
        titles = [t for t in soup.find_all("title") if t.find_parent("svg") is None]
        assert len(titles) == 1, page
        assert not titles[0].find_all(True), page
        assert len(soup.find_all("meta", attrs={"name": "description"})) <= 1, page


def test_kit_pages_show_the_hostile_name_as_text_in_h1_title_and_description(
    roster_site: Path,
) -> None:
    name, tagline = KIT["name"], KIT["tagline"]
    for slug in ("hostile", "hostile-two"):
        media = read_html(roster_site / slug / "index.html")
        h1 = media.find("h1")
        assert h1 is not None
        pronouns = h1.find("span")
        assert pronouns is not None
        assert pronouns.get_text(strip=True) == f"({KIT['pronouns']})"
        pronouns.extract()
        assert h1.get_text(strip=True) == name
        assert media.title is not None and name in media.title.get_text()
        meta = media.find("meta", attrs={"name": "description"})
        assert meta is not None and name in meta["content"] and tagline in meta["content"]

        work = read_html(roster_site / slug / "work-with-me" / "index.html")
        assert work.h1 is not None and work.h1.get_text(strip=True).endswith(name)
        assert work.title is not None and name in work.title.get_text()


@pytest.mark.parametrize(
    ("page", "fields"),
    [
        ("hostile/index.html", KIT_PAGE_FIELDS),
        ("hostile/work-with-me/index.html", WORK_PAGE_FIELDS),
        ("index.html", ROSTER_FIELDS),
    ],
)
def test_plain_fields_are_shown_verbatim_as_text(
    roster_site: Path, page: str, fields: dict[str, str]
) -> None:
    text = content(read_html(roster_site / page)).get_text()
    missing = [field for field, value in fields.items() if value not in text]
    assert not missing, f"{page}: not shown as text: {missing}"


def test_the_single_kit_home_page_shows_the_name_as_text(single_site: Path) -> None:
    home = read_html(single_site / "index.html")
    assert home.h1 is not None and KIT["name"] in home.h1.get_text()
    assert home.title is not None and KIT["name"] in home.title.get_text()


@pytest.mark.parametrize(
    ("page", "fields"),
    [
        ("hostile/index.html", KIT_PAGE_MARKDOWN),
        ("hostile/work-with-me/index.html", WORK_PAGE_MARKDOWN),
    ],
)
def test_markdown_fields_keep_markdown_and_lose_the_payload(
    roster_site: Path, page: str, fields: dict[str, str]
) -> None:
    root = content(read_html(roster_site / page))
    for field, marker in fields.items():
        starts = root.find_all(string=lambda s, m=marker: s.strip().startswith(m))
        assert len(starts) == 1, f"{page}: {field} ({marker}) shown {len(starts)} times"
        block = starts[0].parent
        assert block is not None
        bold = block.find("strong")
        assert bold is not None and bold.get_text() == "bold", f"{field}: **bold** lost"
        text = block.get_text()
        assert JINJA in text, f"{field}: the Jinja expression is not shown as text"
        assert "49" not in text, f"{field}: the Jinja expression was evaluated"
        # The pre-escaped entity stays an entity: text "<script>", never an element.
        assert "<script>" in text, field
        assert not block.find_all(["script", "img", "title"]), field
        for link in block.find_all("a"):
            assert not normalised_url(link.get("href", "")).startswith(DANGEROUS_SCHEMES)


def test_raw_html_in_markdown_is_sanitised(roster_site: Path) -> None:
    """The bio's raw <a href="javascript:..." onclick> keeps its text and loses the rest."""
    root = content(read_html(roster_site / "hostile" / "index.html"))
    raw = root.find("a", string="raw link")
    assert raw is not None
    assert set(raw.attrs) <= {"rel", "title"}


def test_no_jinja_expression_is_evaluated(roster_site: Path) -> None:
    for page in ("hostile/index.html", "hostile/work-with-me/index.html", "index.html"):
        root = content(read_html(roster_site / page))
        for stale in root.select(".kf-asof"):
            stale.decompose()  # "N days old" is a real figure that may contain 49
        text = root.get_text()
        assert JINJA in text, page
        assert "49" not in text, page
        for element in root.find_all(True):
            for value in element.attrs.values():
                if "alert(1)" in str(value):
                    assert JINJA in str(value) and "49" not in str(value), (page, element)


def _fragment(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_search_index_entries_render_as_text(roster_site: Path) -> None:
    """Material's search UI inserts titles and texts as HTML, so they must be escaped HTML."""
    index = json.loads((roster_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    assert docs
    seen_name = False
    for doc in docs:
        for key in ("title", "text"):
            fragment = _fragment(doc.get(key, ""))
            assert not fragment.find_all(["script", "img", "title", "iframe", "a"]), (
                doc["location"],
                key,
            )
            for element in fragment.find_all(True):
                assert not any(a.lower().startswith("on") for a in element.attrs), doc
            text = fragment.get_text()
            assert "49" not in text, (doc["location"], key)
            if doc["location"] == "hostile/" and key == "title":
                assert KIT["name"] in text
                seen_name = True
    assert seen_name
    kit_text = _fragment(next(d for d in docs if d["location"] == "hostile/")["text"]).get_text()
    for value in (KIT["tagline"], KIT["location"], KIT["niche"]["primary"]):
        assert value in kit_text


def test_sitemap_lists_only_site_urls(roster_site: Path) -> None:
    tree = ET.parse(roster_site / "sitemap.xml")
    locs = [el.text or "" for el in tree.iter() if el.tag.endswith("loc")]
    assert set(locs) == {
        "https://example.org/",
        "https://example.org/hostile/",
        "https://example.org/hostile/work-with-me/",
        "https://example.org/hostile-two/",
        "https://example.org/hostile-two/work-with-me/",
    }


def test_the_404_page_names_every_kit_as_text(roster_site: Path) -> None:
    page = read_html(roster_site / "404.html")
    kits = page.select(".kf-missing__kits a")
    assert len(kits) == 2
    assert all(PAYLOAD in a.get_text() for a in kits)
    assert sorted(a["href"] for a in kits) == ["/hostile-two/", "/hostile/"]
    assert not page.select(".kf-page script, .kf-page img[src=x]")


# Values that could smuggle script or markup through a URL, a path, a colour or a YAML tag are
# refused when kits are loaded: the build stops before site/ is touched.
MINIMAL: dict[str, object] = {
    "name": "Refused",
    "niche": {"primary": "Test"},
    "contact": {"email": "hi@example.org"},
    "stats_as_of": "2026-10-01",
    "platforms": [{"network": "instagram", "handle": "refused", "followers": 1000}],
}
SCRIPT_URL = "javascript:alert(1)"
REFUSED: dict[str, dict[str, object]] = {
    "platform url": {"platforms": [{"network": "instagram", "followers": 10, "url": SCRIPT_URL}]},
    "booking url": {"contact": {"booking_url": SCRIPT_URL}},
    "booking url, mixed case": {"contact": {"booking_url": "JaVaScRiPt:alert(1)"}},
    "booking url, data": {"contact": {"booking_url": "data:text/html,<script>x()</script>"}},
    "booking url, blank before": {"contact": {"booking_url": " javascript:alert(1)"}},
    "partnership url": {"partnerships": [{"brand": "B", "url": SCRIPT_URL}]},
    "highlight url": {"highlights": [{"title": "H", "url": SCRIPT_URL}]},
    "manager email": {"contact": {"manager": {"name": "M", "email": '"><script>@a.b'}}},
    "accent colour": {"theme": {"accent": "red;}</style><script>alert(1)</script>"}},
    "avatar data url": {"avatar": "data:image/svg+xml,<svg onload=alert(1)>"},
}


def _refused_build(root: Path, text: str) -> None:
    write_site(root, {"refused": text})
    sentinel = root / "site" / "last-good.html"
    sentinel.parent.mkdir()
    sentinel.write_text("<p>last good build</p>", encoding="utf-8")
    with pytest.raises((Abort, PluginError)):
        run_build(root)
    assert sorted(p.name for p in (root / "site").iterdir()) == ["last-good.html"]


@pytest.mark.parametrize("override", REFUSED.values(), ids=list(REFUSED))
def test_dangerous_values_stop_the_build(tmp_path: Path, override: dict[str, object]) -> None:
    _refused_build(tmp_path, json.dumps({**MINIMAL, **override}))


def test_a_python_yaml_tag_stops_the_build(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    kit = yaml.safe_dump(MINIMAL).replace(
        "name: Refused", f"name: !!python/object/apply:os.system ['touch {marker}']"
    )
    assert "!!python" in kit
    _refused_build(tmp_path, kit)
    assert not marker.exists()


def test_the_minimal_kit_itself_builds(tmp_path: Path) -> None:
    """The refusals above are about the values, not the kit they are put in."""
    site = run_build(write_site(tmp_path, {"refused": json.dumps(MINIMAL)}))
    assert (site / "refused" / "index.html").is_file()


# -- mail: one address per field, and every mailto built from encoded parts -------------------

HIDDEN_RECIPIENTS = [
    "bea@example.org?bcc=spy%40evil.example&x=",
    "bea@example.org&cc=spy@evil.example",
    "bea@example.org?body=hi",
    "bea=x@example.org",
    "bea%40example.org@evil.example",
    "bea#frag@example.org",
    "bea @example.org",
    "bea@example.org\x00",
    "bea@exa\u202emple.org",
]


@pytest.mark.parametrize("address", HIDDEN_RECIPIENTS)
@pytest.mark.parametrize(
    "field", ["contact.email", "contact.manager.email"], ids=["creator", "manager"]
)
def test_an_address_field_holds_one_address(tmp_path: Path, field: str, address: str) -> None:
    manager = {"name": "M", "email": address}
    contact = {"email": address} if field == "contact.email" else {"manager": manager}
    roster = load_kits(tmp_path, {"ava": json.dumps({**MINIMAL, "contact": contact})})
    assert [p.field for p in roster.problems] == [field]
    assert "expected an email address such as hello@example.com" in roster.problems[0].message
    assert roster.kits == []


def test_the_agency_address_holds_one_address(tmp_path: Path) -> None:
    mkdocs = MKDOCS.replace(
        "plugins: [search, kitfolio]",
        "plugins:\n  - kitfolio:\n      agency:\n        name: North\n"
        '        email: "bea@example.org?bcc=spy@evil.example"',
    )
    root = write_project(tmp_path, {"refused": json.dumps(MINIMAL)}, mkdocs)
    error = build_error(root)
    assert str(error).startswith("kitfolio: 1 problem in kits or the agency option")


@pytest.mark.parametrize(
    "url",
    [
        "mailto:bea@example.org?bcc=spy@evil.example",
        "mailto:bea@example.org?subject=Hi&cc=spy@evil.example",
        "mailto:bea@example.org?to=spy@evil.example",
        "mailto:bea@example.org,spy@evil.example",
        "mailto:bea@example.org?subject=a&subject=b",
        "mailto:bea@example.org?subject=Hi%0D%0ABcc:%20spy@evil.example",
        "mailto:bea@example.org?body=%00",
    ],
)
def test_a_mailto_booking_url_has_no_hidden_recipient(tmp_path: Path, url: str) -> None:
    kit = {**MINIMAL, "contact": {"booking_url": url}}
    roster = load_kits(tmp_path, {"ava": json.dumps(kit)})
    assert [p.field for p in roster.problems] == ["contact.booking_url"]
    assert roster.problems[0].message.startswith("expected mailto: followed by an email address")


def test_a_mailto_booking_url_is_rebuilt_from_its_parts(tmp_path: Path) -> None:
    url = "MAILTO:bea@example.org?Subject=Hi%20there&body=Fees%3F%20%26%20dates"
    roster = load_kits(tmp_path, {"ava": json.dumps({**MINIMAL, "contact": {"booking_url": url}})})
    assert roster.problems == []
    booking = roster.kits[0].kit.contact.booking_url
    assert booking == "mailto:bea@example.org?subject=Hi%20there&body=Fees%3F%20%26%20dates"


# What RFC 6068 lets stand in a mailto part as it is; everything else is percent-encoded.
MAILTO_PART = re.compile(r"(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*")


def mailto_parts(url: str) -> tuple[str, dict[str, str]]:
    """The address and headers of a mailto URL, checking that each part was encoded."""
    address, _, query = url.removeprefix("mailto:").partition("?")
    local, at, domain = address.partition("@")
    assert at and MAILTO_PART.fullmatch(local) and MAILTO_PART.fullmatch(domain), url
    headers: dict[str, str] = {}
    for pair in query.split("&") if query else []:
        name, sep, value = pair.partition("=")
        assert sep and name in {"subject", "body"} and name not in headers, url
        assert MAILTO_PART.fullmatch(value), url
        headers[name] = unquote(value, errors="strict")
    return unquote(local, errors="strict") + "@" + unquote(domain), headers


def test_every_mailto_link_is_built_from_encoded_parts(roster_site: Path) -> None:
    """The hostile kit's addresses hold ``{{ }}`` and ``*``: each is encoded once, never raw."""
    addresses = {KIT["contact"]["email"], KIT["contact"]["manager"]["email"]}
    found = []
    for page in html_files(roster_site):
        soup = read_html(page)
        links = [a["href"] for a in soup.find_all("a", href=True)]
        links += [f["action"] for f in soup.find_all("form", action=True)]
        found += [mailto_parts(url) for url in links if url.lower().startswith("mailto:")]
    assert {address for address, _ in found} == addresses
    subjects = {h["subject"] for _, h in found if "subject" in h}
    assert subjects == {f"Partnership enquiry for {KIT['name']}"}


# -- Markdown: bounded work on any input ---------------------------------------------------------

# Inputs that Python-Markdown took minutes over (or overflowed the stack on), at the field's
# limit, with the text each must show: none of them is Markdown, so all stay the creator's text.
PATHOLOGICAL = {
    "brackets": "[" * MARKDOWN_LIMIT,
    "image brackets": "![" * (MARKDOWN_LIMIT // 2),
    "unclosed links": "[a](" * (MARKDOWN_LIMIT // 4),
    "references": "[a]" * (MARKDOWN_LIMIT // 3),
    "entities": "&#" * (MARKDOWN_LIMIT // 2),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=list(PATHOLOGICAL))
def test_a_pathological_field_at_the_limit_renders_as_its_text(text: str) -> None:
    shown = BeautifulSoup(str(render(text)), "html.parser")
    assert [tag.name for tag in shown.find_all(True)] == ["p"]
    assert shown.get_text().strip() == text


def test_raw_tags_nested_to_the_limit_are_sanitised_away() -> None:
    shown = BeautifulSoup(str(render("<div>" * (MARKDOWN_LIMIT // 5) + "deep")), "html.parser")
    assert not shown.find_all("div")
    assert shown.get_text().strip() == "deep"


def test_a_link_hiding_a_script_scheme_behind_an_encoded_tab_stays_text() -> None:
    markup = render("[tab](java&#x09;script:alert(1)) [ok](page.html)")
    shown = BeautifulSoup(str(markup), "html.parser")
    assert [a["href"] for a in shown.find_all("a")] == ["page.html"]
    assert "[tab](java\tscript:alert(1))" in shown.get_text()


def test_lists_nested_to_the_limit_show_every_level(tmp_path: Path) -> None:
    bio = "".join("  " * depth + f"- L{depth}\n" for depth in range(NESTING))
    roster = load_kits(tmp_path, {"ava": json.dumps({**MINIMAL, "bio": bio})})
    assert roster.problems == []
    shown = BeautifulSoup(str(render(bio)), "html.parser")
    assert len(shown.find_all("ul")) == NESTING
    assert shown.get_text().split() == [f"L{depth}" for depth in range(NESTING)]
