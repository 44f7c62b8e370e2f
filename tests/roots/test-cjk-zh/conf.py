# The recipe of docs/usage.rst (Chinese): Sphinx already picks xelatex and xeCJK for zh.
project = "CV"
author = "王小明"
extensions = ["sphinx_academic"]
academic_profile = "profile.yaml"
academic_bibfiles = ["papers.bib"]
academic_author_aliases = ["王小明"]
language = "zh_CN"
latex_theme = "howto"
latex_elements = {
    "tableofcontents": "",
    "preamble": r"""
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
\tracinglostchars=3
""",
}
