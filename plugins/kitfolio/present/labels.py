"""Kitfolio's fixed vocabulary in English: the labels of the kit format's enums and fields,
the default booking process, the names of figures and charts.

Marked with ``N_`` for extraction into the message catalogs; ``Wording`` (present/wording.py)
translates each where it is used. Kept apart from the sentences so that each file has one job:
this one lists words by code, that one builds text in a language.
"""

from __future__ import annotations

from kitfolio.model.campaign import Status
from kitfolio.model.kit import Network, Offer


def N_(message: str) -> str:
    """Marks a message for extraction; ``Wording`` translates it where it is used."""
    return message


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
    Network.podcast: N_("Podcast"),
    Network.newsletter: N_("Newsletter"),
    Network.blog: N_("Blog"),
    Network.other: N_("Other"),
}
"""Brand names stay as the brands write them; the generic kinds are translated."""
AUDIENCE_WORD = {
    Network.youtube: N_("subscribers"),
    Network.newsletter: N_("subscribers"),
    Network.podcast: N_("subscribers"),
    Network.blog: N_("readers"),
}
FOLLOWERS = N_("followers")
OFFER_LABELS = {
    Offer.sponsored_content: N_("Sponsored content"),
    Offer.ambassador: N_("Ambassadorships"),
    Offer.affiliate: N_("Affiliate partnerships"),
    Offer.gifting: N_("Gifted products"),
    Offer.events: N_("Events and appearances"),
    Offer.product_collab: N_("Product collaborations"),
    Offer.speaking: N_("Speaking"),
    Offer.ugc: N_("User-generated content for your channels"),
}
TIER_LABELS = {
    "nano": N_("Nano (under 10K)"),
    "micro": N_("Micro (10K–100K)"),
    "mid": N_("Mid-tier (100K–500K)"),
    "macro": N_("Macro (500K–1M)"),
    "mega": N_("Mega (1M+)"),
}
TERM_LABELS = {
    "payment": N_("Payment"),
    "revisions": N_("Revisions"),
    "usage": N_("Usage rights"),
    "lead_time": N_("Lead time"),
    "kill_fee": N_("Kill fee"),
    "creative_control": N_("Creative control"),
    "disclosure": N_("Disclosure"),
}
RESULT_LABELS = {
    "reach": N_("Reach"),
    "impressions": N_("Impressions"),
    "views": N_("Views"),
    "engagement_rate": N_("Engagement rate"),
    "link_clicks": N_("Link clicks"),
    "conversions": N_("Conversions"),
}
DEFAULT_PROCESS = (
    (
        N_("Enquiry"),
        N_(
            "Tell me about your brand, product and goal with the brief builder below or by "
            "email. I reply within two working days."
        ),
    ),
    (
        N_("Brief"),
        N_("We agree the deliverables, key messages, dates, budget and usage in a short brief."),
    ),
    (
        N_("Contract"),
        N_(
            "A simple agreement sets out fees, payment terms, usage rights, exclusivity and "
            "the kill fee before any work starts."
        ),
    ),
    (
        N_("Content and review"),
        N_(
            "I create the content in my own voice. You review the draft against the "
            "brief within the agreed revision round."
        ),
    ),
    (
        N_("Going live"),
        N_("Content goes live on the agreed dates, clearly labelled as an ad or gifted."),
    ),
    (
        N_("Reporting"),
        N_(
            "You receive the performance figures (reach, engagement, clicks) with screenshots "
            "from the platforms' own insights."
        ),
    ),
    (
        N_("Wrap-up"),
        N_("We review what worked, settle the final invoice, and talk about what comes next."),
    ),
)
AVERAGE_LABELS = {
    "views": N_("Avg. views"),
    "likes": N_("Avg. likes"),
    "comments": N_("Avg. comments"),
    "shares": N_("Avg. shares"),
    "saves": N_("Avg. saves"),
}
"""Each per-post average, as the platform card names it."""
ENGAGEMENT_WORDS = {
    "avg_likes": N_("likes"),
    "avg_comments": N_("comments"),
    "avg_shares": N_("shares"),
    "avg_saves": N_("saves"),
}
"""What a computed engagement rate counts, in the words of its basis line."""
AUDIENCE_CHART_TITLES = {
    "age": N_("Audience by age"),
    "gender": N_("Audience by gender"),
    "countries": N_("Audience by country"),
    "cities": N_("Audience by city"),
}
GENDER_LABELS = {
    # Translators: a group on a creator's audience-by-gender chart (the kit's own key).
    "women": N_("women"),
    # Translators: a group on a creator's audience-by-gender chart (the kit's own key).
    "men": N_("men"),
    # Translators: a group on a creator's audience-by-gender chart: any other gender.
    "other": N_("other"),
    # Translators: a group on a creator's audience-by-gender chart (the kit's own key).
    "non-binary": N_("non-binary"),
}
"""The gender groups kits use (kit-format.md), shown in the page's language; a group a kit names
otherwise is shown as the kit writes it."""
CARD_FOOTERS = {"kit": N_("Media kit"), "work": N_("Rates, terms and how to book")}
PROTECTED_TITLE = N_("Protected page")
"""The title of a protected page, the one text about it published unencrypted."""
PROTECTED_DESCRIPTION = N_("This page is protected by a password.")
FIGURE_LABELS = {
    "total_followers": N_("Total followers"),
    "engagement": N_("Engagement"),
    "tier": N_("Tier"),
}
"""The names of a creator's headline figures, alike on the roster, in its comparison and feed."""
REVENUE = N_("Revenue")
CAMPAIGN_STATUS = {
    Status.proposed: N_("Proposed"),
    Status.active: N_("Under way"),
    Status.wrapped: N_("Wrapped"),
    Status.cancelled: N_("Cancelled"),
}
