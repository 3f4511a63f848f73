"""Social cards: the 1200×630 picture a link preview shows for a media kit or work-with-me page.

A card is drawn from the KitView, which has already removed every price the rate visibility
hides, so a card can only ever show what the page itself shows. Text is set in Inter, shipped
in the package (``fonts/``), so no font is fetched and every machine draws the same card.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from .palette import palette
from .pictures import upright
from .view import KitView

VERSION = "cards-1"
"""Bump when the drawing changes, so cached cards are drawn again."""

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"
REGULAR, BOLD = FONTS / "Inter-Regular.ttf", FONTS / "Inter-Bold.ttf"
INK, MUTED = "#111111", "#4d4d4d"
AVATAR_SIZE = 320
LEFT, TEXT_LEFT, RIGHT = 80, 470, 1120
DEFAULT_ACCENT = "#00897b"
"""mkdocs-material's teal, for kits without an accent."""


@dataclass(frozen=True)
class Card:
    """Everything a card shows, as plain text; ``avatar`` is the source photo, if any."""

    title: str
    eyebrow: str
    tagline: str
    figures: tuple[tuple[str, str], ...]
    footer: str
    accent: str
    initials: str
    avatar: str | None

    def fingerprint(self) -> str:
        """The card's inputs as stable JSON, for its cache key."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)


def card_for(view: KitView, kind: str, page_url: str, avatar: Path | None) -> Card:
    """The card of a media-kit (``kind="kit"``) or work-with-me (``"work"``) page."""
    figures: list[tuple[str, str]] = [(view.total_reach_text, "total reach")]
    if view.best_engagement_text:
        figures.append((view.best_engagement_text, "best engagement"))
    if kind == "work" and view.rates is not None and view.rates.lowest is not None:
        figures.append((_money(view.rates.lowest_text), "rates from"))
    else:
        count = len(view.platforms)
        figures.append((str(count), "platform" if count == 1 else "platforms"))
    footer = page_url.split("://", 1)[-1]
    return Card(
        title=f"Work with {view.name}" if kind == "work" else view.name,
        eyebrow=view.niche,
        tagline=view.tagline or "",
        figures=tuple(figures),
        footer=footer,
        accent=view.palette.light if view.palette else DEFAULT_ACCENT,
        initials=view.initials,
        avatar=str(avatar) if avatar else None,
    )


def _money(text: str | None) -> str:
    return (text or "").removeprefix("from ").strip()


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size)


def draw(card: Card) -> Image.Image:
    """The card as an RGB image of 1200×630 pixels."""
    accent = card.accent
    tint = _mix(accent, "#ffffff", 0.94)
    image = Image.new("RGB", (WIDTH, HEIGHT), tint)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 16), fill=accent)
    _portrait(image, card)
    width = RIGHT - TEXT_LEFT
    y = 130
    eyebrow = _fit(pen, card.eyebrow.upper(), _font(True, 26), width)
    pen.text((TEXT_LEFT, y), eyebrow, font=_font(True, 26), fill=MUTED)
    y += 50
    size, lines = _title(pen, card.title, width)
    for line in lines:
        pen.text((TEXT_LEFT, y), line, font=_font(True, size), fill=INK)
        y += round(size * 1.18)
    if card.tagline:
        y += 8
        for line in _wrap(pen, card.tagline, _font(False, 30), width, 2):
            pen.text((TEXT_LEFT, y), line, font=_font(False, 30), fill="#333333")
            y += 40
    _figures(pen, card.figures, width)
    pen.text(
        (TEXT_LEFT, 560),
        _fit(pen, card.footer, _font(False, 24), width),
        font=_font(False, 24),
        fill=MUTED,
    )
    return image


def _portrait(image: Image.Image, card: Card) -> None:
    """The avatar in a ring of the accent, or the initials on the accent."""
    ring = 10
    box = (LEFT - ring, 155 - ring, LEFT + AVATAR_SIZE + ring, 155 + AVATAR_SIZE + ring)
    ImageDraw.Draw(image).ellipse(box, fill=card.accent)
    photo: Image.Image | None = None
    if card.avatar:
        photo = ImageOps.fit(
            upright(Path(card.avatar), (AVATAR_SIZE * 2, AVATAR_SIZE * 2)).convert("RGB"),
            (AVATAR_SIZE, AVATAR_SIZE),
            Image.Resampling.LANCZOS,
        )
    if photo is None:
        disc = Image.new("RGB", (AVATAR_SIZE, AVATAR_SIZE), card.accent)
        pen = ImageDraw.Draw(disc)
        ink = palette(card.accent).light_ink
        pen.text(
            (AVATAR_SIZE / 2, AVATAR_SIZE / 2),
            card.initials,
            font=_font(True, 120),
            fill=ink,
            anchor="mm",
        )
        photo = disc
    image.paste(photo, (LEFT, 155), _circle(AVATAR_SIZE))


@cache
def _circle(size: int) -> Image.Image:
    """An antialiased disc mask, drawn large and reduced."""
    big = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def _title(pen: ImageDraw.ImageDraw, text: str, width: int) -> tuple[int, list[str]]:
    """The largest size, from 72 px down to 48 px, at which the title fits two lines."""
    for size in (72, 66, 60, 54, 48):
        font = _font(True, size)
        words = text.split()
        lines = _wrap(pen, text, font, width, 2)
        if len(lines) == 1 or (" ".join(lines) == " ".join(words)):
            return size, lines
    return 48, _wrap(pen, text, _font(True, 48), width, 2)


def _wrap(
    pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int, most: int
) -> list[str]:
    """Words in up to ``most`` lines; the last line ends in an ellipsis when text is left over."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if pen.textlength(trial, font=font) <= width or not current:
            current = trial
            continue
        lines.append(current)
        current = word
        if len(lines) == most:
            rest = " ".join([current, *words[index + 1 :]])
            lines[-1] = _fit(pen, f"{lines[-1]} {rest}", font, width)
            return lines
    if current:
        lines.append(current)
    if len(lines) > most:
        lines = lines[:most]
    return [_fit(pen, line, font, width) for line in lines]


def _fit(pen: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` pixels."""
    if pen.textlength(text, font=font) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if pen.textlength(text[:middle].rstrip() + "…", font=font) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _figures(pen: ImageDraw.ImageDraw, figures: tuple[tuple[str, str], ...], width: int) -> None:
    """The headline figures in a row: value above, label below."""
    column = width // max(1, len(figures))
    for index, (value, label) in enumerate(figures):
        x = TEXT_LEFT + index * column
        pen.text(
            (x, 410), _fit(pen, value, _font(True, 52), column - 24), font=_font(True, 52), fill=INK
        )
        pen.text(
            (x, 474),
            _fit(pen, label, _font(False, 24), column - 24),
            font=_font(False, 24),
            fill=MUTED,
        )


def _mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` of the way towards ``b``."""
    pa, pb = (int(a[i : i + 2], 16) for i in (1, 3, 5)), (int(b[i : i + 2], 16) for i in (1, 3, 5))
    mixed = [round(x + (y - x) * amount) for x, y in zip(pa, pb, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def font_digest() -> str:
    """What the fonts contribute to a card's cache key."""
    from .cache import file_digest

    return file_digest(REGULAR) + file_digest(BOLD)
