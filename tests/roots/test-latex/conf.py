project = "LaTeX"
extensions = ["sphinx_academic"]
academic_profile = "profile.yaml"
academic_bibfiles = ["papers.bib"]
academic_author_aliases = ["Zoë Owner"]
show_warning_types = True
