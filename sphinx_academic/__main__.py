"""``python -m sphinx_academic``: the ``sphinx-academic`` command."""

from sphinx_academic.cli import main

raise SystemExit(main())
