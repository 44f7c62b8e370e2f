"""Interface text ("Abstract", "et al.", group headings, ...) through Sphinx's i18n: the
package's catalogs, ``locales/<lang>/LC_MESSAGES/sphinx_academic.mo``, translate it into
the project's ``language`` (the README says how they are kept up to date)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

from sphinx_academic.model.messages import N_

__all__ = ["LOCALE_DIR", "MESSAGE_CATALOG", "N_", "_", "register"]

MESSAGE_CATALOG = "sphinx_academic"
LOCALE_DIR = Path(__file__).parent / "locales"

_translate = get_translation(MESSAGE_CATALOG)


def _(message: str) -> str:
    """The message in the project's language (Sphinx's proxies made plain text)."""
    return str(_translate(message))


def register(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
