"""Time whole `mkdocs build` processes, and profile one build in-process."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


class BuildFailed(RuntimeError):
    """A build exited non-zero; the message carries the end of its output."""


@dataclass(frozen=True)
class Timing:
    """One timed run: wall-clock and CPU seconds."""

    wall: float
    cpu: float
    max_rss_mb: float
    user: float = 0.0
    """The user part of ``cpu``: the build's own work, without the kernel's (whose share
    depends on the filesystem: creating files right after many were deleted is slow on some)."""


def build(project: Path, *, cold: bool) -> tuple[Timing, str]:
    """One `mkdocs build` of ``project`` in a fresh process; cold removes .cache/ and site/ first.

    Returns the timing and whatever the build printed (warnings).
    """
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    log = project / "build.log"
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(mkdocs), "build", "--quiet", "--config-file", str(project / "mkdocs.yml")],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(text.splitlines()[-30:])
        raise BuildFailed(f"mkdocs build in {project} exited {proc.returncode}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(wall, cpu, usage.ru_maxrss / 1024, usage.ru_utime), text


def _cpu_ticks() -> tuple[int, int] | None:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat; None where there is none."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return sum(values) - idle, sum(values)


def wait_for_quiet(max_wait: float, busy_cores: float = 0.5) -> float:
    """Wait until other processes use less than ``busy_cores`` CPUs, at most ``max_wait`` s.

    On a shared machine another job's burst can double a build's wall time; starting each build
    in a quiet moment keeps the medians about the builds. Returns the seconds waited.
    """
    start = time.perf_counter()
    cores = os.cpu_count() or 1
    while time.perf_counter() - start < max_wait:
        before = _cpu_ticks()
        time.sleep(0.5)
        after = _cpu_ticks()
        if before is None or after is None or after[1] == before[1]:
            break
        busy = (after[0] - before[0]) / (after[1] - before[1]) * cores
        if busy < busy_cores:
            break
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


# (module, attribute, label): what the phase timer wraps, when it exists. Kitfolio's own
# functions are looked up where their callers import them, so renames only drop a line.
PHASES = (
    ("kitfolio.adapter.plugin", "read_kits", "kitfolio  read_kits (all kits)"),
    ("kitfolio.sources.kits", "load", "kitfolio    YAML load + positions"),
    ("kitfolio.sources.kits", "check", "kitfolio    validate (pydantic)"),
    ("kitfolio.sources.kits", "_check_images", "kitfolio    image checks (Pillow)"),
    ("kitfolio.sources.kits", "inconsistencies", "kitfolio    consistency warnings"),
    ("kitfolio.adapter.plugin", "derive", "kitfolio  derive: history, pictures, views, cards"),
    ("kitfolio.derive.history", "read", "kitfolio    growth history from git"),
    ("kitfolio.media:Media", "pictures", "kitfolio    pictures (thread pool, wall)"),
    ("kitfolio.media.renditions", "render", "kitfolio      render one picture (thread time)"),
    ("kitfolio.pipeline", "build_site", "kitfolio    build_site (views of all kits)"),
    ("kitfolio.public.site", "build_site", "kitfolio  build_site (views of all kits)"),
    ("kitfolio.public.site", "public_kit", "kitfolio      public_kit (privacy gate)"),
    ("kitfolio.public.site", "build_view", "kitfolio      build_view"),
    ("kitfolio.media:Media", "cards", "kitfolio    social cards (thread pool, wall)"),
    ("kitfolio.outputs.social_card", "card_for", "kitfolio      plan one card"),
    ("kitfolio.outputs.social_card", "draw", "kitfolio      draw one card (thread time)"),
    ("PIL.Image:Image", "save", "pillow        Image.save, all encodes (thread time)"),
    ("kitfolio.cache:Cache", "save", "kitfolio    cache manifest written"),
    ("mkdocs.commands.build", "get_files", "mkdocs    get_files"),
    ("mkdocs.commands.build", "_populate_page", "mkdocs    read + render Markdown"),
    ("mkdocs.commands.build", "_build_theme_template", "mkdocs    theme templates (404, sitemap)"),
    ("mkdocs.structure.files:Files", "copy_static_files", "mkdocs    copy static files"),
)


class _Timer:
    """Wraps functions and plugin hooks with a clock; seconds and calls by label."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.totals[label] += time.perf_counter() - start
                self.calls[label] += 1

        setattr(owner, name, timed)

    def wrap_phases(self) -> list[tuple[object, str, object]]:
        """Wrap each function of PHASES that exists; what to put back afterwards."""
        import importlib

        restore: list[tuple[object, str, object]] = []
        for module_name, attr, label in PHASES:
            owner_name, _, cls = module_name.partition(":")
            try:
                owner: object = importlib.import_module(owner_name)
            except ImportError:
                continue
            if cls:
                owner = getattr(owner, cls, None)
            if owner is not None and hasattr(owner, attr):
                restore.append((owner, attr, getattr(owner, attr)))
                self.wrap(owner, attr, label)
        return restore

    def wrap_plugins(self, config: Any) -> list[tuple[object, str, object]]:
        """Wrap every hook a plugin defines; (plugin, hook, None) to remove each afterwards."""
        restore: list[tuple[object, str, object]] = []
        for plugin_name, plugin in config.plugins.items():
            for event in config.plugins.events:
                method = getattr(plugin, f"on_{event}", None)
                if method is not None and getattr(method, "__func__", None) is not getattr(
                    type(plugin).__mro__[-2], f"on_{event}", None
                ):
                    self.wrap(plugin, f"on_{event}", f"plugin    {plugin_name}.on_{event}")
                    # MkDocs keeps plugins with an on_startup between loads: unwrap them after.
                    restore.append((plugin, f"on_{event}", None))
        # The plugin collection keeps bound methods per event: rebuild it from the wrapped ones.
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                owner = getattr(method, "__self__", None)
                if owner is not None:
                    methods[i] = getattr(owner, f"on_{event}")
        return restore


