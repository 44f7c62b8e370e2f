"""``sphinx-academic quickstart`` with a directory it cannot use: one line, no traceback."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from sphinx_academic.cli import main


def _run(
    directory: str, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, list[str]]:
    status = main(["quickstart", directory, "--no-input", *options])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return status, captured.err.splitlines()


def test_directory_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "site"
    target.write_text("not a folder")
    status, err = _run(str(target), capsys)
    assert status in (1, 2) and len(err) == 1
    assert err[0] == f"sphinx-academic quickstart: {target}: is a file, not a folder"


def test_directory_below_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    target = tmp_path / "file" / "site"
    status, err = _run(str(target), capsys)
    assert status in (1, 2) and len(err) == 1
    assert err[0].startswith(f"sphinx-academic quickstart: {target}: cannot create the folder")
    assert f"{tmp_path / 'file'} is a file" in err[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_directory_not_creatable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        status, err = _run(str(locked / "site"), capsys)
    finally:
        locked.chmod(0o700)
    assert status in (1, 2) and len(err) == 1
    assert "cannot create the folder" in err[0] and "Permission denied" in err[0]


def test_file_not_writable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A folder where a file of the site would go (also what a read-only file gives as root).
    (tmp_path / "site" / "conf.py").mkdir(parents=True)
    status, err = _run(str(tmp_path / "site"), capsys, "--force")
    assert status in (1, 2) and len(err) == 1
    assert err[0].startswith(f"sphinx-academic quickstart: {tmp_path / 'site' / 'conf.py'}: ")
    assert "cannot write" in err[0]


@pytest.mark.parametrize("directory", ["", "   "])
def test_empty_directory_is_refused(
    directory: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, err = _run(directory, capsys)
    assert status in (1, 2) and len(err) == 1
    assert "the directory is empty" in err[0]
    assert list(tmp_path.iterdir()) == []


def test_printed_command_quotes_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "my site's files"
    assert main(["quickstart", str(target), "--no-input"]) == 0
    out = capsys.readouterr().out.splitlines()
    command = shlex.split(out[-1])
    assert command == ["sphinx-build", "-W", str(target), str(target / "_build" / "html")]
