"""What leaves the site beside its pages: the Atom feed, publication pages (generated
stubs and their metadata), the BibTeX and CSL-JSON files, and Scholar / schema.org
metadata."""

from __future__ import annotations

import os
from collections.abc import Iterable

from sphinx.application import Sphinx

#: The builders that publish a site (epub and the like are HTML too, but not a site).
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def outputs_current(app: Sphinx, outputs: Iterable[str], data_files: Iterable[str]) -> bool:
    """Whether every file in ``outputs`` is newer than everything it is made of: the data
    files, and the pickled environment, which Sphinx writes again whenever a page was read
    (a changed configuration, or a page that shows the data, included).

    A no-op rebuild then writes none of them again.
    """
    from sphinx.application import ENV_PICKLE_FILENAME

    inputs = [*data_files, os.path.join(app.doctreedir, ENV_PICKLE_FILENAME)]
    try:
        written = min(os.stat(path).st_mtime_ns for path in outputs)
        return max(os.stat(path).st_mtime_ns for path in inputs) < written
    except (OSError, ValueError):  # not written yet, an input is missing, or no outputs
        return False
