"""``sphinx-academic migrate`` copies the files the converted data refers to; their
paths come from the old site's data, so paths that leave the site or the output folder
are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_academic.cli import main

from conftest import build_migrated, migrate_site


def _site(tmp_path: Path, avatar: str, paper: str) -> Path:
    site = tmp_path / "old"
    (site / "_publications").mkdir(parents=True)
    (site / "files").mkdir()
    (site / "_config.yml").write_text(f"author:\n  name: Ana\n  avatar: {avatar}\n")
    (site / "_publications" / "p.md").write_text(
        f"---\ntitle: Ice\ndate: 2020-01-01\nauthors: [Ana]\npaperurl: '{paper}'\n---\n"
    )
    return site


def _site_with_files(tmp_path: Path) -> Path:
    """A site whose photo and paper are there to copy."""
    site = _site(tmp_path, "images/me.png", "/files/paper.pdf")
    (site / "images").mkdir()
    (site / "images" / "me.png").write_bytes(b"png")
    (site / "files" / "paper.pdf").write_bytes(b"%PDF")
    return site


def test_missing_and_outside_files_are_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "secret.png").write_bytes(b"secret")
    site = _site(tmp_path, "../secret.png", "/files/linked.pdf")
    (site / "files" / "linked.pdf").symlink_to(tmp_path / "secret.png")
    out, err = migrate_site("academicpages", site, tmp_path / "out", capsys)
    assert "_config.yml:1: ../secret.png is not a file of the site; not copied" in err
    assert "p.md:1: files/linked.pdf is not a file of the site; not copied" in err
    assert sorted(path.name for path in out.iterdir()) == ["papers.bib", "profile.yaml"]

    (site / "files" / "linked.pdf").unlink()
    _, err = migrate_site("academicpages", site, tmp_path / "again", capsys)
    assert "p.md:1: files/linked.pdf is referenced but not in the site" in err


def test_a_target_that_would_leave_the_output_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site_with_files(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "files").symlink_to(elsewhere)
    out, err = migrate_site("academicpages", site, tmp_path / "out", capsys)
    assert "p.md:1: files/paper.pdf would be outside the output folder; not copied" in err
    assert list(elsewhere.iterdir()) == []
    assert (out / "images" / "me.png").read_bytes() == b"png"


def test_copies_follow_the_rules_of_the_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site_with_files(tmp_path)
    out = tmp_path / "out"
    command = ["migrate", "academicpages", str(site), "--out", str(out)]
    # --dry-run lists them and copies nothing.
    assert main([*command, "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert f"Would copy {site / 'files' / 'paper.pdf'} to {out / 'files' / 'paper.pdf'}" in printed
    assert not out.exists()
    # An existing file is kept, and nothing is written, without --force.
    (out / "images").mkdir(parents=True)
    (out / "images" / "me.png").write_bytes(b"mine")
    assert main(command) == 2
    assert "images/me.png: exists already; use --force" in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == ["images"]
    assert (out / "images" / "me.png").read_bytes() == b"mine"
    assert main([*command, "--force"]) == 0
    assert f"Copied {site / 'images' / 'me.png'} to " in capsys.readouterr().out
    assert (out / "images" / "me.png").read_bytes() == b"png"
    assert (out / "files" / "paper.pdf").read_bytes() == b"%PDF"


def test_a_file_name_with_spaces_or_accents_is_named_as_on_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One link as written, one percent-encoded as a web page would write it.
    site = _site(tmp_path, "", "/files/my paper.pdf")
    (site / "_publications" / "talk.md").write_text(
        "---\ntitle: Talk\ndate: 2021-01-01\nauthors: [Ana]\n"
        "slidesurl: /files/R%C3%A9sum%C3%A9%20talk.pdf\n---\n"
    )
    (site / "files" / "my paper.pdf").write_bytes(b"%PDF paper")
    (site / "files" / "Résumé talk.pdf").write_bytes(b"%PDF talk")
    out, err = migrate_site("academicpages", site, tmp_path / "out", capsys)
    assert "referenced but not in the site" not in err
    bib = (out / "papers.bib").read_text(encoding="utf-8")
    assert "pdf = {files/my paper.pdf}" in bib
    assert "slides = {files/Résumé talk.pdf}" in bib
    assert (out / "files" / "Résumé talk.pdf").read_bytes() == b"%PDF talk"
    page_html = build_migrated(out, page=".. publications::\n")
    links = {link.get_text(): link["href"] for link in page_html.select("a.download")}
    assert links["PDF"].endswith("/my%20paper.pdf")
    assert links["Slides"].endswith("/R%C3%A9sum%C3%A9%20talk.pdf")


@pytest.mark.parametrize("name", ["a{b}.pdf", "a\\b.pdf", "two  spaces.pdf"])
def test_a_file_name_bibtex_cannot_hold_is_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    site = _site(tmp_path, "", f"/files/{name}")
    (site / "files" / name).write_bytes(b"%PDF")
    out, err = migrate_site("academicpages", site, tmp_path / "out", capsys)
    assert "cannot be written in a BibTeX field; left out" in err
    assert "pdf =" not in (out / "papers.bib").read_text(encoding="utf-8")
    assert not (out / "files").exists()
