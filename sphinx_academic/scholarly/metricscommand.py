"""``sphinx-academic metrics``: fetch citation counts into the metrics file.

Reads conf.py for the bib files and the metrics file, looks every entry up at each chosen
source, merges what it found into the file (see :mod:`.metricsfile`) and prints a summary.
The exit status is 0 when every request succeeded, 1 when some failed (their entries keep
their previous values), 2 when nothing could be fetched or the run could not start.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from sphinx_academic.model.metrics import Metrics
from sphinx_academic.model.publication import Publication
from sphinx_academic.scholarly import crossref, inspire, openalex, semanticscholar
from sphinx_academic.scholarly.counts import Fetched, Service, fetch_counts
from sphinx_academic.scholarly.http import Client, Politeness, base_url
from sphinx_academic.scholarly.matching import Wanted
from sphinx_academic.scholarly.metricsfile import merge, write

SERVICES: dict[str, Service] = {
    service.name: service
    for service in (openalex.SERVICE, crossref.SERVICE, semanticscholar.SERVICE, inspire.SERVICE)
}
SUCCESS, PARTIAL, FAILURE = 0, 1, 2


class CommandError(Exception):
    """The run cannot start (bad arguments, unreadable files); the message says why."""


def check_target(path: str) -> None:
    """Raise :class:`CommandError` when ``path`` cannot become the file a command writes
    (checked before any request is sent, so a run is not wasted)."""
    folder = os.path.dirname(os.path.realpath(path))
    if os.path.isdir(path):
        raise CommandError(f"{path}: is a folder, not a file")
    if not os.path.isdir(folder):
        reason = "is not a folder" if os.path.exists(folder) else "does not exist"
        raise CommandError(f"{path}: cannot write: the folder {folder} {reason}")


def write_error(path: str, error: OSError) -> CommandError:
    """The one-line error for a file that could not be written."""
    return CommandError(f"{path}: cannot write: {error.strerror or error}")


@dataclass
class Settings:
    """What a run needs, from conf.py and the command line."""

    bib_paths: list[str]
    metrics_path: str
    sources: list[str]
    mailto: str = ""
    politeness: Politeness | None = None
    #: Wait function for the HTTP clients (tests make it record instead of sleeping).
    sleep: Callable[[float], None] | None = None


@dataclass
class Outcome:
    """What a run did, for the summary and the exit status."""

    runs: dict[str, Fetched]
    entries: int
    written: bool
    requests: int

    @property
    def status(self) -> int:
        failed = any(run.failed for run in self.runs.values())
        found = any(run.found for run in self.runs.values())
        if failed and not found:
            return FAILURE
        return PARTIAL if failed else SUCCESS


def run(settings: Settings, err: TextIO = sys.stderr) -> Outcome:
    """Fetch, merge and write; raise :class:`CommandError` when the run cannot start."""
    from sphinx_academic.readers.metrics import read_metrics

    check_target(settings.metrics_path)
    publications = _publications(settings.bib_paths)
    previous, problems = read_metrics(settings.metrics_path)
    if problems:  # never overwrite a file we could not read whole
        first = problems[0]
        raise CommandError(f"{first.location}: {first.message}; fix or remove it first")
    entries = [Wanted.of(pub, _source_ids(previous, pub.key)) for pub in publications]
    runs, requests = {}, 0
    progress = _Progress(err, len(entries) * len(settings.sources))
    for source in settings.sources:
        service = SERVICES[source]
        with _client(service, settings) as client:
            runs[source] = fetch_counts(service, client, entries, progress.advance)
            requests += client.requests
    progress.finish()
    outcome = Outcome(runs, len(entries), False, requests)
    if outcome.status != FAILURE:
        today = datetime.date.today().isoformat()
        try:
            write(settings.metrics_path, merge(previous, entries, runs, today))
        except OSError as error:
            raise write_error(settings.metrics_path, error) from None
        outcome.written = True
    return outcome


def _publications(paths: Sequence[str]) -> list[Publication]:
    from sphinx_academic.readers.bibtex import merge_files, read_bibtex

    if not paths:
        raise CommandError("conf.py configures no bib files (academic_bibfiles)")
    files = [read_bibtex(path) for path in paths]
    for bibfile in files:
        unreadable = [p for p in bibfile.problems if p.subtype == "file"]
        if unreadable:
            raise CommandError(f"{unreadable[0].location}: {unreadable[0].message}")
    return merge_files(files)[0]


def _source_ids(previous: Metrics, key: str) -> dict[str, str]:
    entry = previous.entry(key)
    return {name: value for name, value in entry.ids.items() if name in SERVICES} if entry else {}


def _client(service: Service, settings: Settings) -> Client:
    client = Client(
        service.name,
        base_url(service.name, service.default_url),
        mailto=settings.mailto,
        politeness=settings.politeness or Politeness(),
    )
    if settings.sleep is not None:
        client.sleep = settings.sleep
    return client


class _Progress:
    """A one-line progress count on a terminal's stderr; silent otherwise."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total, self.done = stream, total, 0
        self.shown = stream.isatty() and total > 0

    def advance(self, done: int) -> None:
        self.done += done
        if self.shown:
            self.stream.write(f"\rlooking up entries: {min(self.done, self.total)}/{self.total}")
            self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")


def summary(outcome: Outcome, settings: Settings) -> list[str]:
    """The lines printed at the end of a run."""
    lines = []
    for source, fetched in outcome.runs.items():
        line = f"{source}: {len(fetched.found)} of {outcome.entries} entries counted"
        if fetched.failed:
            line += f", {len(fetched.failed)} not refreshed (previous values kept)"
        if fetched.unmatched:
            line += f", {len(fetched.unmatched)} unmatched: {', '.join(fetched.unmatched)}"
        lines.append(line)
        lines += [f"  {error}" for error in dict.fromkeys(fetched.errors)]
    where = os.path.relpath(settings.metrics_path)
    if outcome.written:
        lines.append(f"wrote {where} ({outcome.requests} requests)")
    else:
        lines.append(f"nothing fetched; {where} left as it is ({outcome.requests} requests)")
    return lines
