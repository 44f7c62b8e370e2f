"""``sphinx-academic quickstart DIR``: a complete personal site that builds at once.

The files come from ``templates/quickstart``; every value put into them is escaped for the
format of the file it goes into (Python literals, YAML/JSON strings, reStructuredText,
BibTeX), so any name works.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import pprint
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

TEMPLATES = Path(__file__).parent / "templates" / "quickstart"
THEMES = ("furo", "alabaster", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme")
#: The package to install for a theme (furo comes with sphinx-academic, alabaster with
#: Sphinx), so the CI workflow finds it.
#: What each theme shows that a personal site does not need (html_theme_options): the
#: project name above furo's sidebar profile, "view source" buttons, previous/next links,
#: pydata's and book's right-hand contents column, breadcrumbs and "built with" lines.
THEME_OPTIONS: dict[str, dict[str, object]] = {
    "furo": {"sidebar_hide_name": True, "top_of_page_buttons": []},
    "alabaster": {"show_powered_by": False},
    "pydata_sphinx_theme": {
        "secondary_sidebar_items": [],
        "article_header_start": [],
        "show_prev_next": False,
        "footer_end": [],
    },
    "sphinx_book_theme": {
        "secondary_sidebar_items": [],
        "use_download_button": False,
        "use_fullscreen_button": False,
        "show_prev_next": False,
    },
    "sphinx_rtd_theme": {"prev_next_buttons_location": None},
}
THEME_PACKAGES = {
    "pydata_sphinx_theme": "pydata-sphinx-theme",
    "sphinx_book_theme": "sphinx-book-theme",
    "sphinx_rtd_theme": "sphinx-rtd-theme",
}


class QuickstartError(Exception):
    """The site cannot be written (existing files, unreadable input); the message says why."""


@dataclass
class Answers:
    """What the site is made from; every field has a default so ``--no-input`` works."""

    name: str = "Your Name"
    label: str = "Researcher"
    email: str = "you@example.org"
    url: str = "https://example.github.io/"
    theme: str = "furo"
    markdown: bool = False
    from_jsonresume: str | None = None
    from_rendercv: str | None = None
    bib: str | None = None


QUESTIONS = (
    ("name", "Your name"),
    ("label", "Your position (e.g. Assistant Professor of Physics)"),
    ("email", "Your e-mail address"),
    ("url", "The address the site will have (for feeds and search engines)"),
    ("theme", f"Sphinx theme ({', '.join(THEMES)})"),
)


def ask(answers: Answers, read: Callable[[str], str] = input) -> Answers:
    """Ask each question, offering the current answer as the default."""
    for name, question in QUESTIONS:
        current = getattr(answers, name)
        reply = read(f"{question} [{current}]: ").strip()
        if reply:
            setattr(answers, name, reply)
    return answers


def write_site(directory: str, answers: Answers, force: bool = False) -> list[str]:
    """Write the site into ``directory``; return the files written (relative paths)."""
    _check_answers(answers)
    _check_directory(directory)
    _fill_from_imported_profile(answers)
    files = _planned_files(answers)
    existing = [name for name in files if os.path.exists(os.path.join(directory, name))]
    if existing and not force:
        raise QuickstartError(
            f"{directory}: would overwrite {', '.join(existing)} (use --force to replace them)"
        )
    _make_folder(directory)
    for name, content in files.items():
        _write(os.path.join(directory, name), content)
    return list(files)


def _check_answers(answers: Answers) -> None:
    """Refuse answers the site cannot build with: an unknown theme, an empty name, an
    address that is not absolute http(s) (the news feed's links need one), an empty file
    name, a profile to import that cannot be read."""
    if answers.theme not in THEMES:
        raise QuickstartError(f"unknown theme {answers.theme!r}; use one of {', '.join(THEMES)}")
    if not answers.name.strip():
        raise QuickstartError("the name is empty: give the name the site is about")
    address = urlsplit(answers.url)
    if address.scheme not in ("http", "https") or not address.netloc:
        raise QuickstartError(
            f"the site's address {answers.url!r} is not an absolute http(s) address "
            "(such as 'https://example.github.io/')"
        )
    files = ("bib", answers.bib), ("from-jsonresume", answers.from_jsonresume)
    for option, path in (*files, ("from-rendercv", answers.from_rendercv)):
        if path is not None and not path.strip():
            raise QuickstartError(f"--{option} is empty: name the file")
    _check_imported_profile(answers)


def _check_imported_profile(answers: Answers) -> None:
    """Refuse a profile to import that cannot be read at all (the site would be built
    around an empty profile); its other problems are the build's to report."""
    imported = answers.from_jsonresume or answers.from_rendercv
    if not imported:
        return
    from sphinx_academic.readers.yamlsafe import load_file

    document, problems = load_file(imported)
    if document is None:
        first = problems[0]
        raise QuickstartError(f"{first.location}: {first.message}")


def _check_directory(directory: str) -> None:
    """Refuse an empty name and a file where the folder should be."""
    if not directory.strip():
        raise QuickstartError(
            "the directory is empty: name the folder to write the site into, such as 'mysite'"
        )
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise QuickstartError(f"{directory}: is a file, not a folder")


def _make_folder(directory: str) -> None:
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        file = next((p for p in Path(directory).parents if p.is_file()), None)
        reason = f"{file} is a file" if file else (error.strerror or str(error))
        raise QuickstartError(f"{directory}: cannot create the folder: {reason}") from None


def _write(path: str, content: str | bytes) -> None:
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        if isinstance(content, bytes):
            Path(path).write_bytes(content)
        else:
            Path(path).write_text(content, encoding="utf-8")
    except OSError as error:
        raise QuickstartError(f"{path}: cannot write: {error.strerror or error}") from None


@dataclass(frozen=True)
class Contents:
    """What the site has to show, so pages are written only for what is there."""

    news: bool
    papers: bool

    @property
    def pages(self) -> tuple[str, ...]:
        """The pages besides the index, in the order the navigation lists them."""
        wanted = {"publications": self.papers, "cv": True, "news": self.news}
        return tuple(page for page, shown in wanted.items() if shown)


def site_contents(answers: Answers) -> Contents:
    """An imported profile brings its own news (or none) and papers only with ``--bib``;
    the example site has both."""
    imported = answers.from_jsonresume or answers.from_rendercv
    if not imported:
        return Contents(news=True, papers=True)
    from sphinx_academic.readers.profile import read_profile

    return Contents(news=bool(read_profile(imported)[0].news), papers=bool(answers.bib))


def _planned_files(answers: Answers) -> dict[str, str | bytes]:
    contents = site_contents(answers)
    values = _template_values(answers, contents)
    suffix = ".md" if answers.markdown else ".rst"
    files: dict[str, str | bytes] = {"conf.py": _fill("conf.py.txt", values)}
    files["index" + suffix] = _fill("index" + suffix, values)
    files.update({page + suffix: _fill(page + suffix, values) for page in contents.pages})
    files[_profile_name(answers)] = _profile_content(answers, values)
    if answers.bib:
        files["papers.bib"] = _read(answers.bib)
    elif contents.papers:
        files["papers.bib"] = _fill("papers.bib", values)
    files[".gitignore"] = _fill("gitignore.txt", values)
    files["requirements.txt"] = _fill("requirements.txt", values)
    files[".github/workflows/pages.yml"] = (TEMPLATES / "pages.yml").read_text(encoding="utf-8")
    files["profile.schema.json"] = _schema()
    if not (answers.from_jsonresume or answers.from_rendercv):
        files["_static/photo.svg"] = placeholder_photo(answers.name)
    files["_static/previews/.gitkeep"] = ""
    files["_static/papers/.gitkeep"] = ""
    return files


def placeholder_photo(name: str) -> str:
    """A square SVG with the initials of ``name`` (first and last word), until the user
    puts a photo in its place."""
    words = [word for word in name.split() if word[:1].isalpha()]
    initials = "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper() or "?"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">\n'
        '  <rect width="240" height="240" fill="#d5dbe6"/>\n'
        '  <text x="120" y="120" dy="0.35em" text-anchor="middle" fill="#2f3a4d"\n'
        '        font-family="system-ui, sans-serif" font-size="96" font-weight="600">'
        f"{html.escape(initials)}</text>\n"
        "</svg>\n"
    )


