"""``sphinx-academic quickstart`` sites build with -W at once; every directive and the role
work from Markdown pages (MyST)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.cli import main
from sphinx_academic.quickstart import Answers, QuickstartError, ask, write_site

from conftest import CORPUS, ROOTS, academic_warnings, build_app, parse_html


def _build(srcdir: Path, buildername: str = "html") -> SphinxTestApp:
    return build_app(srcdir, buildername, confoverrides={"nitpicky": False})


def _warnings(app: SphinxTestApp) -> str:
    return app.warning.getvalue()


@pytest.mark.parametrize("markdown", [False, True], ids=["rst", "markdown"])
def test_quickstart_site_builds_without_warnings(tmp_path: Path, markdown: bool) -> None:
    pytest.importorskip("myst_parser")
    args = ["quickstart", str(tmp_path / "site"), "--no-input", "--name", "Zoë O'Brien-Müller"]
    assert main(args + (["--markdown"] if markdown else [])) == 0
    site = tmp_path / "site"
    expected = {
        "conf.py",
        "profile.yaml",
        "papers.bib",
        ".gitignore",
        "requirements.txt",
        ".github/workflows/pages.yml",
    }
    suffix = ".md" if markdown else ".rst"
    expected |= {page + suffix for page in ("index", "publications", "cv", "news")}
    assert expected <= {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    app = _build(site)
    assert _warnings(app) == ""
    index = parse_html(app.outdir / "index.html")
    # Sphinx's smart quotes curl the apostrophe in the page.
    shown = "Zoë O\u2019Brien-Müller"
    assert index.select_one(".academic-profile-name").get_text() == shown
    news = index.select(".academic-news-item")
    assert len(news) == 2 and news[1].select_one("a.reference.internal") is not None
    papers = parse_html(app.outdir / "publications.html")
    assert [s.get_text() for s in papers.select(".academic-self")] == [shown] * 2
    assert (app.outdir / "atom.xml").is_file()
    workflow = (site / ".github" / "workflows" / "pages.yml").read_text()
    assert "sphinx-build -W" in workflow and "actions/deploy-pages" in workflow
    _check_metrics_job(workflow)


def _check_metrics_job(text: str) -> None:
    """The metrics job refreshes metrics.json with the permission it needs, and the build
    runs after it. Its weekly schedule is written switched off (a new site shows no
    counts); taking the "# " off its two lines switches it on."""
    workflow = yaml.safe_load(text)
    assert "schedule" not in workflow[True]  # YAML 1.1 reads the key "on" as True
    switched_on = yaml.safe_load(
        text.replace("  # schedule:", "  schedule:").replace("  #   - cron", "    - cron")
    )
    schedule = switched_on[True]["schedule"]
    assert len(schedule[0]["cron"].split()) == 5 and schedule[0]["cron"].split()[4] == "1"
    metrics = workflow["jobs"]["metrics"]
    assert metrics["permissions"] == {"contents": "write"}
    assert workflow["permissions"]["contents"] == "read"  # only that job may write
    commands = "\n".join(step.get("run", "") for step in metrics["steps"])
    assert "sphinx-academic metrics ." in commands and "sphinx-academic[scholarly]" in commands
    assert "git diff --cached --quiet" in commands and "git push" in commands
    assert workflow["jobs"]["build"]["needs"] == "metrics"


def test_quickstart_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(str(tmp_path), Answers())
    assert main(["quickstart", str(tmp_path), "--no-input"]) == 1
    assert "would overwrite conf.py" in capsys.readouterr().err
    with pytest.raises(QuickstartError):
        write_site(str(tmp_path), Answers())
    assert write_site(str(tmp_path), Answers(name="New Name"), force=True)
    assert "New Name" in (tmp_path / "conf.py").read_text()


def test_prompts_offer_defaults(tmp_path: Path) -> None:
    replies = iter(["Ada Lovelace", "", "ada@example.org", "https://ada.example.org/", ""])
    answers = ask(Answers(), lambda question: next(replies))
    assert (answers.name, answers.label, answers.email, answers.theme) == (
        "Ada Lovelace",
        "Researcher",
        "ada@example.org",
        "furo",
    )
    write_site(str(tmp_path), answers)
    app = _build(tmp_path)
    assert _warnings(app) == ""
    assert "https://ada.example.org/atom.xml" in (app.outdir / "index.html").read_text()


def test_theme_package_in_requirements(tmp_path: Path) -> None:
    write_site(str(tmp_path), Answers(theme="pydata_sphinx_theme"))
    assert (tmp_path / "requirements.txt").read_text().split() == [
        "sphinx-academic",
        "pydata-sphinx-theme",
    ]
    schema = json.loads((tmp_path / "profile.schema.json").read_text())
    assert "basics" in schema["properties"]


def test_unknown_theme_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuickstartError, match="unknown theme"):
        write_site(str(tmp_path), Answers(theme="nope"))


JSON_RESUMES = sorted((CORPUS / "profiles").glob("jsonresume*.json")) if CORPUS.is_dir() else []
JSON_RESUMES += [Path(__file__).parent / "fixtures" / "profiles" / "native.json"]


@pytest.mark.parametrize("resume", JSON_RESUMES, ids=lambda p: p.name)
def test_quickstart_from_jsonresume(resume: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert main(["quickstart", str(site), "--no-input", "--from-jsonresume", str(resume)]) == 0
    assert (site / "profile.json").read_bytes() == resume.read_bytes()
    app = _build(site)
    assert "Traceback" not in _warnings(app)
    name = parse_html(app.outdir / "index.html").select_one(".academic-profile-name")
    assert name is not None and name.get_text() in (site / "conf.py").read_text()


def test_quickstart_from_rendercv_and_bib(tmp_path: Path) -> None:
    rendercv = Path(__file__).parent / "fixtures" / "profiles" / "rendercv.yaml"
    bib = Path(__file__).parent / "fixtures" / "bib" / "alfolio_shapes.bib"
    site = tmp_path / "site"
    args = [
        "quickstart",
        str(site),
        "--no-input",
        "--from-rendercv",
        str(rendercv),
        "--bib",
        str(bib),
    ]
    assert main(args) == 0
    assert "academic_profile = 'cv.yaml'" in (site / "conf.py").read_text()
    assert (site / "papers.bib").read_bytes() == bib.read_bytes()
    app = _build(site)
    assert "Traceback" not in _warnings(app)
    assert len(parse_html(app.outdir / "publications.html").select(".academic-pub-card")) == 5


@pytest.fixture
def myst_site(tmp_path: Path) -> SphinxTestApp:
    pytest.importorskip("myst_parser")
    shutil.copytree(ROOTS / "test-myst", tmp_path / "site")
    return _build(tmp_path / "site")


def test_every_directive_and_the_role_from_markdown(myst_site: SphinxTestApp) -> None:
    assert academic_warnings(_warnings(myst_site)) == []
    page = parse_html(myst_site.outdir / "index.html")
    assert page.select_one(".academic-profile-name").get_text() == "Jane Q. Doe"
    refs = {a.get_text(): a["href"] for a in page.select("p > a.reference.internal")}
    assert refs["Robust Things at Scale"] == "#pub-doe2024robust"
    assert refs["this one"] == "#pub-doe2020early"
    assert len(page.select("#news .academic-news-item")) == 2
    assert len(page.select("#publications .academic-pub-card")) == 2
    assert len(page.select("#selected .academic-pub-line")) == 1
    assert len(page.select("#experience .academic-timeline-entry")) == 4
    cv_headings = [h.get_text() for h in page.select(".academic-cv-heading")]
    assert cv_headings == ["Education", "Publications", "Skills"]
    # Profile text is reStructuredText even on a Markdown page.
    assert page.select_one(".academic-profile-summary em").get_text() == "robust"


@pytest.mark.parametrize("markdown", [False, True], ids=["rst", "markdown"])
def test_quickstart_home_reads_as_a_homepage(tmp_path: Path, markdown: bool) -> None:
    pytest.importorskip("myst_parser")
    site = tmp_path / "site"
    args = ["quickstart", str(site), "--no-input", "--name", "Ada <King> Lovelace"]
    assert main(args + (["--markdown"] if markdown else [])) == 0
    photo = (site / "_static" / "photo.svg").read_text()
    assert ">AL</text>" in photo and "<King>" not in photo
    app = _build(site)
    assert _warnings(app) == ""
    assert app.config.copyright.endswith(", Ada <King> Lovelace")
    assert app.config.html_title == "Ada <King> Lovelace"
    assert app.config.html_show_sourcelink is False and app.config.html_show_sphinx is False
    index = parse_html(app.outdir / "index.html")
    main_column = index.select_one("article")
    for papers in main_column.select(".academic-publications"):
        papers.decompose()  # author lists name the owner, as they should
    assert main_column.get_text().count("Ada <King> Lovelace") == 1
    assert main_column.select_one("h1").get_text(strip=True).rstrip("¶#") == "About"
    assert index.select_one(".academic-profile-image")["src"].endswith("photo.svg")
    sidebar = index.select_one(".sidebar-drawer .academic-sidebar-profile")
    assert sidebar.select_one(".academic-sidebar-name").get_text() == "Ada <King> Lovelace"
    footer = index.select_one(".copyright").get_text(" ", strip=True)
    assert "Ada <King> Lovelace" in footer
    assert index.select_one(".sidebar-brand-text") is None  # furo: sidebar_hide_name
    assert not any((app.outdir / "_sources").rglob("*.txt"))
