"""Work that holds the GIL (PDFs) is drawn in worker processes, into the build's own cache."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from kitfolio.cache import Cache, digest
from kitfolio.media.processes import cores
from kitfolio.media.work import Made, Media, MediaError


class Drawn(BaseModel):
    """What the test work remembers: the process that drew it."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")
    pid: int


def drawing(text: str) -> Any:
    def work(folder: Path) -> dict[str, int]:
        (folder / "out.txt").write_text(text, encoding="utf-8")
        return {"pid": os.getpid()}

    return work


def made(slug: str, work: Any) -> Made:
    return Made(slug, "pdf", digest(slug), work, Drawn, f"{slug}/{slug}.txt", "out.txt")


@pytest.mark.skipif(cores() < 2, reason="one core: the work is drawn in the build's process")
def test_files_are_drawn_in_other_processes_and_kept_in_the_cache(tmp_path: Path) -> None:
    media = Media(Cache(tmp_path / "cache"))
    entries = media.make([made(slug, drawing(f"the {slug} file")) for slug in ("a", "b", "c")])
    pids = {Drawn.model_validate(dict(e.meta)).pid for e in entries.values()}
    assert os.getpid() not in pids
    for slug in ("a", "b", "c"):
        target = tmp_path / f"{slug}.txt"
        [output] = [o for o in media.outputs if o.src == f"{slug}/{slug}.txt"]
        media.publish(output, target)
        assert target.read_text(encoding="utf-8") == f"the {slug} file"
    media.cache.save()
    again = Media(Cache(tmp_path / "cache"))
    again.make([made(slug, drawing("not drawn again")) for slug in ("a", "b", "c")])
    assert again.made.cold == 0


def test_work_that_fails_in_a_worker_is_reported_not_raised(tmp_path: Path) -> None:
    def broken(folder: Path) -> dict[str, int]:  # noqa: ARG001 (the work's signature)
        raise ValueError("no room on the page")

    media = Media(Cache(tmp_path / "cache"))
    with pytest.raises(MediaError) as info:
        media.make([made("a", drawing("fine")), made("b", broken)])
    [problem] = info.value.problems
    assert "could not draw the image: no room on the page" in str(problem)
