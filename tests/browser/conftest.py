"""Browser-test harness: the showcase built with MkDocs' own API, served on loopback, and
driven with Playwright in Debian's Chromium (never a downloaded browser).

Fixtures (all plain pytest, usable from any test module in this folder):

- ``showcase_config`` / ``built_site`` / ``site_server``: the showcase (``mkdocs.yml`` at the
  repo root) built once per run (``tests/conftest.py``; xdist's workers share it) into a tmp
  dir, and served at the path
  of its ``site_url`` (``https://x.io/kitfolio/`` is served as ``http://127.0.0.1:PORT/kitfolio/``,
  so the absolute asset paths of ``404.html`` resolve). ``site_server`` is that base URL.
- ``serve``: serve any folder the same way, ``serve(folder, prefix="/") -> base_url``.
  Missing files answer with the folder's ``404.html`` and status 404.
- ``browser``: one headless Chromium per session; skipped when Chromium is missing, unless
  the ``CI`` variable is set, where that is a failure.
- ``page``: a fresh context and page per test. Parametrize ``color_scheme``
  (``"light"``/``"dark"``) or ``viewport`` to change them. Every page records console errors,
  uncaught exceptions, failed requests, responses with status >= 400 and every request to a
  host that is not loopback. Requests off loopback are aborted, never sent.
- ``page_log``: what ``page`` recorded (a :class:`PageLog`).
- ``assert_clean(page)``: fails listing everything the page recorded.
- ``axe(page)``: axe-core's violations (a list of dicts); ``assert_accessible(page)`` fails
  with a summary (id, impact, help, first targets).
- ``vnu(files)``: the Nu HTML Checker's errors for HTML files; ``assert_valid_html(files)``
  fails listing them.

The one 404 that is not an error: a main-frame navigation answered with 404 (the 404 page
under test; the test asserts ``response.status == 404`` itself). Console lines "Failed to load
resource" are left to the network records, which say more.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import missing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Playwright,
        Request,
        Response,
        Route,
    )

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


# --- Serving a folder --------------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under ``prefix``; missing files get the folder's 404.html with status 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        base = self.prefix.rstrip("/")
        if url_path == base or url_path.startswith(base + "/"):
            return super().translate_path(path[len(base) :] or "/")
        return os.path.join(self.directory, "__outside_the_site_prefix__", "missing")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded HTTP server that does not log each request."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser dropping a connection mid-response is not a test failure


@contextlib.contextmanager
def serving(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``directory`` at ``http://127.0.0.1:PORT{prefix}`` in a daemon thread."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("BoundSiteHandler", (SiteHandler,), {"prefix": prefix})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """``serve(folder, prefix="/") -> base URL``; servers stop at the end of the session."""
    with contextlib.ExitStack() as stack:

        def start(directory: Path, prefix: str = "/") -> str:
            return stack.enter_context(serving(Path(directory), prefix))

        yield start


# --- The showcase --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def showcase_config(built_site: Path) -> MkDocsConfig:
    """The showcase's configuration, with the ``site_dir`` it was built into."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(built_site))


@pytest.fixture(scope="session")
def site_server(built_site: Path, showcase_config: MkDocsConfig, serve: Callable[..., str]) -> str:
    """Base URL of the served showcase, ending in '/' (with site_url's path, if any)."""
    prefix = urlsplit(showcase_config.site_url or "/").path or "/"
    return serve(built_site, prefix)


# --- Chromium through Playwright ----------------------------------------------------------


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Python package playwright is not installed")
    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


