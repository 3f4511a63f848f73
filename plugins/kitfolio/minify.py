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


def minified(name: str, text: str) -> str | None:
    """``text`` of the asset ``name`` minified, or None when it is not a stylesheet or script."""
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text))
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text))
    return None
