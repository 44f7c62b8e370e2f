"""sphinx-academic: a Sphinx extension for researchers' personal sites.

Add ``"sphinx_academic"`` to ``extensions`` in ``conf.py``; see the documentation for
the directives, roles and configuration values it provides.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_academic import citations, config, domain, locale, nodes, sidebar, transforms
from sphinx_academic.directives.cv import CVDirective
from sphinx_academic.directives.page import PublicationPageDirective
from sphinx_academic.directives.profile import NewsDirective, ProfileDirective, TimelineDirective
from sphinx_academic.directives.publications import PublicationDirective, PublicationsDirective
from sphinx_academic.export import feed, files, pages
from sphinx_academic.roles import PubRole

__version__ = "0.1.0"

STATIC_DIR = Path(__file__).parent / "static"

#: Bumped whenever what the extension keeps in the environment changes shape, so that an
#: old pickled environment is thrown away instead of misread.
ENV_VERSION = 12


def _add_static_path(app: Sphinx, config: Config) -> None:
    # At config-inited, so every build sees the same html_static_path (no spurious
    # "config changed" rebuilds).
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    locale.register(app)
    nodes.register(app)
    app.add_domain(domain.AcademicDomain)

    app.add_directive("publications", PublicationsDirective)
    app.add_directive("publication", PublicationDirective)
    app.add_directive("publication-page", PublicationPageDirective)
    app.add_directive("profile", ProfileDirective)
    app.add_directive("news", NewsDirective)
    app.add_directive("timeline", TimelineDirective)
    app.add_directive("cv", CVDirective)
    app.add_role("pub", PubRole())

    app.add_post_transform(transforms.RenderPublications)
    app.add_post_transform(transforms.HTMLOutput)
    app.add_post_transform(transforms.NoRemoteImages)
    app.add_post_transform(transforms.PrintedOutput)
    app.add_post_transform(transforms.ManPageParagraphs)
    app.add_post_transform(transforms.LaTeXImages)
    app.add_post_transform(transforms.LaTeXAddresses)
    app.add_post_transform(transforms.LaTeXHeadingLevels)
    app.add_post_transform(transforms.LaTeXSpacedPunctuation)
    app.add_post_transform(transforms.BackLinks)

    app.connect("config-inited", _add_static_path)
    app.connect("config-inited", sidebar.add_templates_path)
    app.connect("builder-inited", domain.load_data)
    app.connect("builder-inited", citations.check_source)
    app.connect("builder-inited", feed.check_feed_settings)
    app.connect("builder-inited", pages.generate_stubs)
    app.connect("builder-inited", sidebar.check_profile_configured)
    app.connect("env-get-outdated", domain.pages_to_reread)
    app.connect("doctree-read", domain.note_only_blocks)
    app.connect("env-updated", domain.docs_with_moved_targets)
    app.connect("env-updated", domain.report_read_problems)
    app.connect("env-check-consistency", domain.check_consistency)
    app.connect("warn-missing-reference", domain.warn_unresolved)
    app.connect("html-page-context", feed.add_head_elements)
    app.connect("html-page-context", pages.add_page_metadata)
    app.connect("html-page-context", nodes.add_search_script)
    app.connect("html-page-context", sidebar.add_to_context)
    app.connect("build-finished", feed.write_feed)
    app.connect("build-finished", files.write_exports)
    app.connect("build-finished", files.remove_stale_outputs, priority=600)
    app.connect("build-finished", sidebar.copy_photo)
    app.add_css_file("academic.css")
    app.add_css_file("academic-search.css")
    app.add_js_file("academic.js", loading_method="defer")
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
