"""Brand fit in Python: the shared cases (also run in Chromium against roster.js) and the rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kitfolio.fit import rank, words

CASES = json.loads((Path(__file__).parent / "fit_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_shared_cases(case: dict[str, Any]) -> None:
    got = [fit.as_json() for fit in rank(case["cards"], case["brief"])]
    assert got == case["expected"]


def test_excluded_creators_come_last_whatever_their_other_merits() -> None:
    cards = [
        {"slug": "a", "dealbreakers": ["Alcohol"], "platforms": [{"network": "x", "label": "X"}]},
        {"slug": "b", "platforms": []},
    ]
    ranked = rank(cards, {"category": "alcohol", "platforms": ["x"]})
    assert [f.slug for f in ranked] == ["b", "a"]
    assert ranked[1].excluded == "won't promote: Alcohol"


def test_words_are_lower_cased_letters_and_digits_without_a_plural_s() -> None:
    assert words("Fast-fashion BRANDS, 2 bus tours") == [
        "fast",
        "fashion",
        "brand",
        "2",
        "bus",
        "tour",
    ]
