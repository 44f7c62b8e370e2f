"""Sphinx configuration of the sphinx-academic documentation.

The documentation is built with the extension itself: the demo pages under ``demo/`` read
``demo/papers.bib``, a fictional researcher's publication list, and ``demo/profile.yaml``,
her profile (CV sections and news).
"""

project = "sphinx-academic"
author = "sphinx-academic developers"
copyright = "sphinx-academic developers"

extensions = ["sphinx_academic"]

exclude_patterns = ["_build"]

html_theme = "furo"
html_title = "sphinx-academic"
# _static/screenshots/ holds the screenshots of the demo shown in the tutorial.
html_static_path = ["_static"]

# The demo site belongs to Clara Müller, a fictional researcher.
academic_bibfiles = ["demo/papers.bib"]
academic_author_aliases = ["Clara Müller", "Clara Mueller"]
academic_preview_dir = "demo/previews"
academic_files_dir = "demo/files"
academic_profile = "demo/profile.yaml"
# Citation counts as `sphinx-academic metrics` writes them (made up for the demo).
academic_metrics = "demo/metrics.json"
academic_coauthors = "demo/coauthors.yaml"
academic_show_citations = True
# The profile in the sidebar of the demo pages, as on a researcher's site.
academic_sidebar_profile = ["demo/*"]

# The Atom feed of the demo's news (atom.xml) needs absolute links.
html_baseurl = "https://clara.example.org/"

# The PDF of these docs (`sphinx-build -M latexpdf`): the performance tables use "≤",
# which pdflatex's default fonts set up only as a math symbol (xelatex's fonts have it).
latex_elements = {
    "preamble": r"\ifdefined\DeclareUnicodeCharacter"
    r"\DeclareUnicodeCharacter{2264}{\ensuremath{\le}}\fi",
}
