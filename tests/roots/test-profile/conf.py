project = "Profile"
extensions = ["sphinx_academic"]
academic_profile = "profile.yaml"
academic_bibfiles = ["papers.bib"]
html_baseurl = "https://jane.example.org/"
show_warning_types = True
