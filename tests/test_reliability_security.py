"""Hostile data: nothing from a bib file or a profile may run script, reach files outside
the project, or reach the network, in any output format.

One site is built from data written to attack it (markup in titles and news, script and
data links in every place a link can come from, files outside the source folder, math
that would make LaTeX read files), with the HTML, LaTeX and text builders. That the demo
builds with the network switched off is tested with the demo's other builds, in
test_reliability_determinism.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import build_app, parse_html

SECRET = "TOP-SECRET-7f3a9c"

#: Link values that must never become links: script, data and VBScript URLs in any case,
#: split by whitespace or control characters, or spelled with HTML entities.
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
]
#: The ones reStructuredText can hold in ``<...>`` (it drops whitespace there).
INLINE_URLS = [url for url in HOSTILE_URLS if url.strip() == url and "\t" not in url]
SCRIPT = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'
LATEX = "\\input{/etc/passwd} \\write18{rm -rf /}"
#: Formulas that must not reach LaTeX or MathJax as math.
HOSTILE_MATH = [
    "\\input{/etc/passwd}",
    "\\write18{ls}",
    "\\href{javascript:alert(1)}{x}",
    "^^5cinput{/etc/hosts}",
    "a % b",
    "\\csname input\\endcsname{/etc/passwd}",
    "\\begin{document}",
    "\\def\\x{1}",
]


def _bib() -> str:
    entries = [
        "@inproceedings{hostile,\n"
        f"  title = {{{SCRIPT} and {IMG}}},\n"
        "  author = {Hacker, Harry},\n"
        f"  booktitle = {{{LATEX}}},\n"
        "  year = {2020},\n"
        "}",
        # Ordinary math is kept as math.
        "@misc{goodmath,\n  title = {Bounds for $x^2 + \\alpha$},\n  year = {2019},\n}",
        # Text that MathJax would typeset as a link, were it allowed to look at it.
        "@misc{mathjax,\n  title = {\\(\\href\\{javascript:alert(1)\\}\\{x\\}\\)},\n}",
    ]
    for n, formula in enumerate(HOSTILE_MATH):
        entries.append(
            f"@misc{{math-{n},\n  title = {{Formula ${formula}$}},\n  year = {{2018}},\n}}"
        )
    for n, url in enumerate(HOSTILE_URLS):
        entries.append(f"@misc{{url-{n},\n  title = {{Link {n}}},\n  url = {{{url}}},\n}}")
        entries.append(f"@misc{{code-{n},\n  title = {{Code {n}}},\n  code = {{{url}}},\n}}")
    entries += [
        "@misc{outside-preview,\n  title = {Outside preview},\n  preview = {../secret.txt},\n}",
        "@misc{absolute-pdf,\n  title = {Absolute pdf},\n  pdf = {/etc/passwd},\n}",
        "@misc{windows-pdf,\n  title = {Windows pdf},\n  pdf = {C:\\secret.pdf},\n}",
        "@misc{symlink-preview,\n  title = {Symlink preview},\n  preview = {evil.png},\n}",
        "@misc{symlink-pdf,\n  title = {Symlink pdf},\n  pdf = {files/evil.pdf},\n}",
    ]
    return "\n\n".join(entries) + "\n"


def _profile() -> dict[str, Any]:
    news = [
        {"date": "2024-01-01", "text": f"{SCRIPT} {IMG} {LATEX}"},
        {"date": "2024-01-02", "text": "Formula :math:`\\input{/etc/passwd}` and :math:`x^2`"},
        {"date": "2024-01-03", "text": "Get :download:`this <../secret.txt>`"},
        # The page defines a raw role; data must still not use it.
        {"date": "2024-01-04", "text": ":raw-html:`<script>alert('raw')</script>`"},
    ]
    news += [
        {"date": f"2023-01-{n + 1:02d}", "text": f"News {n}", "url": url}
        for n, url in enumerate(HOSTILE_URLS)
    ]
    news += [
        {"date": f"2022-01-{n + 1:02d}", "text": f"Inline {n}: `click <{url}>`_"}
        for n, url in enumerate(INLINE_URLS)
    ]
    return {
        "basics": {
            "name": f"Jane {SCRIPT}",
            "label": IMG,
            "image": "../secret.txt",
            "profiles": [{"network": f"Net{n}", "url": url} for n, url in enumerate(HOSTILE_URLS)],
        },
        "work": [
            {"name": f"Lab {n}", "position": "Job", "url": url, "startDate": "2020"}
            for n, url in enumerate(HOSTILE_URLS)
        ],
        "news": news,
    }


def _site(root: Path) -> Path:
    srcdir = root / "site"
    srcdir.mkdir(parents=True)
    (root / "secret.txt").write_text(SECRET)
    (srcdir / "files").mkdir()
    (srcdir / "evil.png").symlink_to(root / "secret.txt")
    (srcdir / "files" / "evil.pdf").symlink_to(root / "secret.txt")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\n'
        'academic_bibfiles = ["hostile.bib"]\n'
        'academic_profile = "profile.json"\n'
        'academic_feed = ""\n'
        "show_warning_types = True\n"
        'latex_documents = [("index", "site.tex", "Site", "Me", "manual")]\n'
    )
    (srcdir / "hostile.bib").write_text(_bib(), encoding="utf-8")
    (srcdir / "profile.json").write_text(json.dumps(_profile(), indent=1), encoding="utf-8")
    (srcdir / "index.rst").write_text(
        ".. role:: raw-html(raw)\n   :format: html\n\n"
        "Site\n====\n\n.. profile::\n\n.. publications::\n\n.. timeline:: work\n\n.. news::\n",
        encoding="utf-8",
    )
    return srcdir


def _build(srcdir: Path, buildername: str) -> SphinxTestApp:
    return build_app(srcdir, buildername, freshenv=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    srcdir = _site(tmp_path_factory.mktemp("hostile"))
    return {name: _build(srcdir, name) for name in ("html", "latex", "text")}


def _warnings(app: SphinxTestApp) -> list[str]:
    return [
        line
        for line in strip_escape_sequences(app.warning.getvalue()).splitlines()
        if "WARNING" in line or "ERROR" in line
    ]


def _output_files(app: SphinxTestApp) -> list[Path]:
    return [
        path for path in app.outdir.rglob("*") if path.is_file() and ".doctrees" not in path.parts
    ]


# -- every output format shows markup from data as text -----------------------------------


def test_no_traceback_and_every_builder_finished(builds: dict[str, SphinxTestApp]) -> None:
    for app in builds.values():
        assert "Traceback" not in app.warning.getvalue()
    assert (builds["html"].outdir / "index.html").is_file()
    assert (builds["latex"].outdir / "site.tex").is_file()
    assert (builds["text"].outdir / "index.txt").is_file()


def test_html_shows_markup_from_data_as_text(builds: dict[str, SphinxTestApp]) -> None:
    page = parse_html(builds["html"].outdir / "index.html")
    body = page.select_one(".body") or page.body
    scripts = page.select('script:not([type="application/ld+json"])')
    assert not [tag for tag in scripts if "alert" in tag.get_text()]
    assert not page.select("[onerror]") and not body.select("img[src=x]")
    # Each place shows the markup as text (quotes may be curled by smart quotes).
    for selector in ("#pub-hostile .academic-pub-title", ".academic-profile", "#news-2024-01-01"):
        shown = page.select_one(selector).get_text()
        assert "<script>alert(" in shown and "<img src=x onerror=alert(1)>" in shown, selector
    # The head's JSON-LD carries the name too: escaped so it cannot close its script.
    for script in page.select('script[type="application/ld+json"]'):
        assert "</script" not in script.decode_contents().lower()


def test_latex_shows_markup_from_data_as_text(builds: dict[str, SphinxTestApp]) -> None:
    tex = (builds["latex"].outdir / "site.tex").read_text(encoding="utf-8")
    assert "\\textless{}script\\textgreater{}" in tex
    for command in ("\\input", "\\write18", "\\csname", "^^5c", "\\def\\x"):
        assert command not in tex, command
    # Only the harmless formulas stay math.
    formulas = re.findall(r"\\\((.*?)\\\)", tex)
    assert formulas and all("input" not in f and "href" not in f for f in formulas), formulas
    assert "x^2 + \\alpha" in tex


def test_text_shows_markup_from_data_as_text(builds: dict[str, SphinxTestApp]) -> None:
    text = (builds["text"].outdir / "index.txt").read_text(encoding="utf-8")
    assert SCRIPT in text and "<img src=x onerror=alert(1)>" in text


@pytest.mark.parametrize("formula", HOSTILE_MATH)
def test_hostile_math_is_text_and_reported(formula: str, builds: dict[str, SphinxTestApp]) -> None:
    n = HOSTILE_MATH.index(formula)
    page = parse_html(builds["html"].outdir / "index.html")
    card = page.select_one(f"#pub-math-{n}")
    assert card is not None and not card.select(".math")
    assert f"${formula}$" in card.select_one(".academic-pub-title").get_text()
    warnings = [w for w in _warnings(builds["html"]) if f"math-{n}: field 'title': math" in w]
    assert len(warnings) == 1 and warnings[0].endswith("[academic.math]"), warnings
    assert re.search(r"hostile\.bib:\d+: WARNING", warnings[0])


def test_raw_output_from_data_is_text(builds: dict[str, SphinxTestApp]) -> None:
    page = parse_html(builds["html"].outdir / "index.html")
    box = page.select_one(".academic-news")
    assert "<script>alert(" in box.get_text() and not box.select("script")
    found = [w for w in _warnings(builds["html"]) if "raw output is not allowed" in w]
    assert len(found) == 1 and found[0].endswith("[academic.markup]"), found


def test_mathjax_sees_only_the_checked_formulas(builds: dict[str, SphinxTestApp]) -> None:
    page = parse_html(builds["html"].outdir / "index.html")
    # \href without a braced argument is an unknown command, dropped; the rest is text.
    assert "\\({javascript:alert(1)}{x}\\)" in page.select_one("#pub-mathjax").get_text()
    for text in page.find_all(string=re.compile(r"\\\(")):
        classes = [c for parent in text.parents for c in parent.get("class") or []]
        if "math" in classes:  # a formula the extension made: MathJax may read it
            assert "mathjax_process" in classes, text
        else:
            assert "mathjax_ignore" in classes and "tex2jax_ignore" in classes, text


def test_harmless_math_stays_math(builds: dict[str, SphinxTestApp]) -> None:
    page = parse_html(builds["html"].outdir / "index.html")
    assert page.select_one("#pub-goodmath .math") is not None
    news = " ".join(node.decode() for node in page.select(".academic-news-text"))
    assert "\\(x^2\\)" in news and "\\(\\input" not in news
    assert any(
        "profile text: math '\\\\input{/etc/passwd}'" in w for w in _warnings(builds["html"])
    )


# -- links ----------------------------------------------------------------------------------


def _hrefs(app: SphinxTestApp) -> list[str]:
    page = parse_html(app.outdir / "index.html")
    return [a["href"] for a in page.select("a[href]")]


def _unsafe(href: str) -> bool:
    probe = re.sub(r"[\x00-\x20]", "", html.unescape(href)).lower()
    return probe.startswith(("javascript", "data:", "vbscript", "file:"))


def test_no_unsafe_href_in_html(builds: dict[str, SphinxTestApp]) -> None:
    hrefs = _hrefs(builds["html"])
    assert hrefs and not [href for href in hrefs if _unsafe(href)]


def test_no_unsafe_link_in_latex(builds: dict[str, SphinxTestApp]) -> None:
    tex = (builds["latex"].outdir / "site.tex").read_text(encoding="utf-8")
    targets = re.findall(r"\\(?:sphinxhref|href|sphinxurl|url)\{([^}]*)\}", tex)
    assert not [target for target in targets if _unsafe(target.replace("\\#", "#"))]


#: Where a link can come from -> (warning pattern, how many hostile values were put there).
LINK_PLACES = {
    "bib url": (r"url-\d+: field 'url': link", len(HOSTILE_URLS)),
    "bib code": (r"code-\d+: field 'code': link", len(HOSTILE_URLS)),
    "profile links": (r"profile: profile 'Net\d+': link", len(HOSTILE_URLS)),
    "work url": (r"profile: url: link", len(HOSTILE_URLS)),
    "news url": (r"profile: news url: link", len(HOSTILE_URLS)),
    "inline link": (r"profile text: link", len(INLINE_URLS)),
}


@pytest.mark.parametrize("place", sorted(LINK_PLACES))
def test_each_hostile_link_dropped_with_a_warning(
    place: str, builds: dict[str, SphinxTestApp]
) -> None:
    pattern, count = LINK_PLACES[place]
    found = [w for w in _warnings(builds["html"]) if re.search(pattern, w)]
    assert len(found) == count, "\n".join(found)
    assert all(
        w.endswith(
            "dropped (only http, https, mailto and relative links are allowed) [academic.link]"
        )
        for w in found
    )
    assert all(re.search(r"(hostile\.bib|profile\.json):\d+: WARNING", w) for w in found)


def test_link_text_is_kept(builds: dict[str, SphinxTestApp]) -> None:
    page = parse_html(builds["html"].outdir / "index.html")
    titles = [node.get_text() for node in page.select(".academic-pub-title")]
    assert all(f"Link {n}" in titles for n in range(len(HOSTILE_URLS)))
    text = page.get_text()
    assert all(f"Inline {n}: click" in text for n in range(len(INLINE_URLS)))


# -- files outside the source folder --------------------------------------------------------

#: (what, message, subtype). An absolute path is read from the source folder, as Sphinx
#: reads it; a Windows drive letter reads as a URL scheme. Both are refused too.
FILE_WARNINGS = [
    (
        "outside-preview",
        "field 'preview': '../secret.txt' is outside the source directory",
        "asset",
    ),
    ("absolute-pdf", "field 'pdf': file 'etc/passwd' not found", "asset"),
    ("windows-pdf", "field 'pdf': link 'C:\\\\secret.pdf' dropped", "link"),
    ("symlink-preview", "field 'preview': 'evil.png' is outside the source directory", "asset"),
    ("symlink-pdf", "field 'pdf': 'files/evil.pdf' is outside the source directory", "asset"),
    ("basics.image", "basics.image: '../secret.txt' is outside the source directory", "asset"),
    ("download", "profile text: :download: '../secret.txt' is outside the source", "asset"),
]


@pytest.mark.parametrize(
    ("what", "message", "subtype"), FILE_WARNINGS, ids=[row[0] for row in FILE_WARNINGS]
)
def test_file_outside_the_source_folder_refused(
    what: str, message: str, subtype: str, builds: dict[str, SphinxTestApp]
) -> None:
    found = [w for w in _warnings(builds["html"]) if message in w]
    assert len(found) == 1, (message, _warnings(builds["html"]))
    assert found[0].endswith(f"[academic.{subtype}]")
    assert re.search(r"(hostile\.bib|profile\.json):\d+: WARNING", found[0])


@pytest.mark.parametrize("buildername", ["html", "latex", "text"])
def test_no_secret_in_any_output(buildername: str, builds: dict[str, SphinxTestApp]) -> None:
    for path in _output_files(builds[buildername]):
        assert SECRET.encode() not in path.read_bytes(), path


def test_only_expected_warnings(builds: dict[str, SphinxTestApp]) -> None:
    warnings = _warnings(builds["html"])
    expected = len(HOSTILE_MATH) + 1 + sum(count for _, count in LINK_PLACES.values())
    expected += len(FILE_WARNINGS) + 1  # and the raw role in a news item
    expected += 2  # unknown LaTeX commands (\input, \write; \href) of two entries
    latex = [w for w in warnings if w.endswith("[academic.latex]")]
    assert [w.split("WARNING: ")[1].split(":")[0] for w in latex] == ["hostile", "mathjax"]
    assert all("[academic." in w for w in warnings), warnings
    assert len(warnings) == expected, "\n".join(warnings)
