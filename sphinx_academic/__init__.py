"""sphinx-academic: a Sphinx extension for researchers' personal sites.

Add ``"sphinx_academic"`` to ``extensions`` in ``conf.py``; see the documentation for
the directives, roles and configuration values it provides.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

__version__ = "0.1.0"

STATIC_DIR = Path(__file__).parent / "static"

#: Bumped whenever what the extension keeps in the environment changes shape, so that an
#: old pickled environment is thrown away instead of misread.
ENV_VERSION = 8  # 8: problems and file stamps are named tuples


def _add_static_path(app: Sphinx, config: Config) -> None:
    # At config-inited, so every build sees the same html_static_path (no spurious
    # "config changed" rebuilds).
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def setup(app: Sphinx) -> dict[str, Any]:
    # Speed: these modules are light; the directives, the role and the handlers import
    # the readers and the rendering code when a build needs them (see directives.lazy).
    from sphinx_academic import (
        citations,
        config,
        deferred,
        domain,
        feed,
        gcpause,
        locale,
        nodes,
        pages,
        store,
    )
    from sphinx_academic.directives.lazy import DIRECTIVES, lazy_directive, pub_role
    from sphinx_academic.render import timenode
    from sphinx_academic.transforms import AdaptPublicationsToBuilder

    config.register(app)
    locale.register(app)
    nodes.register(app)
    timenode.register(app)
    deferred.register(app)
    app.add_domain(domain.AcademicDomain)
    for name in DIRECTIVES:
        app.add_directive(name, lazy_directive(name))
    app.add_role("pub", pub_role)
    app.add_post_transform(AdaptPublicationsToBuilder)

    app.connect("config-inited", _add_static_path)
    app.connect("builder-inited", store.load)
    app.connect("builder-inited", citations.load)
    app.connect("builder-inited", feed.check_feed_settings)
    app.connect("builder-inited", pages.generate_stubs)
    app.connect("builder-inited", gcpause.freeze_loaded_data, priority=900)
    app.connect("env-updated", domain.docs_with_moved_targets)
    app.connect("env-updated", store.release, priority=900)
    app.connect("html-page-context", feed.add_head_elements)
    app.connect("html-page-context", pages.add_page_metadata)
    app.connect("build-finished", feed.write_feed)
    app.connect("build-finished", pages.write_exports)
    app.connect("build-finished", gcpause.unfreeze, priority=900)
    app.add_css_file("academic.css")
    app.add_js_file("academic.js", loading_method="defer")
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
