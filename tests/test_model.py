"""The rules of the kit format, field by field: each kit here is real YAML loaded from disk."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from conftest import MINIMAL_KIT, load_kits
from kitfolio.model.fields import MARKDOWN_LIMIT
from kitfolio.model.kit import Kit, PriceRange
from kitfolio.model.schema import kit_schema
from kitfolio.sources.kits import read_kits

FIXTURES = Path(__file__).parent / "kits"
CONTACT = "contact:\n  email: hello@example.org\n"


def problems_of(tmp_path: Path, text: str) -> list[str]:
    """Every problem of one kit, as users see them."""
    return [str(p) for p in load_kits(tmp_path, {"ava": text}).problems]


def valid(tmp_path: Path, text: str) -> Kit:
    roster = load_kits(tmp_path, {"ava": text})
    assert [str(p) for p in roster.problems] == []
    return roster.kits[0].kit


def error(tmp_path: Path, text: str) -> str:
    """The one error of a kit, without its ``file:line:col:`` (tests of positions are in
    test_errors.py)."""
    found = problems_of(tmp_path, text)
    assert len(found) == 1, found
    return found[0].split(": ", 1)[1]


def with_contact(block: str) -> str:
    return MINIMAL_KIT.replace(CONTACT, block)


# -- the contract's own example ------------------------------------------------------------------


def test_the_annotated_example_of_the_format_is_a_valid_kit(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    (kits / "media").mkdir(parents=True)
    shutil.copy(FIXTURES / "format-example.yml", kits / "ava-green.yml")
    Image.new("RGB", (32, 32), "green").save(kits / "media" / "ava-green.jpg")
    roster = read_kits([kits / "ava-green.yml"], tmp_path)
    # The example prices a TikTok video without listing TikTok: a brand would ask why.
    assert [str(p) for p in roster.problems] == [
        "kits/ava-green.yml:62:17: rates.items[1].platform: expected a platform the kit lists "
        "(instagram, newsletter), got tiktok"
    ]
    kit = roster.kits[0].kit
    assert kit.name == "Ava Green"
    assert kit.stats_as_of == date(2026, 10, 31)
    assert [p.network.value for p in kit.platforms] == ["instagram", "newsletter"]
    assert kit.platforms[0].engagement_rate == 4.8
    assert kit.audience is not None and kit.audience.countries["NO"] == 3
    assert kit.rates is not None and kit.rates.currency == "GBP"
    assert kit.rates.items[0].price == 450
    assert kit.rates.addons[0].percent == 25
    assert kit.availability is not None and kit.availability.booked_until == date(2026, 12, 31)
    assert kit.theme is not None and kit.theme.accent == "#2E7D32"
    assert roster.kits[0].image(kit.avatar) is not None


# -- unknown keys --------------------------------------------------------------------------------

UNKNOWN_KEYS = [
    # (kit text, field path, the key that was meant)
    (MINIMAL_KIT + "nmae: Ava\n", "nmae", "name"),
    (MINIMAL_KIT + "plattforms: []\n", "plattforms", "platforms"),
    (MINIMAL_KIT.replace("  primary:", "  primry: x\n  primary:"), "niche.primry", "primary"),
    (
        with_contact("contact:\n  emial: a@example.org\n  email: a@example.org\n"),
        "contact.emial",
        "email",
    ),
    (
        with_contact("contact:\n  manager: {name: Sam, emial: sam@example.org}\n"),
        "contact.manager.emial",
        "email",
    ),
    (MINIMAL_KIT + "    folowers: 3\n", "platforms[0].folowers", "followers"),
    (
        MINIMAL_KIT + "    history: [{date: 2026-01-01, followers: 1, folowers: 1}]\n",
        "platforms[0].history[0].folowers",
        "followers",
    ),
    (MINIMAL_KIT + "audience: {sorce: Insights}\n", "audience.sorce", "source"),
    (MINIMAL_KIT + "rates: {currency: GBP, visiblity: public}\n", "rates.visiblity", "visibility"),
    (
        MINIMAL_KIT + "rates: {currency: GBP, items: [{deliverable: Reel, prise: 4}]}\n",
        "rates.items[0].prise",
        "price",
    ),
    (
        MINIMAL_KIT
        + "rates: {currency: GBP, items: [{deliverable: R, price: {min: 1, max: 2, maxx: 2}}]}\n",
        "rates.items[0].price.maxx",
        "max",
    ),
    (
        MINIMAL_KIT + "rates: {currency: GBP, packages: [{name: P, notes: x}]}\n",
        "rates.packages[0].notes",
        "note",
    ),
    (
        MINIMAL_KIT + "rates: {currency: GBP, addons: [{name: A, percentage: 5}]}\n",
        "rates.addons[0].percentage",
        "percent",
    ),
    (MINIMAL_KIT + "terms: {paymnet: net 30}\n", "terms.paymnet", "payment"),
    (MINIMAL_KIT + "process: [{title: Brief, details: x}]\n", "process[0].details", "detail"),
    (MINIMAL_KIT + "partnerships: [{brand: B, yaer: 2025}]\n", "partnerships[0].yaer", "year"),
    (
        MINIMAL_KIT + "partnerships: [{brand: B, results: {clicks: 3, link_clicks: 3}}]\n",
        "partnerships[0].results.clicks",
        "link_clicks",
    ),
    (
        MINIMAL_KIT + "partnerships: [{brand: B, testimonial: {quote: q, author: a, autor: a}}]\n",
        "partnerships[0].testimonial.autor",
        "author",
    ),
    (
        MINIMAL_KIT + "testimonials: [{quote: q, author: a, autor: b}]\n",
        "testimonials[0].autor",
        "author",
    ),
    (MINIMAL_KIT + "highlights: [{title: T, veiws: 3}]\n", "highlights[0].veiws", "views"),
    (
        MINIMAL_KIT + "availability: {booked_untill: 2026-12-31}\n",
        "availability.booked_untill",
        "booked_until",
    ),
    (MINIMAL_KIT + "theme: {accnet: '#000000'}\n", "theme.accnet", "accent"),
]


@pytest.mark.parametrize(("text", "path", "meant"), UNKNOWN_KEYS, ids=[c[1] for c in UNKNOWN_KEYS])
def test_an_unknown_key_is_an_error_with_a_hint_at_every_level(
    tmp_path: Path, text: str, path: str, meant: str
) -> None:
    name = path.rsplit(".", 1)[-1]
    message = error(tmp_path, text)
    assert message.startswith(f"{path}: unknown field {name!r} (did you mean {meant!r}?); ")
    assert meant in message.split("; expected one of ", 1)[1].split(", ")


def test_an_unknown_key_with_no_close_match_lists_the_known_ones(tmp_path: Path) -> None:
    message = error(tmp_path, MINIMAL_KIT + "theme: {zzz: 1}\n")
    assert message == "theme.zzz: unknown field 'zzz'; expected one of accent"


# -- required fields -----------------------------------------------------------------------------

REQUIRED = "expected a value: this field is required"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL_KIT.replace("name: Ava Green\n", ""), f"name: {REQUIRED}"),
        (
            MINIMAL_KIT.replace("name: Ava Green", "name: '  '"),
            'name: expected non-empty text, got "  "',
        ),
        (
            MINIMAL_KIT.replace("  primary: Sustainable fashion\n", "  tags: [a]\n"),
            f"niche.primary: {REQUIRED}",
        ),
        (MINIMAL_KIT.replace(CONTACT, ""), f"contact: {REQUIRED}"),
        (
            with_contact("contact: {}\n"),
            "contact: expected at least one of email, booking_url or manager",
        ),
        (
            with_contact("contact: {manager: {email: sam@example.org}}\n"),
            f"contact.manager.name: {REQUIRED}",
        ),
        (MINIMAL_KIT.split("platforms:")[0], f"platforms: {REQUIRED}"),
        (
            MINIMAL_KIT.split("platforms:")[0] + "platforms: []\n",
            "platforms: expected at least 1 item(s)",
        ),
        (
            MINIMAL_KIT.replace("    followers: 48200\n", "    handle: ava\n"),
            f"platforms[0].followers: {REQUIRED}",
        ),
        (
            MINIMAL_KIT.replace("stats_as_of: 2026-10-31\n", ""),
            "stats_as_of: expected a date as YYYY-MM-DD: "
            "stats_as_of is required when platforms carry figures",
        ),
        (
            MINIMAL_KIT + "rates: {items: [{deliverable: Reel, price: 450}]}\n",
            f"rates.currency: {REQUIRED}",
        ),
        (MINIMAL_KIT + "rates: {}\n", f"rates.currency: {REQUIRED}"),
    ],
    ids=[
        "name",
        "blank-name",
        "niche.primary",
        "contact",
        "contact-empty",
        "manager-name",
        "platforms",
        "platforms-empty",
        "followers",
        "stats_as_of",
        "rates.currency",
        "rates-empty",
    ],
)
def test_required_fields(tmp_path: Path, text: str, expected: str) -> None:
    assert error(tmp_path, text) == expected


@pytest.mark.parametrize(
    "contact",
    [
        "contact: {email: hello@example.org}\n",
        "contact: {booking_url: 'https://cal.com/ava'}\n",
        "contact: {booking_url: 'mailto:hello@example.org'}\n",
        "contact: {manager: {name: Sam Patel}}\n",
    ],
)
def test_any_one_way_in_is_enough_contact(tmp_path: Path, contact: str) -> None:
    valid(tmp_path, with_contact(contact))


def test_a_missing_stats_date_is_reported_with_the_other_errors(tmp_path: Path) -> None:
    text = MINIMAL_KIT.replace("stats_as_of: 2026-10-31\n", "") + "pronouns: [she, her]\n"
    fields = [p.split(": ")[1] for p in problems_of(tmp_path, text)]
    assert sorted(fields) == ["pronouns", "stats_as_of"]


def test_empty_rates_mean_no_rates(tmp_path: Path) -> None:
    assert valid(tmp_path, MINIMAL_KIT + "rates:\n").rates is None


# -- URLs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["https://www.instagram.com/ava/", "http://ava.example.org", "HTTPS://ava.example.org/"]
)
def test_web_urls_take_https_and_http(tmp_path: Path, url: str) -> None:
    text = MINIMAL_KIT + f"    url: '{url}'\n"
    assert valid(tmp_path, text).platforms[0].url == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://files.example.org/kit.pdf",
        "mailto:hello@example.org",
        "//evil.example.org/",
        "www.instagram.com/ava",
        "https://",
        "https://exa mple.org/",
    ],
)
def test_other_urls_are_refused_in_a_platform_url(tmp_path: Path, url: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + f"    url: '{url}'\n")
    assert message.startswith("platforms[0].url: expected a ")
    assert url[:20] in message


@pytest.mark.parametrize(
    ("snippet", "path"),
    [
        ("partnerships: [{brand: B, url: 'mailto:a@example.org'}]\n", "partnerships[0].url"),
        ("highlights: [{title: T, url: 'javascript:alert(1)'}]\n", "highlights[0].url"),
    ],
)
def test_web_urls_elsewhere_refuse_mailto_and_scripts(
    tmp_path: Path, snippet: str, path: str
) -> None:
    message = error(tmp_path, MINIMAL_KIT + snippet)
    assert message.startswith(f"{path}: expected a URL starting with https or http, got ")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "a URL starting with https, http or mailto"),
        ("data:text/html,x", "a URL starting with https, http or mailto"),
        ("ftp://files.example.org/", "a URL starting with https, http or mailto"),
        ("mailto:not-an-address", "mailto: followed by an email address"),
    ],
)
def test_booking_url_takes_mailto_but_nothing_else(tmp_path: Path, url: str, expected: str) -> None:
    message = error(tmp_path, with_contact(f"contact: {{booking_url: '{url}'}}\n"))
    assert message == f'contact.booking_url: expected {expected}, got "{url}"'


# -- percentages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "value"), [("4.8", 4.8), ("0", 0.0), ("100", 100.0)])
def test_a_percentage_is_a_number_from_0_to_100(tmp_path: Path, written: str, value: float) -> None:
    kit = valid(tmp_path, MINIMAL_KIT + f"    engagement_rate: {written}\n")
    assert kit.platforms[0].engagement_rate == value


@pytest.mark.parametrize(
    ("written", "got"),
    [("101", "101"), ("-1", "-1"), ("100.5", "100.5"), ("4.8%", '"4.8%"'), (".nan", ".nan")],
)
def test_a_percentage_outside_0_to_100_is_refused(tmp_path: Path, written: str, got: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + f"    engagement_rate: {written}\n")
    assert message == (
        f"platforms[0].engagement_rate: expected a percentage from 0 to 100, got {got}"
    )


@pytest.mark.parametrize(
    ("snippet", "path"),
    [
        ("    open_rate: 101\n", "platforms[0].open_rate"),
        ("audience: {age: {'18-24': 101}}\n", "audience.age.18-24"),
        ("audience: {gender: {women: -3}}\n", "audience.gender.women"),
        ("audience: {countries: {GB: 150}}\n", "audience.countries.GB"),
        ("audience: {cities: {Leeds: 120}}\n", "audience.cities.Leeds"),
        ("rates: {currency: GBP, addons: [{name: A, percent: 250}]}\n", "rates.addons[0].percent"),
        (
            "partnerships: [{brand: B, results: {engagement_rate: 300}}]\n",
            "partnerships[0].results.engagement_rate",
        ),
    ],
)
def test_every_percentage_field_is_0_to_100(tmp_path: Path, snippet: str, path: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + snippet)
    assert message.startswith(f"{path}: expected a percentage from 0 to 100, got ")


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "got"),
    [
        ("31/10/2026", '"31/10/2026"'),
        ("2026-1-5", '"2026-1-5"'),
        ("'2026-10-31T10:00:00'", '"2026-10-31T10:00:00"'),
        ("October 31, 2026", '"October 31, 2026"'),
        ("20261031", "20261031"),
    ],
)
def test_dates_are_iso_only(tmp_path: Path, written: str, got: str) -> None:
    message = error(tmp_path, MINIMAL_KIT.replace("2026-10-31", written))
    assert message == f"stats_as_of: expected a date as YYYY-MM-DD, got {got}"


def test_every_date_field_is_iso(tmp_path: Path) -> None:
    text = (
        MINIMAL_KIT
        + "    history: [{date: 01.02.2026, followers: 40000}]\n"
        + "availability: {booked_until: next week}\n"
    )
    found = [p.split(": ", 1)[1] for p in problems_of(tmp_path, text)]
    assert sorted(found) == [
        'availability.booked_until: expected a date as YYYY-MM-DD, got "next week"',
        'platforms[0].history[0].date: expected a date as YYYY-MM-DD, got "01.02.2026"',
    ]


def test_a_quoted_iso_date_is_a_date(tmp_path: Path) -> None:
    text = MINIMAL_KIT.replace("2026-10-31", "'2026-10-31'")
    assert valid(tmp_path, text).stats_as_of == date(2026, 10, 31)


# -- money ---------------------------------------------------------------------------------------


def rate(price: str) -> str:
    return (
        MINIMAL_KIT
        + f"rates:\n  currency: GBP\n  items:\n    - deliverable: Reel\n      price: {price}\n"
    )


@pytest.mark.parametrize(
    ("written", "price"),
    [
        ("450", 450),
        ("449.5", 449.5),
        ("0", 0),
        ("'450'", 450),
        ("{min: 400, max: 600}", PriceRange(min=400, max=600)),
        ("{min: 500, max: 500}", PriceRange(min=500, max=500)),
    ],
)
def test_money_is_a_number_or_a_range(tmp_path: Path, written: str, price: object) -> None:
    kit = valid(tmp_path, rate(written))
    assert kit.rates is not None and kit.rates.items[0].price == price


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("lots", 'expected a number, got "lots"'),
        ("£450", 'expected a number, got "£450"'),
        ("-5", "expected a number of 0 or more, got -5"),
        (".inf", "expected a number, got .inf"),
        ("[400, 600]", "expected a number or {min, max}, got a list"),
        ("{min: 600, max: 400}", "expected min at most max, got min 600 and max 400"),
    ],
)
def test_a_price_that_is_not_money_is_refused(tmp_path: Path, written: str, expected: str) -> None:
    assert error(tmp_path, rate(written)) == f"rates.items[0].price: {expected}"


def test_a_range_needs_both_ends(tmp_path: Path) -> None:
    assert error(tmp_path, rate("{min: 400}")) == f"rates.items[0].price.max: {REQUIRED}"


def test_package_and_addon_prices_follow_the_same_rules(tmp_path: Path) -> None:
    text = MINIMAL_KIT + (
        "rates:\n  currency: GBP\n"
        "  packages: [{name: P, price: {min: 9, max: 1}}]\n"
        "  addons: [{name: A, price: cheap}, {name: B, percent: 10, price: 100}]\n"
    )
    found = sorted(p.split(": ", 1)[1] for p in problems_of(tmp_path, text))
    assert found == [
        'rates.addons[0].price: expected a number, got "cheap"',
        "rates.addons[1]: expected either percent or price, not both",
        "rates.packages[0].price: expected min at most max, got min 9 and max 1",
    ]


# -- codes: currency, country, language ----------------------------------------------------------


@pytest.mark.parametrize("code", ["GBP", "EUR", "JPY", "NOK", "USD"])
def test_a_currency_is_an_iso_4217_code(tmp_path: Path, code: str) -> None:
    kit = valid(tmp_path, MINIMAL_KIT + f"rates: {{currency: {code}}}\n")
    assert kit.rates is not None and kit.rates.currency == code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("gbp", 'an upper-case currency code (GBP), got "gbp"'),
        ("XYZ", 'an ISO 4217 currency code such as GBP, EUR or JPY, got "XYZ"'),
        ("£", 'an ISO 4217 currency code such as GBP, EUR or JPY, got "£"'),
        ("pounds", 'an ISO 4217 currency code such as GBP, EUR or JPY, got "pounds"'),
    ],
)
def test_other_currencies_are_refused(tmp_path: Path, code: str, expected: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + f"rates: {{currency: '{code}'}}\n")
    assert message == f"rates.currency: expected {expected}"


@pytest.mark.parametrize("code", ["GB", "NO", "US", "IE", "BR"])
def test_a_country_is_an_iso_3166_alpha_2_code(tmp_path: Path, code: str) -> None:
    kit = valid(tmp_path, MINIMAL_KIT + f"audience: {{countries: {{{code}: 10}}}}\n")
    assert kit.audience is not None and list(kit.audience.countries) == [code]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("gb", "an upper-case country code (GB)"),
        ("no", "an upper-case country code (NO)"),
        ("UK", "an ISO 3166-1 alpha-2 country code (GB)"),
        ("GBR", "an ISO 3166-1 alpha-2 country code such as GB or NO"),
        ("Norway", "an ISO 3166-1 alpha-2 country code such as GB or NO"),
        ("EU", "an ISO 3166-1 alpha-2 country code such as GB or NO"),
        ("ZZ", "an ISO 3166-1 alpha-2 country code such as GB or NO"),
    ],
)
def test_other_countries_are_refused(tmp_path: Path, code: str, expected: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + f"audience: {{countries: {{{code}: 10}}}}\n")
    assert message == f'audience.countries.{code}: expected {expected}, got "{code}"'


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant", "nb", "es-419", "sr-Latn-RS"])
def test_a_language_is_a_bcp_47_tag(tmp_path: Path, tag: str) -> None:
    assert valid(tmp_path, MINIMAL_KIT + f"languages: [{tag}]\n").languages == [tag]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("english", "a BCP 47 language tag such as en or pt-BR"),
        ("English", "a BCP 47 language tag such as en or pt-BR"),
        ("en_GB", "a BCP 47 language tag with hyphens (en-GB)"),
        ("xx", "a BCP 47 language tag such as en or pt-BR"),
        ("en-GBR", "a BCP 47 language tag such as en or pt-BR"),
    ],
)
def test_other_languages_are_refused(tmp_path: Path, tag: str, expected: str) -> None:
    message = error(tmp_path, MINIMAL_KIT + f"languages: [en, {tag}]\n")
    assert message == f'languages[1]: expected {expected}, got "{tag}"'


# -- text and Markdown ---------------------------------------------------------------------------

BIO = """\
bio: |
  I started **@avagreen** in 2019 to prove that _style_ doesn't need
  [fast fashion](https://example.org/fast-fashion).

  - thrifting
  - capsule wardrobes
"""


def test_markdown_fields_take_markdown_as_written(tmp_path: Path) -> None:
    text = MINIMAL_KIT + BIO + "terms:\n  payment: '**50%** upfront, balance *net 30*'\n"
    kit = valid(tmp_path, text)
    assert kit.bio is not None and kit.bio.startswith("I started **@avagreen** in 2019")
    assert "\n\n- thrifting\n- capsule wardrobes\n" in kit.bio
    assert kit.terms is not None and kit.terms.payment == "**50%** upfront, balance *net 30*"


def test_one_line_fields_refuse_line_breaks(tmp_path: Path) -> None:
    message = error(tmp_path, MINIMAL_KIT + 'tagline: "Slow fashion\\non a budget"\n')
    assert message == 'tagline: expected a single line of text, got "Slow fashion\\non a budget"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL_KIT + "pronouns: [she, her]\n", "pronouns: expected text, got a list"),
        (
            MINIMAL_KIT.replace("niche:\n  primary: Sustainable fashion", "niche: fashion"),
            'niche: expected a mapping of fields, got "fashion"',
        ),
        (MINIMAL_KIT + "values: cruelty-free\n", 'values: expected a list, got "cruelty-free"'),
        (
            MINIMAL_KIT.split("platforms:")[0] + "platforms: {network: instagram}\n",
            "platforms: expected a list, got a mapping",
        ),
        (
            MINIMAL_KIT + "theme: {accent: 2E7D32}\n",
            'theme.accent: expected a hex colour such as "#2E7D32" (quoted), got "2E7D32"',
        ),
        (
            MINIMAL_KIT + "partnerships: [{brand: B, year: 1800}]\n",
            "partnerships[0].year: expected a number of 1990 or more, got 1800",
        ),
        (
            MINIMAL_KIT.replace("network: instagram", "network: instagam"),
            "platforms[0].network: expected one of instagram, tiktok, youtube, twitch, pinterest, "
            "x, threads, bluesky, linkedin, facebook, snapchat, podcast, newsletter, blog, other; "
            "got \"instagam\" (did you mean 'instagram'?)",
        ),
        (
            MINIMAL_KIT + "offers: [sponsored]\n",
            "offers[0]: expected one of sponsored-content, ambassador, affiliate, gifting, events, "
            "product-collab, speaking, ugc; got \"sponsored\" (did you mean 'sponsored-content'?)",
        ),
        (
            MINIMAL_KIT + "rates: {currency: GBP, visibility: hidden}\n",
            'rates.visibility: expected one of public, from, on-request, private; got "hidden"',
        ),
    ],
    ids=[
        "list-for-text",
        "text-for-mapping",
        "text-for-list",
        "mapping-for-list",
        "accent",
        "year",
        "network",
        "offer",
        "visibility",
    ],
)
def test_wrong_values_say_what_was_expected(tmp_path: Path, text: str, expected: str) -> None:
    assert error(tmp_path, text) == expected


# -- the schema refuses what the model refuses ---------------------------------------------------

SCHEMA_KIT: dict[str, object] = {
    "name": "Ava Green",
    "niche": {"primary": "Fashion"},
    "contact": {"email": "hello@example.org"},
    "stats_as_of": "2026-10-31",
    "platforms": [{"network": "instagram", "followers": 48200}],
}


def schema_errors(kit: dict[str, object]) -> list[str]:
    """Where the schema finds a problem, looking inside ``anyOf`` (an optional field) too."""

    def paths(errors: Iterable[jsonschema.ValidationError]) -> Iterator[str]:
        for error in errors:
            yield ".".join(str(p) for p in error.absolute_path)
            yield from paths(error.context or [])

    return list(paths(jsonschema.Draft7Validator(kit_schema()).iter_errors(kit)))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"name": "Ava\nGreen"}, "name"),
        ({"theme": {"accent": "#ABC\n"}}, "theme.accent"),
        ({"languages": ["en\n"]}, "languages.0"),
        ({"stats_as_of": "2026-10-31\n"}, "stats_as_of"),
        ({"stats_as_of": "0001-01-15"}, "stats_as_of"),
        ({"contact": {"email": "bea@example.org?bcc=spy@evil.example"}}, "contact.email"),
        ({"platforms": [{"network": "instagram", "followers": 10**10}]}, "platforms.0.followers"),
        ({"rates": {"currency": "GBP\n"}}, "rates.currency"),
        (
            {"rates": {"currency": "GBP", "items": [{"deliverable": "R", "price": 10**12}]}},
            "rates.items.0.price",
        ),
        ({"bio": "x" * (MARKDOWN_LIMIT + 1)}, "bio"),
    ],
)
def test_the_schema_refuses_what_the_model_refuses(
    tmp_path: Path, change: dict[str, object], path: str
) -> None:
    """Editors check kits with the schema; Python's re lets ``$`` match before a final newline,
    so its patterns must say where the string ends."""
    assert schema_errors(SCHEMA_KIT) == []
    kit = {**SCHEMA_KIT, **change}
    assert path in schema_errors(kit)
    assert problems_of(tmp_path, json.dumps(kit)) != []


def test_the_limits_are_the_models_and_the_schemas(tmp_path: Path) -> None:
    kit = {
        **SCHEMA_KIT,
        "stats_as_of": "1990-01-01",
        "bio": "x" * MARKDOWN_LIMIT,
        "platforms": [{"network": "instagram", "followers": 10**10 - 1}],
        "rates": {"currency": "GBP", "items": [{"deliverable": "R", "price": 10**12 - 1}]},
        "availability": {"booked_until": "2100-12-31"},
    }
    assert schema_errors(kit) == []
    roster = load_kits(tmp_path, {"ava": json.dumps(kit)})
    # Valid at the limits; only warnings (dates a brand would question) remain.
    assert {p.severity for p in roster.problems} == {"warning"}
    assert roster.kits[0].kit.platforms[0].followers == 10**10 - 1
