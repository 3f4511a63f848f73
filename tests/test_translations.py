"""A kit's ``translations``: checked like every field, located, and in the schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from conftest import MINIMAL_KIT, load_kits
from kitfolio.model.schema import kit_schema
from kitfolio.model.translations import translated
from kitfolio.present.language_marks import lang_of
from kitfolio.sources.kits import read_kits

FIXTURES = Path(__file__).parent / "kits"
KIT = (
    MINIMAL_KIT.replace("name: Ava Green\n", "name: Ava Green\nlanguages: [en]\n")
    + "dealbreakers: [Fast fashion brands, Brands that test on animals]\n"
    + "rates:\n  currency: GBP\n  items:\n    - {deliverable: Instagram Reel, price: 450}\n"
)


def problems(tmp_path: Path, translations: str) -> list[str]:
    text = KIT + "translations:\n" + translations
    return [str(p) for p in load_kits(tmp_path, {"ava": text}).problems]


def test_the_contract_example_translates_into_spanish(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    (kits / "media").mkdir(parents=True)
    shutil.copy(FIXTURES / "format-example.yml", kits / "ava-green.yml")
    Image.new("RGB", (32, 32), "green").save(kits / "media" / "ava-green.jpg")
    kit = read_kits([kits / "ava-green.yml"], tmp_path).kits[0].kit
    spanish = translated(kit, "es", "en")
    assert spanish.tagline == "Moda lenta y ropa de segunda mano con un presupuesto real"
    assert lang_of(spanish.tagline) is None
    assert spanish.niche.tags == ["segunda mano", "armario cápsula", "moda lenta"]
    assert spanish.terms is not None and spanish.terms.payment is not None
    assert spanish.terms.payment.startswith("50 % por adelantado")
    # What the translation leaves out stays in English, marked as English, never dropped.
    assert spanish.terms.revisions == "One round included"
    assert lang_of(spanish.terms.revisions) == "en"
    assert spanish.partnerships[0].summary == "Three-month Worn Wear repair series"
    assert lang_of(spanish.partnerships[0].summary) == "en"
    # Fields that cannot be translated are the kit's own and carry no mark.
    assert spanish.platforms[0].handle == "avagreen"
    assert lang_of(spanish.platforms[0].handle) is None
    # In the kit's own language nothing is marked.
    english = translated(kit, "en", "en")
    assert lang_of(english.terms.revisions if english.terms else None) is None


def test_an_unknown_path_says_where_and_suggests_the_field(tmp_path: Path) -> None:
    assert problems(tmp_path, "  es:\n    niche: {primry: Moda sostenible}\n") == [
        "kits/ava.yml:18:13: translations.es.niche.primry: unknown field 'primry' (did you "
        "mean 'primary'?); expected one of primary, tags"
    ]


@pytest.mark.parametrize(
    ("block", "field", "what"),
    [
        ("    rates: {items: [{price: 500}]}\n", "rates.items[0].price", "a price"),
        ("    stats_as_of: 2026-01-01\n", "stats_as_of", "a date"),
        ("    platforms: [{followers: 3}]\n", "platforms[0].followers", "a number"),
        ("    platforms: [{url: 'https://x.es/'}]\n", "platforms[0].url", "a URL"),
        ("    avatar: media/es.jpg\n", "avatar", "an image"),
        ("    rates: {currency: EUR}\n", "rates.currency", "a code"),
        ("    offers: [gifting]\n", "offers", "one of a fixed list of choices"),
        ("    platforms: [{handle: avaverde}]\n", "platforms[0].handle", "a handle"),
    ],
)
def test_what_reads_the_same_in_every_language_is_refused_by_name(
    tmp_path: Path, block: str, field: str, what: str
) -> None:
    (found,) = problems(tmp_path, "  es:\n" + block)
    name = field.rsplit(".", 1)[-1].split("[")[0]
    assert f": translations.es.{field}: expected text and Markdown fields only (" in found
    assert f"); '{name}' is {what}, the same in every language, so it cannot be translated" in found
    assert found.startswith("kits/ava.yml:1")


def test_a_list_is_matched_by_position_and_keeps_its_length(tmp_path: Path) -> None:
    assert problems(tmp_path, "  es:\n    dealbreakers: [Marcas de moda rápida]\n") == [
        "kits/ava.yml:18:19: translations.es.dealbreakers: expected 2 items, as many as the "
        "kit's own dealbreakers (lists are matched by position), got 1"
    ]


def test_a_translation_of_a_field_the_kit_lacks_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, "  es:\n    tagline: Moda lenta\n") == [
        "kits/ava.yml:18:14: translations.es.tagline: expected a field the kit has, got a "
        "translation of tagline, which it has not"
    ]


def test_the_language_is_a_bcp47_tag_other_than_the_kits_own(tmp_path: Path) -> None:
    assert problems(tmp_path, "  es_MX: {}\n  klingon: {}\n") == [
        "kits/ava.yml:17:3: translations.es_MX: expected a BCP 47 language tag with hyphens "
        '(es-MX), got "es_MX"',
        "kits/ava.yml:18:3: translations.klingon: expected a BCP 47 language tag such as en "
        'or pt-BR, got "klingon"',
    ]
    assert problems(tmp_path, "  EN: {}\n") == [
        "kits/ava.yml:17:3: translations.EN: expected a language other than the kit's own (en, "
        "the first of languages), got EN"
    ]


def test_translated_text_is_checked_like_the_kits_own(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, '  es:\n    name: "Ava\\nVerde"\n')
    assert "translations.es.name: expected a single line of text" in found


def test_the_schema_describes_translations_with_text_fields_only() -> None:
    schema = kit_schema()
    translations = schema["properties"]["translations"]
    assert translations["type"] == "object"
    text = schema["definitions"]["KitText"]
    assert "tagline" in text["properties"] and "bio" in text["properties"]
    assert "stats_as_of" not in text["properties"] and "avatar" not in text["properties"]
    assert text["additionalProperties"] is False
    kit = {
        "name": "Ava Green",
        "tagline": "Slow fashion",
        "niche": {"primary": "Sustainable fashion"},
        "contact": {"email": "hello@example.org"},
        "stats_as_of": "2026-10-31",
        "platforms": [{"network": "instagram", "followers": 48200}],
        "translations": {"es": {"tagline": "Moda lenta", "niche": {"primary": "Moda"}}},
    }
    jsonschema.validate(kit, schema)
    for wrong in ({"stats_as_of": "2026-01-01"}, {"niche": {"primry": "Moda"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**kit, "translations": {"es": wrong}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**kit, "translations": {"es_MX": {}}}, schema)
