from __future__ import annotations

import json
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
        "(a missing comma or brace before it?) [academic.bibtex]"
    )
    assert [line.rsplit("[", 1)[1] for line in out] == [
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
    (tmp_path / "conf.py").write_text('academic_profile = "me.yaml"\n')
    (tmp_path / "me.yaml").write_text("basics:\n  name: Me\nnews:\n  - text: no date\n")
    assert main(["check", str(tmp_path)]) == 1
    assert f"{tmp_path}/me.yaml:4:5: " in capsys.readouterr().out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"basics", "work", "education", "news"} <= set(schema["properties"])


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


def test_schema_into_a_closed_pipe() -> None:
    import subprocess
    import sys

    command = f"{sys.executable} -m sphinx_academic.cli schema | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
