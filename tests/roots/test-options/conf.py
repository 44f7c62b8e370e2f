project = "Options"
extensions = ["sphinx_academic"]
academic_bibfiles = ["refs.bib"]
show_warning_types = True
