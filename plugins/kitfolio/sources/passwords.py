"""Where a protected page's password comes from: the environment, never the repository.

``KITFOLIO_PASSWORD_<NAME>`` (the page's name in capitals, ``-`` as ``_``) wins over the
site-wide ``KITFOLIO_PASSWORD``; an empty variable counts as unset, because a workflow passes an
unset secret as the empty string.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from kitfolio.errors import Problem
from kitfolio.present import build_text
from kitfolio.sources.documents import Document

SITE_VARIABLE = "KITFOLIO_PASSWORD"
SHORTEST = 12
"""Characters below which a password earns a warning (a passphrase of a few words passes)."""


def page_variable(name: str) -> str:
    """The page's own variable: ``acme-spring`` → ``KITFOLIO_PASSWORD_ACME_SPRING``."""
    return f"{SITE_VARIABLE}_{name.upper().replace('-', '_')}"


def password_for(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The password of the page called ``name``, or None when neither variable is set."""
    env = os.environ if environ is None else environ
    return env.get(page_variable(name)) or env.get(SITE_VARIABLE) or None


def password_problem(
    doc: Document, name: str, environ: Mapping[str, str] | None = None
) -> Problem | None:
    """What is wrong with the password of a protected source, located at its ``protect``
    field: none is an error; a short one a warning, since anyone with the page may try
    passwords against it offline, as fast as their machine goes."""
    password = password_for(name, environ)
    if password is None:
        return doc.problem(
            ("protect",), build_text.missing_password(page_variable(name), SITE_VARIABLE)
        )
    if len(password) < SHORTEST:
        return doc.problem(("protect",), build_text.short_password(SHORTEST), severity="warning")
    return None
