"""The one way kit text becomes HTML: Markdown rendered, then sanitised by nh3.

Creators (and anyone who sends them a pull request) write these fields; whatever HTML they
contain must come out as harmless markup or plain text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from kitfolio.present.language_marks import lang_of, wrapped

TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "code", "blockquote", "del"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"https", "http", "mailto"}
NESTING = 10
"""How deep lists and quotes may nest in a field (``kitfolio check`` refuses deeper ones)."""

# CommonMark, which markdown-it parses in time linear in the text whatever it holds (Python-
# Markdown took minutes on 20,000 "[" and overflowed the stack on 600 nested lists). Raw HTML is
# parsed as HTML and left to nh3. maxNesting stops the parser (which would drop what lies
# deeper) far below any stack limit and far above what a field that passed ``nesting`` reaches.
_OPTIONS = {"maxNesting": 4 * NESTING}
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


class _Parser(MarkdownIt):
    """CommonMark whose links keep only the schemes nh3 keeps; a link to any other stays text."""

    def validateLink(self, url: str) -> bool:
        # Read as a browser reads a scheme, and percent-decoded too, so that a hidden tab
        # ("java%09script:") turns the link into text rather than an odd relative link.
        bare = re.sub(r"[\x00-\x20\x7f]+", "", unquote(url)).lower()
        scheme = _SCHEME.match(bare)
        allowed = scheme is None or scheme[1] in SCHEMES
        return allowed and super().validateLink(url)


_parser = _Parser("commonmark", _OPTIONS)
_blocks = MarkdownIt("commonmark", _OPTIONS).disable("inline")
_CONTAINERS = {"blockquote", "bullet_list", "ordered_list"}
_OWN_DIRECTION = re.compile(r"<(p|li)>")
"""Each paragraph and list item takes the direction of its own first strong letter: an Arabic
paragraph reads right to left and the English one after it left to right (nh3 writes these two
tags bare, since they may carry no attribute, so the pattern sees every one and nothing else)."""


@lru_cache(maxsize=4096)
def nesting(text: str) -> int:
    """How deep the lists and quotes of ``text`` nest (block structure only, so it is cheap)."""
    depth = deepest = 0
    for token in _blocks.parse(text):
        if token.type.rpartition("_")[0] in _CONTAINERS:
            depth += token.nesting
            deepest = max(deepest, depth)
    return deepest


def render(text: str) -> Markup:
    """Markdown to sanitised HTML, safe to place in any page; text in another language than
    its page's (``language_marks.InLanguage``) comes wrapped in an element that says which."""
    return wrapped(_render(str(text)), lang_of(text), block=True)


@lru_cache(maxsize=4096)
def _render(text: str) -> Markup:
    clean = nh3.clean(
        _parser.render(text),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="nofollow noopener ugc",
    )
    return Markup(_OWN_DIRECTION.sub(r'<\1 dir="auto">', clean))


def render_inline(text: str) -> Markup:
    """Markdown for a one-paragraph field, without the wrapping paragraph."""
    out = str(_render(str(text))).strip()
    opening = '<p dir="auto">'
    if out.startswith(opening) and out.endswith("</p>") and out.count("<p") == 1:
        out = out[len(opening) : -4]
    return wrapped(Markup(out), lang_of(text), block=False)


def plain(text: str) -> str:
    """The text of a Markdown field with every tag removed, for meta descriptions and data."""
    return html.unescape(nh3.clean(str(_render(str(text))), tags=set())).strip()
