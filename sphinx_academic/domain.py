"""The ``academic`` domain: all state the extension keeps between builds.

- The parsed data files (:class:`~sphinx_academic.store.PublicationStore` and
  :class:`~sphinx_academic.store.ProfileStore`), loaded at ``builder-inited`` by
  :func:`load_data` before any page is read, read-only afterwards.
- Per page: where each entry is shown, which entries its ``:pub:`` roles cite, its news
  items (for the Atom feed), whether it has a profile card, which entry it is the page of,
  and which data files it shows (so a changed file re-reads exactly those pages), and the
  data problems found while reading it (reported once per build, also with ``-j``).
- ``:pub:`` cross-references, also from other projects through intersphinx
  (``:external+NAME:academic:pub:`KEY```): every shown entry is an object of type
  ``publication`` in the inventory.

An entry can appear on several pages (selected papers on the home page, all of them on
the publications page). ``:pub:`` links to one place, chosen by priority: its own page,
then a full list, then a filtered or limited list, then a single ``publication``
directive; ties go to the first page in name order, so the choice never depends on
reading order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Set
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.addnodes import only, pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from sphinx_academic import diagnostics
from sphinx_academic.diagnostics import Problem
from sphinx_academic.nodes import academic_publications
from sphinx_academic.roles import PubRole
from sphinx_academic.store import (
    CoauthorStore,
    MetricsStore,
    ProfileStore,
    PublicationStore,
    bib_paths,
    coauthors_path,
    metrics_path,
    profile_paths,
)

if TYPE_CHECKING:
    from sphinx_academic.model.coauthors import Coauthor, CoauthorMatcher
    from sphinx_academic.model.names import OwnerMatcher

#: Priorities of a place an entry is shown (lower wins): its own page (when
#: ``academic_publication_pages`` is on), then a full list, a filtered or limited one,
#: cards before citation lines, and a single entry last.
PAGE, FULL_LIST, PARTIAL_LIST, SINGLE = -1, 0, 2, 4
CITATION_LINE = 1

#: The per-page tables of the domain's data.
TABLES = (
    "shown",
    "cited",
    "news",
    "profile",
    "pages",
    "data_files",
    "conditions",
    "problems",
)


class Target(NamedTuple):
    """Where ``:pub:`` links to for one entry."""

    docname: str
    anchor: str
    priority: int


class AcademicDomain(Domain):
    name = "academic"
    label = "Academic"
    object_types: ClassVar[dict[str, ObjType]] = {
        "publication": ObjType("publication", "pub"),
    }
    roles: ClassVar[dict[str, Any]] = {"pub": PubRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "publications": PublicationStore(),
        "profile_data": ProfileStore(),
        "metrics": MetricsStore(),
        "coauthors": CoauthorStore(),
        # docname -> {anchor -> (key (lower case), priority)}, in page order
        "shown": {},
        # docname -> set of keys its :pub: roles name
        "cited": {},
        # docname -> {feed anchor -> (anchor on the page, text, full list?)}
        "news": {},
        # docnames with a profile card (they get JSON-LD)
        "profile": {},
        # docname -> key of the publication its page is about
        "pages": {},
        # docname -> data files it shows
        "data_files": {},
        # docname -> {anchor -> conditions of the ``only`` blocks it is in}
        "conditions": {},
        # docname -> [(message, location, subtype)]: data problems found reading it
        "problems": {},
        # key (lower case) -> (docname, anchor) :pub: linked to in the last build
        "targets": {},
    }
    data_version = 6

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._targets: dict[str, Target] | None = None
        #: The data files whose content changed in this build (set by :func:`load_data`).
        self.changed_data_files: set[str] = set()
        #: The publication pages generated in this build (see export.pages).
        self.generated_pages: set[str] = set()
        #: The data problems already reported in this build (see :meth:`warn_once`).
        self._warned: set[tuple[str, str]] = set()
        #: The pages read (or removed) in this build, whose noted problems
        #: :func:`report_read_problems` reports.
        self.read_docs: set[str] = set()
        #: Whether the current builder shows an ``only`` block of a condition (set by
        #: :func:`load_data` from the builder's tags).
        self.builder_shows: Callable[[str], bool] = lambda condition: True

    def warn_once(self, message: str, location: str, subtype: str) -> None:
        """Report a problem of the data once per build, however many pages show it."""
        if (message, location) not in self._warned:
            self._warned.add((message, location))
            diagnostics.warn(message, location, subtype)

    def note_problem(self, message: str, location: str, subtype: str) -> None:
        """Note a problem of the data found while reading the current page. Pages read in
        parallel are read by separate processes, so problems are reported together, once,
        after every page is read (by :func:`report_read_problems`)."""
        self.data["problems"].setdefault(self.env.docname, []).append((message, location, subtype))

    # -- the data files ---------------------------------------------------------------

    @property
    def publications(self) -> PublicationStore:
        store: PublicationStore = self.data["publications"]
        return store

    @property
    def profile(self) -> ProfileStore:
        store: ProfileStore = self.data["profile_data"]
        return store

    @property
    def metrics(self) -> MetricsStore:
        store: MetricsStore = self.data["metrics"]
        return store

    @property
    def coauthors(self) -> CoauthorStore:
        store: CoauthorStore = self.data["coauthors"]
        return store

    def note_data_file(self, docname: str, path: str) -> None:
        self.data["data_files"].setdefault(docname, set()).add(path)

    def pages_using(self, paths: Set[str]) -> list[str]:
        """The pages that show any of the data files ``paths``."""
        return sorted(doc for doc, used in self.data["data_files"].items() if used & paths)

    # -- what pages show ----------------------------------------------------------------

    def note_shown(self, docname: str, key: str, anchor: str, priority: int) -> None:
        self._targets = None
        self.data["shown"].setdefault(docname, {})[anchor] = (key.lower(), priority)

    def note_cited(self, docname: str, key: str) -> None:
        self.data["cited"].setdefault(docname, set()).add(key.lower())

    def note_news(self, docname: str, key: str, anchor: str, text: str, full: bool) -> None:
        self.data["news"].setdefault(docname, {})[key] = (anchor, text, full)

    def note_profile(self, docname: str) -> None:
        self.data["profile"][docname] = True

    def note_page(self, docname: str, key: str) -> None:
        self.data["pages"][docname] = key

    def own_page_keys(self) -> frozenset[str]:
        """The keys (lower case) of the entries that have a page of their own."""
        return frozenset(key.lower() for key in self.data["pages"].values())

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
        self._targets = None
        self.read_docs.add(docname)
        for table in TABLES:
            self.data[table].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._targets = None
        for table in TABLES:
            for docname in docnames:
                if docname in otherdata[table]:
                    self.data[table][docname] = otherdata[table][docname]

    # -- cross-references ---------------------------------------------------------------

    def note_conditions(self, docname: str, anchor: str, conditions: tuple[str, ...]) -> None:
        """The entry at ``anchor`` is shown only by builders that meet ``conditions``."""
        self.data["conditions"].setdefault(docname, {})[anchor] = conditions

    def targets(self) -> dict[str, Target]:
        """The place ``:pub:`` links to, for every entry shown somewhere the current
        builder shows."""
        if self._targets is None:
            best: dict[str, tuple[str, str, int]] = {}
            for docname in sorted(self.data["shown"]):
                hidden = self.data["conditions"].get(docname, {})
                for anchor, (key, priority) in self.data["shown"][docname].items():
                    if not all(map(self.builder_shows, hidden.get(anchor, ()))):
                        continue
                    if key not in best or priority < best[key][2]:
                        best[key] = (docname, anchor, priority)
            self._targets = {key: Target(*place) for key, place in best.items()}
        return self._targets

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
        if typ == "list":
            return self._list_link(builder, fromdocname, target.lower(), contnode)
        place = self.targets().get(target.lower())
        if typ == "title":
            return self._title_link(builder, fromdocname, place, node, contnode)
        if place is None:
            return None  # intersphinx may still find it in another project's inventory
        return make_refnode(builder, fromdocname, place.docname, place.anchor, contnode)

    def _title_link(
        self,
        builder: Builder,
        fromdocname: str,
        place: Target | None,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """A card's title links to the entry's own page, else to its ``url``; without
        either it stays text."""
        if place is not None and place.priority == PAGE:
            link = make_refnode(builder, fromdocname, place.docname, place.anchor, contnode)
        elif node.get("academic_url"):
            link = nodes.reference("", "", contnode, refuri=node["academic_url"])
        else:
            return None
        link["classes"].append("academic-pub-title-link")
        return link

    def _list_link(
        self, builder: Builder, fromdocname: str, key: str, contnode: nodes.Element
    ) -> nodes.reference | None:
        """A publication page's link back to the entry in a list: a full list first,
        then a partial one, in page name order; ``None`` when no list shows it."""
        places = [
            (priority, docname, anchor)
            for docname in sorted(self.data["shown"])
            for anchor, (shown, priority) in self.data["shown"][docname].items()
            if shown == key
            and FULL_LIST <= priority < SINGLE
            and all(
                map(self.builder_shows, self.data["conditions"].get(docname, {}).get(anchor, ()))
            )
        ]
        if not places:
            return None
        _, docname, anchor = min(places)
        return make_refnode(builder, fromdocname, docname, anchor, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        place = self.targets().get(target.lower())
        if place is None:
            return []
        ref = make_refnode(builder, fromdocname, place.docname, place.anchor, contnode)
        return [("academic:pub", ref)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        # Priority -1: not in the search index (the entries' text is indexed with their
        # pages), but in objects.inv for intersphinx.
        if not self.env.config.academic_inventory:
            return
        places = sorted(self.targets().items(), key=lambda item: item[1])
        for key, place in places:
            # The key as written in the bib file, the title as the display name.
            pub = self.publications.get(key)
            name, title = (pub.key, pub.title_text) if pub is not None else (key, key)
            yield name, title, "publication", place.docname, place.anchor, -1


def get_domain(env: BuildEnvironment) -> AcademicDomain:
    domain = env.get_domain("academic")
    assert isinstance(domain, AcademicDomain)
    return domain


def load_data(app: Sphinx) -> None:
    """``builder-inited`` (before Sphinx looks for outdated pages, so that generated pages
    can still be written): bring the stores up to date and report the files' problems."""
    domain = get_domain(app.env)
    domain.builder_shows = app.builder.tags.eval_condition
    changed = domain.publications.refresh(bib_paths(app))
    changed |= domain.profile.refresh(profile_paths(app))
    changed |= domain.metrics.refresh(metrics_path(app))
    changed |= domain.coauthors.refresh(coauthors_path(app))
    domain.changed_data_files = changed
    diagnostics.report(_with_setting(domain.publications.problems, "academic_bibfiles"))
    diagnostics.report(_with_setting(domain.profile.problems, "academic_profile"))
    diagnostics.report(_with_setting(domain.metrics.problems, "academic_metrics"))
    diagnostics.report(_with_setting(domain.coauthors.problems, "academic_coauthors"))
    if domain.coauthors.people:
        from sphinx_academic.readers.coauthors import ambiguous_names

        people = coauthor_matcher(domain.coauthors.people)
        owner = owner_matcher(owner_spellings(app.env))
        diagnostics.report(ambiguous_names(domain.publications.entries, people, owner))


