"""Every English word Kitfolio writes into pages, feed display text, social cards and metadata.

Keyed by codes (the kit format's enums and field names) and kept apart from the logic that
chooses them, so that one language can later be swapped for another catalogue.
"""

from __future__ import annotations

from kitfolio.model.campaign import Status
from kitfolio.model.kit import Network, Offer

NETWORK_LABELS = {
    Network.instagram: "Instagram",
    Network.tiktok: "TikTok",
    Network.youtube: "YouTube",
    Network.twitch: "Twitch",
    Network.pinterest: "Pinterest",
    Network.x: "X",
    Network.threads: "Threads",
    Network.bluesky: "Bluesky",
    Network.linkedin: "LinkedIn",
    Network.facebook: "Facebook",
    Network.snapchat: "Snapchat",
    Network.podcast: "Podcast",
    Network.newsletter: "Newsletter",
    Network.blog: "Blog",
    Network.other: "Other",
}
AUDIENCE_WORD = {
    Network.youtube: "subscribers",
    Network.newsletter: "subscribers",
    Network.podcast: "subscribers",
    Network.blog: "readers",
}
OFFER_LABELS = {
    Offer.sponsored_content: "Sponsored content",
    Offer.ambassador: "Ambassadorships",
    Offer.affiliate: "Affiliate partnerships",
    Offer.gifting: "Gifted products",
    Offer.events: "Events and appearances",
    Offer.product_collab: "Product collaborations",
    Offer.speaking: "Speaking",
    Offer.ugc: "User-generated content for your channels",
}
TIER_LABELS = {
    "nano": "Nano (under 10K)",
    "micro": "Micro (10K–100K)",
    "mid": "Mid-tier (100K–500K)",
    "macro": "Macro (500K–1M)",
    "mega": "Mega (1M+)",
}
TERM_LABELS = {
    "payment": "Payment",
    "revisions": "Revisions",
    "usage": "Usage rights",
    "lead_time": "Lead time",
    "kill_fee": "Kill fee",
    "creative_control": "Creative control",
    "disclosure": "Disclosure",
}
RESULT_LABELS = {
    "reach": "Reach",
    "impressions": "Impressions",
    "views": "Views",
    "engagement_rate": "Engagement rate",
    "link_clicks": "Link clicks",
    "conversions": "Conversions",
}
DEFAULT_PROCESS = (
    (
        "Enquiry",
        "Tell me about your brand, product and goal with the brief builder below or by email. "
        "I reply within two working days.",
    ),
    (
        "Brief",
        "We agree the deliverables, key messages, dates, budget and usage in a short brief.",
    ),
    (
        "Contract",
        "A simple agreement sets out fees, payment terms, usage rights, exclusivity and "
        "the kill fee before any work starts.",
    ),
    (
        "Content and review",
        "I create the content in my own voice. You review the draft against the "
        "brief within the agreed revision round.",
    ),
    ("Going live", "Content goes live on the agreed dates, clearly labelled as an ad or gifted."),
    (
        "Reporting",
        "You receive the performance figures (reach, engagement, clicks) with screenshots "
        "from the platforms' own insights.",
    ),
    ("Wrap-up", "We review what worked, settle the final invoice, and talk about what comes next."),
)


AVERAGE_LABELS = {
    "views": "views",
    "likes": "likes",
    "comments": "comments",
    "shares": "shares",
    "saves": "saves",
}
"""What each per-post average counts, as the platform card names it."""
AUDIENCE_CHART_TITLES = {
    "age": "Audience by age",
    "gender": "Audience by gender",
    "countries": "Audience by country",
    "cities": "Audience by city",
}
SHARE_AXES = ("Group", "Share of audience")
PLATFORM_CHART_TITLE = "Followers by platform"
PLATFORM_AXES = ("Platform", "Followers")
DATE_AXIS = "Date"


def audience_word(network: Network) -> str:
    """What a network calls the people who follow it."""
    return AUDIENCE_WORD.get(network, "followers")


def over_time(platform_label: str, word: str) -> str:
    """The title of a growth chart or sparkline."""
    return f"{platform_label} {word} over time"


def audience_label(platform_label: str, word: str) -> str:
    """``Instagram followers``: a platform's audience named."""
    return f"{platform_label} {word}"


