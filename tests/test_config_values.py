"""Config values of the wrong type: accepted forms are normalised, anything else is one
``academic.config`` warning naming the value, and the build goes on with the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_academic.cli import main

from conftest import academic_warnings, build_app, parse_html

BIB = """@article{one,
  title = {A Paper},
  author = {Müller, Clara and Doe, Jane and Roe, Richard},
  journal = {J},
  year = {2021},
}
"""


def _site(tmp_path: Path, settings: str) -> Path:
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    (srcdir / "p.bib").write_text(BIB, encoding="utf-8")
    (srcdir / "profile.yaml").write_text("basics:\n  name: Clara Müller\n", encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. publications::\n\n.. profile::\n", encoding="utf-8"
    )
    (srcdir / "conf.py").write_text(
        "from pathlib import Path\n"
        'extensions = ["sphinx_academic"]\n'
        "show_warning_types = True; academic_profile = 'profile.yaml'\n" + settings,
        encoding="utf-8",
    )
    return srcdir


def _build(tmp_path: Path, settings: str) -> tuple[list[str], str]:
    app = build_app(_site(tmp_path, settings))
    text = parse_html(app.outdir / "index.html").get_text(" ")
    return academic_warnings(app.warning.getvalue()), text


@pytest.mark.parametrize(
    "settings",
    [
        'academic_bibfiles = "p.bib"',
        'academic_bibfiles = Path("p.bib")',
        'academic_bibfiles = [Path("p.bib")]',
        'academic_bibfiles = ("p.bib",)',
        'academic_bibfiles = ["p.bib"]\nacademic_profile = Path("profile.yaml")',
        'academic_bibfiles = ["p.bib"]\nacademic_max_authors = "5"',
        'academic_bibfiles = ["p.bib"]\nacademic_author_aliases = "Clara Müller"',
        'academic_bibfiles = ["p.bib"]\nacademic_preview_dir = Path(".")',
    ],
)
def test_accepted_forms_build_without_warnings(tmp_path: Path, settings: str) -> None:
    warnings, text = _build(tmp_path, settings + "\n")
    assert warnings == []
    assert "A Paper" in text


@pytest.mark.parametrize(
    ("settings", "name", "expected"),
    [
        ("academic_bibfiles = None", "academic_bibfiles", "a file name or a list of file names"),
        ("academic_bibfiles = 3", "academic_bibfiles", "a file name or a list of file names"),
        ('academic_bibfiles = ["p.bib", 3]', "academic_bibfiles", "a file name or a list"),
        ('academic_bibfiles = {"p.bib": 1}', "academic_bibfiles", "a file name or a list"),
        ("academic_profile = 1.5", "academic_profile", "a file name or a list of file names"),
        ('academic_max_authors = "five"', "academic_max_authors", "a whole number >= 0"),
        ("academic_max_authors = -1", "academic_max_authors", "a whole number >= 0"),
        ("academic_max_authors = True", "academic_max_authors", "a whole number >= 0"),
        ("academic_feed_limit = None", "academic_feed_limit", "a whole number >= 0"),
        ('academic_exports = "yes"', "academic_exports", "True or False"),
        ("academic_inventory = 1", "academic_inventory", "True or False"),
        *(
            (f"academic_publication_page_path = {value}", "academic_publication_page_path", "{key}")
            for value in ("None", "'pages/all'", "'../site/{key}'", "'/tmp/{key}'", "'{key}/{x}'")
        ),
        ("academic_feed = []", "academic_feed", "a file name"),
        ("academic_author_aliases = [1]", "academic_author_aliases", "a name or a list"),
        ("academic_files_dir = 0", "academic_files_dir", "a folder name"),
    ],
)
def test_wrong_type_is_one_config_warning(
    tmp_path: Path, settings: str, name: str, expected: str
) -> None:
    bibs = "" if settings.startswith("academic_bibfiles") else 'academic_bibfiles = ["p.bib"]\n'
    warnings, text = _build(tmp_path, bibs + settings + "\n")
    if name == "academic_profile":  # the profile directive then has no profile either
        warnings = [w for w in warnings if not w.endswith("[academic.profile]")]
    assert len(warnings) == 1, warnings
    assert "conf.py:" in warnings[0] and warnings[0].endswith("[academic.config]")
    assert name in warnings[0] and expected in warnings[0]
    assert "using the default" in warnings[0]
    assert "Home" in text


def test_wrong_max_authors_falls_back_to_the_default(tmp_path: Path) -> None:
    warnings, text = _build(tmp_path, 'academic_bibfiles = ["p.bib"]\nacademic_max_authors = "x"\n')
    assert len(warnings) == 1
    assert "Roe" in text  # default 8: all three authors shown


def test_warning_names_the_line_in_conf_py(tmp_path: Path) -> None:
    warnings, _ = _build(tmp_path, "academic_bibfiles = None\n")
    assert "conf.py:4: WARNING: academic_bibfiles = None" in warnings[0]


def test_check_reports_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = _site(tmp_path, 'academic_bibfiles = Path("p.bib")\nacademic_max_authors = "x"\n')
    assert main(["check", str(srcdir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, out
    assert out[0].startswith(f"{srcdir}/conf.py:5: academic_max_authors = 'x'")
    assert out[0].endswith("[academic.config]")


def test_check_reads_a_single_bib_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    srcdir = _site(tmp_path, 'academic_bibfiles = "p.bib"\n')
    (srcdir / "p.bib").write_text("@article{x, title = {T}, year = {2020}", encoding="utf-8")
    assert main(["check", str(srcdir)]) == 1
    out = capsys.readouterr().out
    assert "p.bib:" in out and "[academic.bibtex]" in out
