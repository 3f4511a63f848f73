"""The live preview: the real ``mkdocs serve`` (and ``properdocs serve``) in a subprocess on a
loopback port, its pages fetched over HTTP while kits are saved good, broken and fixed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from conftest import MINIMAL_KIT, WITH_PDFS, write_site

RATES = "rates:\n  currency: EUR\n  items:\n    - deliverable: Reel\n      price: 400\n"
GOOD = MINIMAL_KIT + RATES
BAD_PRICE = '"<b>lots</b>"'

# Bounds on waiting for a busy machine (a build of one kit takes seconds), never a measure:
# each wait ends as soon as what it waits for has happened.
STARTUP_SECONDS = 180
REBUILD_SECONDS = 120
ANSWER_SECONDS = 20


@dataclass
class Preview:
    """A running preview: where it serves and where its output goes."""

    url: str
    output: Path
    process: subprocess.Popen[bytes]

    def printed(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    def wait_printed(self, after: int, *needles: str) -> int:
        """Where the output first holds one of ``needles`` after offset ``after``: the end of it."""
        deadline = time.monotonic() + REBUILD_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            printed = self.printed()
            found = [(at, n) for n in needles if (at := printed.find(n, after)) >= 0]
            if found:
                at, needle = min(found)
                return at + len(needle)
            time.sleep(0.2)
        pytest.fail(f"the preview printed none of {needles}:\n{self.printed()}")

    def page(self, path: str) -> BeautifulSoup:
        """``path`` fetched; a server that does not answer fails the test."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=ANSWER_SECONDS) as response:
                assert response.status == 200
                return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        except (TimeoutError, urllib.error.URLError) as exc:
            pytest.fail(f"GET {path} got no page ({exc}); the preview printed:\n{self.printed()}")

    def wait_page(self, path: str, name: str) -> BeautifulSoup:
        """``path`` once its heading says ``name``."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.url + path, timeout=ANSWER_SECONDS) as response:
                    page = BeautifulSoup(response.read().decode("utf-8"), "html.parser")
                if heading(page) == name:
                    return page
            time.sleep(0.3)
        pytest.fail(f"{path} never showed {name!r}; the preview printed:\n{self.printed()}")


def pdf_text(server: Preview, path: str) -> str:
    """The text of the PDF the preview serves at ``path``."""
    with urllib.request.urlopen(server.url + path, timeout=ANSWER_SECONDS) as response:
        reader = pypdf.PdfReader(io.BytesIO(response.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def heading(page: BeautifulSoup) -> str:
    h1 = page.select_one("h1.kf-name")
    return h1.get_text(strip=True) if h1 else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def preview(root: Path, tool: str) -> Iterator[Preview]:
    port = free_port()
    output = root.parent / f"{tool}-serve.log"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", tool, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        yield Preview(f"http://127.0.0.1:{port}/", output, process)
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C: the server removes its temporary site
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_a_kit_saved_broken_leaves_the_last_good_preview_up(tmp_path: Path, tool: str) -> None:
    root = write_site(tmp_path / "project", {"ava": GOOD})
    kit = root / "kits" / "ava.yml"
    broken = GOOD.replace("Ava Green", "Ava Grey").replace("price: 400", f"price: {BAD_PRICE}")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if BAD_PRICE in text)
    column = broken.splitlines()[line - 1].index(BAD_PRICE) + 1
    error = f"kits/ava.yml:{line}:{column}: rates.items[0].price: expected a number"

    with preview(root, tool) as server:
        first = server.wait_page("ava/", "Ava Green")
        assert first.select_one(".kf-preview-problems") is None

        before = len(server.printed())
        kit.write_text(broken, encoding="utf-8")
        reported = server.wait_printed(before, error)
        server.wait_printed(reported, "Reloading browsers", "error happened during the rebuild")

        page = server.page("ava/")
        assert heading(page) == "Ava Green", "the last good kit is still served"
        banner = page.select_one("body > .kf-preview-problems[role=alert]")
        assert banner is not None, "the page says the preview is stale"
        assert error in banner.get_text()
        assert f"got {BAD_PRICE}" in banner.get_text(), "the kit's text is shown as text"
        assert banner.find("b") is None

        kit.write_text(GOOD.replace("Ava Green", "Ava Grey"), encoding="utf-8")
        fixed = server.wait_page("ava/", "Ava Grey")
        assert fixed.select_one(".kf-preview-problems") is None


def test_a_saved_kit_alone_is_rebuilt_alone_and_shows_everywhere_it_shows(tmp_path: Path) -> None:
    """Saving one kit renders its pages, the roster and the feeds again without a full rebuild,
    then draws its PDF; a name that sorts it elsewhere moves it on the roster; any other file
    rebuilds everything."""
    leo = GOOD.replace("Ava Green", "Leo Berg")
    root = write_site(tmp_path / "project", {"ava": GOOD, "leo": leo}, **WITH_PDFS)
    with preview(root, "mkdocs") as server:
        server.wait_page("ava/", "Ava Green")
        leo_before = server.page("leo/").select_one("main")
        assert "Ava Green" in pdf_text(server, "ava/ava-media-kit.pdf")

        before = len(server.printed())
        (root / "kits" / "ava.yml").write_text(GOOD.replace("Ava Green", "Zoe Green"), "utf-8")
        quick = server.wait_printed(before, "ava saved: its pages")
        server.wait_printed(quick, "Reloading browsers")
        assert "Documentation built" not in server.printed()[before:], "no full rebuild"
        said = server.printed()[quick : server.printed().index("\n", quick)]
        assert said.endswith("its PDFs follow"), "the pages are served before the PDF is drawn"
        server.wait_printed(quick, "ava saved: 1 PDF drawn")
        text = pdf_text(server, "ava/ava-media-kit.pdf")
        assert "Zoe Green" in text and "Ava Green" not in text

        assert heading(server.page("ava/")) == "Zoe Green"
        assert "Zoe Green" in server.page("ava/work-with-me/").get_text(" ")
        roster = server.page("").get_text(" ")
        assert "Zoe Green" in roster and "Ava Green" not in roster
        assert roster.index("Leo Berg") < roster.index("Zoe Green"), "sorted by the new name"
        with urllib.request.urlopen(server.url + "kits.json", timeout=ANSWER_SECONDS) as feed:
            names = [kit["name"] for kit in json.loads(feed.read())["kits"]]
        assert names == ["Leo Berg", "Zoe Green"]
        assert str(server.page("leo/").select_one("main")) == str(leo_before)

        before = len(server.printed())
        (root / "docs" / "about.md").write_text("# About us\n", encoding="utf-8")
        server.wait_printed(before, "Documentation built")
        assert "About us" in server.page("about/").get_text(" ")
        assert heading(server.page("ava/")) == "Zoe Green"
