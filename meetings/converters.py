"""Path converters for addresses that carry a document symbol."""


class Symbol:
    """A document symbol, slashes and all (CTOC/COP/WG.4/2009/1): only the characters a symbol
    is written with, so that an address holding anything else (a NUL, which PostgreSQL refuses
    in a query) is a 404 before it reaches a selector."""

    regex = r"[A-Za-z0-9./]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
