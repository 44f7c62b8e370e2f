project = "Sidebar"
extensions = ["sphinx_academic"]
html_theme = "furo"
academic_profile = "profile.yaml"
academic_sidebar_profile = True
show_warning_types = True
