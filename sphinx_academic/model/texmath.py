"""Math from data files, checked before it reaches LaTeX or MathJax.

Math is the one kind of text from a BibTeX file or a profile that is passed on as markup:
the LaTeX builder writes a formula as it is between ``\\(`` and ``\\)``, and MathJax reads
it in the reader's browser. A co-author's file must not be able to read files
(``\\input``), run programs (``\\write18``), change how TeX reads what follows (``\\def``,
``\\catcode``, ``^^5c``), make links or styles in the page (MathJax's ``\\href``,
``\\style``), or break the document (``%`` would comment out the closing ``\\)``).

:func:`math_problem` says why a formula is refused; refused formulas are shown as text.
Ordinary mathematics (Greek letters, operators, fonts, ``\\frac``, ``\\sqrt``,
``\\text``, matrices) is untouched.
"""

from __future__ import annotations

import re

#: Control words refused outright: files, the shell, engine hooks, definitions, catcodes,
#: expansion tricks, package loading, and MathJax's HTML-producing macros.
DENIED = frozenset(
    {
        # files and the shell
        "input", "include", "includeonly", "InputIfFileExists", "IfFileExists", "endinput",
        "openin", "openout", "closein", "closeout", "read", "readline", "write",
        "immediate", "special", "includegraphics", "lstinputlisting", "verbatiminput",
        "VerbatimInput", "inputminted", "import", "subimport", "ShellEscape",
        # engine hooks
        "directlua", "latelua", "luaexec", "luadirect", "primitive", "pdfprimitive",
        "shipout", "output",
        # definitions, catcodes and building names
        "def", "edef", "gdef", "xdef", "let", "futurelet", "global", "long", "outer",
        "protected", "catcode", "lccode", "uccode", "sfcode", "mathcode", "delcode",
        "chardef", "mathchardef", "countdef", "dimendef", "skipdef", "toksdef",
        "csname", "endcsname", "ifcsname", "csuse", "UseName", "ExpandArgs", "expandafter",
        "noexpand", "unexpanded", "scantokens", "scantextokens", "aftergroup",
        "afterassignment", "endlinechar", "newlinechar", "escapechar", "makeatletter",
        "makeatother", "usepackage", "RequirePackage", "documentclass", "LoadClass",
        "PassOptionsToPackage", "AtBeginDocument", "AtEndDocument", "AddToHook",
        "errmessage", "message", "show", "showthe", "showbox", "showlists", "batchmode",
        "nonstopmode", "scrollmode", "errorstopmode", "verb",
        # links and styles (LaTeX's hyperref, MathJax, KaTeX)
        "href", "url", "hyperref", "hyperlink", "hypertarget", "style", "class", "cssId",
        "require", "data",
    }
)  # fmt: skip
#: Refused by prefix: families where every member is a definition or an engine hook.
DENIED_PREFIXES = (
    "new", "renew", "provide", "New", "Renew", "Provide", "Declare", "Expl", "every",
    "pdf", "lua", "XeTeX", "html", "tracing",
)  # fmt: skip
#: Environments a formula may open with ``\\begin`` (``\\begin{X}`` builds a name from X).
ENVIRONMENTS = frozenset(
    {
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
        "cases", "dcases", "array", "aligned", "alignedat", "gathered", "split",
        "subarray", "substack",
    }
)  # fmt: skip

_CONTROL = re.compile(r"\\([A-Za-z@]+)|\\(.)", re.DOTALL)
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([^{}]*)\}")


def math_problem(text: str) -> str | None:
    """Why the formula ``text`` may not be passed on as math, or ``None`` if it may."""
    if "^^" in text:
        return "'^^' character codes are not allowed"
    for match in _CONTROL.finditer(text):
        problem = _control_problem(match.group(1), match.group(2))
        if problem:
            return problem
    bare = _CONTROL.sub(" ", text)  # escaped \% \# \& \$ \{ \} are fine
    for char, why in (("%", "starts a comment"), ("#", "is a macro parameter"), ("$", "ends math")):
        if char in bare:
            return f"an unescaped {char!r} {why}"
    return _environment_problem(text, bare) or _brace_problem(text)


def _control_problem(word: str | None, symbol: str | None) -> str | None:
    if word is not None:
        if "@" in word:
            return f"internal command \\{word} is not allowed"
        if word in DENIED or word.startswith(DENIED_PREFIXES):
            return f"\\{word} is not allowed in math from data"
        return None
    if symbol in ("(", ")", "[", "]"):
        return f"\\{symbol} would end or start math"
    return None


def _environment_problem(text: str, bare: str) -> str | None:
    environments = _ENVIRONMENT.findall(text)
    for _, name in environments:
        if name.strip().rstrip("*") not in ENVIRONMENTS:
            return f"environment {name!r} is not allowed in math from data"
    commands = re.findall(r"\\(begin|end)\b", text)
    if len(commands) != len(environments):
        return "\\begin and \\end need an environment name in braces"
    if "&" in bare and not environments:
        return "an unescaped '&' outside an environment"
    return None


def _brace_problem(text: str) -> str | None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text, re.DOTALL):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return "unbalanced braces"
    return "unbalanced braces" if depth else None
