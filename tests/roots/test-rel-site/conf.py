# The small site every bad-input case of test_reliability_bad_input.py starts from.
project = "Reliability"
extensions = ["sphinx_academic"]
academic_bibfiles = ["refs.bib"]
academic_profile = ["profile.yaml", "extra.json"]
academic_feed = ""
show_warning_types = True
exclude_patterns = ["_build"]
