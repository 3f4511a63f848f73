"""The baseline: the same kits written by hand as Markdown pages for plain mkdocs-material.

One ``<slug>/index.md`` (the media kit) and one ``<slug>/work-with-me/index.md`` per kit, with
the same text, tables and lists as Kitfolio's pages, the avatar as a file beside the page, and a
roster table as the home page. The enquiry form is the same HTML, as raw HTML in the Markdown.
Nothing here is clever: it is what a creator would write without Kitfolio.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .kits import Kit

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹", "KRW": "₩", "BRL": "R$"}
OFFER_LABELS = {
    "sponsored-content": "Sponsored content",
    "ambassador": "Ambassadorships",
    "affiliate": "Affiliate partnerships",
    "gifting": "Gifted products",
    "events": "Events and appearances",
    "product-collab": "Product collaborations",
    "speaking": "Speaking",
    "ugc": "User-generated content for your channels",
}
PROCESS = [
    ("Enquiry", "Tell me about your brand, product and goal with the brief builder below."),
    ("Brief", "We agree the deliverables, key messages, dates, budget and usage."),
    ("Contract", "A simple agreement sets out fees, payment terms, usage and the kill fee."),
    ("Content and review", "I create the content in my own voice. You review the draft."),
    ("Going live", "Content goes live on the agreed dates, clearly labelled as an ad."),
    ("Reporting", "You receive the performance figures with screenshots from insights."),
    ("Wrap-up", "We review what worked, settle the final invoice, and talk about what's next."),
]


def compact(n: float) -> str:
    for limit, suffix in ((1_000_000, "M"), (1_000, "K")):
        if n >= limit:
            return f"{n / limit:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{n:,.0f}"


def money(amount: float, currency: str) -> str:
    return f"{SYMBOLS.get(currency, currency + ' ')}{amount:,.0f}"


def price(value: Any, currency: str, visibility: str) -> str | None:
    if value is None or visibility in ("on-request", "private"):
        return None
    low, high = (value["min"], value["max"]) if isinstance(value, dict) else (value, value)
    if visibility == "from":
        return f"from {money(low, currency)}"
    return (
        money(low, currency) if low == high else f"{money(low, currency)}–{money(high, currency)}"
    )


def write_project(kits: list[Kit], kits_dir: Path, docs: Path) -> None:
    """The Markdown pages of every kit under ``docs``, images copied from ``kits_dir``."""
    docs.mkdir(parents=True, exist_ok=True)
    rows = ["# Creators", "", f"{len(kits)} creators", "", "| Creator | Niche | Location | Reach |"]
    rows.append("|---|---|---|---|")
    for kit in sorted(kits, key=lambda k: (k.data["name"].casefold(), k.slug)):
        d = kit.data
        reach = compact(sum(p["followers"] for p in d["platforms"]))
        rows.append(
            f"| [{d['name']}]({kit.slug}/index.md) | {d['niche']['primary']} | "
            f"{d['location']} | {reach} |"
        )
        page = docs / kit.slug
        (page / "work-with-me").mkdir(parents=True, exist_ok=True)
        avatar = d.get("avatar")
        if avatar:
            shutil.copyfile(kits_dir / avatar, page / f"avatar{Path(avatar).suffix}")
        for h in d.get("highlights", []):
            if h.get("image"):
                shutil.copyfile(kits_dir / h["image"], page / Path(h["image"]).name)
        (page / "index.md").write_text(kit_page(kit), encoding="utf-8")
        (page / "work-with-me" / "index.md").write_text(work_page(kit), encoding="utf-8")
    (docs / "index.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


FRONT = "---\nhide: [navigation, toc]\n---\n\n"


def kit_page(kit: Kit) -> str:
    d = kit.data
    out = [FRONT]
    if d.get("avatar"):
        out.append(f"![Portrait of {d['name']}](avatar{Path(d['avatar']).suffix})\n")
    out.append(f"{d['niche']['primary']}\n")
    pronouns = f" ({d['pronouns']})" if d.get("pronouns") else ""
    out.append(f"# {d['name']}{pronouns}\n")
    out.append(f"{d['tagline']}\n")
    out.append(f"- Location: {d['location']}\n- Languages: {', '.join(d['languages'])}\n")
    out.append(" · ".join(d["niche"]["tags"]) + "\n")
    out.append(
        f"[Work with {d['name']}](work-with-me/index.md){{ .md-button .md-button--primary }}\n"
    )
    reach = sum(p["followers"] for p in d["platforms"])
    out.append("## At a glance\n\n| Total reach | Tier | Platforms |\n|---|---|---|")
    out.append(f"| {compact(reach)} | Micro (10K–100K) | {len(d['platforms'])} |\n")
    out.append(f"Stats as of {d['stats_as_of']}\n")
    out.append(d["bio"] + "\n")
    out += _platforms(d)
    out += _audience(d)
    out += _values(d)
    out += _highlights(d)
    out += _partnerships(d)
    out += _contact(d)
    return "\n".join(out)


def _platforms(d: dict[str, Any]) -> list[str]:
    out = ["## Platforms\n"]
    for p in d["platforms"]:
        name = f"@{p['handle']}" if p.get("handle") else p.get("name", p["network"])
        out.append(f"### {p['network'].title()}\n\n[{name}]({p['url']})\n")
        out.append(f"**{compact(p['followers'])}** followers\n")
        out.append("| Figure | Value |\n|---|---|")
        if "engagement_rate" in p:
            out.append(f"| Engagement | {p['engagement_rate']}% stated by the creator |")
        if "open_rate" in p:
            out.append(f"| Open rate | {p['open_rate']}% |")
        for key in ("avg_views", "avg_likes", "avg_comments", "avg_shares", "avg_saves"):
            if key in p:
                out.append(f"| Avg. {key[4:]} | {compact(p[key])} |")
        out.append("")
    return out


def _audience(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    audience = d.get("audience")
    if audience:
        out.append(f"## Audience\n\nSource: {audience['source']}\n")
        for title, key in (
            ("Age", "age"),
            ("Gender", "gender"),
            ("Top countries", "countries"),
            ("Top cities", "cities"),
        ):
            out.append(f"### {title}\n\n| | Share |\n|---|---|")
            out += [f"| {k} | {v}% |" for k, v in audience[key].items()]
            out.append("")
    return out


def _values(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if d.get("values") or d.get("dealbreakers"):
        out.append("## Values\n")
        if d.get("values"):
            out.append("### What I stand for\n\n" + "".join(f"- {v}\n" for v in d["values"]))
        if d.get("dealbreakers"):
            out.append(
                "### What I won't promote\n\n" + "".join(f"- {v}\n" for v in d["dealbreakers"])
            )
    return out


def _highlights(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if d.get("highlights"):
        out.append("## Highlights\n")
        for h in d["highlights"]:
            if h.get("image"):
                out.append(f"![]({Path(h['image']).name})\n")
            out.append(
                f"### [{h['title']}]({h['url']})\n\n{h['platform']} · {compact(h['views'])} views\n"
            )
    return out


def _partnerships(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if d.get("partnerships") or d.get("testimonials"):
        out.append("## Partnerships\n")
        for p in d["partnerships"]:
            out.append(f"### [{p['brand']}]({p['url']}) {p['year']}\n\n{p['summary']}\n")
            out.append(f"Deliverables: {', '.join(p['deliverables'])}\n")
            if p.get("results"):
                out.append("| Result | Value |\n|---|---|")
                out += [
                    f"| {k.replace('_', ' ').capitalize()} | {v} |" for k, v in p["results"].items()
                ]
                out.append("")
            if p.get("testimonial"):
                out.append(f"> {p['testimonial']['quote']}\n>\n> — {p['testimonial']['author']}\n")
        for q in d.get("testimonials", []):
            out.append(f"> {q['quote']}\n>\n> — {q['author']}\n")
    return out


def _contact(d: dict[str, Any]) -> list[str]:
    out = ["## Contact\n"]
    c = d["contact"]
    if c.get("email"):
        out.append(f"- <{c['email']}>")
    if c.get("booking_url"):
        out.append(f"- [Book a call]({c['booking_url']})")
    if c.get("manager"):
        out.append(f"- Manager: {c['manager']['name']}")
    out.append(
        f"\n[Rates, terms and how to work with {d['name']}](work-with-me/index.md)"
        "{ .md-button .md-button--primary }\n"
    )
    return out


def work_page(kit: Kit) -> str:
    d = kit.data
    out = [FRONT]
    if d.get("avatar"):
        out.append(f"![Portrait of {d['name']}](../avatar{Path(d['avatar']).suffix})\n")
    out.append(f"{d['niche']['primary']}\n\n# Work with {d['name']}\n\n{d['tagline']}\n")
    out.append(
        "[Start an enquiry](#enquiry){ .md-button .md-button--primary } "
        "[See the media kit](../index.md){ .md-button }\n"
    )
    out.append("## What I offer\n\n" + "".join(f"- {OFFER_LABELS[o]}\n" for o in d["offers"]))
    rates = d.get("rates")
    out += _rates(rates) if rates else []
    out += _terms_and_process(d)
    out += _enquiry(d, rates)
    return "\n".join(out)


def _rates(rates: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if rates:
        vis, cur = rates["visibility"], rates["currency"]
        out.append("## Rates\n")
        shows = vis in ("public", "from")
        if not shows:
            out.append("Rates are shared on request. [Send a brief](#enquiry).\n")
        out.append("| Deliverable | Price |\n|---|---|" if shows else "| Deliverable |\n|---|")
        for item in rates["items"]:
            detail = f"<br>{item['includes']}" if item.get("includes") else ""
            cell = f" {price(item.get('price'), cur, vis) or 'On request'} |" if shows else ""
            out.append(f"| {item['deliverable']} {item.get('platform', '')}{detail} |{cell}")
        out.append("")
        for pkg in rates.get("packages", []):
            out.append(f"### {pkg['name']}\n\n{price(pkg.get('price'), cur, vis) or ''}\n")
            out.append("".join(f"- {line}\n" for line in pkg["includes"]) + f"\n{pkg['note']}\n")
        if rates.get("addons"):
            out.append("### Add-ons\n")
            for a in rates["addons"]:
                amount = (
                    f"+{a['percent']}% of the base fee"
                    if "percent" in a
                    else price(a.get("price"), cur, vis)
                )
                out.append(f"- {a['name']}" + (f": **{amount}**" if amount and shows else ""))
            out.append("")
        for title, key in (
            ("Long-term partnerships", "long_term"),
            ("Gifting", "gifting"),
            ("Affiliate", "affiliate"),
        ):
            if rates.get(key):
                out.append(f"### {title}\n\n{rates[key]}\n")
    return out


def _terms_and_process(d: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if d.get("terms"):
        out.append("## Terms\n\n| Term | |\n|---|---|")
        out += [f"| {k.replace('_', ' ').capitalize()} | {v} |" for k, v in d["terms"].items()]
        out.append("")
    if d.get("availability"):
        a = d["availability"]
        out.append(f"## Availability\n\nBooked until {a['booked_until']}.\n\n{a['note']}\n")
    out.append("## How we'll work together\n")
    steps = [(s["title"], s["detail"]) for s in d["process"]] if d.get("process") else PROCESS
    out += [f"{i}. **{title}**  \n   {detail}" for i, (title, detail) in enumerate(steps, 1)]
    return out


def _enquiry(d: dict[str, Any], rates: dict[str, Any] | None) -> list[str]:
    out = ["\n## Start an enquiry { #enquiry }\n"]
    to = d["contact"].get("email") or d["contact"].get("manager", {}).get("email")
    if to:
        out.append(
            FORM.format(
                to=to,
                name=d["name"],
                checks="".join(
                    '<label><input type="checkbox" name="deliverables" '
                    f'value="{i["deliverable"]}"> {i["deliverable"]}</label>\n'
                    for i in (rates or {}).get("items", [])
                ),
            )
        )
        out.append(f"Prefer to write your own? Email <{to}>.\n")
    elif d["contact"].get("booking_url"):
        out.append(f"[Book a call with {d['name']}]({d['contact']['booking_url']})\n")
    return out


FORM = """<form class="brief" action="mailto:{to}" method="post" enctype="text/plain">
<div><label for="brand">Brand</label><input id="brand" name="brand" required></div>
<div><label for="product">Product or campaign</label><input id="product" name="product"></div>
<div><label for="goal">Goal</label><select id="goal" name="goal">
<option value="">Choose a goal</option>
<option>Awareness</option><option>Launch</option><option>Traffic or sign-ups</option>
<option>Sales</option><option>Content for our own channels</option>
<option>Long-term ambassadorship</option></select></div>
<fieldset><legend>Deliverables or packages</legend>
{checks}</fieldset>
<div><label for="start">Start</label><input id="start" name="start" type="date"></div>
<div><label for="end">Go-live by</label><input id="end" name="end" type="date"></div>
<div><label for="budget">Budget</label><input id="budget" name="budget" inputmode="decimal"></div>
<div><label for="usage">Usage</label><select id="usage" name="usage">
<option value="">Choose usage</option><option>Organic on the creator's channels only</option>
<option>Reposting on our organic channels</option>
<option>Paid usage / whitelisting</option><option>Paid usage with category exclusivity</option>
</select></div>
<div><label for="name">Your name</label><input id="name" name="name"></div>
<div><label for="notes">Anything else</label>
<textarea id="notes" name="notes" rows="4"></textarea></div>
<p><button class="md-button md-button--primary" type="submit">Compose the email</button></p>
</form>
"""
