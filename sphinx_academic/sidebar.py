"""``academic_sidebar_profile``: the profile in the theme's sidebar on every page.

- ``config-inited``: the package's templates folder joins ``templates_path``, so themes
  find ``academic/sidebar-profile.html``.
- ``html-page-context``: the template's data (``academic_sidebar_profile``, the HTML of
  :func:`~sphinx_academic.render.sidebar.sidebar_html`) on the pages the value selects,
  and, when the project has not set ``html_sidebars``, the template put into the sidebar
  list of the themes in :data:`PLACES`.
- ``build-finished``: a photo from the source folder copied to ``_static`` (the
  sidebar is on pages that have no image of their own).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.matching import patmatch
from sphinx.util.osutil import ensuredir

from sphinx_academic import diagnostics
from sphinx_academic.config import page_patterns
from sphinx_academic.domain import get_domain
from sphinx_academic.render.profile import ProfileContext, photo_uri
from sphinx_academic.render.sidebar import sidebar_html

TEMPLATES_DIR = Path(__file__).parent / "templates"
TEMPLATE = "academic/sidebar-profile.html"
#: Where a photo from the source folder is copied, in the output folder.
PHOTO_DIR = "_static/academic-profile"

#: Theme -> the sidebar templates ours goes after (the first one the list has; else it
#: goes first). Other themes: add the template to ``html_sidebars`` (see the docs).
PLACES: dict[str, tuple[str, ...]] = {
    "furo": ("sidebar/brand.html",),
    "pydata_sphinx_theme": (),
    "sphinx_book_theme": ("navbar-logo.html",),
    "alabaster": ("about.html",),
}


def add_templates_path(app: Sphinx, config: Config) -> None:
    """At config-inited, so every build sees the same ``templates_path``."""
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES_DIR))


def check_profile_configured(app: Sphinx) -> None:
    """``builder-inited``: the setting is on but there is no profile to show."""
    if app.config.academic_sidebar_profile and not app.config.academic_profile:
        conf_path = os.path.join(app.confdir, "conf.py")
        diagnostics.warn(
            "academic_sidebar_profile shows the profile, but no profile file is configured "
            "(set academic_profile in conf.py, for example to 'profile.yaml')",
            conf_path,
            "profile",
        )


def shows_profile(config: Config, pagename: str) -> bool:
    """Whether ``academic_sidebar_profile`` (True, False or page patterns) selects the
    page."""
    patterns = page_patterns(config.academic_sidebar_profile)
    return any(patmatch(pagename, pattern) for pattern in patterns)


def add_to_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the sidebar block's HTML and its place in the sidebar."""
    if app.builder.format != "html" or not shows_profile(app.config, pagename):
        return
    domain = get_domain(app.env)
    profile = domain.profile.profile
    if profile.basics.name is None and not profile.basics.profiles:
        return
    photo = _photo_url(app, context)
    context["academic_sidebar_profile"] = sidebar_html(profile, photo, _context(app))
    _place_template(app, context)


def _place_template(app: Sphinx, context: dict[str, Any]) -> None:
    """Our template into the sidebar list of a theme we know, unless the project chose
    its sidebars itself (``html_sidebars``)."""
    sidebars = context.get("sidebars")
    theme = getattr(app.builder, "theme", None)
    name = theme.name if theme is not None else ""
    if app.config.html_sidebars or name not in PLACES or not isinstance(sidebars, list):
        return
    if TEMPLATE not in sidebars:
        sidebars.insert(_position(sidebars, PLACES[name]), TEMPLATE)


def _position(sidebars: list[str], after: tuple[str, ...]) -> int:
    for template in after:
        if template in sidebars:
            return sidebars.index(template) + 1
    return 0


def _photo_url(app: Sphinx, context: dict[str, Any]) -> str | None:
    uri = _photo_source(app)
    if uri is None:
        return None
    if not uri.startswith("/"):  # a checked http(s) URL
        return uri if uri.startswith(("https://", "http://")) else None
    target = f"{PHOTO_DIR}/{os.path.basename(uri)}"
    url: str = context["pathto"](target, 1)
    return url


def _photo_source(app: Sphinx) -> str | None:
    """The photo's URL or ``/path`` in the source folder; problems are warned about once
    per build (the profile card warns the same way)."""
    return photo_uri(get_domain(app.env).profile.profile.basics, _context(app))


def _context(app: Sphinx) -> ProfileContext:
    """For the checks the profile card makes too: their warnings are given once per build
    (the card and the sidebar give the same ones)."""
    return ProfileContext(
        inline=lambda text, source: [],
        language=app.config.language or "en",
        srcdir=str(app.srcdir),
        warn=get_domain(app.env).warn_once,
    )


def copy_photo(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the photo from the source folder into ``_static``."""
    if exception is not None or app.builder.format != "html":
        return
    if not app.config.academic_sidebar_profile:
        return
    uri = _photo_source(app)
    if uri is None or not uri.startswith("/"):
        return
    source = os.path.join(app.srcdir, uri.lstrip("/"))
    target = os.path.join(app.outdir, PHOTO_DIR)
    ensuredir(target)
    copy_asset_file(source, os.path.join(target, os.path.basename(source)))
