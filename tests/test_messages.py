"""Interface text comes from the message catalogs, complete in every shipped language.

The catalogs are checked against the strings marked in the source right now (extracted the way
``scripts/messages`` does), so a new ``_()`` without translations fails here; the compiled
``.mo`` files are checked against their ``.po``. Then the showcase is built in German and in
Arabic, and in three languages at once (``languages: [en, es, ar]``), and every Kitfolio page is
read for English interface text, ``lang`` and ``dir``.
"""

from __future__ import annotations

import configparser
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, NavigableString, Tag

from conftest import MINIMAL_KIT, SITE_OPTIONS, build_site, read_html, write_site
from kitfolio.present.messages import LOCALES_DIR, plural_forms, text_direction, translations
from kitfolio.present.wording import Wording
from multilingual import SPANISH_PITCH, page_paths, prefix

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ja", "ar")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
"""Python's ``%(name)s`` (templates, wording.py) and the roster script's ``{name}``."""
ANY_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
TAG = re.compile(r"<[^>]+>")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "_n": (1, 2),
    "kf_text": None,
    "kf_plurals": (1, 2),
}


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def catalog(language: str) -> Catalog:
    path = LOCALES_DIR / language / "LC_MESSAGES" / "kitfolio.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def marked_messages() -> set[str]:
    """Every msgid marked in the source now, extracted with the project's babel.cfg."""
    config = configparser.ConfigParser()
    config.read(ROOT / "babel.cfg")
    method_map = [(pattern, method) for method, pattern in _sections(config)]
    options_map = {
        pattern: dict(config[f"{method}: {pattern}"]) for method, pattern in _sections(config)
    }
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _sections(config: configparser.ConfigParser) -> Iterator[tuple[str, str]]:
    for section in config.sections():
        method, _, pattern = section.partition(":")
        yield method.strip(), pattern.strip()


def translated_forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_marked_strings_are_the_template_s() -> None:
    """locales/kitfolio.pot is current: ``scripts/messages all`` was run after the last edit."""
    with (LOCALES_DIR / "kitfolio.pot").open("rb") as handle:
        template = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(handle) if m.id}
    assert marked_messages() == template


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete_without_fuzzy_entries(language: str) -> None:
    found = catalog(language)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in found if m.id}
    missing = sorted(marked_messages() - set(ids))
    assert not missing, f"{language}: no entry for {missing}"
    untranslated = [k for k, m in ids.items() if not all(translated_forms(m))]
    fuzzy = [k for k, m in ids.items() if m.fuzzy]
    assert not untranslated, f"{language}: untranslated {untranslated}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy}"
    assert not found.fuzzy, f"{language}: the catalog header is marked fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_tag(language: str) -> None:
    """``%(name)s`` and markup as in the msgid; a plural form may leave out the number (Arabic
    writes "one creator", "two creators" without a figure)."""
    wrong = []
    for message in catalog(language):
        if not message.id:
            continue
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        wanted = placeholders(source)
        for form in translated_forms(message):
            got = placeholders(form)
            optional = {"num", "n"} if isinstance(message.id, tuple) else set()
            if not (wanted - optional <= got <= wanted) or sorted(TAG.findall(form)) != sorted(
                TAG.findall(source)
            ):
                wrong.append((source, form))
    assert not wrong, f"{language}: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_is_current(language: str) -> None:
    """The shipped .mo says what its .po says (``scripts/messages compile``)."""
    folder = LOCALES_DIR / language / "LC_MESSAGES"
    with (folder / "kitfolio.mo").open("rb") as handle:
        shipped = read_mo(handle)
    compiled = io.BytesIO()
    write_mo(compiled, catalog(language))
    compiled.seek(0)
    fresh = read_mo(compiled)
    assert _entries(shipped) == _entries(fresh)


def _entries(found: Catalog) -> dict[Any, Any]:
    def frozen(value: Any) -> Any:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in found if m.id}


def test_each_language_speaks_its_own_words() -> None:
    assert Wording("de").work_with("Ava") == "Mit Ava arbeiten"
    assert Wording("pt-BR").price_from("R$ 10") == "desde R$ 10"  # pt-BR falls back to pt
    assert Wording("nl").work_with("Ava") == "Work with Ava"  # no catalog: English
    assert translations("ja").ngettext("platform", "platforms", 5) == "プラットフォーム"
    assert (text_direction("ar"), text_direction("de"), text_direction("xx")) == (
        "rtl",
        "ltr",
        "ltr",
    )


def test_plurals_follow_each_language_s_rules() -> None:
    """The forms handed to the browser are one per CLDR category, each the catalog's own."""
    assert plural_forms("de", "in %(num)d day", "in %(num)d days") == {
        "one": "in %(num)d Tag",
        "other": "in %(num)d Tagen",
    }
    arabic = plural_forms("ar", "%(num)d creator", "%(num)d creators")
    assert set(arabic) == {"zero", "one", "two", "few", "many", "other"}
    assert arabic["two"] == "صانعا محتوى" and arabic["few"] == "%(num)d صناع محتوى"
    assert set(plural_forms("ja", "%(num)d creator", "%(num)d creators")) == {"other"}


