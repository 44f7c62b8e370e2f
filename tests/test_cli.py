from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinx_academic import __version__
from sphinx_academic.cli import main

from conftest import ROOTS


def test_check_reports_each_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOTS / "test-bad", tmp_path / "site")
    assert main(["check", str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{tmp_path}/site/bad.bib:10:3: syntax error: '}}' expected "
        "(a missing comma or brace before it?) [bibtex]"
    )
    assert [line.rsplit("[", 1)[1] for line in out] == [
        "bibtex]",
        "bibtex]",
        "entry]",
        "entry]",
        "file]",
        "duplicate]",
        "duplicate]",
    ]


def test_check_clean_site_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOTS / "test-basic")]) == 0
    assert "0 problems in 2 file(s)" in capsys.readouterr().err


def test_check_broken_conf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("raise RuntimeError('boom')\n")
    assert main(["check", str(tmp_path)]) == 2
    assert "cannot load" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out
