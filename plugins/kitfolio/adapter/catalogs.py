"""Message catalogs edited while ``mkdocs serve`` runs: the catalogs are loaded once per process
(``present/messages.py``), so a rebuild that finds one changed on disk loads them again."""

from __future__ import annotations

from kitfolio.present import messages

_seen: dict[str, tuple[int, int]] = {}


def reload_if_changed() -> bool:
    """Forget the loaded catalogs when a ``.mo`` file changed since the last build; True then."""
    now: dict[str, tuple[int, int]] = {}
    for mo in sorted(messages.LOCALES_DIR.glob(f"*/LC_MESSAGES/{messages.DOMAIN}.mo")):
        stat = mo.stat()
        now[str(mo)] = (stat.st_size, stat.st_mtime_ns)
    changed = bool(_seen) and now != _seen
    _seen.clear()
    _seen.update(now)
    if changed:
        messages.translations.cache_clear()
        messages.page_messages.cache_clear()
    return changed