# -- a whole site in one language --------------------------------------------------------------

ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "content")
KITFOLIO_PAGES = ("kit", "work", "roster", "pitch")


def english_only(language: str) -> list[tuple[str, re.Pattern[str]]]:
    """The English msgids that ``language`` says otherwise, as patterns (placeholders match
    anything) over text with the markup taken out. A msgid that is placeholders around one short
    word ("%(name)s for %(brand)s") would match any English a creator wrote; Wording's own tests
    cover those."""
    patterns = []
    for message in catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = translated_forms(message)
        for source in ids:
            text = TAG.sub("", source)
            words = ANY_PLACEHOLDER.sub(" ", text).split()
            if source in forms or not re.search(r"[A-Za-z]{2}", " ".join(words)):
                continue
            if ANY_PLACEHOLDER.search(text) and len(words) < 2:
                continue
            parts = [re.escape(p) for p in ANY_PLACEHOLDER.split(text)]
            patterns.append((source, re.compile(r"\s*" + "(.+?)".join(parts) + r"\s*", re.S)))
    return patterns


def site_words(root: Path) -> set[str]:
    """The creators' and the site's own words (kit and pitch YAML, mkdocs.yml), which may be
    English in any site: a kit written in English keeps its English, marked with its lang."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            words.add(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    sources = [*root.glob("kits/*.yml"), *root.glob("pitches/*.yml"), *root.glob("campaigns/*.yml")]
    for path in [*sources, root / "mkdocs.yml"]:
        walk(yaml.safe_load(path.read_text("utf-8")))
    return words


def visible_texts(soup: BeautifulSoup) -> Iterator[str]:
    """Each text node, the attributes people read or hear, and the strings scripts show."""
    for node in soup.find_all(string=True):
        parent = node.parent
        if isinstance(node, NavigableString) and parent is not None:
            if parent.name == "script" and parent.get("type") == "application/json":
                yield from _json_strings(json.loads(str(node)))
            elif parent.name not in {"script", "style"} and str(node).strip():
                yield str(node)
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        for name in ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str) and not (
                tag.name == "meta"
                and name == "content"
                and (tag.get("name") in {"viewport", "generator", "robots"})
            ):
                yield value


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def kitfolio_pages(site: Path) -> list[Path]:
    pages = [site / "index.html", site / "404.html"]
    pages += [site / "for" / p.stem / "index.html" for p in (ROOT / "pitches").glob("*.yml")]
    pages += [site / "reports" / c.stem / "index.html" for c in (ROOT / "campaigns").glob("*.yml")]
    for kit in sorted((ROOT / "kits").glob("*.yml")):
        pages += [site / kit.stem / "index.html", site / kit.stem / "work-with-me" / "index.html"]
    return pages


def english_found(page: Path, language: str, own: set[str]) -> list[str]:
    soup = read_html(page)
    found = []
    patterns = english_only(language)
    for text in visible_texts(soup):
        text = text.strip()
        if text in own:
            continue
        found += [source for source, pattern in patterns if pattern.fullmatch(text)]
    body = " ".join(soup.body.get_text(" ").split()) if soup.body else ""
    for source, _ in patterns:
        for fragment in ANY_PLACEHOLDER.split(TAG.sub("", source)):
            fragment = fragment.strip()
            long_enough = len(fragment.split()) >= 4
            if long_enough and fragment in body and not any(fragment in w for w in own):
                found.append(source)
    return sorted(set(found))


@pytest.fixture(scope="module", params=["de", "ar"])
def translated_site(
    request: pytest.FixtureRequest, showcase_in: Callable[[str], Path]
) -> tuple[str, Path]:
    language: str = request.param
    return language, showcase_in(language)


def test_every_page_speaks_the_site_language(translated_site: tuple[str, Path]) -> None:
    """``theme.language: de`` (or ar) alone: no English interface text on any page type."""
    language, site = translated_site
    own = site_words(site.parent)
    found = {
        page.relative_to(site).as_posix(): english_found(page, language, own)
        for page in kitfolio_pages(site)
    }
    assert not {page: texts for page, texts in found.items() if texts}


def test_every_page_says_its_language_and_direction(translated_site: tuple[str, Path]) -> None:
    language, site = translated_site
    direction = "rtl" if language == "ar" else "ltr"
    for page in kitfolio_pages(site):
        soup = read_html(page)
        assert soup.html is not None and soup.body is not None
        assert (soup.html.get("lang"), soup.html.get("dir")) == (language, direction), page
        assert soup.body.get("dir") == direction, page


def test_the_brief_builder_writes_in_the_page_language(translated_site: tuple[str, Path]) -> None:
    language, site = translated_site
    form = read_html(site / "ava-green" / "work-with-me" / "index.html").select_one(
        "form[data-kf-brief]"
    )
    assert form is not None
    script = form.select_one("script[data-kf-messages]")
    assert script is not None
    words = json.loads(script.get_text())
    expected = translations(language)
    assert words["field.brand"] == expected.gettext("Brand") != "Brand"
    assert words["greeting"] == expected.gettext("Hello %(creator)s,")


@pytest.fixture(scope="module")
def multilingual_site(multilingual_showcase: Path) -> Path:
    return multilingual_showcase


def page_language(path: str, language: str) -> str:
    return "es" if path == f"for/{SPANISH_PITCH}/" else language


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_page_type_of_a_multilingual_site_speaks_its_language(
    multilingual_site: Path, language: str
) -> None:
    """``languages: [en, es, ar]``: the es and ar versions of every page type (and the pitch
    that names Spanish as its language) hold no English interface text, and say their
    language and direction."""
    site, own = multilingual_site, site_words(multilingual_site.parent)
    found, said = {}, {}
    for path in page_paths(language):
        file = site / path / "index.html"
        lang = page_language(path, language)
        found[path] = english_found(file, lang, own)
        soup = read_html(file)
        assert soup.html is not None and soup.body is not None
        said[path] = (soup.html.get("lang"), soup.html.get("dir"), soup.body.get("dir"))
        direction = text_direction(lang)
        assert said[path] == (lang, direction, direction), path
    assert not {path: texts for path, texts in found.items() if texts}


def kit_strings(value: Any) -> set[str]:
    """Every text a kit (or part of one) holds, stripped."""
    if isinstance(value, str):
        return {value.strip()}
    if isinstance(value, dict):
        return set().union(*(kit_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(kit_strings(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("language", ["es", "ar"])
def test_kit_words_without_a_translation_carry_the_kit_s_language(
    multilingual_site: Path, language: str
) -> None:
    """On a page in another language than the kit's, each text that is the kit's own words
    (and not the same in its translation) sits inside an element with the kit's ``lang``.
    E-mail addresses belong to no language."""
    unmarked: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kits").glob("*.yml")):
        kit = yaml.safe_load(path.read_text("utf-8"))
        kit_language = kit["languages"][0]
        if kit_language == language:
            continue
        own = kit_strings({k: v for k, v in kit.items() if k != "translations"})
        translated = kit_strings((kit.get("translations") or {}).get(language, {}))
        for page in ("", "work-with-me/"):
            soup = read_html(multilingual_site / prefix(language) / path.stem / page / "index.html")
            for node in soup.select_one(".kf-page").find_all(string=True):  # type: ignore[union-attr]
                text = str(node).strip()
                if text not in own or text in translated or re.fullmatch(r"\S+@\S+", text):
                    continue
                if node.find_parent(class_="kf-languages") or node.parent.name == "script":
                    continue
                marked = node.find_parent(attrs={"lang": True})
                if marked is None or marked.get("lang") != kit_language:
                    unmarked.setdefault(f"{path.stem}/{page}", set()).add(text)
    assert not unmarked


SCRIPTS = ROOT / "theme" / "assets" / "kitfolio"
SCRIPT_MESSAGE = re.compile(r"""\b(?:t|n|say|words\.t)\(\s*"((?:[^"\\]|\\.)*)\"""")


def script_messages(*names: str) -> set[str]:
    """The messages a script asks for by their English msgid (or key), as written in it."""
    found: set[str] = set()
    for name in names:
        for path in sorted(SCRIPTS.glob(name)):
            found |= {json.loads(f'"{m}"') for m in SCRIPT_MESSAGE.findall(path.read_text("utf-8"))}
    return found


def page_messages(page: Path) -> dict[str, Any]:
    script = read_html(page).select_one("script[data-kf-messages]")
    assert script is not None, f"{page} carries no messages for its scripts"
    table: dict[str, Any] = json.loads(script.get_text())
    return table


def test_the_scripts_find_every_message_in_their_page(translated_site: tuple[str, Path]) -> None:
    """What roster/*.js and the brief builder ask for is on their page (translated: the page
    scan above reads these JSON strings too); a message a script names but the page lacks would
    show in English."""
    _language, site = translated_site
    roster = page_messages(site / "index.html")
    wanted = script_messages("roster/*.js")
    assert wanted and wanted <= set(roster), sorted(wanted - set(roster))
    work = site / "ava-green" / "work-with-me" / "index.html"
    brief = page_messages(work)
    form = read_html(work).select_one("form[data-kf-brief]")
    assert form is not None
    fields = {f"field.{f['name']}" for f in form.select("[name]")}
    keys = {k for k in script_messages("kitfolio.js") if not k.endswith(".")} | fields
    assert keys <= set(brief), sorted(keys - set(brief))


def test_pages_outside_the_plan_speak_the_site_language(tmp_path: Path) -> None:
    """A template of the site's own (here its 404 page) gets the catalogs too, in the site's
    language, with placeholders filled."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "404.html").write_text(
        '{% extends "main.html" %}{% block content %}<p id="kf-own">'
        '{{ _("Work with %(name)s", name="Ava") }} · {{ _("Rates") }}</p>{% endblock %}',
        "utf-8",
    )
    theme = {**SITE_OPTIONS["theme"], "language": "de", "custom_dir": "overrides"}
    site = build_site(write_site(tmp_path, {"ava": MINIMAL_KIT}, theme=theme))
    own = read_html(site / "404.html").find(id="kf-own")
    assert own is not None and own.get_text() == "Mit Ava arbeiten · Preise"
