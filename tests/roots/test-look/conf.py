extensions = ["sphinx_academic"]
academic_bibfiles = ["refs.bib"]
academic_author_aliases = ["Ada Lovelace"]
