"""The build cache: finished files keyed by a hash of their inputs, kept under ``.cache/kitfolio/``.

Drawing images is the slow part of a build. Each piece of work is named by a hash of everything
that shapes its result (source bytes, sizes, texts, renderer version), so a warm build finds it
and draws nothing, and a changed input or renderer changes only its own key. Parsed old revisions
of kit files and image checks are remembered here too, as records.

The cache is data, not truth: anything in it may have been truncated, swapped, replaced by a
link or rewritten since it was written. A file is used only while it is a regular file inside
the cache whose size and SHA-256 match what was recorded when it was drawn; the digest is read
again whenever the file's (size, mtime, ctime, inode) differ from when it was last checked.
Anything else is a miss, drawn again. Records are validated against the shape their reader
declares. Each configuration sharing the cache keeps its own manifest (``builds/<owner>.json``,
read once when a build starts and written once when its work is drawn), and work is pruned only
when no manifest names it; only folders shaped like Kitfolio's are ever removed.

The modules: ``digests`` (names of work), ``safe_files`` (reading and replacing files that may be
links or half-written), ``folder`` (claiming a folder as the cache), ``manifest`` (what was drawn
and how to check it again), ``store`` (the cache itself), ``rendered`` and ``stored_pages``
(rendered pages, in memory for the preview and in a cache of their own, ``pages/``, for builds),
``plain_data`` (values written as JSON and read back as the same types, never unpickled: the kit
views kept in ``views/``, see ``public/stored_views``) and ``identity`` (values made once per view
within one process, beside the cache on disk).
"""

from kitfolio.cache.digests import digest, file_digest
from kitfolio.cache.folder import CacheRefused, claim
from kitfolio.cache.store import Cache, Entry, Memory

__all__ = ["Cache", "CacheRefused", "Entry", "Memory", "claim", "digest", "file_digest"]
