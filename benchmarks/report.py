"""Times, ratios and targets from the measured series, as Markdown and as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import FAST_BUILD, Series

#: (numerator, denominator, what it shows) at every size both were built.
COMPARISONS = (
    ("list", "floor", "`:style: list` against the same lines in plain reST"),
    ("card", "bibtex", "`:style: card` against sphinxcontrib-bibtex"),
    ("bibtex", "floor", "sphinxcontrib-bibtex against the plain reST floor"),
    ("card", "floor", "`:style: card` against the plain reST floor"),
    ("news", "news-floor", "`.. news::` against the same items in plain reST"),
    ("timeline", "timeline-floor", "`.. timeline::` against the same entries in plain reST"),
)
#: Sizes the targets are stated at.
HEADLINE, SMALL, LARGE = 2000, 1000, 10000
KINDS = ("full", "noop", "edit")


@dataclass(frozen=True)
class Target:
    name: str
    value: float | str | None
    limit: float | str
    met: bool | None  # None: not measured in this run

    def row(self) -> list[str]:
        value = f"{self.value:.2f}" if isinstance(self.value, float) else str(self.value or "")
        limit = f"≤ {self.limit:.2f}" if isinstance(self.limit, float) else str(self.limit)
        verdict = {True: "met", False: "**not met**", None: "not measured"}[self.met]
        return [self.name, value or "–", limit, verdict]


class Report:
    def __init__(self, series: Iterable[Series], meta: dict[str, Any]) -> None:
        self.series = list(series)
        self.meta = meta
        self.by_key = {(s.project.variant, s.project.size): s for s in self.series}

    # -- numbers ------------------------------------------------------------------------

    def seconds(self, variant: str, size: int, kind: str) -> float | None:
        found = self.by_key.get((variant, size))
        return Series.median(getattr(found, kind)) if found else None

    def peak(self, variant: str, size: int) -> float | None:
        found = self.by_key.get((variant, size))
        return found.peak_mib if found else None

    def sizes(self, variant: str) -> list[int]:
        return sorted(size for name, size in self.by_key if name == variant)

    def ratio(self, top: float | None, bottom: float | None) -> float | None:
        return top / bottom if top is not None and bottom else None

    def ratios(self) -> list[dict[str, Any]]:
        rows = []
        for top, bottom, what in COMPARISONS:
            for size in self.sizes(top):
                if (bottom, size) not in self.by_key:
                    continue
                row: dict[str, Any] = {"comparison": f"{top} / {bottom}", "size": size}
                row["what"] = what
                for kind in KINDS:
                    row[kind] = self.ratio(
                        self.seconds(top, size, kind), self.seconds(bottom, size, kind)
                    )
                row["peak"] = self.ratio(self.peak(top, size), self.peak(bottom, size))
                rows.append(row)
        for variant in ("floor", "bibtex", "list", "card"):
            large, small = (
                self.seconds(variant, LARGE, "full"),
                self.seconds(variant, SMALL, "full"),
            )
            if large is not None and small is not None:
                rows.append(
                    {
                        "comparison": f"{variant}: {LARGE:,} / {SMALL:,} entries",
                        "size": LARGE,
                        "what": "growth of the full build with the number of entries",
                        "full": large / small,
                        "noop": None,
                        "edit": None,
                        "peak": self.ratio(self.peak(variant, LARGE), self.peak(variant, SMALL)),
                    }
                )
        return rows

    def targets(self) -> list[Target]:
        found = [
            self._limit(
                f"`:style: list`, {HEADLINE:,} entries: full build / floor",
                "list",
                "floor",
                HEADLINE,
                1.25,
            ),
            self._limit(
                f"`:style: card`, {HEADLINE:,} entries: full build / sphinxcontrib-bibtex",
                "card",
                "bibtex",
                HEADLINE,
                0.60,
            ),
        ]
        for page in ("news", "timeline"):
            size = self.sizes(page)[-1] if self.sizes(page) else 0
            found.append(
                self._limit(f"`{page}` page: full build / floor", page, f"{page}-floor", size, 1.25)
            )
        for variant in ("list", "card"):
            large, small = (
                self.seconds(variant, LARGE, "full"),
                self.seconds(variant, SMALL, "full"),
            )
            found.append(
                self._check(
                    f"`:style: {variant}`: {LARGE:,} / {SMALL:,} entries",
                    self.ratio(large, small),
                    11.0,
                )
            )
        found += self._noop_targets()
        found += self._reread_targets()
        found.append(
            self._limit(
                f"`:style: list`, {LARGE:,} entries: peak memory / floor",
                "list",
                "floor",
                LARGE,
                1.30,
                kind="peak",
            )
        )
        return found

    def _limit(
        self, name: str, top: str, bottom: str, size: int, limit: float, kind: str = "full"
    ) -> Target:
        if kind == "peak":
            value = self.ratio(self.peak(top, size), self.peak(bottom, size))
        else:
            value = self.ratio(self.seconds(top, size, kind), self.seconds(bottom, size, kind))
        return self._check(name, value, limit)

    @staticmethod
    def _check(name: str, value: float | None, limit: float) -> Target:
        return Target(name, value, limit, None if value is None else value <= limit)

    def _noop_targets(self) -> list[Target]:
        """A no-op rebuild of every extension project re-reads no page. (What it costs
        next to the floor's is in the ratios table: Sphinx's own work on a no-op rebuild,
        unpickling the environment and writing the search index, grows with the data the
        environment holds.)"""
        found = []
        for variant in ("list", "card", "news", "timeline"):
            for size in self.sizes(variant):
                reread = max((len(b.reread) for b in self.by_key[variant, size].noop), default=0)
                found.append(
                    Target(
                        f"`{variant}`, N={size:,}: pages re-read by a no-op rebuild",
                        str(reread),
                        "0",
                        not reread,
                    )
                )
        return found

    def _reread_targets(self) -> list[Target]:
        """Editing the data re-reads exactly the page that shows it."""
        found = []
        for variant in ("list", "card", "news", "timeline"):
            for size in self.sizes(variant):
                series = self.by_key[variant, size]
                pages = sorted({doc for b in series.edit for doc in b.reread})
                wanted = [series.project.page]
                found.append(
                    Target(
                        f"`{variant}`, N={size:,}: pages re-read after an edit",
                        ", ".join(pages) or "none",
                        ", ".join(wanted),
                        pages == wanted if series.edit else None,
                    )
                )
        return found

    # -- output -------------------------------------------------------------------------

    def builds(self) -> list[dict[str, Any]]:
        rows = []
        for series in self.series:
            rows.append(
                {
                    "project": series.project.variant,
                    "size": series.project.size,
                    **{kind: Series.median(getattr(series, kind)) for kind in KINDS},
                    "runs": {kind: [b.cpu for b in getattr(series, kind)] for kind in KINDS},
                    "wall": {kind: [b.wall for b in getattr(series, kind)] for kind in KINDS},
                    "peak_mib": series.peak_mib,
                    "noop_reread": sorted({d for b in series.noop for d in b.reread}),
                    "edit_reread": sorted({d for b in series.edit for d in b.reread}),
                    "warnings": len(series.warnings),
                }
            )
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "builds": self.builds(),
            "ratios": self.ratios(),
            "targets": [
                {"name": t.name, "value": t.value, "limit": t.limit, "met": t.met}
                for t in self.targets()
            ],
        }

    def markdown(self) -> str:
        meta = self.meta
        lines = [
            f"Sphinx {meta['sphinx']}, docutils {meta['docutils']}, Python {meta['python']}, "
            f"theme {meta['theme']}, {meta['cpus']} CPUs. Median of {meta['repeat']} builds "
            f"of each kind, more for builds under {FAST_BUILD:g} s (column *builds*: full / "
            "no-op / edit): CPU seconds of the build process (user + system); peak "
            "resident memory of the build process in MiB.",
            "",
        ]
        lines += _table(
            [
                "project",
                "N",
                "full build",
                "no-op rebuild",
                "edit one entry",
                "peak MiB",
                "re-read (no-op / edit)",
                "builds",
            ],
            [
                [
                    row["project"],
                    f"{row['size']:,}",
                    _num(row["full"]),
                    _num(row["noop"]),
                    _num(row["edit"]),
                    _num(row["peak_mib"], 0),
                    f"{len(row['noop_reread'])} / {', '.join(row['edit_reread']) or '–'}",
                    " / ".join(str(len(row["runs"][kind])) for kind in KINDS),
                ]
                for row in self.builds()
            ],
        )
        lines += ["", "Ratios (lower is faster):", ""]
        lines += _table(
            ["comparison", "N", "full build", "no-op rebuild", "edit one entry", "peak memory"],
            [
                [
                    row["comparison"],
                    f"{row['size']:,}",
                    *(_num(row[k]) for k in KINDS),
                    _num(row["peak"]),
                ]
                for row in self.ratios()
            ],
        )
        targets = self.targets()
        lines += ["", "Targets:", ""]
        lines += _table(["target", "measured", "limit", "verdict"], [t.row() for t in targets])
        missed = [t for t in targets if t.met is False]
        unmeasured = [t for t in targets if t.met is None]
        lines.append("")
        if missed:
            lines.append(f"{len(missed)} of {len(targets)} targets not met.")
        elif unmeasured:
            lines.append(f"Every measured target met ({len(unmeasured)} not measured in this run).")
        else:
            lines.append("Every target met.")
        return "\n".join(lines) + "\n"

    def write(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        markdown, data = folder / "results.md", folder / "results.json"
        markdown.write_text(self.markdown(), encoding="utf-8")
        data.write_text(json.dumps(self.as_json(), indent=2) + "\n", encoding="utf-8")
        return markdown, data

    @property
    def all_met(self) -> bool:
        return all(t.met is not False for t in self.targets())


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
