"""The metrics file in a build: read once per build (never fetched: the build does not
touch the network), its problems reported, and its counts given to the directives.

Pages that show counts note the file as a dependency, so a new metrics file re-reads
exactly those pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.model.metrics import SOURCES, Count, Metrics

if TYPE_CHECKING:  # a build that reads no page imports no publication code
    from sphinx_academic.model.publication import Publication

ENV_ATTRIBUTE = "academic_metrics"


class LoadedMetrics(NamedTuple):
    """What this build read: the file (absolute; ``""`` for none) and its metrics."""

    path: str
    metrics: Metrics


def metrics_path(app: Sphinx) -> str:
    """The configured metrics file (``academic_metrics``), absolute; ``""`` for none."""
    name = app.config.academic_metrics
    return os.path.normpath(os.path.join(app.confdir, name)) if name else ""


def load(app: Sphinx) -> None:
    """``builder-inited``: read the metrics file (a missing one is no problem) and report
    what is wrong with it or with the configured source."""
    path = metrics_path(app)
    metrics = Metrics()
    if path and os.path.exists(path):  # the reader (and pydantic-core) only when needed
        from sphinx_academic.readers.metrics import read_metrics

        metrics, problems = read_metrics(path)
        diagnostics.report(problems)
    setattr(app.env, ENV_ATTRIBUTE, LoadedMetrics(path, metrics))
    source = app.config.academic_citation_source
    if source not in SOURCES:
        diagnostics.warn(
            f"academic_citation_source {source!r} is not one of {', '.join(SOURCES)}",
            None,
            "metrics",
        )


def metrics(env: BuildEnvironment) -> Metrics:
    """The file's metrics, after noting that the current page depends on the file."""
    loaded = getattr(env, ENV_ATTRIBUTE, None)
    if not isinstance(loaded, LoadedMetrics):
        return Metrics()
    # A file that does not exist is not noted: Sphinx would re-read the page every build.
    if loaded.path and os.path.isfile(loaded.path):
        env.note_dependency(loaded.path)
    return loaded.metrics


def badge_counts(env: BuildEnvironment) -> Callable[[Publication], Count | None] | None:
    """The count each card shows (``academic_show_citations``), or ``None`` when cards
    show none."""
    if not env.config.academic_show_citations:
        return None
    found, source = metrics(env), env.config.academic_citation_source
    return lambda pub: found.count(pub.key, source)


def citation_numbers(env: BuildEnvironment) -> Callable[[Publication], int | None]:
    """Each entry's count from the configured source (``None``: none), for ``:filter:``
    and ``:sort:``."""
    found, source = metrics(env), env.config.academic_citation_source

    def number(pub: Publication) -> int | None:
        count = found.count(pub.key, source)
        return count.cited_by if count else None

    return number
