"""Readers: data files -> model records plus located problems (no Sphinx)."""
