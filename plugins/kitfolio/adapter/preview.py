"""What ``mkdocs serve`` shows while a saved change breaks the kits: the last good pages, each
with a banner listing the problems, so the author sees them without reading the terminal.

Only the preview gets the banner; ``mkdocs build`` stops on the same problems instead.
"""

from __future__ import annotations

import html
import re

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)

_STYLE = (
    "margin:0;padding:.8rem 1rem;background:#8b0000;color:#fff;"
    "font:14px/1.5 system-ui,sans-serif;position:relative;z-index:10"
)


def banner(problems: list[str]) -> str:
    """The problems as an alert, every line escaped: a kit's text must stay text."""
    lines = "\n".join(html.escape(line) for line in problems)
    return (
        f'<div class="kf-preview-problems" role="alert" style="{_STYLE}">'
        "<strong>Kitfolio could not rebuild; this preview shows the last good build.</strong> "
        "Fix these and save:"
        f'<pre style="margin:.4rem 0 0;white-space:pre-wrap;font-size:13px">{lines}</pre></div>'
    )


def with_banner(page: str, problems: list[str]) -> str:
    """``page`` with the banner first in its body (unchanged when it has no body tag)."""
    found = _BODY.search(page)
    if found is None:
        return page
    return page[: found.end()] + banner(problems) + page[found.end() :]