def price_from(money: str) -> str:
    """A price shown as its lowest amount."""
    return f"from {money}"


def price_range(low: str, high: str) -> str:
    return f"{low}–{high}"


def addon_percent(percent: str) -> str:
    """An add-on priced as a share of the base fee."""
    return f"+{percent} of the base fee"


def portrait_alt(name: str) -> str:
    return f"Portrait of {name}"


def logo_alt(brand: str) -> str:
    return f"{brand} logo"


def description(name: str, parts: list[str]) -> str:
    """One sentence for meta descriptions and search results."""
    return f"{name}: " + " · ".join(parts)


def image_alt(title: str, niche: str) -> str:
    """The alt text of a page's social image."""
    return f"{title}: {niche}"


CARD_TOTAL_REACH = "total reach"
CARD_ENGAGEMENT = "engagement"
CARD_RATES_FROM = "rates from"
CARD_FOOTERS = {"kit": "Media kit", "work": "Rates, terms and how to book"}


def card_platforms(count: int) -> str:
    return "platform" if count == 1 else "platforms"


def work_with(name: str) -> str:
    """The title of a work-with-me page's card."""
    return f"Work with {name}"


def chart_highest(value: str) -> str:
    return f"highest {value}"


def chart_lowest(value: str) -> str:
    return f"lowest {value}"


def chart_span(first: str, first_date: str, last: str, last_date: str) -> str:
    """What a sparkline says to a screen reader."""
    return f"From {first} on {first_date} to {last} on {last_date}."


def chart_points(first: str, first_date: str, last: str, last_date: str, count: int) -> str:
    """What a growth chart says to a screen reader."""
    return f"From {first} on {first_date} to {last} on {last_date}, {count} points."


ENGAGEMENT_WEIGHTED = "weighted by followers"
"""What the headline engagement is when several platforms state or give a rate."""


def engagement_on(network: Network) -> str:
    """What the headline engagement is when one platform alone has a rate."""
    return f"on {NETWORK_LABELS[network]}"


PROTECTED_TITLE = "Protected page"
"""The title of a protected page, the one text about it published unencrypted."""
PROTECTED_DESCRIPTION = "This page is protected by a password."


def missing_password(page_variable: str, site_variable: str) -> str:
    """The build error of a protected page without a password in the environment."""
    return (
        f"expected a password in the environment variable {page_variable} (or "
        f"{site_variable}), found neither: a protected page is published only encrypted, "
        "so it cannot be built without one (docs/protected-pages.md)"
    )


def short_password(shortest: int) -> str:
    """The warning of a protected page whose password is easy to guess."""
    return (
        f"expected a password of at least {shortest} characters: anyone with the page can try "
        "passwords against it offline; a few unrelated words make a strong one"
    )


def unsealed_page(name: str) -> str:
    """The build error of a protected page whose template did not encrypt its content."""
    return (
        f"the protected page {name!r} was rendered without its encrypted payload (does a "
        "custom_dir template replace kitfolio/base.html's content block?); it is not published"
    )


REVENUE = "Revenue"
CAMPAIGN_STATUS = {
    Status.proposed: "Proposed",
    Status.active: "Under way",
    Status.wrapped: "Wrapped",
    Status.cancelled: "Cancelled",
}


def report_title(brand: str, creator: str) -> str:
    """The title of a campaign's report page."""
    return f"{brand} × {creator}: campaign report"


def report_description(brand: str, creator: str) -> str:
    return f"How the campaign of {creator} with {brand} is going: deliverables, results, invoices"


SUMMARY_LABELS = {
    "to": "To",
    "status": "Status",
    "dates": "Dates",
    "brief": "Brief",
    "deliverables": "Deliverables",
    "due": "due",
    "live": "live",
    "not_live": "not live yet",
    "results": "Results",
    "source": "Source",
    "invoices": "Invoices",
    "paid": "paid",
    "unpaid": "unpaid, due",
    "overdue": "OVERDUE, was due",
    "outstanding": "Outstanding",
    "settled": "Settled",
    "feedback": "Feedback",
    "thanks": "Thank you",
    "next": "Next",
    "report": "Report",
}
"""The headings of ``kitfolio campaign report``, the plain-text summary a creator emails."""
