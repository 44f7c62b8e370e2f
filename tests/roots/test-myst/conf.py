project = "MyST"
extensions = ["myst_parser", "sphinx_academic"]
academic_profile = "profile.yaml"
academic_bibfiles = ["papers.bib"]
html_baseurl = "https://jane.example.org/"
show_warning_types = True
