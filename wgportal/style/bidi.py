"""Left-to-right runs inside right-to-left text.

In Arabic text a fax number "+43-1 26060 75752", a URL, an e-mail address, a document symbol or
a time offset "+01:00" is laid out by the Unicode bidirectional algorithm, which reorders its
parts ("1-43+", the URL's slash first). Wrapped in a left-to-right isolate (U+2066 … U+2069)
each keeps its own order; browsers, WeasyPrint and mail readers all honour isolates, and a PDF's
text layer keeps them in logical order.
"""

import re

LRI, PDI = "\u2066", "\u2069"

LTR_RUN = re.compile(
    "|".join(
        [
            rf"{LRI}[^{PDI}]*{PDI}",  # already isolated: left as it is
            r"https?://[^\s\u060c\u061b]*[^\s\u060c\u061b.,;:)]",  # a URL, not its full stop
            r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # an e-mail address
            # Latin words, symbols, numbers with signs, spaces or separators inside.
            # It ends on a letter, digit or bracket: a full stop after it stays in the sentence.
            # A bracket opens it only before a Latin letter or digit: "(ب)" is Arabic text.
            r"[+\-]?(?:[A-Za-z0-9]|\((?=[A-Za-z0-9]))(?:[A-Za-z0-9()+\-/.:]*[A-Za-z0-9)])?"
            r"(?: [A-Za-z0-9()+\-/.:]*[A-Za-z0-9)])*",
        ]
    )
)


NUMBER = re.compile(r"[+\-]?[0-9][0-9()+\-/.: ]*")


def isolate(text):
    return f"{LRI}{text}{PDI}"


def isolate_runs(text):
    """Every left-to-right run of ``text`` isolated, except bare numbers ("2009"), which the
    algorithm already keeps in order. A telephone or fax number is kept on one line too: a
    line broken inside it would again put its parts out of order."""

    def wrap(match):
        run = match.group()
        if run.startswith(LRI) or run.isdigit():
            return run
        if NUMBER.fullmatch(run):
            run = run.replace(" ", "\u00a0")
        return isolate(run)

    return LTR_RUN.sub(wrap, text)
