"""Kitfolio's templates outside any engine: the theme folder and a Jinja environment on it.

The MkDocs adapter puts ``theme/`` into MkDocs' own template search path; outputs that the core
renders itself (the PDF media kit) read the same folder through ``environment``, with a site's
``custom_dir`` first so that it overrides any template by the same path, as it does for pages.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def theme_dir() -> Path:
    """Kitfolio's templates: inside the wheel, or the checkout's ``theme/`` when editable."""
    packaged = Path(__file__).parents[1] / "theme"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "theme"


def environment(custom_dir: Path | None = None) -> Environment:
    """An autoescaping environment on ``custom_dir`` (when given) then ``theme/``, with the
    i18n extension that pages have (``_()``, ``ngettext``); English is the identity."""
    folders = [str(custom_dir)] if custom_dir is not None and custom_dir.is_dir() else []
    env = Environment(
        loader=FileSystemLoader([*folders, str(theme_dir())]),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=False,
    )
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return env
