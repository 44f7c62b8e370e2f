project = "Basic"
extensions = ["sphinx_academic"]
academic_bibfiles = ["refs.bib", "more.bib"]
academic_author_aliases = ["Harutyunyan, Hrayr", "{Ver Steeg}, Greg"]
academic_preview_dir = "previews"
academic_files_dir = "files"
academic_max_authors = 3
show_warning_types = True
