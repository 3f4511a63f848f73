"""PyYAML's syntax errors in words a creator understands: what went wrong and how to fix it.

The parser's own words stay at the end as a short hint, for anyone searching for them.
"""

from __future__ import annotations

import re

_PLAIN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (
            r"expected <block end>, but found '<block mapping start>'",
            "a field is indented differently from the fields around it; "
            "indent it with spaces to line up with the field above",
        ),
        (
            r"expected <block end>, but found '-'",
            'a list item ("- ...") stands where a field was expected; indent the list under '
            "its field, or write the item as a field (name: value)",
        ),
        (
            r"expected <block end>, but found",
            "this line does not fit the indentation of the lines above; line it up with the "
            "field it belongs to",
        ),
        (
            r"mapping values are not allowed here",
            "a colon followed by a space inside text reads as a new field; put text with a "
            'colon in quotes: "Tips: for all"',
        ),
        (
            r"found character '\\t' that cannot start any token",
            "a tab is not allowed for indentation; use spaces, not tabs",
        ),
        (
            r"found unexpected end of stream",
            "a quote is opened and never closed; close it with the same quote mark on the "
            "same value",
        ),
        (
            r"could not find expected ':'",
            'a line has no "field: value" colon; add the colon and a space after the '
            "field name, or join it to the text above",
        ),
        (
            r"expected ',' or '\}'",
            "a {...} mapping is not closed; end it with } on the same line, and put a value "
            "starting with # in quotes",
        ),
        (
            r"expected ',' or '\]'",
            "a [...] list is not closed; end it with ] on the same line, and put an item "
            "starting with # in quotes",
        ),
        (
            r"expected the node content, but found '<stream end>'",
            "a { or [ is not closed: a # after it may have started a comment; put a value "
            'starting with # in quotes ("#ff8800")',
        ),
        (
            r"found undefined alias",
            "a *name refers to no &name before it; define the anchor first, or quote text "
            "that starts with *",
        ),
        (
            r"expected alphabetic or numeric character",
            "a & or * must be followed by a name; quote text that starts with & or *",
        ),
        (
            r"found duplicate anchor",
            "the same &name is defined twice; give each anchor its own name",
        ),
    )
)


def plain_words(problem: str) -> str:
    """What ``problem`` (PyYAML's words) means for a kit, with the original as a hint."""
    hint = " ".join(problem.split())
    for pattern, words in _PLAIN:
        if pattern.search(problem):
            return f"expected valid YAML: {words} (the parser said: {hint})"
    return f"expected valid YAML: {hint}"
