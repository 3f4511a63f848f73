"""Brand fit: the shared cases, run against the roster's own module (roster/fit.js, in node) and
against the Python oracle (fit_oracle.py), and the rules the cases lean on."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import fit_oracle
from conftest import missing

ROOT = Path(__file__).resolve().parents[1]
FIT_JS = ROOT / "theme" / "assets" / "kitfolio" / "roster" / "fit.js"
CASES = json.loads((Path(__file__).parent / "fit_cases.json").read_text(encoding="utf-8"))["cases"]

# Node reads a .js file as CommonJS unless a package.json says otherwise (and a site's assets
# carry none), so the module is imported from its text, as an ES module, like the browser does.
CALL_IN_NODE = """
import { readFileSync } from "node:fs";
const [path, name, args] = JSON.parse(readFileSync(0, "utf8"));
const source = readFileSync(path, "utf8");
const fit = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
process.stdout.write(JSON.stringify(fit[name](...args)));
"""

Engine = Callable[[str, list[Any]], Any]


def in_node(name: str, args: list[Any]) -> Any:
    """``name(*args)`` of roster/fit.js, as JSON."""
    node = shutil.which("node") or missing("node is not installed")
    done = subprocess.run(
        [node, "--input-type=module", "--eval", CALL_IN_NODE],
        input=json.dumps([str(FIT_JS), name, args]),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def in_python(name: str, args: list[Any]) -> Any:
    """``name(*args)`` of the oracle, as JSON."""
    if name == "rank":
        return [fit.as_json() for fit in fit_oracle.rank(*args)]
    return getattr(fit_oracle, name)(*args)


@pytest.fixture(params=[in_node, in_python], ids=["javascript", "python"])
def engine(request: pytest.FixtureRequest) -> Engine:
    function: Engine = request.param
    return function


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_shared_cases(engine: Engine, case: dict[str, Any]) -> None:
    assert engine("rank", [case["cards"], case["brief"]]) == case["expected"]


def test_excluded_creators_come_last_whatever_their_other_merits(engine: Engine) -> None:
    cards = [
        {"slug": "a", "dealbreakers": ["Alcohol"], "platforms": [{"network": "x", "label": "X"}]},
        {"slug": "b", "platforms": []},
    ]
    ranked = engine("rank", [cards, {"category": "alcohol", "platforms": ["x"]}])
    assert [f["slug"] for f in ranked] == ["b", "a"]
    assert ranked[1]["excluded"] == "won't promote: Alcohol"


def test_words_are_lower_cased_letters_and_digits_without_a_plural_s(engine: Engine) -> None:
    assert engine("words", ["Fast-fashion BRANDS, 2 bus tours, café_crème ÉCOLES"]) == [
        "fast",
        "fashion",
        "brand",
        "2",
        "bus",
        "tour",
        "café",
        "crème",
        "école",
    ]
