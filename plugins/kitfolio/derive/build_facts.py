"""What a build learns about a kit from outside its own fields, handed to the view builder.

Rendered pictures, an accent picked from the avatar and follower history from git are found by
slower machinery (Pillow, git, the cache). The view builder only reads the results, so it stays
a pure function of its inputs and works without them (as the CLI and tests use it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kitfolio.derive.growth import Point
from kitfolio.media.renditions import Picture


@dataclass(frozen=True)
class BuildFacts:
    """Per kit: pictures by the kit field's value, a derived accent, git points by platform key."""

    pictures: Mapping[str, Picture] = field(default_factory=dict)
    accent: str | None = None
    history: Mapping[str, list[Point]] = field(default_factory=dict)
