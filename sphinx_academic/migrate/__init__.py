"""Converting another site generator's data into a native ``profile.yaml`` and a
``papers.bib``: the ``sphinx-academic migrate`` command.

One module per source (:mod:`.academicpages`, :mod:`.alfolio`, :mod:`.hugoblox`), each
turning a site folder into a :class:`~.outputs.Migration` (al-folio's online profiles in
:mod:`.alfoliosocials`, Hugo Blox's authors in :mod:`.hugoauthors`, its experience
widgets and blocks in :mod:`.hugoexperience`); :mod:`.frontmatter` reads
the Markdown files both keep their data in, :mod:`.values` holds the conversions they
share, :mod:`.prose` turns Markdown into an abstract's plain text, and :mod:`.outputs`
writes the result.
"""
