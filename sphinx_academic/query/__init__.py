"""Selecting, ordering and grouping publications (no Sphinx)."""
