"""The interface text in the project's language: the catalogs shipped in the package are
complete and compiled, and a site with ``language = "de"`` reads German."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import sphinx_academic

from conftest import build_app, parse_html

PACKAGE = Path(sphinx_academic.__file__).parent
LOCALES = PACKAGE / "locales"
TEMPLATE = LOCALES / "sphinx_academic.pot"
LANGUAGES = sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/*.po"))
#: The marks of translatable text (``pybabel extract -k _ -k N_``).
KEYWORDS = {"_": None, "N_": None}


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{\w+\}", text))


def test_the_package_has_catalogs() -> None:
    assert LANGUAGES == ["de", "es", "fr", "it", "ja", "pt", "zh_CN"]


def test_the_template_lists_every_message_the_code_marks() -> None:
    marked = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    }
    listed = {message.id for message in _catalog(TEMPLATE) if message.id}
    assert marked == listed, "run the pybabel commands of docs/contributing: the template is stale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    template = {message.id for message in _catalog(TEMPLATE) if message.id}
    catalog = _catalog(LOCALES / language / "LC_MESSAGES" / "sphinx_academic.po")
    translated = {message.id: message for message in catalog if message.id}
    assert set(translated) == template
    for message in translated.values():
        assert message.string, message.id
        assert not message.fuzzy, message.id
        assert _placeholders(str(message.string)) == _placeholders(str(message.id)), message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_the_source(language: str) -> None:
    folder = LOCALES / language / "LC_MESSAGES"
    source = {message.id: message.string for message in _catalog(folder / "sphinx_academic.po")}
    with (folder / "sphinx_academic.mo").open("rb") as stream:
        compiled = {message.id: message.string for message in read_mo(stream) if message.id}
    assert compiled == {key: value for key, value in source.items() if key}


PROFILE = """\
basics:
  name: Ada Lovelace
news:
  - {date: 2024-01-02, text: The proceedings are out., url: "https://example.org/news"}
work:
  - {name: ACME, position: Engineer, startDate: 2020-01}
education:
  - {institution: TU Wien, studyType: PhD, startDate: 2015, endDate: 2019, score: "1.0"}
"""
BIB = """\
@article{lovelace2020,
  title = {Notes on the Analytical Engine}, author = {Ada Lovelace and Charles Babbage},
  journal = {Journal}, year = {2020}, pages = {1--10}, abstract = {Notes.},
  slides = {https://example.org/slides.pdf}, code = {https://example.org/code},
}
"""


def _site(folder: Path, language: str) -> Path:
    (folder / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    (folder / "index.rst").write_text(
        "Start\n=====\n\n.. cv::\n\n.. news::\n\n.. publications::\n", encoding="utf-8"
    )
    (folder / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\n'
        f"language = {language!r}\n"
        'academic_profile = "profile.yaml"\nacademic_bibfiles = ["refs.bib"]\n'
        'academic_feed = ""\n',
        encoding="utf-8",
    )
    return folder


def _texts(page: object, selector: str) -> list[str]:
    return [tag.get_text(" ", strip=True) for tag in page.select(selector)]  # type: ignore[attr-defined]


def test_a_german_site_reads_german(tmp_path: Path) -> None:
    app = build_app(_site(tmp_path, "de"))
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    page = parse_html(app.outdir / "index.html")
    assert _texts(page, ".academic-cv-heading") == [
        "Ausbildung",
        "Berufserfahrung",
        "Publikationen",
    ]
    assert _texts(page, ".academic-cv .academic-timeline-date")[1] == "Jan. 2020 – heute"
    assert "Note: 1.0" in page.get_text(" ", strip=True)
    labels = _texts(page, ".academic-style-card .academic-pub-links a")
    assert {"Folien", "Code"} <= set(labels)
    assert _texts(page, ".academic-style-card details > summary")[0] == "Zusammenfassung"
    line = page.select_one(".academic-style-numbered .academic-pub-line")
    assert line is not None
    assert "Ada Lovelace und Charles Babbage" in line.get_text()
    assert "S. 1–10" in line.get_text()
    assert _texts(page, ".academic-news-more") == ["weiterlesen"]


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("pt_BR", ["Formação", "Experiência profissional", "Publicações"]),
        ("zh_CN", ["教育背景", "工作经历", "出版物"]),
        ("ja", ["学歴", "職歴", "業績"]),
        ("en", ["Education", "Work Experience", "Publications"]),
        ("fi", ["Education", "Work Experience", "Publications"]),
    ],
)
def test_a_language_finds_its_catalog_or_falls_back_to_english(
    tmp_path: Path, language: str, headings: list[str]
) -> None:
    app = build_app(_site(tmp_path, language))
    assert _texts(parse_html(app.outdir / "index.html"), ".academic-cv-heading") == headings


def test_the_projects_catalogs_leave_out_what_the_extension_translates(tmp_path: Path) -> None:
    """Sphinx's ``gettext`` builder (a translated site's first step) does not offer the
    extension's headings to the project's translators: the extension's catalog translates
    them, and a translation of the English text would never be applied."""
    srcdir = _site(tmp_path, "en")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as page:
        page.write("\n.. publications::\n   :group-by: type\n\nA paragraph of the page.\n")
    app = build_app(srcdir, "gettext")
    catalog = _catalog(app.outdir / "index.pot")
    assert {message.id for message in catalog if message.id} == {
        "Start",
        "A paragraph of the page.",
    }


THREE_AUTHORS = """\
@article{three2021,
  title = {Three}, author = {Ada Lovelace and Charles Babbage and Mary Somerville},
  journal = {Journal}, year = {2021}, month = aug,
}
"""


@pytest.mark.parametrize(
    ("language", "names", "month"),
    [
        ("en", "Ada Lovelace, Charles Babbage, and Mary Somerville", "Aug 2021"),
        ("de", "Ada Lovelace, Charles Babbage und Mary Somerville", "Aug. 2021"),
        ("fr", "Ada Lovelace, Charles Babbage et Mary Somerville", "août 2021"),
        ("zh_CN", "Ada Lovelace、Charles Babbage和Mary Somerville", "2021年8月"),
        ("ja", "Ada Lovelace、Charles Babbage、Mary Somerville", "2021年8月"),
    ],
)
def test_names_and_months_are_written_as_the_language_writes_them(
    tmp_path: Path, language: str, names: str, month: str
) -> None:
    (tmp_path / "refs.bib").write_text(THREE_AUTHORS, encoding="utf-8")
    (tmp_path / "profile.yaml").write_text(
        "work:\n  - {name: ACME, position: Engineer, startDate: 2021-08, endDate: 2022-01}\n",
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text(
        "Start\n=====\n\n.. publications::\n   :style: list\n\n.. timeline:: work\n",
        encoding="utf-8",
    )
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\n'
        f"language = {language!r}\n"
        'academic_profile = "profile.yaml"\nacademic_bibfiles = ["refs.bib"]\n',
        encoding="utf-8",
    )
    app = build_app(tmp_path)
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    page = parse_html(app.outdir / "index.html")
    line = page.select_one(".academic-pub-line")
    assert line is not None and line.get_text().startswith(names + ". Three.")
    assert _texts(page, ".academic-timeline-date")[0].startswith(month + " – ")
