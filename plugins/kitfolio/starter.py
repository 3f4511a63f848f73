"""What ``kitfolio init`` and ``kitfolio new`` write, and the placeholders in it.

One table of placeholders serves both the templates, which are filled from it, and the checks,
which warn while a placeholder is still there, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kitfolio.errors import Problem, shown_path

REPOSITORY = "https://github.com/kitfolio/kitfolio"


@dataclass(frozen=True)
class Placeholder:
    """A value written for the creator to replace, and what belongs there instead."""

    field: str
    text: str
    instead: str


SITE_PLACEHOLDERS = (
    Placeholder("site_name", "Your Name", "your name, or your brand's"),
    Placeholder(
        "site_url",
        "https://example.com/media-kit/",
        "the address the site will have, such as https://<user>.github.io/<repository>/",
    ),
)

KIT_PLACEHOLDERS = (
    Placeholder("tagline", "What you make, for whom, in one line", "your own one-line pitch"),
    Placeholder("location", "Your city, Country", "where you are based"),
    Placeholder("niche.primary", "Your niche", "the niche brands know you for"),
    Placeholder("contact.email", "hello@example.com", "the address brands should write to"),
    Placeholder("platforms.handle", "yourhandle", "your handle on the platform"),
    Placeholder(
        "platforms.url", "https://www.instagram.com/yourhandle/", "the address of your profile"
    ),
    Placeholder("bio", "Two or three sentences about you", "a few sentences in your own words"),
    Placeholder("niche.tags", "topic one", "the topics you cover"),
    Placeholder("niche.tags.second", "topic two", "the topics you cover"),
    Placeholder("contact.booking_url", "cal.com/you", "your booking page"),
    Placeholder("contact.manager.name", "Your Manager", "your manager's name"),
    Placeholder("contact.manager.email", "manager@example.com", "your manager's address"),
)
"""Every example value of the starter kit: the template is filled from this table and
``derive.placeholders`` refuses a kit that still holds one."""


def site_placeholder(field: str) -> str:
    """The placeholder text ``init`` writes for a top-level ``mkdocs.yml`` field."""
    return next(p.text for p in SITE_PLACEHOLDERS if p.field == field)


def kit_placeholder(field: str) -> str:
    """The placeholder text the starter kit holds for ``field``."""
    return next(p.text for p in KIT_PLACEHOLDERS if p.field == field)


def site_placeholders(config_file: Path, root: Path) -> list[Problem]:
    """A located warning for each placeholder still in ``mkdocs.yml``; nothing when the file
    cannot be read (MkDocs itself reports that)."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    shown = shown_path(config_file, root)
    wanted = {p.field: p for p in SITE_PLACEHOLDERS}
    problems = []
    for key, value in node.value:
        placeholder = wanted.get(key.value) if isinstance(key, yaml.ScalarNode) else None
        if placeholder is None or not isinstance(value, yaml.ScalarNode):
            continue
        if value.value == placeholder.text:
            problems.append(
                Problem(
                    shown,
                    value.start_mark.line + 1,
                    value.start_mark.column + 1,
                    placeholder.field,
                    f"still the placeholder {placeholder.text!r}: put {placeholder.instead}",
                    "warning",
                )
            )
    return problems
