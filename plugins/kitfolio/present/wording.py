"""Every sentence Kitfolio writes into pages, feed display text, social cards and metadata.

``Wording(language)`` gives Kitfolio's words in one language: the sentences are marked here
(``_``/``ngettext``), the labels by code in present/labels.py (``N_``); both are extracted into
the message catalogs. The codes are the kit format's enums and field names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from kitfolio.model.campaign import Status
from kitfolio.model.kit import Network, Offer
from kitfolio.present.labels import (
    AUDIENCE_CHART_TITLES,
    AUDIENCE_WORD,
    AVERAGE_LABELS,
    CAMPAIGN_STATUS,
    CARD_FOOTERS,
    DEFAULT_PROCESS,
    ENGAGEMENT_WORDS,
    FIGURE_LABELS,
    FOLLOWERS,
    GENDER_LABELS,
    NETWORK_LABELS,
    OFFER_LABELS,
    PROTECTED_DESCRIPTION,
    PROTECTED_TITLE,
    RESULT_LABELS,
    REVENUE,
    TERM_LABELS,
    TIER_LABELS,
)
from kitfolio.present.messages import text_direction, translations


class Wording:
    """Kitfolio's words in one language (a BCP 47 tag); English when it has no catalog."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self.direction = text_direction(language)
        catalog = translations(language)
        self._ = catalog.gettext
        self._n = catalog.ngettext

    def network(self, network: Network) -> str:
        return self._(NETWORK_LABELS[network])

    def audience_word(self, network: Network) -> str:
        """What a network calls the people who follow it."""
        return self._(AUDIENCE_WORD.get(network, FOLLOWERS))

    def offer(self, offer: Offer) -> str:
        return self._(OFFER_LABELS[offer])

    def tier(self, code: str) -> str:
        return self._(TIER_LABELS[code])

    def term(self, code: str) -> str:
        return self._(TERM_LABELS[code])

    def terms(self) -> list[tuple[str, str]]:
        """(code, label) of every term, in the page's order."""
        return [(code, self._(label)) for code, label in TERM_LABELS.items()]

    def results(self) -> list[tuple[str, str]]:
        """(code, label) of every partnership result."""
        return [(code, self._(label)) for code, label in RESULT_LABELS.items()]

    def default_process(self) -> list[tuple[str, str]]:
        return [(self._(title), self._(detail)) for title, detail in DEFAULT_PROCESS]

    def average(self, code: str) -> str:
        return self._(AVERAGE_LABELS[code])

    def gender(self, key: str) -> str:
        """An audience's gender group in this language; the kit's own word where it is not one
        of the groups the catalogs know, or where this language writes it as the kit does."""
        label = GENDER_LABELS.get(key) or GENDER_LABELS.get(key.strip().lower())
        if label is None:
            return key
        said = self._(label)
        return key if said == label else said

    def audience_chart_title(self, key: str) -> str:
        return self._(AUDIENCE_CHART_TITLES[key])

    def share_axes(self) -> tuple[str, str]:
        return (self._("Group"), self._("Share of audience"))

    def platform_chart_title(self) -> str:
        return self._("Followers by platform")

    def platform_axes(self) -> tuple[str, str]:
        return (self._("Platform"), self._("Followers"))

    def date_axis(self) -> str:
        return self._("Date")

    def over_time(self, platform_label: str, word: str) -> str:
        """The title of a growth chart or sparkline."""
        return self._("%(platform)s %(audience)s over time") % {
            "platform": platform_label,
            "audience": word,
        }

    def audience_label(self, platform_label: str, word: str) -> str:
        """``Instagram followers``: a platform's audience named."""
        return self._("%(platform)s %(audience)s") % {"platform": platform_label, "audience": word}

    def price_from(self, money: str) -> str:
        """A price shown as its lowest amount."""
        return self._("from %(price)s") % {"price": money}

    def price_range(self, low: str, high: str) -> str:
        return self._("%(low)s–%(high)s") % {"low": low, "high": high}

    def addon_percent(self, percent: str) -> str:
        """An add-on priced as a share of the base fee."""
        return self._("+%(percent)s of the base fee") % {"percent": percent}

    def portrait_alt(self, name: str) -> str:
        return self._("Portrait of %(name)s") % {"name": name}

    def logo_alt(self, brand: str) -> str:
        return self._("%(brand)s logo") % {"brand": brand}

    def description(self, name: str, parts: Iterable[str]) -> str:
        """One sentence for meta descriptions and search results."""
        return self._("%(name)s: %(details)s") % {"name": name, "details": " · ".join(parts)}

    def image_alt(self, title: str, niche: str) -> str:
        """The alt text of a page's social image."""
        return self._("%(title)s: %(niche)s") % {"title": title, "niche": niche}

    def card_figure(self, key: str, count: int = 0) -> str:
        """The word under a figure on a social card."""
        if key == "platforms":
            return self._n("platform", "platforms", count)
        labels = {
            "reach": self._("total reach"),
            "engagement": self._("engagement"),
            "rates": self._("rates from"),
        }
        return labels[key]

    def card_footer(self, kind: str) -> str:
        return self._(CARD_FOOTERS[kind])

    def work_with(self, name: str) -> str:
        """The title of a work-with-me page and its card."""
        return self._("Work with %(name)s") % {"name": name}

    def media_kit_title(self, name: str) -> str:
        return self._("%(name)s — media kit") % {"name": name}

    def pitch_title(self, name: str, brand: str) -> str:
        return self._("%(name)s for %(brand)s") % {"name": name, "brand": brand}

    def pitch_description(self, name: str, brand: str) -> str:
        return self._("A proposal for %(brand)s from %(name)s") % {"name": name, "brand": brand}

    def roster_description(self, site_name: str, count: int, niches: list[str]) -> str:
        """A sentence describing a roster, for meta tags."""
        if niches:
            return self._n(
                "%(site)s: %(num)d creator in %(niches)s",
                "%(site)s: %(num)d creators in %(niches)s",
                count,
            ) % {"site": site_name, "num": count, "niches": ", ".join(niches)}
        return self._n("%(site)s: %(num)d creator", "%(site)s: %(num)d creators", count) % {
            "site": site_name,
            "num": count,
        }

    def chart_highest(self, value: str) -> str:
        return self._("highest %(value)s") % {"value": value}

    def chart_lowest(self, value: str) -> str:
        return self._("lowest %(value)s") % {"value": value}

    def chart_span(self, first: str, first_date: str, last: str, last_date: str) -> str:
        """What a sparkline says to a screen reader."""
        return self._("From %(first)s on %(first_date)s to %(last)s on %(last_date)s.") % {
            "first": first,
            "first_date": first_date,
            "last": last,
            "last_date": last_date,
        }

    def chart_points(
        self, first: str, first_date: str, last: str, last_date: str, count: int
    ) -> str:
        """What a growth chart says to a screen reader."""
        return self._n(
            "From %(first)s on %(first_date)s to %(last)s on %(last_date)s, %(num)d point.",
            "From %(first)s on %(first_date)s to %(last)s on %(last_date)s, %(num)d points.",
            count,
        ) % {
            "first": first,
            "first_date": first_date,
            "last": last,
            "last_date": last_date,
            "num": count,
        }

    def engagement_weighted(self) -> str:
        """What the headline engagement is when several platforms state or give a rate."""
        return self._("weighted by followers")

    def engagement_on(self, network: Network) -> str:
        """What the headline engagement is when one platform alone has a rate."""
        return self._("on %(platform)s") % {"platform": self.network(network)}

    def engagement_basis(self, fields: Iterable[str]) -> str:
        """The fields a computed rate uses, in words a brand reads: "average likes and comments
        per follower"."""
        words = [self._(ENGAGEMENT_WORDS[name]) for name in fields]
        if len(words) > 1:
            listed = self._("%(items)s and %(last)s") % {
                "items": ", ".join(words[:-1]),
                "last": words[-1],
            }
        else:
            listed = "".join(words)
        return self._("average %(counts)s per follower") % {"counts": listed}

    def growth_period(self, days: int, since: str | None) -> str:
        """When a follower change happened: "in 30 days", or "since 1 Sep 2026"."""
        if since is not None:
            return self._("since %(date)s") % {"date": since}
        return self._n("in %(num)d day", "in %(num)d days", days) % {"num": days}

    def exchange_note(self, date_text: str | None) -> str:
        """How a roster's budget meets prices in other currencies."""
        if date_text is None:
            return self._("Budgets compare only with prices in the same currency.")
        return self._("Prices in other currencies are converted at rates of %(date)s.") % {
            "date": date_text
        }

    def protected_title(self) -> str:
        return self._(PROTECTED_TITLE)

    def protected_description(self) -> str:
        return self._(PROTECTED_DESCRIPTION)

    def figure_labels(self) -> dict[str, str]:
        return {code: self._(label) for code, label in FIGURE_LABELS.items()}

    def numbered_page(self, title: str, number: int, count: int) -> str:
        """The title of one page of the roster's listing after the first."""
        return self._("%(title)s · page %(number)s of %(count)s") % {
            "title": title,
            "number": number,
            "count": count,
        }

    def report_title(self, brand: str, creator: str) -> str:
        """The title of a campaign's report page."""
        return self._("%(brand)s × %(creator)s: campaign report") % {
            "brand": brand,
            "creator": creator,
        }

    def report_description(self, brand: str, creator: str) -> str:
        return self._(
            "How the campaign of %(creator)s with %(brand)s is going: deliverables, results, "
            "invoices"
        ) % {"brand": brand, "creator": creator}

    def revenue(self) -> str:
        return self._(REVENUE)

    def campaign_status(self, status: Status) -> str:
        return self._(CAMPAIGN_STATUS[status])

    def sorts(self) -> tuple[tuple[str, str], ...]:
        """The roster's orders: (code, label)."""
        return (
            ("name", self._("Name")),
            ("followers", self._("Total followers")),
            ("engagement", self._("Engagement rate")),
            ("price", self._("Lowest price")),
            ("fresh", self._("Freshest stats")),
        )


@cache
def wording(language: str) -> Wording:
    """The shared ``Wording`` of a language."""
    return Wording(language)
