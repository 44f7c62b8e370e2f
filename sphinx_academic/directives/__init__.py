"""Directives: read options, ask the stores, emit node trees."""
