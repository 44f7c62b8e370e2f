project = "Bad profile"
extensions = ["sphinx_academic"]
academic_profile = ["profile.yaml", "extra.json"]
academic_feed = ""
show_warning_types = True
