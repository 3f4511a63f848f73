"""The plugin's options under ``plugins: - kitfolio:`` in mkdocs.yml, as MkDocs checks them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class KitfolioConfig(base.Config):
    """Options under ``plugins: - kitfolio:`` in mkdocs.yml."""

    kits_dir = c.Type(str, default="kits")
    stale_after_days = c.Type(int, default=90)
    locale = c.Optional(c.Type(str))
    cache_dir = c.Type(str, default=".cache/kitfolio")
    """Where drawn images and parsed kit revisions are kept between builds."""
    growth_history = c.Type(bool, default=True)
    """Read follower growth from the kits' git history."""
    social_cards = c.Type(bool, default=True)
    """Draw a social card per page; off for very large rosters, where drawing dominates a build."""
    pdf = c.Type(bool, default=True)
    """Make a PDF media kit per kit; off for sites that do not want one."""
    preview_replay = c.Type(bool, default=True)
    """In ``mkdocs serve``, render again only the pages whose inputs changed (adapter/replay.py)."""
    page_cache = c.Type(bool, default=True)
    """In ``mkdocs build``, keep each generated page's HTML in ``cache_dir`` and render again
    only the pages whose inputs changed since (adapter/replay.py)."""
    minify = c.Type(bool, default=True)
    """Serve Kitfolio's CSS and JavaScript minified; off to debug them in a browser."""
    agency = c.Optional(c.Type(dict))
    exchange_rates = c.Optional(c.Type(dict))
    """``{date, base, rates}``: how the roster converts prices to a brand's budget currency."""
    pitches_dir = c.Type(str, default="pitches")
    campaigns_dir = c.Type(str, default="campaigns")
    languages = c.Optional(c.ListOfItems(c.Type(str)))
    """The languages the site publishes, the first at ``/``, each other under ``/<tag>/``."""
