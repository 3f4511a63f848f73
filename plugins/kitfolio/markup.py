"""The one way kit text becomes HTML: Markdown rendered, then sanitised by nh3.

Creators (and anyone who sends them a pull request) write these fields; whatever HTML they
contain must come out as harmless markup or plain text.
"""

from __future__ import annotations

import html
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "code", "blockquote", "del"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"https", "http", "mailto"}

_renderer = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@lru_cache(maxsize=4096)
def render(text: str) -> Markup:
    """Markdown to sanitised HTML, safe to place in any page."""
    _renderer.reset()
    converted = _renderer.convert(text)
    clean = nh3.clean(
        converted,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="nofollow noopener ugc",
    )
    return Markup(clean)


def render_inline(text: str) -> Markup:
    """Markdown for a one-paragraph field, without the wrapping paragraph."""
    out = str(render(text)).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return Markup(out)


def plain(text: str) -> str:
    """The text of a Markdown field with every tag removed, for meta descriptions and data."""
    return html.unescape(nh3.clean(str(render(text)), tags=set())).strip()


def text_of(rendered: str) -> str:
    """The text of already rendered, sanitised HTML, for data feeds that carry plain text."""
    return html.unescape(nh3.clean(str(rendered), tags=set())).strip()
