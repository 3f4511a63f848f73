"""Social cards: the 1200×630 picture a link preview shows for a media kit or work-with-me page.

A card is drawn from the KitView, formatted from the public model that the privacy gate made
without the prices the rate visibility hides, so a card can only ever show what the page shows.
Text is set in Inter, shipped in the package (``fonts/``), so no font is fetched and every
machine draws the same card.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from kitfolio.cache import file_digest
from kitfolio.media.palette import RGB, palette, parse
from kitfolio.media.renditions import upright
from kitfolio.page_kinds import PageKind
from kitfolio.present.wording import wording
from kitfolio.public.views import KitView

VERSION = "cards-8"
"""Bump when the drawing changes, so cached cards are drawn again."""

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parents[1] / "fonts"
REGULAR, BOLD = FONTS / "Inter-Regular.ttf", FONTS / "Inter-Bold.ttf"
INK, MUTED, TAGLINE = "#111111", "#4d4d4d", "#333333"
AVATAR_SIZE = 320
LEFT, TEXT_LEFT, RIGHT = 80, 470, 1120
FIGURES_TOP = 400
KERNING_SLACK = 4
"""Pixels within which a line summed from its words is measured again as a whole."""
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
        return json.dumps([getattr(self, f.name) for f in fields(self)], ensure_ascii=False)


def card_for(view: KitView, kind: PageKind, site_name: str, avatar: Path | None) -> Card:
    """The card of a media-kit (``PageKind.KIT``) or work-with-me (``PageKind.WORK``) page.

    The footer names the page and the site, not its address: ``mkdocs serve`` previews under a
    local address, and the same card must serve both without being drawn twice.
    """
    words = wording(view.language)
    figures: list[tuple[str, str]] = [(view.total_reach_text, words.card_figure("reach"))]
    if view.engagement_text:
        figures.append((view.engagement_text, words.card_figure("engagement")))
    rates = view.public.rates
    if kind == PageKind.WORK and rates is not None and rates.lowest is not None and view.rates:
        figures.append((view.rates.lowest_money or "", words.card_figure("rates")))
    else:
        count = len(view.platforms)
        figures.append((str(count), words.card_figure("platforms", count)))
    footer = words.card_footer(kind)
    if site_name and site_name != view.name:
        footer += f" · {site_name}"
    return Card(
        title=words.work_with(view.name) if kind == PageKind.WORK else view.name,
        eyebrow=view.niche,
        tagline=view.tagline or "",
        figures=tuple(figures),
        footer=footer,
        accent=view.palette.light if view.palette else DEFAULT_ACCENT,
        initials=view.initials,
        avatar=str(avatar) if avatar else None,
    )


FACES = {
    False: (REGULAR, FONTS / "NotoSansArabic-Regular.ttf", FONTS / "NotoSansJP-Bold.ttf"),
    True: (BOLD, FONTS / "NotoSansArabic-Bold.ttf", FONTS / "NotoSansJP-Bold.ttf"),
}
"""Fonts in the order they are tried for each character, regular and bold (see fonts/README.md)."""


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@cache
def _glyph(path: Path, char: str) -> bytes:
    """How ``char`` looks in a font; every missing glyph looks the same (the .notdef box)."""
    font = _font(path, 24)
    canvas = Image.new("L", (48, 48))
    ImageDraw.Draw(canvas).text((4, 4), char, font=font, fill=255)
    return canvas.tobytes()


def _has(path: Path, char: str) -> bool:
    return _glyph(path, char) != _glyph(path, "\uffff")


@lru_cache(maxsize=4096)
def _runs(bold: bool, text: str) -> tuple[tuple[str, Path], ...]:
    """``text`` cut where the font changes; spaces and marks stay with the run they are in."""
    faces = FACES[bold]
    out: list[tuple[str, Path]] = []
    for char in text:
        if out and (not char.isalnum() or _has(out[-1][1], char)):
            out[-1] = (out[-1][0] + char, out[-1][1])
            continue
        face = next((f for f in faces if _has(f, char)), faces[0])
        out.append((char, face))
    return tuple(out)


@lru_cache(maxsize=8192)
def _measure(path: Path, size: int, text: str) -> float:
    return _font(path, size).getlength(text)


@lru_cache(maxsize=256)
def _stamp(path: Path, size: int, text: str) -> tuple[Image.Image, int, int]:
    """``text`` set once as a coverage mask, with its offset from the pen on the baseline.

    The two cards of a kit share their niche, tagline and figures, and every card shares its
    labels, so each is set by FreeType once and stamped wherever it appears.
    """
    font = _font(path, size)
    left, top, right, bottom = (int(edge) for edge in font.getbbox(text, anchor="ls"))
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor="ls")
    return mask, left, top


class Type:
    """Text in one size and weight, each character set in the first font that has it."""

    def __init__(self, bold: bool, size: int) -> None:
        self.bold = bold
        self.size = size

    def length(self, text: str) -> float:
        return sum(_measure(face, self.size, part) for part, face in _runs(self.bold, text))

    def draw(
        self, pen: ImageDraw.ImageDraw, x: float, baseline: float, text: str, fill: str
    ) -> None:
        for part, face in _runs(self.bold, text):
            mask, left, top = _stamp(face, self.size, part)
            pen.bitmap((round(x) + left, round(baseline) + top), mask, fill=fill)
            x += _measure(face, self.size, part)


def draw(card: Card, photo: Image.Image | None = None) -> Image.Image:
    """The card as an RGB image of 1200×630 pixels; ``photo`` is ``photo_of(card.avatar)``, when
    the caller has it already."""
    accent = card.accent
    image = Image.new("RGB", (WIDTH, HEIGHT), _background(accent))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 16), fill=accent)
    if card.avatar and photo is None:
        photo = photo_of(Path(card.avatar))
    _portrait(image, card, photo)
    width = RIGHT - TEXT_LEFT
    eyebrow = Type(True, 26)
    eyebrow.draw(pen, TEXT_LEFT, 150, _fit(card.eyebrow.upper(), eyebrow, width), MUTED)
    title, lines = _title(card.title, width)
    baseline = 150 + 16 + title.size
    for line in lines:
        title.draw(pen, TEXT_LEFT, baseline, line, INK)
        baseline += round(title.size * 1.2)
    tagline = Type(False, 30)
    room = max(0, (FIGURES_TOP - baseline) // 40 + 1)
    for line in _wrap(card.tagline, tagline, width, min(2, room)) if card.tagline else []:
        tagline.draw(pen, TEXT_LEFT, baseline + 4, line, TAGLINE)
        baseline += 40
    _figures(pen, card.figures, width)
    footer = Type(False, 24)
    footer.draw(pen, TEXT_LEFT, 580, _fit(card.footer, footer, width), MUTED)
    return image


def file_format(card: Card) -> str:
    """``JPEG`` for a card with a photo, ``PNG`` for one without (see ``save``)."""
    return "JPEG" if card.avatar else "PNG"


JPEG_QUALITY = 90


def save(card: Card, path: Path, photo: Image.Image | None = None) -> None:
    """Draw the card into a file of ``file_format(card)``."""
    save_image(card, draw(card, photo), path)


def save_image(card: Card, image: Image.Image, path: Path) -> None:
    """Encode a drawn card.

    A card without a photo holds only its own few colours and their antialiased blends, so it
    is stored as an 8-bit palette PNG of exactly those: every pixel within 3 levels of the
    drawing, deflated run by run (Z_RLE). A card with a photo is a JPEG at quality 90 without
    chroma subsampling, so text edges keep their colour: measured on the bench's cards it
    encodes in 4 ms against 20 ms for the full-colour PNG it replaced, at half the bytes
    (75 KB against 142 KB); a link preview network re-encodes it as JPEG anyway.
    """
    if card.avatar is None:
        quantized = image.quantize(palette=_palette(card.accent), dither=Image.Dither.NONE)
        quantized.save(path, "PNG", compress_type=zlib.Z_RLE)
    else:
        image.save(path, "JPEG", quality=JPEG_QUALITY, subsampling=0)


@lru_cache(maxsize=64)
def _palette(accent: str) -> Image.Image:
    """Every colour a card without a photo can hold: each ink blended into what it is drawn on."""
    background = _background(accent)
    ramps = [(background, parse(ink)) for ink in (INK, MUTED, TAGLINE, accent)]
    ramps.append((parse(accent), parse(palette(accent).light_ink)))
    steps = 255 // len(ramps) - 1
    channels = list(background)
    for start, end in ramps:
        for step in range(1, steps + 1):
            channels += _mix(start, end, step / steps)
    holder = Image.new("P", (1, 1))
    holder.putpalette(channels)
    return holder


def photo_of(path: Path) -> Image.Image:
    """The avatar as a card shows it: upright, in sRGB, cropped to a square of the portrait.

    A JPEG decodes straight at the smallest scale that still covers the portrait (its draft
    mode, by whole eighths in the DCT), a quarter of the pixels of an 800 px photo.
    """
    square = (AVATAR_SIZE, AVATAR_SIZE)
    return ImageOps.fit(upright(path, square).convert("RGB"), square, Image.Resampling.LANCZOS)


def portrait_of(path: Path) -> Image.Image:
    """The portrait from a drawn avatar rendition (upright, sRGB, square at the kit's focus)."""
    square = (AVATAR_SIZE, AVATAR_SIZE)
    with Image.open(path) as drawn:
        return ImageOps.fit(drawn.convert("RGB"), square, Image.Resampling.LANCZOS)


def _portrait(image: Image.Image, card: Card, photo: Image.Image | None) -> None:
    """The avatar in a ring of the accent, or the initials on the accent."""
    ring, top = 10, 155
    box = (LEFT - ring, top - ring, LEFT + AVATAR_SIZE + ring, top + AVATAR_SIZE + ring)
    ImageDraw.Draw(image).ellipse(box, fill=card.accent)
    if photo is not None:
        image.paste(photo, (LEFT, top), _circle(AVATAR_SIZE))
        return
    initials = Type(True, 120)
    left = LEFT + (AVATAR_SIZE - initials.length(card.initials)) / 2
    ink = palette(card.accent).light_ink
    initials.draw(ImageDraw.Draw(image), left, top + AVATAR_SIZE / 2 + 44, card.initials, ink)


@cache
def _circle(size: int) -> Image.Image:
    """An antialiased disc mask, drawn large and reduced."""
    big = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def _title(text: str, width: int) -> tuple[Type, list[str]]:
    """The largest size, from 72 px down to 48 px, at which the whole title fits two lines."""
    for size in (72, 66, 60, 54, 48):
        kind = Type(True, size)
        lines = _wrap(text, kind, width, 2)
        if not lines[-1].endswith("…") or text.endswith("…"):
            return kind, lines
    kind = Type(True, 48)
    return kind, _wrap(text, kind, width, 2)


def _tokens(text: str, kind: Type, width: int) -> list[tuple[str, str]]:
    """Words with the space before them; a word too long for a line (CJK has no spaces) is
    broken between characters."""
    out: list[tuple[str, str]] = []
    for word in text.split():
        if kind.length(word) <= width:
            out.append((" ", word))
        else:
            out += [(" " if i == 0 else "", char) for i, char in enumerate(word)]
    return out


def _wrap(text: str, kind: Type, width: int, most: int) -> list[str]:
    """Text in up to ``most`` lines; the last line ends in an ellipsis when text is left over.

    A line's width is the sum of its words' widths, measured once each; only a line that comes
    within a few pixels of the edge is measured whole, with its kerning.
    """
    if most <= 0:
        return []
    lines: list[str] = []
    current, used = "", 0.0
    tokens = _tokens(text, kind, width)
    for index, (space, token) in enumerate(tokens):
        trial = f"{current}{space}{token}" if current else token
        wide = used + kind.length(f"{space}{token}" if current else token)
        if width - KERNING_SLACK < wide <= width + KERNING_SLACK:
            wide = kind.length(trial)
        if not current or wide <= width:
            current, used = trial, wide
            continue
        lines.append(current)
        current, used = token, kind.length(token)
        if len(lines) == most:
            rest = lines[-1] + "".join(f"{sp}{tok}" for sp, tok in tokens[index:])
            lines[-1] = _fit(rest, kind, width)
            return lines
    if current:
        lines.append(current)
    return [_fit(line, kind, width) for line in lines]


def _fit(text: str, kind: Type, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` pixels."""
    if kind.length(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if kind.length(text[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _figures(pen: ImageDraw.ImageDraw, figures: tuple[tuple[str, str], ...], width: int) -> None:
    """The headline figures in a row, value above label, as large as the row allows."""
    label = Type(False, 24)
    gap = 44
    for size in (52, 48, 44, 40, 36):
        value = Type(True, size)
        widths = [max(value.length(number), label.length(words)) for number, words in figures]
        if sum(widths) + gap * (len(figures) - 1) <= width:
            break
    column = (width - gap * (len(figures) - 1)) / max(1, len(figures))
    x = float(TEXT_LEFT)
    for (number, words), used in zip(figures, widths, strict=True):
        room = min(used, column) if sum(widths) > width else used
        value.draw(pen, x, FIGURES_TOP + 52, _fit(number, value, math.ceil(room)), INK)
        label.draw(pen, x, FIGURES_TOP + 88, _fit(words, label, math.ceil(room)), MUTED)
        x += room + gap


def _background(accent: str) -> RGB:
    return _mix(parse(accent), (255, 255, 255), 0.94)


def _mix(a: RGB, b: RGB, amount: float) -> RGB:
    """``a`` moved ``amount`` of the way towards ``b``."""
    red, green, blue = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return red, green, blue


@cache
def font_digest() -> str:
    """What the fonts contribute to a card's cache key."""
    faces = sorted({str(face) for chain in FACES.values() for face in chain})
    return "".join(file_digest(Path(face)) for face in faces)