def phases(project: Path, *, cold: bool = False) -> str:
    """Time Kitfolio's phases and MkDocs' build steps in one in-process build, no profiler.

    Every hook of every plugin and the listed functions are wrapped with a clock; page writing is
    split into Kitfolio's generated pages and the rest.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    timer = _Timer()
    restore = timer.wrap_phases()
    totals, calls = timer.totals, timer.calls
    original_build_page = mkdocs_build._build_page
    kitfolio: Any = None

    def build_page(page: Any, *args: Any, **kwargs: Any) -> Any:
        generated = getattr(getattr(kitfolio, "pages", None), "kinds", {})
        label = (
            "pages     write Kitfolio pages (templates)"
            if page.file.src_uri in generated
            else "pages     write other pages"
        )
        start = time.perf_counter()
        try:
            return original_build_page(page, *args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start
            calls[label] += 1

    mkdocs_build._build_page = build_page  # type: ignore[assignment]
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
    cwd = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        restore += timer.wrap_plugins(config)
        kitfolio = config.plugins.get("kitfolio")
        start = time.perf_counter()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config)
        finally:
            config.plugins.on_shutdown()
        total = time.perf_counter() - start
    finally:
        os.chdir(cwd)
        mkdocs_build._build_page = original_build_page  # type: ignore[assignment]
        for owner, attr, original in restore:
            if original is None:
                delattr(owner, attr)
            else:
                setattr(owner, attr, original)
    return _phase_lines(totals, calls, total, "cold" if cold else "warm")


def _phase_lines(totals: dict[str, float], calls: dict[str, int], total: float, kind: str) -> str:
    lines = [f"phase timings of one {kind} in-process build, no profiler: {total:.2f} s wall", ""]
    lines.append("  (phases nest; thread-time lines add up the work of every pool thread)")
    for label, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.005:
            share = 100 * seconds / total
            lines.append(f"  {seconds:7.2f} s  {share:5.1f} %  {label} ({calls[label]} calls)")
    return "\n".join(lines)


def profile(project: Path, out_dir: Path, top: int = 25) -> str:
    """Profile one warm in-process build with pyinstrument; returns a text report.

    Writes ``profile.html`` (the interactive tree) and ``profile.txt`` into ``out_dir``. The
    report adds what the tree does not show at a glance: self time summed by source (Kitfolio
    module, Kitfolio template, other package). A tracing profiler slows call-heavy pure-Python
    code (a YAML parser) far more than C code, so read shares with ``phases`` beside them.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from pyinstrument import Profiler

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        profiler = Profiler(interval=0.001)
        profiler.start()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        profiler.stop()
    finally:
        os.chdir(cwd)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    tree = profiler.output_text(unicode=True, color=False, show_all=False)
    (out_dir / "profile.txt").write_text(tree, encoding="utf-8")
    return _self_times(profiler, top)


def _self_times(profiler: Any, top: int) -> str:
    """Self time summed by source and by Kitfolio function, from a finished profile."""
    session = profiler.last_session
    assert session is not None
    root = session.root_frame()
    assert root is not None
    total = root.time
    by_source: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)

    def walk(frame: Any, parent_source: str, parent_function: str) -> None:
        if frame.is_synthetic:  # "[self]" and the like: time of the parent frame
            source, function = parent_source, parent_function
            own = frame.time
        else:
            source, function = _source(frame.file_path or ""), f"{frame.function}"
            if frame.line_no:
                function += f" (line {frame.line_no})"
            own = max(0.0, frame.time - sum(c.time for c in frame.children))
        by_source[source] += own
        if source.startswith("kitfolio"):
            by_function[f"{source}: {function}"] += own
        for child in frame.children:
            walk(child, source, function)

    walk(root, "<root>", "")
    lines = [f"pyinstrument, one warm in-process build: {total:.2f} s", ""]
    lines.append("self time by source (Kitfolio templates are frames of their own):")
    for name, seconds in sorted(by_source.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {name}")
    lines.append("")
    lines.append("Kitfolio functions and templates by self time:")
    for name, seconds in sorted(by_function.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {seconds:7.3f} s  {100 * seconds / total:5.1f} %  {name}")
    return "\n".join(lines)


def _source(path: str) -> str:
    """A short name for where a frame's code lives."""
    p = path.replace("\\", "/")
    if "/theme/kitfolio/" in p:
        return "kitfolio template " + p.split("/theme/kitfolio/", 1)[1]
    if "/plugins/kitfolio/" in p:
        return "kitfolio/" + p.split("/plugins/kitfolio/", 1)[1]
    if "/site-packages/" in p:
        rest = p.split("/site-packages/", 1)[1]
        return rest.split("/", 1)[0]
    if "/material/templates/" in p or p.endswith(".html"):
        return "material template " + p.rsplit("/", 1)[-1]
    if "/lib/python" in p:
        rest = p.split("/lib/python", 1)[1].split("/", 1)[-1]
        return "stdlib " + rest.split("/", 1)[0]
    return p or "<unknown>"
