"""What the tutorial and the deployment guide tell a new user about ``sphinx-academic
quickstart`` is what it does: the files it writes, the line it prints, the workflow's
steps and the versions of the actions the guide shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sphinx_academic.cli import main

from conftest import DOCS

TUTORIAL = DOCS / "tutorial.rst"
DEPLOY = DOCS / "howto" / "deploy.rst"
WORKFLOW = Path(__file__).resolve().parents[1] / "sphinx_academic/templates/quickstart/pages.yml"


def _tutorial_tree() -> set[str]:
    """The files of the tutorial's "What is in the folder" tree, as relative paths."""
    text = TUTORIAL.read_text(encoding="utf-8")
    block = text.split("   mysite/\n", 1)[1].split("\n\n", 1)[0]
    files, folders = set(), []
    for line in block.splitlines():
        name = re.sub(r"^[\s│├└─]*", "", line)
        depth = (len(line) - len(line.lstrip(" │├└─"))) // 4
        del folders[depth - 1 :]
        if name.endswith("/"):
            folders.append(name)
        else:
            files.add("".join(folders) + name)
    return files


def _quickstart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[set[str], str]:
    site = tmp_path / "mysite"
    assert main(["quickstart", str(site), "--no-input", "--name", "Lena Varga"]) == 0
    written = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    return written, capsys.readouterr().out


def test_tutorial_lists_the_files_quickstart_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written, printed = _quickstart(tmp_path, capsys)
    assert _tutorial_tree() == written
    count = re.search(r"Wrote (\d+) files into", printed)
    assert count is not None
    assert f"Wrote {count.group(1)} files into mysite." in TUTORIAL.read_text(encoding="utf-8")


def _uses(text: str) -> dict[str, str]:
    """``{action: version}`` of every ``uses: owner/action@version`` in ``text``."""
    return dict(re.findall(r"uses: ([\w-]+/[\w-]+)@(\S+)", text))


def test_deployment_guide_shows_the_workflows_action_versions() -> None:
    shown = _uses(DEPLOY.read_text(encoding="utf-8"))
    used = _uses(WORKFLOW.read_text(encoding="utf-8"))
    assert shown and all(used[action] == version for action, version in shown.items())


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_workflow_uploads_the_folder_it_builds() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = _steps(workflow["jobs"]["build"])
    build = next(step["run"] for step in steps if step.get("run", "").startswith("sphinx-build"))
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert build.split()[-1] == upload["with"]["path"] == "_build/html"
    assert "-W" in build.split() and build.split()[-2] == "."
