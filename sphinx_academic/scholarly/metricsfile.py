"""Writing the metrics file: the previous content merged with what a run fetched.

Nothing is lost: entries and sources a run did not refresh (because a request failed, or
the entry left the bib file) keep their previous values, and the file is replaced
atomically (written to a temporary file beside it, then renamed over it), so an
interrupted run leaves the old file whole. The output is sorted JSON, so a rerun that
changed nothing writes the same bytes and version control sees real changes only.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping

from sphinx_academic.model.metrics import Count, EntryMetrics, Metrics, Totals, totals_of
from sphinx_academic.model.metrics_schema import MetricsFileModel
from sphinx_academic.scholarly.counts import Fetched
from sphinx_academic.scholarly.matching import Wanted


def merge(
    previous: Metrics,
    entries: Iterable[Wanted],
    runs: Mapping[str, Fetched],
    today: str,
) -> Metrics:
    """``previous`` with the counts ``runs`` found (by source) added or replaced."""
    merged: dict[str, EntryMetrics] = dict(previous.entries)
    for wanted in entries:
        found = {
            source: run.found[wanted.key] for source, run in runs.items() if wanted.key in run.found
        }
        if not found:
            continue
        old = merged.get(wanted.key, EntryMetrics({}, {}))
        ids = {**old.ids, **wanted.ids()}
        citations = dict(old.citations)
        for source, hit in found.items():
            ids[source] = hit.source_id
            citations[source] = Count(hit.cited_by, today, hit.matched_by)
        merged[wanted.key] = EntryMetrics(ids, citations)
    unmatched = dict(previous.unmatched)
    unmatched.update({source: tuple(run.unmatched) for source, run in runs.items()})
    return Metrics(merged, _totals(previous, merged, runs, today), unmatched)


def _totals(
    previous: Metrics, merged: Mapping[str, EntryMetrics], runs: Mapping[str, Fetched], today: str
) -> dict[str, Totals]:
    totals = dict(previous.totals)
    for source, run in runs.items():
        if run.found:
            totals[source] = totals_of(merged, source, today)
    return totals


def write(path: str, metrics: Metrics) -> None:
    """Replace ``path`` with ``metrics`` atomically, in the format the build reads
    (:class:`MetricsFileModel`, see docs/reference/metrics.rst); a symbolic link stays one
    (the file it points to is replaced)."""
    content = MetricsFileModel.of(metrics).model_dump(mode="json")
    text = json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    handle, partial = tempfile.mkstemp(prefix=".metrics-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        if os.path.exists(path):
            shutil.copymode(path, partial)
        else:
            os.chmod(partial, 0o644)  # as a file written by an editor (mkstemp gives 0o600)
        os.replace(partial, path)
    except BaseException:
        if os.path.exists(partial):
            os.unlink(partial)
        raise
