"""What a build's image work cost, job by job: for its log and for the benchmark."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class JobCost:
    """What one job cost: ``cold`` when it was drawn, warm when it came from the cache."""

    slug: str
    kind: str
    cold: bool
    seconds: float


@dataclass
class ImageStats:
    """Image cost of one build, for logs and benchmarks."""

    jobs: list[JobCost] = field(default_factory=list)

    @property
    def cold(self) -> int:
        return sum(1 for j in self.jobs if j.cold)

    @property
    def warm(self) -> int:
        return sum(1 for j in self.jobs if not j.cold)

    @property
    def cold_seconds(self) -> float:
        return sum(j.seconds for j in self.jobs if j.cold)

    @property
    def warm_seconds(self) -> float:
        return sum(j.seconds for j in self.jobs if not j.cold)

    def per_kit(self) -> dict[str, dict[str, float]]:
        """Per kit slug: jobs drawn (``cold``), reused (``warm``) and the seconds of each."""
        out: dict[str, dict[str, float]] = {}
        for job in self.jobs:
            row = out.setdefault(
                job.slug, {"cold": 0, "warm": 0, "cold_seconds": 0.0, "warm_seconds": 0.0}
            )
            kind = "cold" if job.cold else "warm"
            row[kind] += 1
            row[f"{kind}_seconds"] += job.seconds
        return out

    def summary(self, what: str = "images") -> str:
        kits = len({j.slug for j in self.jobs})
        return (
            f"{what} of {kits} kit{'s' if kits != 1 else ''}: {self.cold} drawn in "
            f"{self.cold_seconds:.2f} s, {self.warm} reused from the cache in "
            f"{self.warm_seconds:.2f} s (thread time)"
        )
