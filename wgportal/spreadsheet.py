"""CSV files the portal writes, safe to open in a spreadsheet: a cell that starts with what a
spreadsheet reads as a formula (=, +, -, @, a tab or a carriage return) is written with a
single quote before it, as OWASP advises against CSV injection, so that it shows as text."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """The cell's text, quoted if a spreadsheet would run it; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, out, **options):
        self.writer = csv.writer(out, **options)

    def writerow(self, row):
        return self.writer.writerow([neutralised(value) for value in row])


def plain(value):
    """A cell read back from such a file: the quote put before a formula's start removed."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
