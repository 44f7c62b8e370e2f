"""Interface text ("Abstract", "et al.", group headings, ...) through Sphinx's i18n: the
package's catalogs, ``locales/<lang>/LC_MESSAGES/sphinx_academic.mo``, translate it into
the project's ``language`` (the README says how they are kept up to date)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_academic"
LOCALE_DIR = Path(__file__).parent / "locales"

_translate = get_translation(MESSAGE_CATALOG)


def _(message: str) -> str:
    """The message in the project's language (Sphinx's proxies made plain text)."""
    return str(_translate(message))


def N_(message: str) -> str:
    """``message`` itself: marks text declared in one place (a table of labels) for the
    catalog; :func:`_` translates it where it is shown."""
    return message


#: Headings made by the Sphinx-free query layer, listed here so catalog tools see them.
GROUP_HEADINGS = (
    _translate("Journal articles"),
    _translate("Conference papers"),
    _translate("Book chapters"),
    _translate("Books"),
    _translate("Theses"),
    _translate("Technical reports"),
    _translate("Preprints"),
    _translate("Other publications"),
    _translate("Undated"),
)

#: The native format's section titles, given by the Sphinx-free readers.
SECTION_TITLES = (
    _translate("Work Experience"),
    _translate("Volunteering"),
    _translate("Education"),
    _translate("Awards"),
    _translate("Certificates"),
    _translate("Publications"),
    _translate("Skills"),
    _translate("Languages"),
    _translate("Interests"),
    _translate("References"),
    _translate("Projects"),
)


def register(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
