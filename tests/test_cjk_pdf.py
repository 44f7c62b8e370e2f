"""A CV in Chinese or Japanese as a PDF: the recipe of docs/usage.rst (xelatex with xeCJK
and Noto CJK fonts) compiles, the PDF holds the text, no glyph is missing and long CJK
lines break inside the margins. The separators the extension puts between dates, titles
and places are Western punctuation in every engine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from test_latex import NO_LATEXMK, compile_pdf

from conftest import build_root


def _tex_file(name: str) -> bool:
    """Whether TeX finds the file ``name`` (``kpsewhich``)."""
    if shutil.which("kpsewhich") is None:
        return False
    found = subprocess.run(["kpsewhich", name], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def _font(family: str) -> bool:
    """Whether fontconfig, where xelatex looks for fonts by name, has ``family``."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(
        ["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


def _missing(font: str) -> str | None:
    """Why a CJK PDF cannot be compiled here, ``None`` when it can."""
    if NO_LATEXMK or shutil.which("xelatex") is None:
        return "needs xelatex, latexmk and make (texlive-xetex, latexmk)"
    if not (_tex_file("xeCJK.sty") and _tex_file("ctexhook.sty")):
        return "needs xeCJK and ctexhook.sty (texlive-lang-chinese / TeX Live's ctex)"
    if not _font(font):
        return f"needs the font {font} (fonts-noto-cjk)"
    return None


def needs_cjk_tex(font: str) -> pytest.MarkDecorator:
    reason = _missing(font)
    return pytest.mark.skipif(reason is not None, reason=f"compiling a CJK PDF {reason}")


def pdf_text(path: Path) -> str:
    """The PDF's text, read with poppler's ``pdftotext`` (as the other PDF tests read it)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("reading the PDF's text needs poppler's pdftotext (not installed)")
    done = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def compiled(root: str, tmp_path: Path) -> tuple[str, str]:
    """The test root ``root`` built as LaTeX and compiled: the PDF's text and the log."""
    app = build_root(root, tmp_path, "latex")
    done, log = compile_pdf(app.outdir)
    assert done.returncode == 0, done.stdout[-2000:]
    assert not re.search(r"^!", log, re.MULTILINE)
    return pdf_text(app.outdir / "cv.pdf"), log


@needs_cjk_tex("Noto Serif CJK SC")
def test_chinese_cv_compiles_with_every_glyph(tmp_path: Path) -> None:
    text, log = compiled("cjk-zh", tmp_path)
    assert "Missing character" not in log
    # The long summary and e-mail address break inside the margins.
    assert "Overfull \\hbox" not in log
    assert "王小明" in text
    assert "工作经历" in text  # the heading, from the extension's zh_CN catalog
    assert "清华大学计算机科学与技术系" in text
    assert "中文信息学报" in text
    # Western separators with their spaces (xeCJK would drop spaces around "—").
    assert "— 副教授 — 清华大学" in text


@needs_cjk_tex("Noto Serif CJK JP")
def test_japanese_cv_compiles_with_every_glyph(tmp_path: Path) -> None:
    text, log = compiled("cjk-ja", tmp_path)
    assert "Missing character" not in log
    assert "Overfull \\hbox" not in log
    assert "山田 花子" in text  # the space the data has (xeCJK's CJKspace)
    assert "職歴" in text  # the heading, from the extension's ja catalog
    assert "ザトウクジラの歌" in text
    assert "国内外の研究機関と共同で" in text
    assert "— 准教授 — 東京大学" in text


@pytest.fixture(scope="module")
def chinese_tex(tmp_path_factory: pytest.TempPathFactory) -> str:
    app: SphinxTestApp = build_root("cjk-zh", tmp_path_factory.mktemp("cjk"), "latex")
    return (app.outdir / "cv.tex").read_text(encoding="utf-8")


def test_separators_are_latex_commands(chinese_tex: str) -> None:
    """Dashes and middle dots between spaces are LaTeX's commands, which xeCJK and
    upLaTeX set as Western punctuation; CJK text stays as it is."""
    assert re.search(
        r"\\textendash\{\} 2020年8月 \\textemdash\{\} \\sphinxstylestrong", chinese_tex
    )
    assert r"\sphinxnolinkurl{wang-xiaoming.example.edu.cn" in chinese_tex
    assert r"}} \textperiodcentered{} \sphinxhref{" in chinese_tex
    assert not re.search(" [–—·] ", chinese_tex)
    assert "面向低资源语言的跨语言自监督表示学习方法研究" in chinese_tex
