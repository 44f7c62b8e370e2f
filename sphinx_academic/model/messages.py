"""Interface text declared in modules that do not import Sphinx (a table of headings,
the native format's section titles), marked for the message catalog where it is written.

It is translated where it is shown, with :func:`sphinx_academic.locale._`.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """``message`` itself, marked for the catalog (``pybabel extract -k N_``)."""
    return message
