extensions = ["sphinx_academic"]
academic_bibfiles = ["papers.bib"]
academic_profile = "profile.yaml"
academic_show_citations = True
academic_publication_pages = True
exclude_patterns = ["_build"]
