project = "Cards"
extensions = ["sphinx_academic"]
academic_profile = "profile.yaml"
show_warning_types = True
