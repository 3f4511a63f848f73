"""The showcase published in three languages, for the tests that read every page type in each.

``languages: [en, es, ar]``: kits with a Spanish translation (ava-green, lars-nilsen) and without
(haruto-sato, noor-haddad, whose words stay theirs, marked with their language), the pitches in
every language plus one that names its own (``language: es``), the campaign reports, built strict.
Without PDFs: these tests read pages (tests/test_pdf_languages.py reads each language's PDF).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import SHOWCASE, build_site

LANGUAGES = ("en", "es", "ar")
SPANISH_PITCH = "greenline-spring-es"
"""A pitch in Spanish only: published once, at /for/greenline-spring-es/."""


def prefix(language: str) -> str:
    """The folder of a language's pages: the first is served at the root."""
    return "" if language == LANGUAGES[0] else f"{language}/"


def build_multilingual_showcase(root: Path) -> Path:
    """The showcase in ``LANGUAGES``, built strict into ``root``; returns site_dir."""
    for folder in ("kits", "pitches", "campaigns"):
        shutil.copytree(SHOWCASE / folder, root / folder)
    pitch = yaml.safe_load((SHOWCASE / "pitches" / "greenline-spring.yml").read_text("utf-8"))
    pitch["language"] = "es"
    pitch["note"] = "¡Hola, equipo de Greenline! Esto es lo que me encantaría crear con vosotros."
    (root / "pitches" / f"{SPANISH_PITCH}.yml").write_text(
        yaml.safe_dump(pitch, allow_unicode=True), "utf-8"
    )
    config = yaml.safe_load((SHOWCASE / "mkdocs.yml").read_text("utf-8"))
    (root / config.get("docs_dir", "docs")).mkdir()
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and isinstance(plugin.get("kitfolio"), dict):
            plugin["kitfolio"]["languages"] = list(LANGUAGES)
            plugin["kitfolio"]["pdf"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return build_site(root, strict=True)


def page_paths(language: str) -> list[str]:
    """Every page type's path in ``language`` (relative to the site root, ending in ``/``)."""
    here = prefix(language)
    kits = sorted(p.stem for p in (SHOWCASE / "kits").glob("*.yml"))
    pitches = sorted(p.stem for p in (SHOWCASE / "pitches").glob("*.yml"))
    reports = sorted(p.stem for p in (SHOWCASE / "campaigns").glob("*.yml"))
    paths = [here]
    paths += [f"{here}{slug}/{page}" for slug in kits for page in ("", "work-with-me/")]
    paths += [f"{here}for/{name}/" for name in pitches]
    paths += [f"{here}reports/{name}/" for name in reports]
    if language == "es":
        paths.append(f"for/{SPANISH_PITCH}/")
    return paths
