"""The view of one kit in one language, formatted from its public model.

The public model (``public.gate``) has decided what may be seen; this module only writes it in
the words of ``present/wording`` and the formats of the view's locale. It never sees the Kit.
"""

from __future__ import annotations

from markupsafe import Markup

from kitfolio.media.palette import palette
from kitfolio.media.renditions import Picture
from kitfolio.present import kit_charts
from kitfolio.present.formatting import Formatter
from kitfolio.present.markdown import plain, render, render_inline
from kitfolio.public import gate
from kitfolio.public.model import PublicImage, PublicKit, PublicPartnership
from kitfolio.public.platform_view import audience_view, platform_views
from kitfolio.public.rate_card import rates_view
from kitfolio.public.views import (
    ContactView,
    HighlightView,
    Image,
    KitView,
    PartnershipView,
    QuoteView,
    Settings,
    Step,
)


def build_view(
    public: PublicKit,
    settings: Settings,
    fmt: Formatter | None = None,
    *,
    prefix: str = "",
) -> KitView:
    """The view of one kit's public model; ``prefix`` is where the pages of the view's
    language are (``es/``)."""
    fmt = fmt or Formatter(settings.locale, settings.words_language)
    slug = public.slug
    kit_palette = palette(public.accent) if public.accent else None
    platforms = platform_views(public.platforms, public.stats_as_of, fmt)
    audience = audience_view(public.audience, fmt)
    contact = public.contact
    return KitView(
        slug=slug,
        url=f"{prefix}{slug}/",
        work_url=f"{prefix}{slug}/work-with-me/",
        name=public.name,
        initials=initials(public.name),
        pronouns=public.pronouns,
        tagline=public.tagline,
        description=description(public, fmt),
        search_text=search_text(public),
        location=public.location,
        languages=[fmt.language(tag) for tag in public.languages],
        bio=render(public.bio) if public.bio else None,
        niche=public.niche,
        tags=list(public.tags),
        avatar=image(public.avatar, fmt.words.portrait_alt(public.name)),
        accent=kit_palette.light if kit_palette else None,
        platforms=platforms,
        total_reach=public.total_reach,
        total_reach_text=fmt.compact(public.total_reach),
        total_reach_full=fmt.count(public.total_reach),
        tier=public.tier,
        tier_label=fmt.words.tier(public.tier),
        best_engagement=public.best_engagement,
        best_engagement_text=_percent(public.best_engagement, fmt),
        engagement=public.engagement,
        engagement_text=_percent(public.engagement, fmt),
        engagement_basis=_engagement_basis(public, fmt),
        stats_as_of=fmt.date(public.stats_as_of) if public.stats_as_of else None,
        stats_date=public.stats_as_of,
        stale=public.stale,
        stats_age_days=public.stats_age_days,
        audience=audience,
        values=list(public.values),
        dealbreakers=list(public.dealbreakers),
        offers=[(o.value, fmt.words.offer(o)) for o in public.offers],
        rates=rates_view(public.rates, fmt) if public.rates else None,
        terms=[
            (label, render(public.terms[code]))
            for code, label in fmt.words.terms()
            if code in public.terms
        ],
        process=_process(public, fmt),
        partnerships=[_partnership(p, fmt) for p in public.partnerships],
        testimonials=[QuoteView(q.quote, q.author) for q in public.testimonials],
        highlights=[
            HighlightView(
                title=h.title,
                url=h.url,
                platform=fmt.words.network(h.platform) if h.platform else None,
                views_text=fmt.compact(h.views) if h.views is not None else None,
                network=h.platform,
                views=h.views,
                image=image(h.image, h.title),
            )
            for h in public.highlights
        ],
        availability_note=render(public.availability_note) if public.availability_note else None,
        booked_until=fmt.date(public.booked_until) if public.booked_until else None,
        booked_until_date=public.booked_until,
        contact=ContactView(
            email=contact.email,
            booking_url=contact.booking_url,
            manager_name=contact.manager_name,
            manager_email=contact.manager_email,
            manager_agency=contact.manager_agency,
        ),
        public=public,
        palette=kit_palette,
        cover=image(public.cover, ""),
        charts=kit_charts.chart_set(audience, platforms, fmt),
        language=fmt.words.language,
    )


def _percent(value: float | None, fmt: Formatter) -> str | None:
    return fmt.percent(value) if value is not None else None


def initials(name: str) -> str:
    """Up to two initials for the avatar fallback."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return name[:1] or "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def description(public: PublicKit, fmt: Formatter) -> str:
    """One sentence for meta descriptions and search results, with no prices."""
    parts = [public.tagline or public.niche]
    if public.location:
        parts.append(public.location)
    return fmt.words.description(public.name, parts)


def image(published: PublicImage | None, alt: str) -> Image | None:
    """A published image with its words for this view."""
    return _with_alt(published, alt) if published is not None else None


def _with_alt(published: PublicImage, alt: str) -> Image:
    return Image(
        published.src,
        published.width,
        published.height,
        alt,
        webp=published.webp,
        sizes=published.sizes,
    )


def image_of(picture: Picture, alt: str) -> Image:
    """A drawn picture as a page embeds it: the fallback in ``src``, the WebP widths beside."""
    return _with_alt(gate.image_of(picture), alt)


def _engagement_basis(public: PublicKit, fmt: Formatter) -> str | None:
    if public.engagement is None:
        return None
    if len(public.engagement_networks) == 1:
        return fmt.words.engagement_on(public.engagement_networks[0])
    return fmt.words.engagement_weighted()


def _process(public: PublicKit, fmt: Formatter) -> list[Step]:
    if public.process:
        return [Step(s.title, render(s.detail) if s.detail else Markup("")) for s in public.process]
    return [Step(title, render(detail)) for title, detail in fmt.words.default_process()]


def _partnership(p: PublicPartnership, fmt: Formatter) -> PartnershipView:
    results: list[tuple[str, str]] = []
    values: dict[str, float] = {}
    for code, label in fmt.words.results():
        value = p.results.get(code)
        if value is None:
            continue
        text = fmt.percent(value) if code == "engagement_rate" else fmt.compact(int(value))
        results.append((label, text))
        values[code] = value
    return PartnershipView(
        brand=p.brand,
        year=p.year,
        url=p.url,
        summary=render_inline(p.summary) if p.summary else None,
        deliverables=list(p.deliverables),
        results=results,
        result_values=values,
        summary_markdown=p.summary,
        testimonial=QuoteView(p.testimonial.quote, p.testimonial.author) if p.testimonial else None,
        logo=image(p.logo, fmt.words.logo_alt(p.brand)),
    )


def search_text(public: PublicKit) -> str:
    """Plain text of a kit for the search index: who, what, where; never a price."""
    parts = [public.tagline or "", public.niche, ", ".join(public.tags), public.location or ""]
    if public.bio:
        parts.append(plain(public.bio))
    return "\n\n".join(p for p in parts if p)
