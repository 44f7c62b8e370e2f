"""The ``academic`` domain: where each entry is rendered, and ``:pub:`` cross-references.

An entry can appear on several pages (selected papers on the home page, all of them on
the publications page). ``:pub:`` links to one place, chosen by priority: a full list
first, then a filtered or limited list, then a single ``publication`` directive; ties
go to the first page in name order, so the choice never depends on reading order.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from sphinx_academic import diagnostics

#: Priorities of a place an entry is shown (lower wins): its own page (when
#: ``academic_publication_pages`` is on), then a full list, a filtered or limited one,
#: cards before citation lines, and a single entry last.
PAGE, FULL_LIST, PARTIAL_LIST, SINGLE = -1, 0, 2, 4
CITATION_LINE = 1


#: The per-document tables of the domain's data.
TABLES = ("shown", "cited", "news", "profile", "pages")


class Target(NamedTuple):
    docname: str
    anchor: str
    priority: int


class AcademicDomain(Domain):
    name = "academic"
    label = "Academic"
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> {key (lower case) -> (anchor, priority)}
        "shown": {},
        # docname -> set of keys its :pub: roles name
        "cited": {},
        # docname -> {feed anchor -> (anchor on the page, text, full list?)}
        "news": {},
        # docnames with a profile card (they get JSON-LD)
        "profile": {},
        # docname -> key of the publication its page is about
        "pages": {},
    }
    data_version = 3

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._targets: dict[str, Target] | None = None
        #: Whether a page noted, dropped or merged entries in this build.
        self.changed = False

    @property
    def shown(self) -> dict[str, dict[str, tuple[str, int]]]:
        shown: dict[str, dict[str, tuple[str, int]]] = self.data.setdefault("shown", {})
        return shown

    @property
    def cited(self) -> dict[str, set[str]]:
        cited: dict[str, set[str]] = self.data.setdefault("cited", {})
        return cited

    def note_shown(self, docname: str, key: str, anchor: str, priority: int) -> None:
        self._targets, self.changed = None, True
        places = self.shown.setdefault(docname, {})
        if key.lower() not in places or places[key.lower()][1] > priority:
            places[key.lower()] = (anchor, priority)

    def note_cited(self, docname: str, key: str) -> None:
        self.cited.setdefault(docname, set()).add(key.lower())

    def note_news(self, docname: str, key: str, anchor: str, text: str, full: bool) -> None:
        self.data["news"].setdefault(docname, {})[key] = (anchor, text, full)

    def note_profile(self, docname: str) -> None:
        self.data["profile"][docname] = True

    def note_page(self, docname: str, key: str) -> None:
        self.data["pages"][docname] = key

    def page_key(self, docname: str) -> str | None:
        """The key of the publication ``docname`` is the page of, if it is one."""
        key: str | None = self.data["pages"].get(docname)
        return key

    @property
    def profile_pages(self) -> set[str]:
        return set(self.data["profile"])

    def news_places(self) -> dict[str, tuple[str, str, str]]:
        """Feed anchor -> (docname, anchor, text) of the page the feed links to: a full
        news list first, then any page showing the item, first in name order."""
        best: dict[str, tuple[bool, str, str, str]] = {}
        for docname in sorted(self.data["news"]):
            for key, (anchor, text, full) in self.data["news"][docname].items():
                if key not in best or (full and not best[key][0]):
                    best[key] = (full, docname, anchor, text)
        return {key: (doc, anchor, text) for key, (_, doc, anchor, text) in best.items()}

    def clear_doc(self, docname: str) -> None:
        self._targets, self.changed = None, True
        for table in TABLES:
            self.data[table].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._targets, self.changed = None, True
        for table in TABLES:
            for docname in docnames:
                if docname in otherdata[table]:
                    self.data[table][docname] = otherdata[table][docname]

    def targets(self) -> dict[str, Target]:
        """The place ``:pub:`` links to, for every entry shown somewhere."""
        if self._targets is not None:
            return self._targets
        if not self.changed and hasattr(self.env, PREVIOUS_TARGETS):
            # Speed: nothing read or removed in this build (a no-op rebuild), so the
            # targets are those of the last build, which the environment kept.
            self._targets = getattr(self.env, PREVIOUS_TARGETS)
            return self._targets
        best: dict[str, Target] = {}
        for docname in sorted(self.shown):
            for key, (anchor, priority) in self.shown[docname].items():
                if key not in best or priority < best[key].priority:
                    best[key] = Target(docname, anchor, priority)
        self._targets = best
        return best

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        place = self.targets().get(target.lower())
        if place is None:
            diagnostics.warn(
                f":pub: {target!r}: no page shows this entry, so the reference has no target",
                node,
                "ref",
            )
            return None
        return make_refnode(builder, fromdocname, place.docname, place.anchor, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        # Only with academic_inventory: thousands of keys made every build, no-op ones
        # included, write a larger inventory (and whoever reads it download it).
        # Never in the search index (priority -1): the entries' text is indexed with
        # their pages.
        if not self.env.config.academic_inventory:
            return
        for key, place in sorted(self.targets().items()):
            yield key, key, "publication", place.docname, place.anchor, -1


def get_domain(env: BuildEnvironment) -> AcademicDomain:
    domain = env.get_domain("academic")
    assert isinstance(domain, AcademicDomain)
    return domain


PREVIOUS_TARGETS = "academic_previous_targets"


def docs_with_moved_targets(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-updated``: pages whose ``:pub:`` links point somewhere else now."""
    domain = get_domain(env)
    if not domain.changed and hasattr(env, PREVIOUS_TARGETS):
        return []  # speed: nothing read or removed (a no-op rebuild), so nothing moved
    targets = domain.targets()
    previous: dict[str, Target] = getattr(env, PREVIOUS_TARGETS, {})
    setattr(env, PREVIOUS_TARGETS, targets)
    moved = {
        key for key in targets.keys() | previous.keys() if targets.get(key) != previous.get(key)
    }
    if not moved:
        return []
    return sorted(doc for doc, keys in domain.cited.items() if keys & moved)
