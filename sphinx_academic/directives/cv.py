"""``.. cv::``: the whole CV, the profile's sections and the bib files' entries."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_academic.directives.base import (
    register_anchor,
    unique_anchor,
)
from sphinx_academic.directives.profile import ProfileDirectiveBase
from sphinx_academic.directives.publications import PublicationDirectiveBase
from sphinx_academic.domain import FULL_LIST, PARTIAL_LIST, publications_for_page
from sphinx_academic.locale import N_, _
from sphinx_academic.query.order import parse_sort, sort_publications
from sphinx_academic.render.profile import profile_card, section_block

#: Where the CV puts the sections it knows; the others come between, in file order.
CV_FIRST = ("education", "work", "awards", "publications")
CV_LAST = ("skills", "languages", "interests")
CV_NOT_SECTIONS = ("news",)


class CVDirective(ProfileDirectiveBase, PublicationDirectiveBase):
    """The whole CV in the conventional order, or the sections named in ``:sections:``."""

    option_spec = {
        "sections": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        box = nodes.container(classes=["academic-cv", *self.options.get("class", [])])
        ctx = self.context()
        for key in self.section_keys():
            if key == "profile":
                box += profile_card(self.profile.basics, ctx)
            elif key == "publications" and publications_for_page(self.env).entries:
                box += self.publications()
            else:
                section = self.find_section(key)
                # A section with nothing in it (an empty list, or entries all left out
                # after warnings) would be a heading alone.
                if section is not None and section.entries:
                    box += [self.heading(section.title, section.key), *section_block(section, ctx)]
        self.set_source_info(box)
        return [box]

    def section_keys(self) -> list[str]:
        if "sections" in self.options:
            keys = [key.strip() for key in self.options["sections"].split(",") if key.strip()]
            for key in sorted({key for key in keys if keys.count(key) > 1}):
                self.warn(f":sections: names {key!r} twice; it is shown once", "option")
            return list(dict.fromkeys(keys))
        profile = self.profile
        present = [s.key for s in profile.sections if s.key not in CV_NOT_SECTIONS]
        if publications_for_page(self.env).entries and "publications" not in present:
            present.append("publications")
        first = [key for key in CV_FIRST if key in present]
        last = [key for key in CV_LAST if key in present]
        middle = [key for key in present if key not in first and key not in last]
        return ["profile", *first, *middle, *last]

    def heading(self, title: str, key: str) -> nodes.rubric:
        """A section's heading: its title in the project's language when the catalog has
        it (the native format's titles, or a title written in English)."""
        title = _(title)
        level = min(max(self.state.memo.section_level + 1, 2), 6)
        # Translated already: out of the project's message catalogs (``gettext`` builder).
        rubric = nodes.rubric(title, title, classes=["academic-cv-heading"], translatable=False)
        rubric["heading-level"] = level
        anchor = unique_anchor(self.state.document, key, prefix="cv-")
        rubric["ids"].append(anchor)
        register_anchor(self.state.document, rubric, anchor)
        return rubric

    def publications(self) -> list[nodes.Node]:
        """The bib files' entries as a numbered list, newest first (a CV bibliography)."""
        store = publications_for_page(self.env)
        section = self.profile.section("publications")
        title = section.title if section is not None else N_("Publications")
        entries = sort_publications(store.entries, parse_sort("-year, -month", store.fields))
        numbers = list(range(len(entries), 0, -1))
        listing = nodes.container(classes=["academic-publications", "academic-style-numbered"])
        listing += self.pending_entries(
            entries, "numbered", None, FULL_LIST if entries else PARTIAL_LIST, numbers
        )
        return [self.heading(title, "publications"), listing]
