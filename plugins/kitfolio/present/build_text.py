"""What the build and the command line say: English, like every message of ``kitfolio check``.

Interface text, which pages show, is in ``wording`` and the message catalogs instead.
"""

from __future__ import annotations


def missing_password(page_variable: str, site_variable: str) -> str:
    """The build error of a protected page without a password in the environment (build and
    check messages stay English)."""
    return (
        f"expected a password in the environment variable {page_variable} (or "
        f"{site_variable}), found neither: a protected page is published only encrypted, "
        "so it cannot be built without one (docs/protected-pages.md)"
    )


def short_password(shortest: int) -> str:
    """The warning of a protected page whose password is easy to guess."""
    return (
        f"expected a password of at least {shortest} characters: anyone with the page can try "
        "passwords against it offline; a few unrelated words make a strong one"
    )


def unsealed_page(name: str) -> str:
    """The build error of a protected page whose template did not encrypt its content."""
    return (
        f"the protected page {name!r} was rendered without its encrypted payload (does a "
        "custom_dir template replace kitfolio/base.html's content block?); it is not published"
    )


SUMMARY_LABELS = {
    "to": "To",
    "status": "Status",
    "dates": "Dates",
    "brief": "Brief",
    "deliverables": "Deliverables",
    "due": "due",
    "live": "live",
    "not_live": "not live yet",
    "results": "Results",
    "source": "Source",
    "invoices": "Invoices",
    "paid": "paid",
    "unpaid": "unpaid, due",
    "overdue": "OVERDUE, was due",
    "outstanding": "Outstanding",
    "settled": "Settled",
    "feedback": "Feedback",
    "thanks": "Thank you",
    "next": "Next",
    "report": "Report",
}
"""The headings of ``kitfolio campaign report``, the plain-text summary a creator emails."""
