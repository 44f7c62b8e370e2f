"""``sphinx-academic quickstart`` with a directory it cannot use: one line, no traceback."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
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


def test_printed_command_for_a_folder_named_like_an_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["quickstart", "--no-input", "--", "-site"]) == 0
    command = shlex.split(capsys.readouterr().out.splitlines()[-1])
    assert command == ["sphinx-build", "-W", "./-site", "./-site/_build/html"]
    assert (tmp_path / "-site" / "conf.py").is_file()


@pytest.mark.parametrize("option", ["--bib", "--from-jsonresume", "--from-rendercv"])
def test_empty_file_option_is_refused(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(str(tmp_path / "site"), capsys, option, "")
    assert status == 1 and err == [f"sphinx-academic quickstart: {option} is empty: name the file"]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("resume.json", '{"basics": ', "resume.json:1:12: invalid JSON"),
        ("cv.yaml", "cv:\n  name: [Ann\n", "cv.yaml:3:1: did not find expected ',' or ']'"),
    ],
)
def test_unreadable_profile_to_import_writes_nothing(
    name: str, text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / name
    profile.write_text(text, encoding="utf-8")
    option = "--from-jsonresume" if name.endswith(".json") else "--from-rendercv"
    status, err = _run(str(tmp_path / "site"), capsys, option, str(profile))
    assert status == 1 and len(err) == 1
    assert err[0].startswith(f"sphinx-academic quickstart: {tmp_path}/{message}")
    assert not (tmp_path / "site").exists()


def test_one_profile_to_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = str(tmp_path / "site")
    with pytest.raises(SystemExit) as exit_status:
        main(["quickstart", site, "--from-jsonresume", "a.json", "--from-rendercv", "b.yaml"])
    assert exit_status.value.code == 2
    assert "not allowed with argument --from-jsonresume" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_input_that_ends_before_the_answers(tmp_path: Path) -> None:
    """Run without a terminal (a script, CI, ``< /dev/null``): one line that says how to
    run without questions, and nothing written."""
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_academic", "quickstart", str(site)],
        input="Ada Lovelace\n",
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    assert done.returncode == 1
    error = done.stderr.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("sphinx-academic quickstart: ")
    assert "--no-input" in error[0] and "EOF" not in error[0]
    assert not site.exists()
