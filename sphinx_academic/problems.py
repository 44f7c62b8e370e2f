"""Located problems found in data files, independent of Sphinx.

Readers never raise on bad input: they return what they could read plus a list of
:class:`Problem` records, which the Sphinx layer turns into warnings.
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a data file, at a place a user can find."""

    #: Path of the data file, as given to the reader.
    path: str
    #: The message shown to the user.
    message: str
    #: Documented warning subtype, e.g. ``"bibtex"`` (see docs/reference/warnings).
    subtype: str
    #: 1-based line, when the reader knows it.
    line: int | None = None
    #: 1-based column, when the reader knows it.
    column: int | None = None

    @property
    def location(self) -> str:
        """``path:line`` (or ``path:line:column``), the form Sphinx prints."""
        parts = [self.path, str(self.line or 1)]
        if self.column:
            parts.append(str(self.column))
        return ":".join(parts)