def _with_setting(problems: Iterable[Problem], setting: str) -> list[Problem]:
    """The problems of the files ``setting`` names; one that cannot be read at all (a
    ``file`` problem: missing, a directory) says where the name was given."""
    return [
        replace(problem, message=f"{problem.message} (named by {setting} in conf.py)")
        if problem.subtype == "file"
        else problem
        for problem in problems
    ]


def pages_to_reread(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the pages that show a data file whose content changed, also
    when its modification time did not (Sphinx's own check compares times only)."""
    domain = get_domain(env)
    return domain.pages_using(domain.changed_data_files)


def docs_with_moved_targets(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages whose ``:pub:`` links point somewhere else now."""
    domain = get_domain(env)
    targets = {key: (t.docname, t.anchor) for key, t in domain.targets().items()}
    previous: dict[str, tuple[str, str]] = domain.data["targets"]
    domain.data["targets"] = targets
    moved = {
        key for key in targets.keys() | previous.keys() if targets.get(key) != previous.get(key)
    }
    if not moved:
        return []
    return sorted(doc for doc, keys in domain.data["cited"].items() if keys & moved)


def report_read_problems(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the data problems found while reading this build's pages, each
    once, in page order (the same with ``-j``: the pages' readers noted them)."""
    domain = get_domain(env)
    for docname in sorted(domain.read_docs):
        for message, location, subtype in domain.data["problems"].get(docname, ()):
            domain.warn_once(message, location, subtype)
    domain.read_docs.clear()


def note_only_blocks(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: which shown entries sit in ``.. only::`` blocks, so ``:pub:``
    links only to places the current builder shows."""
    domain = get_domain(app.env)
    docname = app.env.docname
    anchors = set(domain.data["shown"].get(docname, {}))
    if not anchors:
        return
    for block in doctree.findall(only):
        for element in block.findall(nodes.Element):
            found = anchors.intersection(_anchors(element))
            if found:
                conditions = tuple(
                    parent["expr"] for parent in _ancestors(element) if isinstance(parent, only)
                )
                for anchor in found:
                    domain.note_conditions(docname, anchor, conditions)


def _anchors(element: nodes.Element) -> list[str]:
    """The anchors of what ``element`` shows (a pending list: of its entries)."""
    if isinstance(element, academic_publications):
        return [anchor for _, anchor, _ in element["entries"]]
    ids: list[str] = element["ids"]
    return ids


def _ancestors(node: nodes.Element) -> Iterable[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: one page per publication."""
    pages: dict[str, list[str]] = {}
    for docname, key in sorted(get_domain(env).data["pages"].items()):
        pages.setdefault(key.lower(), []).append(docname)
    for key, docnames in pages.items():
        for docname in docnames[1:]:
            diagnostics.warn(
                f"a second page for publication {key!r} (the first is {docnames[0]!r}, "
                "which card titles and :pub: link to)",
                (docname, None),
                "pages",
            )


def warn_unresolved(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: a ``:pub:`` that neither this project nor an inventory
    resolves gets a located warning saying why (references made through intersphinx get
    Sphinx's own)."""
    if not isinstance(domain, AcademicDomain) or node.get("intersphinx"):
        return None
    if node["reftype"] == "list":  # a publication page without a list: no link back
        return True
    key = node["reftarget"]
    if domain.publications.get(key) is None:
        diagnostics.warn(f":pub: unknown publication key {key!r}", node, "key")
    else:
        diagnostics.warn(
            f":pub: {key!r}: no page shows this entry, so the reference has no target",
            node,
            "ref",
        )
    return True


def publications_for_page(env: BuildEnvironment) -> PublicationStore:
    """The publications, after noting that the current page depends on the bib files (and
    on the profile, whose name marks the owner in author lists, and the co-authors file,
    whose people the names link to)."""
    domain = get_domain(env)
    _note_use(env, domain, (*domain.publications.paths, *domain.profile.paths))
    if domain.coauthors.path:
        domain.note_data_file(env.docname, domain.coauthors.path)
        if domain.coauthors.digest is not None:  # Sphinx re-reads pages of missing files
            env.note_dependency(domain.coauthors.path)
    if env.config.academic_show_citations:
        metrics_for_page(env)  # the cards' citation badges
    return domain.publications


def profile_for_page(env: BuildEnvironment) -> ProfileStore:
    """The profile, after noting that the current page depends on its files."""
    domain = get_domain(env)
    _note_use(env, domain, domain.profile.paths)
    return domain.profile


def metrics_for_page(env: BuildEnvironment) -> MetricsStore:
    """The metrics file, after noting that the current page depends on it (a page that
    shows counts is read again when the file appears later)."""
    domain = get_domain(env)
    if domain.metrics.path:
        domain.note_data_file(env.docname, domain.metrics.path)
        if domain.metrics.digest is not None:  # Sphinx re-reads pages of missing files
            env.note_dependency(domain.metrics.path)
    return domain.metrics


def _note_use(env: BuildEnvironment, domain: AcademicDomain, paths: Iterable[str]) -> None:
    for path in paths:
        env.note_dependency(path)
        domain.note_data_file(env.docname, path)


def owner_spellings(env: BuildEnvironment) -> tuple[str, ...]:
    """Every spelling of the site owner's name: the aliases and the profile's name."""
    name = get_domain(env).profile.profile.basics.name
    aliases = tuple(env.config.academic_author_aliases)
    # The name field is inline markup: drop escaping backslashes.
    return (*aliases, name.replace("\\", "")) if name else aliases


@functools.lru_cache(maxsize=32)
def owner_matcher(spellings: tuple[str, ...]) -> OwnerMatcher:
    """The matcher of the owner's name spellings (one per set of spellings)."""
    from sphinx_academic.model.names import OwnerMatcher

    return OwnerMatcher(spellings)


@functools.lru_cache(maxsize=8)
def coauthor_matcher(people: tuple[Coauthor, ...]) -> CoauthorMatcher:
    """The matcher of the co-authors file's people (one per file content)."""
    from sphinx_academic.model.coauthors import CoauthorMatcher

    return CoauthorMatcher(people)
