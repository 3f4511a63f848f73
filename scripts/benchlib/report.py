"""The bench's figures, each printed next to its target from issue 14 with PASS or MISS."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchlib import run

WARM = 0.4
"""Warm Kitfolio / plain mkdocs-material on the same content."""
COLD = 2.0
"""Cold, with the default mix of photos (every 20th kit)."""
PHOTO_COLD = 2.5
"""Cold, when every kit has a photo (--image-every 1): the realistic roster."""
GROWTH = 4.4
"""time(N) / time(N/4)."""
PER_KIT = 1.1
"""CPU time per kit at N over that at N/4: constant cost per kit."""
MEMORY_MB = 1024
MEMORY_AT = 10_000
"""Peak memory of a build of this many kits stays under MEMORY_MB."""


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


@dataclass
class Samples:
    """One Timing per run, by (tool, kits, kind); kits < 0 names the build with PDFs."""

    timings: dict[tuple[str, int, str], list[run.Timing]] = field(default_factory=dict)
    met: dict[str, list[bool]] = field(default_factory=lambda: {"wall": [], "cpu": []})

    def add(self, tool: str, size: int, kind: str, timing: run.Timing) -> None:
        self.timings.setdefault((tool, size, kind), []).append(timing)

    def has(self, tool: str, size: int, kind: str) -> bool:
        return (tool, size, kind) in self.timings

    def med(self, tool: str, size: int, kind: str, what: str = "wall") -> float:
        return run.median([getattr(t, what) for t in self.timings[tool, size, kind]])

    def judge(self, what: str, ok: bool) -> str:
        for clock in ("wall", "cpu") if what == "both" else (what,):
            self.met[clock].append(ok)
        return verdict(ok)


def ratios(s: Samples, n: int, runs: int, cold_target: float) -> None:
    print(f"\nresults at N={n}, median of {runs} whole `mkdocs build` processes, no PDFs")
    print("(wall = elapsed seconds; cpu = user + sys seconds of the build and its worker")
    print(" processes, which a busy machine disturbs less; each target is judged on both)")
    print(f"{'':24}{'kitfolio':>10}{'plain':>10}{'ratio':>8}   target")
    for kind in ("cold", "warm"):
        target = cold_target if kind == "cold" else WARM
        for what in ("wall", "cpu"):
            kf, pl = s.med("kitfolio", n, kind, what), s.med("plain", n, kind, what)
            print(
                f"  {f'{kind} {what}, s':22}{kf:10.2f}{pl:10.2f}{kf / pl:8.2f}   "
                f"<= {target}  {s.judge(what, kf / pl <= target)}"
            )
        kf, pl = s.med("kitfolio", n, kind, "user"), s.med("plain", n, kind, "user")
        print(f"  {f'{kind} user cpu, s':22}{kf:10.2f}{pl:10.2f}{kf / pl:8.2f}   (not judged)")
        kf, pl = s.med("kitfolio", n, kind), s.med("plain", n, kind)
        print(f"  {kind + ' wall, ms per kit':22}{1000 * kf / n:10.1f}{1000 * pl / n:10.1f}")


def growth(s: Samples, n: int, quarter: int) -> None:
    print(
        f"\ngrowth from N={quarter} to N={n}, time(N)/time(N/4) of the medians "
        f"(exactly linear = {n / quarter:.1f}, less with fixed start-up cost):"
    )
    for kind in ("cold", "warm"):
        for what in ("wall", "cpu"):
            kf = s.med("kitfolio", n, kind, what) / s.med("kitfolio", quarter, kind, what)
            pl = s.med("plain", n, kind, what) / s.med("plain", quarter, kind, what)
            print(
                f"  {kind:5}{what:5} kitfolio {kf:5.2f}   plain {pl:5.2f}   "
                f"target <= {GROWTH}  {s.judge(what, kf <= GROWTH)}"
            )
    print(
        f"\ncost per kit, cpu time / kits at N={quarter} and N={n}, and their ratio "
        "(constant = 1.0):"
    )
    for kind in ("cold", "warm"):
        small = s.med("kitfolio", quarter, kind, "cpu") / quarter
        large = s.med("kitfolio", n, kind, "cpu") / n
        print(
            f"  {kind:6} kitfolio {1000 * small:6.1f} ms -> {1000 * large:6.1f} ms   "
            f"ratio {large / small:5.2f}   target <= {PER_KIT}  "
            f"{s.judge('cpu', large / small <= PER_KIT)}"
        )
    print(f"\nmarginal cost per kit, (time(N) - time(N/4)) / {n - quarter} kits, wall:")
    for kind in ("cold", "warm"):
        kf = (s.med("kitfolio", n, kind) - s.med("kitfolio", quarter, kind)) / (n - quarter)
        pl = (s.med("plain", n, kind) - s.med("plain", quarter, kind)) / (n - quarter)
        print(f"  {kind:6} kitfolio {1000 * kf:6.1f} ms   plain {1000 * pl:6.1f} ms")


def pdfs(s: Samples, n: int, target: float) -> None:
    """Cold with every kit's PDF drawn against plain, and what the PDFs add per kit."""
    print(
        f"\ncold build at N={n} with a PDF per kit (drawn in a process pool, one a core; "
        "plain makes none; a warm build draws none):"
    )
    for what in ("wall", "cpu"):
        kf, pl = s.med("kitfolio", -n, "cold", what), s.med("plain", n, "cold", what)
        bare = s.med("kitfolio", n, "cold", what)
        print(
            f"  {f'cold {what}, s':22}{kf:10.2f}{pl:10.2f}{kf / pl:8.2f}   <= {target}  "
            f"{s.judge(what, kf / pl <= target)}   (no PDFs {bare / pl:.2f}; "
            f"PDFs add {1000 * (kf - bare) / n:.0f} ms {what} a kit)"
        )


def memory(s: Samples, n: int) -> None:
    rss = max(t.max_rss_mb for t in s.timings["kitfolio", n, "cold"])
    rss_plain = max(t.max_rss_mb for t in s.timings["plain", n, "cold"])
    print(f"\npeak memory at N={n}: kitfolio {rss:.0f} MB, plain {rss_plain:.0f} MB", end="")
    if n >= MEMORY_AT:
        print(f"   target < {MEMORY_MB} MB  {s.judge('both', rss < MEMORY_MB)}")
    else:
        print(f"   (target < {MEMORY_MB} MB at N={MEMORY_AT}; see --memory-only)")


def summary(s: Samples) -> None:
    wall, cpu = s.met["wall"], s.met["cpu"]
    print(
        f"\ntargets met: {sum(wall)} of {len(wall)} on wall time, "
        f"{sum(cpu)} of {len(cpu)} on cpu time"
    )
    every = [t for ts in s.timings.values() for t in ts]
    busy = [t for t in every if t.wall > 1.25 * t.cpu]
    if busy:
        print(
            f"note: {len(busy)} of {len(every)} builds waited for the CPU "
            "(wall > 1.25 x cpu): the machine was busy, so compare the cpu figures too"
        )
