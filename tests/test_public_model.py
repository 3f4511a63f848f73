"""The privacy gate: the public model of a kit holds no more than its visibility allows.

Every value of the model (numbers, strings, dates, enum codes, nested records) is walked, so a
hidden price cannot hide in a field nobody thought to check. The outputs read only this model
and views formatted from it, which the last test holds them to.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path

import pytest

import kitfolio
from conftest import load_kits
from kitfolio.public.gate import public_kit, public_rates
from kitfolio.public.model import PublicKit
from kitfolio.sources.kits import LoadedKit
from test_privacy import ALL_AMOUNTS, PERCENT, RANGE_MAX, SUBJECT

GOLDEN_KITS = Path(__file__).parent / "golden" / "kits"
TODAY = date(2026, 11, 30)


def values_in(value: object) -> Iterator[object]:
    """Every leaf value of a public model, however deep."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from values_in(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from values_in(key)
            yield from values_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from values_in(item)
    else:
        yield value


def numbers(model: PublicKit) -> set[float]:
    return {
        float(v)
        for v in values_in(model)
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }


def texts(model: PublicKit) -> str:
    return "\n".join(
        v.value if isinstance(v, Enum) else v for v in values_in(model) if isinstance(v, str)
    )


def gate(loaded: LoadedKit) -> PublicKit:
    return public_kit(loaded, today=TODAY, stale_after_days=90)


def subject(tmp_path: Path, visibility: str) -> LoadedKit:
    return load_kits(tmp_path, {"priya-rate": SUBJECT.format(visibility=visibility)}).kits[0]


def test_a_private_kit_from_the_golden_fixtures_has_no_price_at_all(tmp_path: Path) -> None:
    text = (GOLDEN_KITS / "oskar-private.yml").read_text(encoding="utf-8")
    loaded = load_kits(tmp_path, {"oskar-private": text}).kits[0]
    assert loaded.kit.rates is not None and loaded.kit.rates.items[0].price == 4100
    model = gate(loaded)
    assert 4100 not in numbers(model)
    assert "4100" not in texts(model) and "SEK" not in texts(model)
    rates = model.rates
    assert rates is not None and rates.currency is None and rates.lowest is None
    assert [(i.name, i.low, i.high) for i in rates.items] == [("Video", None, None)]


@pytest.mark.parametrize("visibility", ["on-request", "private"])
def test_hidden_rates_leave_no_amount_in_the_model(tmp_path: Path, visibility: str) -> None:
    model = gate(subject(tmp_path, visibility))
    found = numbers(model)
    assert [a for a in (*ALL_AMOUNTS, PERCENT) if a in found] == []
    assert "GBP" not in texts(model)
    assert model.rates is not None and not model.rates.shows_prices


def test_from_keeps_the_lowest_amounts_and_drops_the_tops(tmp_path: Path) -> None:
    model = gate(subject(tmp_path, "from"))
    assert RANGE_MAX not in numbers(model)
    assert model.rates is not None
    assert [(i.low, i.high) for i in model.rates.items] == [(7319, None), (8423, None)]
    assert model.rates.lowest == 2689


def test_public_rates_show_every_amount_so_the_walk_finds_them(tmp_path: Path) -> None:
    model = gate(subject(tmp_path, "public"))
    assert set(ALL_AMOUNTS) | {PERCENT} <= numbers(model)
    assert "GBP" in texts(model)


def test_only_a_protected_page_sees_the_whole_card_of_a_private_kit(tmp_path: Path) -> None:
    rates = subject(tmp_path, "private").kit.rates
    assert rates is not None
    whole = public_rates(rates, protected=True)
    assert whole.currency == "GBP" and set(ALL_AMOUNTS) <= {
        v for p in (*whole.items, *whole.packages, *whole.addons) for v in (p.low, p.high)
    }
    assert public_rates(rates).currency is None


AFTER_THE_GATE = (
    "public/kit_view.py",
    "public/platform_view.py",
    "public/rate_card.py",
    "outputs/feed.py",
    "outputs/page_meta.py",
    "outputs/social_card.py",
)
KIT_NAMES = {"Kit", "KitFields", "LoadedKit", "LoadedKits", "Rates", "Platform", "Partnership"}


@pytest.mark.parametrize("module", AFTER_THE_GATE)
def test_outputs_after_the_gate_never_import_the_kit(module: str) -> None:
    """Pages, feed, JSON-LD and cards can only read what the public model holds."""
    tree = ast.parse((Path(kitfolio.__file__).parent / module).read_text(encoding="utf-8"))
    named = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert {(m, n) for m, n in named if n in KIT_NAMES} == set()
    assert "kitfolio.sources.kits" not in {m for m, _ in named}
