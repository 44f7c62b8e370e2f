# The recipe of docs/usage.rst (Japanese with xelatex): Sphinx's defaults for ja are
# upLaTeX's, so the engine, the document classes and xeCJK are set here.
project = "CV"
author = "山田 花子"
extensions = ["sphinx_academic"]
academic_profile = "profile.yaml"
academic_bibfiles = ["papers.bib"]
academic_author_aliases = ["山田 花子"]
language = "ja"
latex_engine = "xelatex"
latex_docclass = {"manual": "report", "howto": "article"}
latex_theme = "howto"
latex_elements = {
    "tableofcontents": "",
    "polyglossia": "",
    "fontenc": r"\usepackage{xeCJK}",
    "preamble": r"""
\xeCJKsetup{CJKspace=true}
\setCJKmainfont{Noto Serif CJK JP}
\setCJKsansfont{Noto Sans CJK JP}
\setCJKmonofont{Noto Sans Mono CJK JP}
\tracinglostchars=3
""",
}
