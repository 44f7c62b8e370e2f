"""Scholarly web services: citation counts and publication lists fetched for the
``sphinx-academic metrics`` and ``sphinx-academic import`` commands.

Only those commands import this package; a build never does (it reads the metrics file
the command wrote, see :mod:`sphinx_academic.readers.metrics`). One module per service
(:mod:`.openalex`, :mod:`.crossref`, :mod:`.semanticscholar`, :mod:`.inspire`,
:mod:`.orcid`, :mod:`.dblp`) over a shared HTTP client (:mod:`.http`).
"""
