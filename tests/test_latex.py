"""The LaTeX output: the generated ``.tex`` (everywhere) and, where TeX is installed, the
PDF that ``sphinx-build -M latexpdf`` would make from it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_app, build_root, profile_site

NO_LATEXMK = shutil.which("latexmk") is None or shutil.which("make") is None
needs_tex = pytest.mark.skipif(
    NO_LATEXMK, reason="compiling a PDF needs TeX: latexmk and make (not installed here)"
)


@pytest.fixture(scope="module")
def latex_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_root("latex", tmp_path_factory.mktemp("latex"), "latex")


def headings(tex: str) -> list[str]:
    """The sectioning commands of ``tex`` with their titles, in order."""
    return re.findall(r"\\((?:sub)*section\*?|chapter)\{([^}]*)\}", tex)


def test_headings_nest_under_a_nested_page(latex_build: SphinxTestApp) -> None:
    """A page two toctrees down is a section of a chapter: its CV sections and year groups
    are one level below it, not at its own level."""
    found = headings((latex_build.outdir / "latex.tex").read_text())
    assert ("section", "Curriculum vitae") in found
    assert ("subsection*", "Education") in found
    assert ("subsection*", "Publications") in found
    assert ("section", "Publications") in found
    assert ("subsection*", "2024") in found
    assert not any(name == "section*" for name, _title in found), found


def test_headings_of_a_chapter_page_stay_sections(tmp_path: Path) -> None:
    """On a page that is a chapter (the usual CV site), CV sections are sections."""
    profile = "basics:\n  name: Jane Doe\nwork:\n  - name: Lab\n    position: Scientist\n"
    srcdir = profile_site(
        tmp_path, "profile.yaml", profile, "Home\n====\n\n.. toctree::\n\n   cv\n"
    )
    (srcdir / "cv.rst").write_text("CV\n==\n\n.. cv::\n", encoding="utf-8")
    app = build_app(srcdir, "latex")
    found = headings(next(app.outdir.glob("*.tex")).read_text())
    assert ("chapter", "CV") in found
    assert ("section*", "Work Experience") in found


def compile_pdf(outdir: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the Makefile Sphinx writes (as ``-M latexpdf`` does): the result and the log."""
    done = subprocess.run(
        ["make", "-C", str(outdir), "all-pdf"],
        capture_output=True,
        text=True,
        errors="replace",  # TeX writes 8-bit characters (a "·" as byte 0xb7)
        timeout=600,
        check=False,
    )
    log = next(outdir.glob("*.log")).read_text(encoding="utf-8", errors="replace")
    return done, log


@needs_tex
def test_pdf_of_hostile_latin_data(latex_build: SphinxTestApp) -> None:
    """LaTeX specials, accents, math, URLs with ``%`` and ``#``: the PDF builds without
    an error, a missing character or a line running off the page."""
    done, log = compile_pdf(latex_build.outdir)
    assert done.returncode == 0, done.stdout[-2000:]
    assert (latex_build.outdir / "latex.pdf").exists()
    assert not re.search(r"^!", log, re.MULTILINE)
    assert "Missing character" not in log
    assert "Overfull \\hbox" not in log
    assert "undefined" not in log.split("Rerun")[-1]


@needs_tex
def test_pdflatex_stops_at_a_script_it_cannot_set(tmp_path: Path) -> None:
    """pdflatex has no Chinese: the build fails, naming the character (the documentation
    tells users to switch to xelatex or lualatex), rather than leaving it out."""
    profile = "basics:\n  name: 王小明\n"
    app = build_app(
        profile_site(tmp_path, "profile.yaml", profile, "Home\n====\n\n.. profile::\n"), "latex"
    )
    done, log = compile_pdf(app.outdir)
    assert done.returncode != 0
    assert "Unicode character 王 (U+738B)" in log


@pytest.mark.skipif(
    NO_LATEXMK or shutil.which("xelatex") is None,
    reason="compiling with xelatex needs TeX: latexmk, make and xelatex (not installed here)",
)
def test_xelatex_with_the_documented_check_stops_at_a_missing_glyph(tmp_path: Path) -> None:
    """xelatex leaves out a character its font lacks with only a line in the log; with
    ``\\tracinglostchars=3`` in the preamble, as the documentation advises, the build
    fails naming it."""
    profile = "basics:\n  name: Zoë 王小明\n"
    srcdir = profile_site(tmp_path, "profile.yaml", profile, "Home\n====\n\n.. profile::\n")
    overrides = {
        "latex_engine": "xelatex",
        "latex_elements": {"preamble": "\\tracinglostchars=3"},
    }
    app = build_app(srcdir, "latex", confoverrides=overrides)
    done, log = compile_pdf(app.outdir)
    assert done.returncode != 0
    assert "Missing character: There is no 王 (U+738B)" in log
