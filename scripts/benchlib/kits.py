"""Synthetic kits for the benchmark: valid, varied and reproducible from a seed.

Every kit follows docs/kit-format.md and is internally consistent (shares sum to 100, stated
engagement within 25 % of the computed one), so a build reports no warnings and the bench
times the normal path. A few kits carry an avatar or a highlight image, generated with Pillow,
so image work is part of the figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFilter

FIRST = (  # noqa: SIM905 (a list of words, read as words)
    "Ava Noor Haruto Lars Mia Leo Zoe Kai Ines Omar Sofia Ravi Elin Tomas Yuki Amara Jonas "
    "Lucia Mateo Priya Sven Chloe Diego Hana Felix Nadia Arjun Freya Luca Aisha Emil Rosa "
    "Kenji Maya"
).split()
LAST = (  # noqa: SIM905 (a list of words, read as words)
    "Green Haddad Sato Nilsen Rossi Okafor Berg Silva Kim Novak Garcia Tanaka Dubois Weber "
    "Costa Patel Larsen Moreau Ibrahim Hughes Fischer Lopez Jensen Murphy Nakamura Santos "
    "Ali Eriksen"
).split()
NICHES = {
    "Sustainable fashion": ["thrifting", "capsule wardrobe", "slow fashion", "repair"],
    "Plant-based cooking": ["vegan", "meal prep", "budget recipes", "baking"],
    "Trail running": ["ultramarathon", "mountains", "gear reviews", "training"],
    "Home barista": ["espresso", "latte art", "coffee gear", "specialty coffee"],
    "Personal finance": ["budgeting", "investing", "side hustles", "debt free"],
    "Indie games": ["game dev", "pixel art", "speedruns", "reviews"],
    "Skincare": ["skin barrier", "SPF", "ingredients", "routines"],
    "Family travel": ["road trips", "camping", "city breaks", "budget travel"],
    "Urban gardening": ["balcony garden", "houseplants", "composting", "seed saving"],
    "Bouldering": ["climbing", "mobility", "training", "gyms"],
    "Tech explained": ["smartphones", "privacy", "gadgets", "how-to"],
    "Parenting": ["toddlers", "screen time", "crafts", "school"],
}
PLACES = {
    "GB": ("GBP", ["Leeds", "London", "Manchester", "Bristol", "Glasgow"], "United Kingdom"),
    "US": ("USD", ["Austin", "Portland", "Chicago", "Denver", "Atlanta"], "United States"),
    "DE": ("EUR", ["Berlin", "Hamburg", "Munich", "Cologne"], "Germany"),
    "FR": ("EUR", ["Lyon", "Paris", "Nantes", "Lille"], "France"),
    "JP": ("JPY", ["Osaka", "Tokyo", "Fukuoka", "Sapporo"], "Japan"),
    "NO": ("NOK", ["Bergen", "Oslo", "Tromsø", "Trondheim"], "Norway"),
    "SE": ("SEK", ["Malmö", "Stockholm", "Gothenburg"], "Sweden"),
    "BR": ("BRL", ["Recife", "São Paulo", "Curitiba"], "Brazil"),
    "IN": ("INR", ["Pune", "Bengaluru", "Mumbai", "Delhi"], "India"),
    "KR": ("KRW", ["Busan", "Seoul", "Incheon"], "South Korea"),
    "AE": ("AED", ["Dubai", "Abu Dhabi", "Sharjah"], "United Arab Emirates"),
    "CA": ("CAD", ["Toronto", "Vancouver", "Montreal"], "Canada"),
}
LANGUAGES = ["en", "fr", "de", "es", "pt-BR", "ja", "ko", "ar", "sv", "nb", "it", "nl", "hi"]
SOCIAL = ["instagram", "tiktok", "youtube", "twitch", "pinterest", "x", "threads", "bluesky"]
SOCIAL += ["linkedin", "facebook", "snapchat"]
NAMED = ["podcast", "newsletter", "blog", "other"]
OFFERS = ["sponsored-content", "ambassador", "affiliate", "gifting", "events", "product-collab"]
OFFERS += ["speaking", "ugc"]
VISIBILITY = ["public", "from", "on-request", "private"]
BRANDS = (  # noqa: SIM905 (a list of words, read as words)
    "Patagonia Oatly Lush Fairphone Allbirds Vinted Decathlon Ikea Muji Ecover Tony's Rapha "
    "Komoot Strava Canon Fujifilm Lego Nintendo Picnic HelloFresh Monzo Wise Bose Garmin"
).split()
SENTENCES = [
    "I started **{handle}** to show that {niche} does not need a big budget.",
    "Every week I share honest reviews, step-by-step guides and the occasional failure.",
    "My audience is mostly people in their twenties and thirties who want to buy less and "
    "buy better, and they ask me before they buy.",
    "I only work with brands I would recommend to a friend; see "
    "[my values](https://values.example/) below.",
    "Most of my content is filmed at home in {city}, with the odd trip when a story needs it.",
    "I reply to every comment in the first hour, which is why my engagement stays high.",
    "Before going full time I spent six years in a very different job, and it shows in how I "
    "plan campaigns: on time, on brief and with *clear reporting*.",
]
TERMS = {
    "payment": "50% upfront for new partners, balance net 30",
    "revisions": "One round included; further rounds by agreement",
    "usage": "30 days organic reposting; paid usage priced separately",
    "lead_time": "Two weeks from a signed brief",
    "kill_fee": "25% before production starts, 50% after",
    "creative_control": "I write my own scripts; you review **one** draft before it goes live.",
    "disclosure": "Every paid or gifted post is labelled #ad at the start.",
}
DELIVERABLES = {
    "instagram": ["Instagram Reel", "Instagram Story set (3 frames)", "Instagram carousel"],
    "tiktok": ["TikTok video", "TikTok series (3 videos)"],
    "youtube": ["YouTube integration (60–90 s)", "Dedicated YouTube video", "YouTube Short"],
    "twitch": ["Sponsored stream segment", "Stream overlay, per month"],
    "pinterest": ["Idea Pin", "Pin set (5 pins)"],
    "newsletter": ["Newsletter feature", "Newsletter takeover"],
    "podcast": ["Host-read ad (60 s)", "Episode sponsorship"],
    "blog": ["Sponsored blog post", "Review article"],
}


@dataclass
class Kit:
    """A synthetic kit: its slug, the YAML mapping and the images it names."""

    slug: str
    data: dict[str, Any]
    images: dict[str, tuple[str, int]] = field(default_factory=dict)
    """kit-relative path → (format, seed) of each image to draw."""


def generate(n: int, seed: int, image_every: int, today: date) -> list[Kit]:
    """``n`` kits; every ``image_every``-th kit has an avatar (0: none)."""
    rng = random.Random(seed)
    kits = []
    for index in range(n):
        kits.append(_kit(rng, index, image_every, today))
    return kits


def _kit(rng: random.Random, index: int, image_every: int, today: date) -> Kit:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{first} {last}"
    slug = f"{first}-{last}-{index:05d}".lower()
    handle = f"{first}{last}{index}".lower()
    niche = rng.choice(list(NICHES))
    country = rng.choice(list(PLACES))
    currency, cities, country_name = PLACES[country]
    city = rng.choice(cities)
    data: dict[str, Any] = {"name": name}
    if rng.random() < 0.7:
        data["pronouns"] = rng.choice(["she/her", "he/him", "they/them"])
    data["tagline"] = f"{niche} for people who {rng.choice(['start small', 'care', 'ask why'])}"
    data["location"] = f"{city}, {country_name}"
    data["languages"] = rng.sample(LANGUAGES, rng.randint(1, 3))
    images: dict[str, tuple[str, int]] = {}
    with_images = image_every > 0 and index % image_every == 0
    if with_images:
        fmt = "JPEG" if (index // image_every) % 2 == 0 else "PNG"
        path = f"media/{slug}.{'jpg' if fmt == 'JPEG' else 'png'}"
        data["avatar"] = path
        images[path] = (fmt, index)
    bio = rng.sample(SENTENCES, rng.randint(2, 5))
    paragraphs = [" ".join(bio[i : i + 2]) for i in range(0, len(bio), 2)]
    data["bio"] = "\n\n".join(paragraphs).format(
        handle=f"@{handle}", niche=niche.lower(), city=city
    )
    data["niche"] = {"primary": niche, "tags": rng.sample(NICHES[niche], rng.randint(1, 4))}
    data["contact"] = _contact(rng, index, handle)
    data["stats_as_of"] = (today - timedelta(days=rng.randint(3, 200))).isoformat()
    data["platforms"] = _platforms(rng, handle)
    if rng.random() < 0.85:
        data["audience"] = _audience(rng, country, cities)
    _business(rng, data, currency)
    data["partnerships"] = [_partnership(rng, today) for _ in range(rng.randint(0, 4))]
    if rng.random() < 0.5:
        data["testimonials"] = [
            {"quote": "Professional, fast, and the audience trusts them.", "author": "Lee Chan"}
            for _ in range(rng.randint(1, 2))
        ]
    photo = with_images and (index // image_every) % 3 == 0
    highlights = _highlights(
        rng, data, niche, handle, f"media/{slug}-highlight.png" if photo else ""
    )
    if highlights and "image" in highlights[0]:
        images[highlights[0]["image"]] = ("PNG", index + 1)
    if highlights:
        data["highlights"] = highlights
    if rng.random() < 0.6:
        data["availability"] = {
            "note": "Booking campaigns for **next quarter**",
            "booked_until": (today + timedelta(days=rng.randint(10, 120))).isoformat(),
        }
    if rng.random() < 0.4:
        data["theme"] = {"accent": f"#{20:02X}{rng.randint(60, 120):02X}{60:02X}"}
    return Kit(slug, data, images)


def _contact(rng: random.Random, index: int, handle: str) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    if rng.random() < 0.85:
        contact["email"] = f"hello@{handle}.example"
    if rng.random() < 0.5:
        contact["booking_url"] = f"https://cal.example/{handle}"
    if not contact or rng.random() < 0.3:
        manager = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}
        if rng.random() < 0.8:
            manager["email"] = f"talent@agency{index % 17}.example"
        if rng.random() < 0.6:
            manager["agency"] = f"Northstar Talent {index % 17}"
        contact["manager"] = manager
    return contact


def _business(rng: random.Random, data: dict[str, Any], currency: str) -> None:
    """Values, dealbreakers, offers, rates, terms and process, into ``data``."""
    if rng.random() < 0.7:
        data["values"] = rng.sample(
            ["sustainability", "cruelty-free", "body positivity", "accessibility", "local"], 2
        )
    if rng.random() < 0.5:
        data["dealbreakers"] = rng.sample(
            ["Fast fashion brands", "Gambling", "Crypto", "Brands that test on animals", "Alcohol"],
            rng.randint(1, 3),
        )
    data["offers"] = rng.sample(OFFERS, rng.randint(1, 6))
    if rng.random() < 0.9:
        data["rates"] = _rates(rng, currency, [p["network"] for p in data["platforms"]])
    if rng.random() < 0.8:
        data["terms"] = {k: v for k, v in TERMS.items() if rng.random() < 0.7} or {
            "payment": TERMS["payment"]
        }
    if rng.random() < 0.1:
        data["process"] = [
            {"title": "Enquiry", "detail": "Email me the brief."},
            {"title": "Call", "detail": "We talk for *twenty minutes*."},
            {"title": "Content", "detail": "I make it, you review it once."},
        ]


def _highlights(
    rng: random.Random, data: dict[str, Any], niche: str, handle: str, image: str
) -> list[dict[str, Any]]:
    """Up to three highlights; the first shows ``image`` when one is given."""
    highlights = []
    for number in range(rng.randint(0, 3)):
        network = data["platforms"][0]["network"]
        item: dict[str, Any] = {
            "title": f"Best of {niche.lower()} #{number + 1}",
            "url": f"https://{network}.example/{handle}/{number}",
            "platform": network,
            "views": rng.randint(5_000, 900_000),
        }
        if image and number == 0:
            item["image"] = image
        highlights.append(item)
    return highlights


def _platforms(rng: random.Random, handle: str) -> list[dict[str, Any]]:
    networks = rng.sample(SOCIAL, rng.randint(1, 3))
    if rng.random() < 0.4:
        networks.append(rng.choice(NAMED))
    out = []
    for network in networks:
        followers = int(10 ** rng.uniform(3, 5.9))
        p: dict[str, Any] = {"network": network}
        if network in NAMED:
            p["name"] = f"The {handle.title()} {network.title()}"
        else:
            p["handle"] = handle
        p["url"] = f"https://{network}.example/{handle}"
        p["followers"] = followers
        if network == "newsletter":
            p["open_rate"] = round(rng.uniform(30, 65), 1)
        elif network not in NAMED:
            likes = int(followers * rng.uniform(0.01, 0.08))
            p["avg_views"] = int(followers * rng.uniform(0.2, 1.5))
            p["avg_likes"] = likes
            p["avg_comments"] = int(likes * rng.uniform(0.02, 0.1))
            if rng.random() < 0.5:
                p["avg_shares"] = int(likes * rng.uniform(0.01, 0.08))
                p["avg_saves"] = int(likes * rng.uniform(0.05, 0.15))
            if rng.random() < 0.4:
                engaged = sum(p.get(k, 0) for k in ("avg_likes", "avg_comments", "avg_shares"))
                engaged += p.get("avg_saves", 0)
                p["engagement_rate"] = round(engaged / followers * 100 * rng.uniform(0.9, 1.1), 1)
        out.append(p)
    return out


def _split(rng: random.Random, keys: list[str], total: int = 100) -> dict[str, int]:
    weights = [rng.random() + 0.1 for _ in keys]
    shares = [int(w / sum(weights) * total) for w in weights]
    shares[0] += total - sum(shares)
    return dict(zip(keys, shares, strict=True))


def _audience(rng: random.Random, country: str, cities: list[str]) -> dict[str, Any]:
    others = rng.sample([c for c in PLACES if c != country], 3)
    countries = _split(rng, [country, *others], rng.randint(70, 100))
    return {
        "source": "Platform insights, last 30 days",
        "age": _split(rng, ["13-17", "18-24", "25-34", "35-44", "45+"]),
        "gender": _split(rng, ["women", "men", "other"]),
        "countries": countries,
        "cities": _split(rng, cities[:3], rng.randint(20, 40)),
    }


def _price(rng: random.Random, base: int) -> Any:
    if rng.random() < 0.25:
        return {"min": base, "max": int(base * rng.uniform(1.2, 1.8))}
    return base


def _rates(rng: random.Random, currency: str, networks: list[str]) -> dict[str, Any]:
    scale = {"JPY": 150, "KRW": 1300, "INR": 80, "NOK": 10, "SEK": 10, "BRL": 5}.get(currency, 1)
    items = []
    for network in networks:
        for deliverable in DELIVERABLES.get(network, [])[: rng.randint(1, 2)]:
            item: dict[str, Any] = {"deliverable": deliverable, "platform": network}
            item["price"] = _price(rng, rng.randint(80, 900) * scale)
            if rng.random() < 0.5:
                item["includes"] = "One round of revisions, 30 days organic usage"
            items.append(item)
    if not items:
        items.append({"deliverable": "Custom content", "price": rng.randint(100, 500) * scale})
    rates: dict[str, Any] = {
        "currency": currency,
        "visibility": rng.choice(VISIBILITY),
        "items": items,
    }
    if rng.random() < 0.5:
        rates["packages"] = [
            {
                "name": "Launch bundle",
                "includes": [i["deliverable"] for i in items[:3]],
                "price": rng.randint(500, 2000) * scale,
                "note": "Saves 15% on single rates",
            }
        ]
    addons = []
    if rng.random() < 0.6:
        addons.append({"name": "Paid usage / whitelisting, per 30 days", "percent": 25})
    if rng.random() < 0.4:
        addons.append({"name": "Raw footage", "price": rng.randint(50, 300) * scale})
    if addons:
        rates["addons"] = addons
    if rng.random() < 0.5:
        rates["long_term"] = "15% off three-month ambassadorships"
    if rng.random() < 0.5:
        rates["gifting"] = "Open to gifted products I would **genuinely** use; no guaranteed post."
    if rng.random() < 0.3:
        rates["affiliate"] = "Affiliate codes on top of a base fee."
    return rates


def _partnership(rng: random.Random, today: date) -> dict[str, Any]:
    brand = rng.choice(BRANDS)
    p: dict[str, Any] = {
        "brand": brand,
        "year": today.year - rng.randint(0, 4),
        "url": f"https://{brand.lower().replace(chr(39), '')}.example/",
        "summary": f"A three-part series with **{brand}** on real-life use",
        "deliverables": ["3 Reels", "9 Stories"][: rng.randint(1, 2)],
    }
    if rng.random() < 0.7:
        results = {
            "reach": rng.randint(10_000, 900_000),
            "engagement_rate": round(rng.uniform(1, 9), 1),
            "link_clicks": rng.randint(100, 9000),
            "conversions": rng.randint(10, 900),
        }
        p["results"] = {k: v for k, v in results.items() if rng.random() < 0.75}
    if rng.random() < 0.4:
        p["testimonial"] = {"quote": "The series outperformed our paid social.", "author": brand}
    return p


def write_kits(kits: list[Kit], folder: Path, image_size: int) -> None:
    """``folder/<slug>.yml`` per kit, and the images they name."""
    (folder / "media").mkdir(parents=True, exist_ok=True)
    for kit in kits:
        text = yaml.safe_dump(kit.data, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{kit.slug}.yml").write_text(text, encoding="utf-8")
        for path, (fmt, seed) in kit.images.items():
            draw_image(folder / path, fmt, seed, image_size)


def draw_image(path: Path, fmt: str, seed: int, size: int) -> None:
    """A photo-like image: a gradient, shapes and noise, so it compresses like a photo."""
    if path.exists():
        return
    rng = random.Random(seed)
    base = tuple(rng.randint(40, 200) for _ in range(3))
    image = Image.new("RGB", (size, size), base)  # type: ignore[arg-type]
    draw = ImageDraw.Draw(image)
    for y in range(0, size, 4):
        shade = tuple(min(255, c + y * 60 // size) for c in base)
        draw.rectangle((0, y, size, y + 4), fill=shade)  # type: ignore[arg-type]
    for _ in range(12):
        x, y, r = rng.randint(0, size), rng.randint(0, size), rng.randint(size // 20, size // 4)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)  # type: ignore[arg-type]
    image = image.filter(ImageFilter.GaussianBlur(size / 80))
    noise = Image.effect_noise((size, size), 24).convert("RGB")
    image = Image.blend(image, noise, 0.08)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "JPEG":
        image.save(path, "JPEG", quality=88)
    else:
        image.save(path, "PNG")
