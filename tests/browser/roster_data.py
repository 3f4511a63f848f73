"""A generated roster: ``count`` varied, valid kits written fast and deterministically.

Creator ``i`` is a pure function of ``i``, so a test can say what creator 17 is like without
reading the files, and rosters of 40 and 10,000 share their first 40 creators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIRST = (
    "Ada",
    "Bo",
    "Cleo",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lena",
    "Mo",
    "Nia",
    "Oli",
    "Pia",
    "Quinn",
    "Rae",
    "Sol",
    "Tove",
    "Uma",
    "Vik",
    "Wen",
    "Yara",
)
LAST = (
    "Berg",
    "Costa",
    "Dahl",
    "Evans",
    "Falk",
    "Grant",
    "Holm",
    "Ito",
    "Jensen",
    "Khan",
    "Lund",
    "Moreau",
    "Novak",
    "Okafor",
    "Park",
    "Quist",
    "Rossi",
    "Sato",
    "Toft",
    "Vega",
)
NICHES = (
    ("Sustainable fashion", "thrifting vintage capsule"),
    ("Outdoor", "running hiking trail"),
    ("Food", "vegan baking recipes"),
    ("Tech", "gadgets reviews coding"),
    ("Beauty", "skincare makeup cruelty"),
    ("Travel", "budget backpacking europe"),
    ("Parenting", "toddlers family routines"),
    ("Fitness", "strength yoga mobility"),
)
NETWORKS = ("instagram", "tiktok", "youtube", "newsletter", "podcast", "twitch", "pinterest")
COUNTRIES = ("GB", "US", "NO", "SE", "DE", "FR", "IE", "ES", "NL", "DK")
LANGUAGES = ("en", "nb", "sv", "de", "fr", "es")
VALUES = (
    "sustainability",
    "cruelty-free",
    "body positivity",
    "local business",
    "mental health",
    "accessibility",
    "family",
    "plant-based",
)
OFFERS = ("sponsored-content", "ambassador", "affiliate", "gifting", "events", "ugc")
DEALBREAKERS = ("Fast fashion brands", "Gambling", "Alcohol", "Crypto products", "Tobacco")
VISIBILITY = ("public", "public", "from", "on-request", "private")
BANDS = ("18-24", "25-34", "35-44", "45+")


@dataclass(frozen=True)
class Creator:
    """What kit ``i`` says, as numbers a test can reason about."""

    index: int
    slug: str
    name: str
    niche: str
    tags: tuple[str, ...]
    platforms: tuple[tuple[str, int], ...]
    engagement: float
    countries: dict[str, int]
    language: str
    values: tuple[str, ...]
    offers: tuple[str, ...]
    dealbreakers: tuple[str, ...]
    visibility: str
    currency: str
    price: int
    stats_as_of: str
    booked_until: str | None
    age: dict[str, int]

    @property
    def total(self) -> int:
        return sum(f for _, f in self.platforms)


def creator(i: int) -> Creator:
    """Creator ``i`` of any generated roster."""
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i:05d}"
    niche, tags = NICHES[i % len(NICHES)]
    count = 1 + i % 3
    networks = tuple(NETWORKS[(i + 2 * k) % len(NETWORKS)] for k in range(count))
    platforms = tuple(
        (n, 800 + (i * 7919 + k * 104729) % 1_400_000 // (1 + k)) for k, n in enumerate(networks)
    )
    top = COUNTRIES[i % len(COUNTRIES)]
    second = COUNTRIES[(i // 3 + 1) % len(COUNTRIES)]
    countries = {top: 40 + i % 41} if second == top else {top: 40 + i % 41, second: 10 + i % 9}
    band = i % len(BANDS)
    age = {b: (55 if k == band else 15) for k, b in enumerate(BANDS)}
    values = tuple(VALUES[(i + k * 3) % len(VALUES)] for k in range(1 + i % 3))
    offers = tuple(OFFERS[(i + k) % len(OFFERS)] for k in range(1 + i % 4))
    dealbreakers = (DEALBREAKERS[i % len(DEALBREAKERS)],) if i % 2 == 0 else ()
    month = 1 + i % 12
    return Creator(
        index=i,
        slug=f"creator-{i:05d}",
        name=name,
        niche=niche,
        tags=tuple(tags.split()),
        platforms=platforms,
        engagement=round(0.5 + (i * 37 % 95) / 10, 1),
        countries=countries,
        language=LANGUAGES[i % len(LANGUAGES)],
        values=values,
        offers=offers,
        dealbreakers=dealbreakers,
        visibility=VISIBILITY[i % len(VISIBILITY)],
        currency="EUR" if i % 7 == 3 else "GBP",
        price=100 + (i * 53) % 4900,
        stats_as_of=f"2026-{month:02d}-{1 + i % 28:02d}",
        booked_until=f"2099-0{1 + i % 9}-01" if i % 5 == 1 else None,
        age=age,
    )


def kit_yaml(c: Creator) -> str:
    platforms = "\n".join(
        f"  - {{network: {n}, handle: {c.slug}{k}, followers: {f}, "
        f"engagement_rate: {c.engagement if k == 0 else 1.0}}}"
        for k, (n, f) in enumerate(c.platforms)
    )
    countries = ", ".join(f'"{k}": {v}' for k, v in c.countries.items())
    age = ", ".join(f'"{k}": {v}' for k, v in c.age.items())
    booked = f"availability: {{booked_until: {c.booked_until}}}\n" if c.booked_until else ""
    deal = f"dealbreakers: [{', '.join(c.dealbreakers)}]\n" if c.dealbreakers else ""
    terms = (
        f"terms: {{payment: Net {30 + c.index % 3 * 15}, usage: 30 days organic}}\n"
        if c.index % 4 == 0
        else ""
    )
    return (
        f"name: {c.name}\n"
        f"tagline: {c.niche} stories, number {c.index}\n"
        f"location: City {c.index % 50}\n"
        f"languages: [{c.language}]\n"
        f"niche: {{primary: {c.niche}, tags: [{', '.join(c.tags)}]}}\n"
        f"contact: {{email: {c.slug}@example.org}}\n"
        f"stats_as_of: {c.stats_as_of}\n"
        f"platforms:\n{platforms}\n"
        f"audience: {{countries: {{{countries}}}, age: {{{age}}}}}\n"
        f"values: [{', '.join(c.values)}]\n"
        f"{deal}"
        f"offers: [{', '.join(c.offers)}]\n"
        f"{booked}"
        f"{terms}"
        "rates:\n"
        f"  currency: {c.currency}\n"
        f"  visibility: {c.visibility}\n"
        f"  items:\n"
        f"    - {{deliverable: Reel, platform: instagram, price: {c.price}}}\n"
        f"    - {{deliverable: Video, platform: tiktok, price: {c.price * 2 + 7}}}\n"
    )


MKDOCS = """\
site_name: Generated roster
site_url: https://example.org/roster/
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: teal
      toggle: {{icon: material/weather-night, name: Switch to dark mode}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: teal
      toggle: {{icon: material/weather-sunny, name: Switch to light mode}}
plugins:
  - kitfolio:
      social_cards: {cards}
      pdf: false
      growth_history: false
      agency: {{name: Northstar Talent, email: hello@example.org, url: "https://example.org/"}}
{extra}"""


def write_roster(
    root: Path, count: int, *, search: bool = False, social_cards: bool = True
) -> Path:
    """A project with ``count`` generated kits; returns ``root``."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    kits = root / "kits"
    kits.mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(
        MKDOCS.format(
            extra="  - search\n" if search else "",
            cards="true" if social_cards else "false",
        ),
        encoding="utf-8",
    )
    for i in range(count):
        c = creator(i)
        (kits / f"{c.slug}.yml").write_text(kit_yaml(c), encoding="utf-8")
    return root
