"""Whether files the extension writes at the end of a build are still up to date."""

from __future__ import annotations

import os
from collections.abc import Iterable

from sphinx.application import Sphinx


def outputs_current(app: Sphinx, outputs: Iterable[str], data_files: Iterable[str]) -> bool:
    """Whether every file in ``outputs`` is newer than everything it is made of: the data
    files, and the pickled environment, which Sphinx writes again whenever a page was read
    (a changed configuration, or a page that shows the data, included).

    Speed: a no-op rebuild then writes nothing; making the CSL-JSON of thousands of
    entries, or the Atom feed of a thousand news items, took longer than all of Sphinx's
    own no-op rebuild.
    """
    from sphinx.application import ENV_PICKLE_FILENAME

    inputs = [*data_files, os.path.join(app.doctreedir, ENV_PICKLE_FILENAME)]
    try:
        written = min(os.stat(path).st_mtime_ns for path in outputs)
        return max(os.stat(path).st_mtime_ns for path in inputs) < written
    except (OSError, ValueError):  # not written yet, an input is missing, or no outputs
        return False
