"""Plain typed records and the rules for names, dates and ordering (no Sphinx)."""
