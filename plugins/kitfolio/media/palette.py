"""Accent colours that stay readable: derived from an avatar, checked against WCAG contrast.

A kit's accent fills buttons, borders and chart bars on a light page, a dark page and paper. A
creator's brand colour, or one picked from their photo, may be too pale for white paper or too
dark for the slate theme, and the text on a button must stay legible whatever the colour. So each
accent becomes a pair (light, dark) nudged in lightness only as far as needed, each with an ink
colour for text placed on it.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from PIL import Image

VERSION = "palette-1"
"""Bump when the derivation changes, so cached avatars are analysed again."""

LIGHT_BACKGROUND = "#ffffff"
"""mkdocs-material's default scheme background."""
DARK_BACKGROUND = "#1e2129"
"""mkdocs-material's slate background, hsl(225deg 15% 14%)."""
LIGHT_PANEL = "#f5f5f5"
"""The panels (code background) of the default scheme, the darkest ground a link sits on."""
DARK_PANEL = "#272a35"
"""The panels of the slate scheme, hsl(225deg 15% 18%), the lightest ground a link sits on."""
GRAPHIC_CONTRAST = 3.0
"""WCAG 1.4.11: borders, bars and other graphics against the page."""
TEXT_CONTRAST = 4.5
"""WCAG 1.4.3 (AA): normal text against its background."""
INKS = ("#ffffff", "#000000")

RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Palette:
    """An accent for each colour scheme, and the text colour that reads on each."""

    light: str
    light_ink: str
    dark: str
    dark_ink: str
    light_link: str
    """The accent as text (links, secondary buttons) on light pages and panels: AA."""
    dark_link: str


def parse(colour: str) -> RGB:
    """``#2e7d32`` or ``#2E7D32`` as an (r, g, b) tuple."""
    text = colour.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    value = int(text, 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def hex_colour(rgb: RGB) -> str:
    """An (r, g, b) tuple as lowercase ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = parse(colour)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink(background: str) -> str:
    """White text when it meets AA on ``background``, else black (one of them always does)."""
    white, black = INKS
    return white if contrast(white, background) >= TEXT_CONTRAST else black


def _with_lightness(colour: str, lightness: float) -> str:
    r, g, b = (c / 255 for c in parse(colour))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    out = colorsys.hls_to_rgb(hue, lightness, saturation)
    return hex_colour((round(out[0] * 255), round(out[1] * 255), round(out[2] * 255)))


def against(colour: str, background: str, ratio: float = GRAPHIC_CONTRAST) -> str:
    """``colour`` lightened or darkened as little as needed to reach ``ratio`` on ``background``."""
    if contrast(colour, background) >= ratio:
        return colour
    r, g, b = (c / 255 for c in parse(colour))
    start = colorsys.rgb_to_hls(r, g, b)[1]
    darken = luminance(background) > 0.5
    low, high = (0.0, start) if darken else (start, 1.0)
    for _ in range(24):
        middle = (low + high) / 2
        passes = contrast(_with_lightness(colour, middle), background) >= ratio
        if darken:
            low, high = (middle, high) if passes else (low, middle)
        else:
            low, high = (low, middle) if passes else (middle, high)
    found = _with_lightness(colour, low if darken else high)
    if contrast(found, background) >= ratio:
        return found
    return "#000000" if darken else "#ffffff"


def palette(accent: str) -> Palette:
    """The accent for light and dark pages, each with its ink; the hue is kept."""
    light = against(accent.lower(), LIGHT_BACKGROUND)
    dark = against(accent.lower(), DARK_BACKGROUND)
    light_link = against(
        against(accent.lower(), LIGHT_BACKGROUND, TEXT_CONTRAST), LIGHT_PANEL, TEXT_CONTRAST
    )
    dark_link = against(
        against(accent.lower(), DARK_BACKGROUND, TEXT_CONTRAST), DARK_PANEL, TEXT_CONTRAST
    )
    return Palette(light, ink(light), dark, ink(dark), light_link, dark_link)


def accent_from(image: Image.Image) -> str | None:
    """The most prominent vivid colour of a picture, or None for a grey one.

    The picture is reduced to a few representative colours; each scores by how much of the
    picture it covers and how saturated it is, so a small red scarf can beat a large beige wall
    but a speck of colour cannot beat a face.
    """
    small = image.convert("RGB")
    small.thumbnail((64, 64))
    reduced = small.quantize(colors=8, method=Image.Quantize.MEDIANCUT)
    shades = reduced.getpalette() or []
    counts = reduced.getcolors() or []
    total = sum(count for count, _ in counts) or 1
    best: tuple[float, RGB] | None = None
    for count, index in counts:
        assert isinstance(index, int)
        rgb: RGB = (shades[index * 3], shades[index * 3 + 1], shades[index * 3 + 2])
        _, saturation, value = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
        if saturation < 0.25 or value < 0.2:
            continue
        score = saturation * value * (count / total) ** 0.5
        if best is None or score > best[0]:
            best = (score, rgb)
    return hex_colour(best[1]) if best else None
