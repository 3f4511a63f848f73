"""A YAML mistake is reported where it stands, in words that say what went wrong and how to
fix it, with the parser's own words kept as a short hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_KIT, load_kits

CASES = [
    (MINIMAL_KIT + " pronouns: she/her\n", "10:2", "indent it with spaces to line up"),
    (MINIMAL_KIT + "tagline: Tips: for all\n", "10:14", "put text with a colon in quotes"),
    (MINIMAL_KIT + "\tpronouns: she/her\n", "10:1", "use spaces, not tabs"),
    (MINIMAL_KIT + 'tagline: "open\nbio: x\n', "12:1", "a quote is opened and never closed"),
    (
        MINIMAL_KIT.replace("fashion\n", "fashion\n  - vegan\n"),
        "4:3",
        "a list item",
    ),
    (MINIMAL_KIT + "tagline\nbio: x\n", "11:1", 'a line has no "field: value" colon'),
    (MINIMAL_KIT + "theme: {accent: #ff8800}\n", "11:1", "put a value starting with # in quotes"),
    (MINIMAL_KIT + "values: [a, b\nbio: x\n", "11:4", "a [...] list is not closed"),
    (MINIMAL_KIT + "pronouns: *undefined\n", "10:11", "a *name refers to no &name"),
]


@pytest.mark.parametrize(("text", "where", "words"), CASES, ids=lambda v: str(v)[-24:])
def test_a_yaml_mistake_is_explained_in_plain_words(
    tmp_path: Path, text: str, where: str, words: str
) -> None:
    (problem,) = load_kits(tmp_path, {"ava": text}).problems
    message = str(problem)
    assert message.startswith(f"kits/ava.yml:{where}: (yaml): expected valid YAML: ")
    assert words in message
    assert "(the parser said: " in message


def test_a_thousands_comma_in_a_flow_mapping_says_to_drop_the_comma(tmp_path: Path) -> None:
    kit = MINIMAL_KIT + (
        "rates:\n  currency: GBP\n  items:\n"
        "    - {deliverable: Reel, price: {min: 1,200, max: 1500}}\n"
    )
    messages = [str(p) for p in load_kits(tmp_path, {"ava": kit}).problems]
    assert (
        "kits/ava.yml:13:42: rates.items[0].price.200: unknown field '200': a comma inside a "
        "number splits it; write 1200, not 1,200"
    ) in messages
