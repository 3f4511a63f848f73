"""The Nu Html Checker (vnu.jar) finds no error in any page the showcase build writes.

All files go to one JVM (vnu takes seconds to start); warnings are not failures, errors are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import material
import pytest

from .showcase import PAGES

pytestmark = pytest.mark.browser


def test_every_generated_page_is_valid_html(
    built_site: Path, assert_valid_html: Callable[..., None]
) -> None:
    files = sorted(built_site.rglob("*.html"))
    written = {f.relative_to(built_site).as_posix() for f in files}
    missing = {p.file for p in PAGES} - written
    assert not missing, f"page types the build did not write: {sorted(missing)}"
    assert_valid_html(files)


# --- Kitfolio's copies of material templates ---------------------------------------------------

MATERIAL = Path(material.__file__).parent / "templates"
THEME = Path(__file__).resolve().parents[2] / "theme"

# Each override is material's file with exactly these (old, new) replacements; its own header
# comment says why. A material upgrade that changes the file fails here: copy the new file to
# theme/ and redo the replacements.
OVERRIDES: dict[str, list[tuple[str, str]]] = {
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog"'
            " aria-label=\"{{ lang.t('search') }}\">",
        ),
    ],
    "partials/language.html": [
        (
            '"partials/languages/" ~ config.theme.language ~ ".html"',
            '"partials/languages/" ~ (kitfolio_material_lang or config.theme.language) ~ ".html"',
        ),
        (
            "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
            '{% macro t(key) %}{% if key == "language" and kitfolio_lang %}{{ kitfolio_lang }}'
            '{% elif key == "direction" and kitfolio_dir %}{{ kitfolio_dir }}'
            "{% else %}{{ lang.t(key) or fallback.t(key) or key }}{% endif %}{% endmacro %}",
        ),
    ],
}


def without_header_comment(text: str) -> str:
    """The template without its leading ``{#- ... -#}`` comment."""
    assert text.startswith("{#-"), "an override starts with a comment saying why it exists"
    return text[text.index("-#}\n") + 4 :]


@pytest.mark.parametrize("name", sorted(OVERRIDES))
def test_override_is_material_s_template_with_only_our_edits(name: str) -> None:
    expected = without_header_comment((MATERIAL / name).read_text(encoding="utf-8"))
    for old, new in OVERRIDES[name]:
        assert expected.count(old) == 1, f"material's {name} changed near: {old.strip()[:60]}"
        expected = expected.replace(old, new)
    ours = without_header_comment((THEME / name).read_text(encoding="utf-8"))
    assert ours == expected, f"theme/{name} is not material's {name} with our edits"


def test_every_material_override_is_checked() -> None:
    ours = {
        p.relative_to(THEME).as_posix()
        for p in THEME.rglob("*.html")
        if not p.relative_to(THEME).as_posix().startswith("kitfolio/")
    }
    # main.html extends material's and 404.html Kitfolio's own: neither copies anything.
    assert ours == set(OVERRIDES) | {"main.html", "404.html"}


def test_the_overrides_are_in_the_built_pages(built_site: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('.md-search[role="dialog"]')["aria-label"] == "Search"  # type: ignore[index]
    toggles = soup.select("input[data-md-toggle]")
    assert [t["id"] for t in toggles] == ["__drawer", "__search"]
    for toggle in toggles:
        assert "autocomplete" not in toggle.attrs
        assert toggle["form"] == "__md_toggles"
    styles = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert styles.index("assets/kitfolio/material.css") == 2  # after material's main and palette
