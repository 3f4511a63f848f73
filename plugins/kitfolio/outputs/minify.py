"""Kitfolio's stylesheets and scripts as a site serves them: minified.

The sources in ``theme/assets/kitfolio/`` stay readable, with their comments; a page should
not download those comments. rcssmin and rjsmin only remove what cannot change the meaning
(comments, spaces, line breaks), so the served files behave exactly as the sources do.
"""

from __future__ import annotations

import rcssmin
import rjsmin

ASSETS = "assets/kitfolio/"
"""Where Kitfolio's own assets live in a site; material's are already minified."""


def minifiable(name: str) -> bool:
    """Whether ``name`` is one of Kitfolio's stylesheets or scripts (not, say, a logo)."""
    return name.startswith(ASSETS) and name.endswith((".css", ".js"))


def minified(name: str, text: str) -> str:
    """``text`` of the stylesheet or script ``name``, minified."""
    return str(rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text))
