"""What the text-mode LaTeX commands found in BibTeX files mean for the shown text.

The tables name the commands by what they do; :mod:`~sphinx_academic.model.richtext`
reads a value with them. Accents and symbols (``\\"u``, ``\\ss``, ``\\ldots``,
``\\textendash``, ...) are latexcodec's: any control word it decodes is known.
"""

from __future__ import annotations

from typing import Literal

#: Formatting kinds of decoded spans.
Kind = Literal["text", "em", "strong", "sup", "sub"]

#: Commands whose one argument is shown with a formatting kind.
FORMATTED_ARGUMENT: dict[str, Kind] = {
    "emph": "em",
    "textit": "em",
    "textsl": "em",
    "mathit": "em",
    "textbf": "strong",
    "mathbf": "strong",
    "textsuperscript": "sup",
    "textsubscript": "sub",
}

#: Commands that only change the look of their argument: its text is kept as it is.
PLAIN_ARGUMENT = frozenset(
    {
        "textsc",
        "texttt",
        "textrm",
        "textsf",
        "textnormal",
        "textup",
        "textmd",
        "mbox",
        "hbox",
        "text",
        "underline",
        "uline",
        "NoCaseChange",
        "ensuremath",
        "textcolor",  # its first argument (the colour) is skipped below
    }
)
#: Leading arguments a command takes that are not shown (``\\textcolor{red}{x}``).
SKIPPED_ARGUMENTS = {"textcolor": 1}

#: Old-style font switches (``{\\em x}``, ``{\\bf x}``): the kind the rest of the group
#: has; ``None`` keeps the current one (shape and family switches we do not show).
SWITCHES: dict[str, Kind | None] = {
    "em": "em",
    "it": "em",
    "itshape": "em",
    "sl": "em",
    "slshape": "em",
    "bf": "strong",
    "bfseries": "strong",
    "rm": "text",
    "normalfont": "text",
    "upshape": "text",
    "mdseries": "text",
    "sc": None,
    "scshape": None,
    "tt": None,
    "ttfamily": None,
    "sf": None,
    "sffamily": None,
    "rmfamily": None,
    "small": None,
    "footnotesize": None,
    "large": None,
    "Large": None,
}

#: Commands that stand for a fixed text.
WORDS = {
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2ε",
    "TeX": "TeX",
    "BibTeX": "BibTeX",
    "XeTeX": "XeTeX",
    "LuaTeX": "LuaTeX",
    "dots": "…",
    "textellipsis": "…",
    "textquotesingle": "'",
    "textbackslash": "\\",
    "euro": "€",
    "texteuro": "€",
    "slash": "/",
    "quad": " ",
    "qquad": " ",
    "enspace": " ",
    "thinspace": "\u2009",
    "newline": " ",
    "linebreak": " ",
    "par": " ",
    "hfill": " ",
    "relax": "",
    "protect": "",
    "noindent": "",
    "xspace": "",
    "null": "",
    "nobreak": "",
    "allowbreak": "",
    "unskip": "",
    "ignorespaces": "",
    "leavevmode": "",
    "nolinkurl": "",
}

#: Control symbols (a backslash and one non-letter) and what they show. Accents and
#: escapes (``\\'``, ``\\&``) are latexcodec's; these are the spacing ones it leaves.
SYMBOLS = {
    ",": "\u2009",
    " ": " ",
    "\n": " ",
    "\t": " ",
    ";": " ",
    ":": " ",
    "!": "",
    "/": "",
    "@": "",
    "-": "",
    "\\": " ",
}

#: Accent commands: they and their argument go to latexcodec together.
ACCENTS = frozenset("'`^\"~=.cvHkrutdbGU")

#: Accents on nothing that stand for a character of their own: ``\^{}`` and ``\~{}`` are
#: how LaTeX writes a caret and a tilde (``~jane/`` in an address), ``\`{}`` a backquote.
#: Other accents on nothing are latexcodec's spacing accents (``\'{}`` is ``´``).
ACCENTS_ALONE = {"^": "^", "~": "~", "`": "`"}

#: Citation commands: shown as their keys in brackets (``\\nocite`` shows nothing).
CITATIONS = frozenset(
    {
        "cite",
        "citep",
        "citet",
        "citealp",
        "citealt",
        "citeauthor",
        "citeyear",
        "parencite",
        "textcite",
        "autocite",
        "footcite",
        "nocite",
    }
)

#: Link commands: ``\\href{url}{text}`` and ``\\url{url}``.
LINKS = frozenset({"href", "url"})
