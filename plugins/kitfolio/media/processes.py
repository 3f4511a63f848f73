"""Work that holds the GIL (WeasyPrint laying out a PDF) drawn in worker processes, one a core.

A PDF's work is a closure over the build's templates, views and cache, which cannot be pickled;
the workers are therefore forked, and a task names its work by its index in a table the workers
inherit. The pool forks all its workers when it starts, before any thread of the build runs, so
no child inherits a lock another thread held. Results come back as the facts the work returns
(plain JSON-ready mappings); the files are written straight into the folder the parent's cache
gave the work, so the cache records them as if the parent had drawn them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Work = Callable[[Path], Mapping[str, Any]]

_TABLE: Sequence[Work] = ()
"""The work of the running pool, by index; set before the workers fork, read in them."""


def cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def usable(count: int) -> bool:
    """Whether ``count`` pieces of work are worth forking for: two or more, on two cores or
    more, where the platform can fork."""
    return count >= 2 and cores() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _run(index: int, folder: str) -> dict[str, Any]:
    return dict(_TABLE[index](Path(folder)))


def _ready() -> None:
    """Nothing: submitted once, so every worker has forked before the caller goes on."""


class Processes:
    """A started pool: ``submit(i, folder)`` draws the ``i``-th work into ``folder``."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool

    def submit(self, index: int, folder: Path) -> Future[dict[str, Any]]:
        return self._pool.submit(_run, index, str(folder))

    def work(self, index: int) -> Work:
        """The ``index``-th work as a callable that runs in a worker and waits for it."""

        def remote(folder: Path) -> Mapping[str, Any]:
            return self.submit(index, folder).result()

        return remote


@contextmanager
def processes(table: Sequence[Work], workers: int | None = None) -> Iterator[Processes]:
    """A pool of forked workers (one per core by default) that can run any work of ``table``."""
    global _TABLE  # noqa: PLW0603 (the table must be a module global for forked workers)
    _TABLE = table
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=workers or cores(), mp_context=context)
    try:
        pool.submit(_ready).result()  # with "fork", every worker starts on the first submit
        yield Processes(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _TABLE = ()
