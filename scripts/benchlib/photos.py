"""What each step of the photo path costs, in CPU time of one thread, per photo.

A whole build on a shared 2-core machine mixes waiting with work; the thread clock of one
thread counts only the work, so these figures hold on a busy machine too. Each step runs the
build's own functions (``renditions``, ``image_checks``, ``palette``, ``social_card``) on the
bench's photos, in the order a cold build runs them.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from kitfolio.media import image_checks, palette
from kitfolio.media import renditions as pictures
from kitfolio.outputs import social_card as cards

T = TypeVar("T")


class Clock:
    """Thread CPU seconds summed by step name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.thread_time()
        try:
            yield
        finally:
            self.seconds[name] += time.thread_time() - start
            self.calls[name] += 1

    def run(self, name: str, work: Callable[[], T]) -> T:
        with self.step(name):
            return work()


def avatar(path: Path, clock: Clock, into: Path) -> None:
    """One kit's avatar, as a cold build draws it: check, picture, accent, both cards (their
    portrait from the avatar's drawn WebP, as ``Media.cards`` does)."""
    facts = clock.run("check (decode, digest)", lambda: image_checks.inspect(path))
    picture = pictures.plan(facts, "kit/avatar", pictures.AVATAR, "0123456789")
    largest = max(picture.files, key=lambda r: r.width)
    source = clock.run(
        "decode + upright (draft)", lambda: pictures.upright(path, (largest.width, largest.height))
    )
    current = clock.run("crop", lambda: pictures._cropped(source, picture.crop))
    for rendition in sorted(picture.files, key=lambda r: -r.width):
        size = (rendition.width, rendition.height)
        if current.size != size:
            with clock.step(f"resize to {size[0]}"):
                current = pictures._resized(current, *size)
        with clock.step(f"encode {rendition.format} {size[0]}"):
            pictures.save(current, into / rendition.name, rendition.format)
    clock.run("accent (palette)", lambda: palette.accent_from(source))
    covering = [r for r in picture.webp if r.width >= cards.AVATAR_SIZE] or [picture.webp[-1]]
    drawn_avatar = into / min(covering, key=lambda r: r.width).name
    photo = clock.run("card: portrait from its WebP", lambda: cards.portrait_of(drawn_avatar))
    card = cards.Card(
        "Ava Green", "TRAIL RUNNING", "Mountains for people who ask why",
        (("120K", "reach"), ("4.2%", "engagement"), ("3", "platforms")),
        "Media kit · Bench", "#2a6f4e", "AG", str(path),
    )  # fmt: skip
    for kind in ("kit", "work"):
        with clock.step("card: draw (text, portrait)"):
            drawn = cards.draw(card, photo)
        with clock.step(f"card: encode {cards.file_format(card)}"):
            cards.save_image(card, drawn, into / f"{kind}.card")


def steps(photos: list[Path]) -> str:
    """Per-photo CPU milliseconds of each step over ``photos``, as a table."""
    clock = Clock()
    with tempfile.TemporaryDirectory(prefix="kitfolio-photos-") as scratch:
        for path in photos:
            avatar(path, clock, Path(scratch))
    total = sum(clock.seconds.values())
    n = max(1, len(photos))
    lines = [f"photo path, CPU ms per photo over {len(photos)} photos (one thread):"]
    for name, seconds in clock.seconds.items():
        lines.append(f"  {1000 * seconds / n:7.1f} ms  {100 * seconds / total:5.1f} %  {name}")
    lines.append(f"  {1000 * total / n:7.1f} ms  100.0 %  in all")
    return "\n".join(lines)


def sample(folder: Path, count: int) -> list[Path]:
    """Up to ``count`` of the bench's photos, JPEG and PNG alternating as the kits have them."""
    found = sorted(p for p in folder.glob("*") if p.suffix in (".jpg", ".png"))
    return [p for p in found if "highlight" not in p.name][:count]