def chromium_executable() -> str:
    """Debian's Chromium, or the binary KITFOLIO_CHROMIUM names (never a downloaded one)."""
    return os.environ.get("KITFOLIO_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        missing(f"Chromium is not installed at {executable} (set KITFOLIO_CHROMIUM)")
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class PageLog:
    """What a page did that a clean page does not."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    not_found_pages: list[str] = field(default_factory=list)  # deliberate 404 navigations

    def problems(self) -> dict[str, list[str]]:
        return {
            "console errors": self.console_errors,
            "uncaught exceptions": self.page_errors,
            "failed requests": self.failed_requests,
            "responses with status >= 400": self.bad_responses,
            "requests off the local server (aborted)": self.external_requests,
        }

    def report(self) -> str:
        lines = []
        for title, items in self.problems().items():
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOOPBACK_HOSTS


_LOGS: dict[int, PageLog] = {}


def watch(context: BrowserContext, page: Page) -> PageLog:
    """Record on ``page`` everything :func:`assert_clean` reports; block non-local requests."""
    log = PageLog()
    _LOGS[id(page)] = log

    def block(route: Route, request: Request) -> None:
        log.external_requests.append(f"{request.method} {request.url} ({request.resource_type})")
        route.abort("blockedbyclient")

    # Only requests leaving loopback are intercepted; they never reach the network.
    context.route(lambda url: not is_local(url), block)

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error" or message.text.startswith("Failed to load resource"):
            return
        where = message.location.get("url", "")
        line = message.location.get("lineNumber")
        log.console_errors.append(f"{message.text} ({where}:{line})" if where else message.text)

    def on_request_failed(request: Request) -> None:
        failure = request.failure or "unknown failure"
        if not is_local(request.url) or "ERR_ABORTED" in failure:
            return  # blocked on purpose, or cancelled by a navigation
        log.failed_requests.append(f"{request.method} {request.url}: {failure}")

    def on_response(response: Response) -> None:
        if response.status < 400:
            return
        request = response.request
        if (
            response.status == 404
            and request.is_navigation_request()
            and request.frame.parent_frame is None
        ):
            log.not_found_pages.append(response.url)
            return
        log.bad_responses.append(f"{response.status} {response.url} ({request.resource_type})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    return log


@pytest.fixture
def color_scheme() -> str:
    """Override with ``@pytest.mark.parametrize("color_scheme", ["dark"])``."""
    return "light"


@pytest.fixture
def viewport() -> dict[str, int]:
    """Override with ``@pytest.mark.parametrize("viewport", [{"width": 375, "height": 740}])``."""
    return {"width": 1280, "height": 800}


@pytest.fixture
def page(browser: Browser, color_scheme: str, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(
        color_scheme=color_scheme,  # type: ignore[arg-type]
        viewport=viewport,  # type: ignore[arg-type]
        locale="en-US",
        timezone_id="UTC",
    )
    page = context.new_page()
    watch(context, page)
    try:
        yield page
    finally:
        _LOGS.pop(id(page), None)
        context.close()


def log_of(page: Page) -> PageLog:
    try:
        return _LOGS[id(page)]
    except KeyError:
        raise LookupError("this page is not watched: use the `page` fixture") from None


@pytest.fixture
def page_log(page: Page) -> PageLog:
    return log_of(page)


def check_clean(page: Page, *, settle: bool = True) -> None:
    """Fail listing console errors, exceptions, failed/4xx/5xx requests and off-site requests."""
    if settle:
        with contextlib.suppress(Exception):
            page.wait_for_load_state("networkidle", timeout=10_000)
    report = log_of(page).report()
    if report:
        pytest.fail(f"{page.url} is not clean:\n{report}", pytrace=False)


@pytest.fixture
def assert_clean() -> Callable[..., None]:
    return check_clean


# --- axe-core ---------------------------------------------------------------------------------


def run_axe(
    page: Page, *, context: Any = None, options: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (``resultTypes: ['violations']``)."""
    if not AXE_JS.is_file():
        missing(f"axe-core is not installed ({AXE_JS} is missing)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    run_options = {"resultTypes": ["violations"], **(options or {})}
    violations: list[dict[str, Any]] = page.evaluate(
        """async ([context, options]) => {
            const results = await axe.run(context ?? document, options);
            return results.violations;
        }""",
        [context, run_options],
    )
    return violations


def format_axe(violations: Sequence[dict[str, Any]], *, targets: int = 3) -> str:
    lines = []
    for v in violations:
        nodes = v.get("nodes", [])
        lines.append(f"{v['id']} [{v.get('impact')}] {v.get('help')} ({len(nodes)} nodes)")
        for node in nodes[:targets]:
            lines.append(f"    {' '.join(map(str, node.get('target', [])))}")
        if len(nodes) > targets:
            lines.append(f"    ... and {len(nodes) - targets} more")
    return "\n".join(lines)


def check_accessible(page: Page, **kwargs: Any) -> None:
    violations = run_axe(page, **kwargs)
    if violations:
        pytest.fail(
            f"axe-core: {len(violations)} violations on {page.url}\n{format_axe(violations)}",
            pytrace=False,
        )


@pytest.fixture
def axe() -> Callable[..., list[dict[str, Any]]]:
    return run_axe


@pytest.fixture
def assert_accessible() -> Callable[..., None]:
    return check_accessible


# --- Nu HTML Checker (vnu.jar) ------------------------------------------------------------


def run_vnu(files: Sequence[Path | str], *, timeout: float = 300) -> list[dict[str, Any]]:
    """The checker's errors (``--errors-only``) for the given HTML files, from its JSON report."""
    java = shutil.which("java")
    if java is None:
        missing("java is not installed (vnu.jar needs Java 17 or newer)")
    if not VNU_JAR.is_file():
        missing(f"vnu-jar is not installed ({VNU_JAR} is missing)")
    if not files:
        return []
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
    result = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=timeout, check=False
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        raise RuntimeError(
            f"vnu.jar exited {result.returncode} without a JSON report:\n{result.stderr}"
        ) from None
    messages: list[dict[str, Any]] = report.get("messages", [])
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


def format_vnu(errors: Sequence[dict[str, Any]]) -> str:
    lines = []
    for e in errors:
        where = e.get("url", "").removeprefix("file:")
        lines.append(
            f"{where}:{e.get('lastLine', '?')}:{e.get('firstColumn', '?')}: {e['message']}"
        )
    return "\n".join(lines)


def check_valid_html(files: Sequence[Path | str]) -> None:
    errors = run_vnu(files)
    if errors:
        pytest.fail(f"Nu HTML Checker: {len(errors)} errors\n{format_vnu(errors)}", pytrace=False)


@pytest.fixture
def vnu() -> Callable[..., list[dict[str, Any]]]:
    return run_vnu


@pytest.fixture
def assert_valid_html() -> Callable[..., None]:
    return check_valid_html
