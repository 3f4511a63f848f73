"""Python's cycle collector during a build.

A build holds what it loaded (every kit, its views, the plan of its pages) to the end. Each
full collection scans all of it again, and there are several in a build. At 1,000 kits they
cost about a fifth of a warm build's CPU, and they find almost nothing. So a build loads with
the collector paused. What it loaded is then frozen: later collections skip it. It is thawed
when the build ends, so the next rebuild of the preview can free it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Pause the collector while the body loads; freeze what it holds if it loaded."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()


def released() -> None:
    """The build is over (or failed): what it froze can be collected again."""
    gc.unfreeze()
