"""The directives and the ``pub`` role as Sphinx registers them.

Speed: a build that reads no page (a no-op rebuild) needs none of the rendering code,
whose import took about a twentieth of Sphinx's own no-op rebuild. Sphinx is given light
classes that declare each directive's arguments and options (the parser needs nothing
else); the implementation is imported when a page first uses the directive.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_academic.deferred import defer
from sphinx_academic.directives.options import lenient

OptionSpec = dict[str, Callable[[str], Any]]

PUBLICATIONS_OPTIONS: OptionSpec = {
    "filter": directives.unchanged_required,
    "sort": directives.unchanged,
    "group-by": directives.unchanged,
    "limit": directives.unchanged,
    "style": directives.unchanged,
    "reversed": directives.flag,
    "no-index": directives.flag,
    "class": directives.class_option,
}
PUBLICATION_OPTIONS: OptionSpec = {
    "style": directives.unchanged,
    "no-index": directives.flag,
    "class": directives.class_option,
}
TIMELINE_OPTIONS: OptionSpec = {
    "limit": directives.unchanged,
    "order": directives.unchanged,
    "class": directives.class_option,
}
NEWS_OPTIONS: OptionSpec = {
    "limit": directives.unchanged,
    "since": directives.unchanged,
    "class": directives.class_option,
}
PROFILE_OPTIONS: OptionSpec = {"metrics": directives.flag, "class": directives.class_option}
CV_OPTIONS: OptionSpec = {
    "sections": directives.unchanged,
    "class": directives.class_option,
}
PAGE_OPTIONS: OptionSpec = {"class": directives.class_option}

_PUBLICATIONS = "sphinx_academic.directives.publications"
_PROFILE = "sphinx_academic.directives.profile"
_PAGE = "sphinx_academic.directives.page"
_CV = "sphinx_academic.directives.cv"

#: name: (implementation as "module:Class", options, required and optional arguments).
DIRECTIVES: Mapping[str, tuple[str, OptionSpec, int, int]] = {
    "publications": (f"{_PUBLICATIONS}:PublicationsDirective", PUBLICATIONS_OPTIONS, 0, 0),
    "publication": (f"{_PUBLICATIONS}:PublicationDirective", PUBLICATION_OPTIONS, 1, 0),
    "timeline": (f"{_PROFILE}:TimelineDirective", TIMELINE_OPTIONS, 1, 20),
    "news": (f"{_PROFILE}:NewsDirective", NEWS_OPTIONS, 0, 0),
    "profile": (f"{_PROFILE}:ProfileDirective", PROFILE_OPTIONS, 0, 0),
    "cv": (f"{_CV}:CVDirective", CV_OPTIONS, 0, 0),
    "publication-page": (f"{_PAGE}:PublicationPageDirective", PAGE_OPTIONS, 1, 0),
}


def _implementation(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class LazyDirective(SphinxDirective):
    """Parsed as its implementation would be, which then runs with the same input."""

    implementation: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        directive = _implementation(self.implementation)(
            self.name,
            self.arguments,
            self.options,
            self.content,
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        )
        result: list[nodes.Node] = directive.run()
        return defer(self.state.document, result)


def lazy_directive(name: str) -> type[LazyDirective]:
    """The light class Sphinx registers for directive ``name`` (see :data:`DIRECTIVES`)."""
    implementation, options, required, optional = DIRECTIVES[name]
    attributes = {
        "implementation": implementation,
        # Unknown options and refused values become warnings, as the implementation has.
        "option_spec": lenient(options),
        "required_arguments": required,
        "optional_arguments": optional,
        "__doc__": f"``.. {name}::``, implemented by :class:`{implementation.replace(':', '.')}`.",
    }
    class_name = "Lazy" + name.title().replace("-", "") + "Directive"
    return type(class_name, (LazyDirective,), attributes)


def pub_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``:pub:`KEY```, implemented by :class:`sphinx_academic.roles.PubRole`."""
    role = _implementation("sphinx_academic.roles:PubRole")()
    result: tuple[list[nodes.Node], list[nodes.system_message]] = role(
        name, rawtext, text, lineno, inliner, options or {}, content or []
    )
    return result
