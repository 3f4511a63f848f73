"""Python's cycle collector during a build.

A build holds what it loaded (every kit, its views, the plan of its pages) to the end. Each
full collection scans all of it again, and there are several in a build. At 1,000 kits they
cost about a fifth of a warm build's CPU, and they find almost nothing. So a build loads with
the collector paused, and what it loaded is then frozen: later collections skip it.

It is thawed, and what of it is garbage collected, when the next build in the same process
begins (the preview's next rebuild, the next build of a test), not when this one ends. Right
after a build the process either exits or waits, and a thaw at the end would start one more
full collection of everything while the build writes its last files.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Collect what the last build froze and left; pause the collector while the body loads,
    and freeze what it holds if it loaded."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
