"""``mailto:`` links built from their parts, each percent-encoded once (RFC 6068).

An address or a subject pasted into a link as it is could add headers (``?bcc=...``); built here,
every ``?``, ``&``, ``=`` or ``%`` in a part is data, never structure.
"""

from __future__ import annotations

from urllib.parse import quote


def href(address: str, *, subject: str | None = None, body: str | None = None) -> str:
    """The link that writes to ``address``, with the subject and body when given."""
    url = "mailto:" + quote(address, safe="@")
    headers = [(name, text) for name, text in (("subject", subject), ("body", body)) if text]
    if headers:
        url += "?" + "&".join(f"{name}={quote(text, safe='')}" for name, text in headers)
    return url
