"""The performance benchmark of sphinx-academic: ``python -m benchmarks``.

It generates seeded synthetic inputs (bib files with al-folio's fields, a profile with
news and timeline entries), writes small Sphinx projects that show them in several ways,
builds each project several times in separate processes, and reports times, peak memory
and the ratios the project's performance targets are stated in.

- :mod:`benchmarks.data`: the synthetic records and their BibTeX and YAML files;
- :mod:`benchmarks.projects`: the Sphinx projects (the plain-reStructuredText floor,
  sphinxcontrib-bibtex, the ``publications`` styles, news and timeline pages);
- :mod:`benchmarks.measure`: builds in subprocesses, timing, peak RSS, re-read pages;
- :mod:`benchmarks.report`: ratios, targets, and the Markdown and JSON reports.

Nothing here imports the extension: the builds run ``python -m sphinx`` on the installed
package, exactly as a user would.
"""
