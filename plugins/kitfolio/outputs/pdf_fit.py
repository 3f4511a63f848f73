"""How a PDF part is fitted on its page: the steps tried, most generous first.

A brand reads the media kit on one sheet, so a long kit is not poured onto a second page: it is
set in smaller type, then shows fewer case studies, highlights and quotes (each trimmed list
ends with "More at <the kit's page>"), clamps a long bio and lists its largest platforms. A rate
card loses nothing: smaller type, then its deliverables in two columns. The first step whose
layout takes one page wins; a part that fits at none keeps the last step's layout.

A step that only sets smaller type is skipped when it cannot win: a layout of ``pages`` pages
holds more than ``pages - 1`` pages of content, and type at ``r`` times the size takes about
``r²`` of the room, so such a step needs ``(pages - 1) · r² < 1``. A long kit is laid out three
times instead of six (each layout of a four-page draft costs seconds).
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Fit:
    """One way of setting a part: its type scale and how much of each list it shows."""

    scale: float
    partnerships: int = 4
    highlights: int = 4
    quotes: int = 2
    platforms: int = 12
    bio_lines: int | None = None
    """Lines of bio shown before an ellipsis; None shows all of it."""
    rate_columns: int = 1

    def only_smaller_than(self, other: Fit) -> bool:
        """Whether this step differs from ``other`` by its type scale alone."""
        return replace(self, scale=other.scale) == other


def can_fit(step: Fit, tried: Fit, pages: int) -> bool:
    """Whether ``step`` can set on one page what ``tried`` set on ``pages`` pages."""
    if pages <= 1 or not step.only_smaller_than(tried):
        return True
    return (pages - 1) * (step.scale / tried.scale) ** 2 < 1


KIT_STEPS = (
    Fit(1.08),
    Fit(1.0),
    Fit(0.93),
    Fit(0.87),
    Fit(0.87, partnerships=4, highlights=3, quotes=2, bio_lines=12),
    Fit(0.84, partnerships=2, highlights=3, quotes=1, bio_lines=9, platforms=8),
    Fit(0.8, partnerships=2, highlights=2, quotes=1, bio_lines=6, platforms=6),
)
RATE_STEPS = (
    Fit(1.0),
    Fit(0.93),
    Fit(0.87),
    Fit(0.87, rate_columns=2),
    Fit(0.8, rate_columns=2),
    Fit(0.74, rate_columns=2),
)
STEPS = {"kit": KIT_STEPS, "rates": RATE_STEPS}
"""Each part's steps, in the order they are tried."""
