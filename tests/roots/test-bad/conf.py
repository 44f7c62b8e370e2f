project = "Bad input"
extensions = ["sphinx_academic"]
academic_bibfiles = ["bad.bib", "second.bib", "missing.bib"]
show_warning_types = True