def _schema() -> str:
    """The JSON Schema the profile's first line points editors at."""
    from sphinx_academic.model.profile import json_schema

    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def _profile_name(answers: Answers) -> str:
    if answers.from_jsonresume:
        return "profile" + (Path(answers.from_jsonresume).suffix or ".json")
    if answers.from_rendercv:
        return "cv" + (Path(answers.from_rendercv).suffix or ".yaml")
    return "profile.yaml"


def _profile_content(answers: Answers, values: dict[str, str]) -> str | bytes:
    imported = answers.from_jsonresume or answers.from_rendercv
    return _read(imported) if imported else _fill("profile.yaml", values)


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise QuickstartError(f"{path}: cannot read: {error.strerror or error}") from None


def _fill_from_imported_profile(answers: Answers) -> None:
    """Take the name from an imported profile, unless one was given."""
    imported = answers.from_jsonresume or answers.from_rendercv
    if not imported or answers.name != Answers.name:
        return
    from sphinx_academic.readers.profile import read_profile

    name = read_profile(imported)[0].basics.name
    if name:
        answers.name = name.replace("\\", "")


def _template_values(answers: Answers, contents: Contents) -> dict[str, str]:
    extensions = ['"sphinx_academic"'] + (['"myst_parser"'] if answers.markdown else [])
    suffix = ".md" if answers.markdown else ".rst"
    shown = (("news", contents.news), ("publications", contents.papers))
    sections = [_fill(f"index-{name}{suffix}", {}) for name, wanted in shown if wanted]
    indent = "" if answers.markdown else "   "
    return {
        "index_sections": "".join(sections),
        "index_pages": "\n".join(indent + page for page in contents.pages),
        "project": repr(answers.name),
        "author": repr(answers.name),
        "title": answers.name.replace("\n", " "),
        "extensions": ", ".join(extensions),
        "theme": repr(answers.theme),
        "baseurl": repr(answers.url),
        "url_yaml": json.dumps(answers.url),
        "profile": repr(_profile_name(answers)),
        "bibfiles": repr(["papers.bib"] if contents.papers else []),
        "copyright": repr(f"{datetime.date.today().year}, {answers.name}"),
        "theme_options": pprint.pformat(THEME_OPTIONS.get(answers.theme, {}), sort_dicts=False),
        "name": json.dumps(answers.name, ensure_ascii=False),
        "label": json.dumps(answers.label, ensure_ascii=False),
        "email": json.dumps(answers.email, ensure_ascii=False),
        "today": datetime.date.today().isoformat(),
        "bib_name": bibtex_name(answers.name),
        "requirements_extra": _requirements_extra(answers),
    }


def _requirements_extra(answers: Answers) -> str:
    """``[markdown]`` for MyST pages, and a line with the theme's package when needed."""
    extra = "[markdown]" if answers.markdown else ""
    package = THEME_PACKAGES.get(answers.theme)
    return extra + (f"\n{package}" if package else "")


def _fill(template: str, values: dict[str, str]) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    # safe_substitute: the profile's "$schema=" and other dollars stay as they are.
    return Template(text).safe_substitute(values)


def bibtex_name(name: str) -> str:
    """``name`` as one author of a BibTeX ``author`` field that shows as it is typed (see
    :func:`~sphinx_academic.scholarly.bibwriter.bibtex_name`); a name with a comma is
    braced whole, since BibTeX would read it as "Family, Given"."""
    from sphinx_academic.scholarly.bibwriter import bibtex_name as author_name

    text = author_name(name)
    return "{" + text + "}" if "," in text else text


def answers_from(options: dict[str, object]) -> Answers:
    """An :class:`Answers` from command-line options (``None`` keeps the default)."""
    known = {f.name for f in fields(Answers)}
    given = {k: v for k, v in options.items() if k in known and v is not None}
    return Answers(**given)  # type: ignore[arg-type]
