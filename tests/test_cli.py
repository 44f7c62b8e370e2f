from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphinx_academic import __version__
from sphinx_academic.cli import main

from conftest import ROOTS, academic_warnings, build_app


def test_check_reports_each_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOTS / "test-bad", tmp_path / "site")
    assert main(["check", str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{tmp_path}/site/bad.bib:10:3: syntax error: '}}' expected "
        "(a missing comma or brace before it?) [academic.bibtex]"
    )
    # The data files' problems first (found when they are loaded), then the pages'.
    assert [line.rsplit("[", 1)[1] for line in out[:8]] == [
        "academic.bibtex]",
        "academic.bibtex]",
        "academic.entry]",
        "academic.entry]",
        "academic.latex]",
        "academic.file]",
        "academic.duplicate]",
        "academic.duplicate]",
    ]


def test_check_honours_suppress_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOTS / "test-bad", tmp_path / "site")
    conf = tmp_path / "site" / "conf.py"
    conf.write_text(
        conf.read_text() + 'suppress_warnings = ["academic.duplicate", "academic.entry"]\n'
    )
    assert main(["check", str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out
    assert "[academic.duplicate]" not in out and "[academic.entry]" not in out
    assert "[academic.bibtex]" in out


def test_check_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_profile = "me.yaml"\n'
    )
    (tmp_path / "index.rst").write_text("Me\n==\n")
    (tmp_path / "me.yaml").write_text("basics:\n  name: Me\nnews:\n  - text: no date\n")
    assert main(["check", str(tmp_path)]) == 1
    assert f"{tmp_path}/me.yaml:4:5: " in capsys.readouterr().out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"basics", "work", "education", "news"} <= set(schema["properties"])


def test_check_clean_site_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    assert main(["check", str(tmp_path / "site")]) == 0
    assert "0 problems" in capsys.readouterr().err


@pytest.mark.parametrize("root", ["basic", "bad", "profile-bad", "rel-site", "pages"])
def test_check_reports_what_the_build_reports(
    root: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One code path: refused links, missing files and everything else the pages show."""
    shutil.copytree(ROOTS / f"test-{root}", tmp_path / "check")
    shutil.copytree(ROOTS / f"test-{root}", tmp_path / "build")
    status = main(["check", str(tmp_path / "check")])
    checked = capsys.readouterr().out.replace(str(tmp_path / "check"), "SITE").splitlines()
    app = build_app(tmp_path / "build")
    built = [
        line.replace(" WARNING: ", " ", 1).replace(str(tmp_path / "build"), "SITE")
        for line in academic_warnings(app.warning.getvalue())
    ]
    assert sorted(checked) == sorted(built)
    assert status == (1 if built else 0)


def test_check_without_the_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text('academic_bibfiles = ["x.bib"]\n')
    (tmp_path / "index.rst").write_text("Me\n==\n")
    assert main(["check", str(tmp_path)]) == 2
    assert "'sphinx_academic' is not in extensions" in capsys.readouterr().err


def test_check_an_empty_folder_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", ""]) == 2
    assert capsys.readouterr().err == "sphinx-academic check: the folder name is empty\n"


def test_check_broken_conf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("raise RuntimeError('boom')\n")
    assert main(["check", str(tmp_path)]) == 2
    assert "cannot load" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_schema_into_a_closed_pipe() -> None:
    import subprocess
    import sys

    command = f"{sys.executable} -m sphinx_academic.cli schema | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
