"""Where a protected page's password comes from: the environment, never the repository.

``KITFOLIO_PASSWORD_<NAME>`` (the page's name in capitals, ``-`` as ``_``) wins over the
site-wide ``KITFOLIO_PASSWORD``; an empty variable counts as unset, because a workflow passes an
unset secret as the empty string.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from kitfolio.errors import Problem
from kitfolio.present import wording
from kitfolio.sources.documents import Document

SITE_VARIABLE = "KITFOLIO_PASSWORD"


def page_variable(name: str) -> str:
    """The page's own variable: ``acme-spring`` → ``KITFOLIO_PASSWORD_ACME_SPRING``."""
    return f"{SITE_VARIABLE}_{name.upper().replace('-', '_')}"


def password_for(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The password of the page called ``name``, or None when neither variable is set."""
    env = os.environ if environ is None else environ
    return env.get(page_variable(name)) or env.get(SITE_VARIABLE) or None


def missing_password(
    doc: Document, name: str, environ: Mapping[str, str] | None = None
) -> Problem | None:
    """The build error of a protected source (its ``protect`` field) that has no password."""
    if password_for(name, environ) is not None:
        return None
    return doc.problem(("protect",), wording.missing_password(page_variable(name), SITE_VARIABLE))
