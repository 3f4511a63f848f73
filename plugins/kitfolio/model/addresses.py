"""Checks of the addresses a kit writes: email, web and mailto URLs, image paths, slugs."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from kitfolio.model.values import UNPRINTABLE, check_line, fail
from kitfolio.present import mailto

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# One address: RFC 5322's dot-atom, less the characters that mean something in a mailto: URL
# (? & = % #), and a domain of letters, digits and hyphens. \w keeps non-ASCII letters (RFC 6531).
_ATOM = r"[\w!$'*+/^`{|}~-]+"
_LABEL = r"[^\W_]+(?:-+[^\W_]+)*"
_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
_EMAIL_PART = r'[^\s@?&=%#"<>()\[\],;:\\]+'
EMAIL_SCHEMA = rf"{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}"
"""What editors check: the same refusals, in the regular expressions every engine reads."""
_MAILTO_HEADERS = ("subject", "body")
_HOST = re.compile(r"//[^/\s?#]+\.[^/\s?#]+")


def check_email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.fullmatch(value.strip()):
        raise fail("email", "an email address such as hello@example.com", value)
    return value.strip()


def _mailto(rest: str, value: Any) -> str:
    """A ``mailto:`` URL rebuilt from its parts: one address, at most a subject and a body.

    A hidden ``cc``, ``bcc`` or ``to`` (or any other header) is refused, and each part is
    encoded once by ``mailto.href``, whatever encoding the creator used.
    """
    address, _, query = rest.partition("?")
    if not _EMAIL.fullmatch(address):
        raise fail("url", "mailto: followed by an email address", value)
    expected = "mailto: followed by an email address and at most a subject and a body"
    headers: dict[str, str] = {}
    for pair in query.split("&") if query else []:
        name, sep, raw = pair.partition("=")
        name = name.lower()
        if not sep or name not in _MAILTO_HEADERS or name in headers:
            raise fail("url", expected, value)
        headers[name] = unquote(raw)
    subject = headers.get("subject", "")
    if (
        any(UNPRINTABLE.search(text) for text in headers.values())
        or "\n" in subject
        or "\r" in subject
    ):
        raise fail("url", expected, value)
    return mailto.href(address, **headers)


def url_check(schemes: tuple[str, ...]) -> Any:
    names = ", ".join(schemes[:-1]) + " or " + schemes[-1]

    def check(value: Any) -> str:
        expected = f"a URL starting with {names}"
        if not isinstance(value, str):
            raise fail("url", expected, value)
        text = value.strip()
        scheme, sep, rest = text.partition(":")
        if (
            not sep
            or scheme.lower() not in schemes
            or any(c.isspace() for c in text)
            or UNPRINTABLE.search(text)
        ):
            raise fail("url", expected, value)
        if scheme.lower() in ("http", "https") and not _HOST.match(rest):
            raise fail("url", f"a full web address such as {scheme}://example.com/", value)
        if scheme.lower() == "mailto":
            return _mailto(rest, value)
        return text

    return check


def is_image_path(text: str) -> bool:
    """Whether ``text`` can name a local image file (not a URL)."""
    text = text.strip()
    return bool(text) and "://" not in text and not text.startswith(("data:", "//"))


def check_image_path(value: Any) -> str:
    text = check_line(value)
    if not is_image_path(text):
        raise fail("image", "a path to an image file relative to the kit", value)
    return text


def is_slug(text: str) -> bool:
    """Whether ``text`` is a kit slug: lowercase letters, digits and single hyphens."""
    return bool(_SLUG.fullmatch(text))
