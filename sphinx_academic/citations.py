"""Citation counts in a build, from the metrics file (never fetched: the build does not
touch the network): the counts ``:filter:`` and ``:sort:`` use, and the check of
``academic_citation_source``. The file itself is kept by the domain."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.domain import metrics_for_page
from sphinx_academic.model.metrics import SOURCES, Metrics

if TYPE_CHECKING:
    from sphinx_academic.model.publication import Publication


def check_source(app: Sphinx) -> None:
    """``builder-inited``: an unknown ``academic_citation_source`` is reported once."""
    source = app.config.academic_citation_source
    if source not in SOURCES:
        diagnostics.warn(
            f"academic_citation_source {source!r} is not one of {', '.join(SOURCES)}",
            None,
            "metrics",
        )


def metrics(env: BuildEnvironment) -> Metrics:
    """The file's metrics, after noting that the current page depends on the file."""
    return metrics_for_page(env).metrics or Metrics()


def citation_numbers(env: BuildEnvironment) -> Callable[[Publication], int | None]:
    """Each entry's count from the configured source (``None``: none), for ``:filter:``
    and ``:sort:``."""
    found, source = metrics(env), env.config.academic_citation_source

    def number(pub: Publication) -> int | None:
        count = found.count(pub.key, source)
        return count.cited_by if count else None

    return number
