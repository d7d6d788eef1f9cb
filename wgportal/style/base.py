"""What every language's conventions have in common, written once; each language's module
says only what it writes differently. The defaults are United Nations English."""

import datetime

from babel import Locale
from babel.dates import get_day_names, get_month_names, get_timezone_location

from .collation import collator
from .zones import known_name

# A span of days is one of these shapes; each language has a template for each.
TWO_DAYS, SAME_MONTH, SAME_YEAR, OTHER_YEARS = "two_days", "same_month", "same_year", "other_years"
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]
LATIN = "abcdefghijklmnopqrstuvwxyz"


def span_shape(start, end):
    if start.year != end.year:
        return OTHER_YEARS
    if start.month != end.month:
        return SAME_YEAR
    return TWO_DAYS if end - start == datetime.timedelta(days=1) else SAME_MONTH


class Style:
    code = "en"
    babel_code = "en_GB"
    direction = "ltr"

    date_pattern = "{day} {month} {year}"
    day_month_pattern = "{day} {month}"
    ranges = {
        TWO_DAYS: "{d1} and {d2} {month} {year}",
        SAME_MONTH: "{d1}-{d2} {month} {year}",
        SAME_YEAR: "{dm1}-{dm2} {year}",
        OTHER_YEARS: "{start}-{end}",
    }
    # The dates as a sentence gives them: "from 27 to 29 January 2010".
    prose = {
        "one_day": "on {date}",
        TWO_DAYS: "on {range}",
        SAME_MONTH: "from {d1} to {end}",
        SAME_YEAR: "from {dm1} to {end}",
        OTHER_YEARS: "from {start} to {end}",
    }
    place_dates_pattern = "{place}, {dates}"
    day_heading_pattern = "{weekday}, {day_month}"
    time_range_pattern = "{start}-{end}"

    # Mastheads: the style they are written in (None: the document's own), and their words.
    masthead_style = None
    distribution = {
        "general": "Distr.: General",
        "limited": "Distr.: Limited",
        "restricted": "Distr.: Restricted",
    }
    original_pattern = "Original: {language}"
    language_line = False  # an English document does not name its own language

    item_reference_pattern = "Item {item} of the provisional agenda"
    item_pattern = "{number} {label}"
    letters = LATIN
    label_patterns = ("({})", "({})")  # a lettered item, a sub-paragraph
    label_path_separator = " "
    quotes = ("\u201c", "\u201d")
    # A label and what it introduces ("Documents of the meeting: …"), and an aside after a
    # word ("… (not edited)"): Chinese sets both in full-width marks, without spaces.
    colon_pattern = "{0}: {1}"
    aside_pattern = " ({0})"
    list_patterns = {"middle": "{0}, {1}", "end": "{0} and {1}"}
    # How a sentence lists dates, where it differs from a list of names.
    date_list_patterns = None

    # How a sentence says "in <place>": the preposition, and the case forms that differ from
    # the name itself (UN duty stations and the places the portal's meetings are held).
    place_in_pattern = "in {place}"
    locatives = {}

    def __init__(self):
        self.locale = Locale.parse(self.babel_code)
        self.collator = collator(self.babel_code)

    # Dates -----------------------------------------------------------------------------------

    def month(self, number):
        return get_month_names("wide", "format", self.locale)[number]

    def weekday(self, value):
        return get_day_names("wide", "format", self.locale)[value.weekday()]

    def day(self, number):
        return str(number)

    def _fields(self, value):
        return {"day": self.day(value.day), "month": self.month(value.month), "year": value.year}

    def date(self, value):
        return self.date_pattern.format(**self._fields(value))

    def day_month(self, value):
        return self.day_month_pattern.format(**self._fields(value))

    def day_heading(self, value):
        """A day of the organization of work: "Tuesday, 14 April" (no year)."""
        return self.day_heading_pattern.format(
            weekday=self.weekday(value), day_month=self.day_month(value)
        )

    def _span_fields(self, start, end):
        return {
            "d1": self.day(start.day),
            "d2": self.day(end.day),
            "dm1": self.day_month(start),
            "dm2": self.day_month(end),
            "month": self.month(end.month),
            "year": end.year,
            "start": self.date(start),
            "end": self.date(end),
        }

    def date_range(self, start, end):
        if start == end:
            return self.date(start)
        return self.ranges[span_shape(start, end)].format(**self._span_fields(start, end))

    def date_span_prose(self, start, end):
        if start == end:
            return self.prose["one_day"].format(date=self.date(start))
        fields = self._span_fields(start, end)
        return self.prose[span_shape(start, end)].format(
            range=self.date_range(start, end), **fields
        )

    def date_spans_prose(self, spans):
        """Several spans of days as a sentence lists them, each with its preposition: "on 14
        and 15 April 2009, from 27 to 29 January 2010 and on 19 October 2010" (the meetings a
        body has held). ``spans`` are (first day, last day) pairs, in the order to be read."""
        phrases = [self.date_span_prose(start, end) for start, end in spans]
        return self.join(phrases, self.date_list_patterns or self.list_patterns)

    def place_and_dates(self, place, start, end):
        return self.place_dates_pattern.format(place=place, dates=self.date_range(start, end))

    # Times -------------------------------------------------------------------------------------

    def time(self, value):
        """'10 a.m.', '3.30 p.m.', 'noon'."""
        if (value.hour, value.minute) == (12, 0):
            return "noon"
        return f"{self._clock(value)} {'a.m.' if value.hour < 12 else 'p.m.'}"

    def _clock(self, value):
        hour = value.hour % 12 or 12
        return f"{hour}.{value.minute:02d}" if value.minute else str(hour)

    # A deadline: its day, its time and its zone's name ("31 July 2009, 11.59 p.m. (Vienna time)").
    date_time_pattern = "{date}, {time} ({zone})"
    zone_city_pattern = "{city} time"

    def zone_name(self, zone):
        """ "Vienna time", "heure de Vienne": a UN duty station by its usual name, another zone
        by CLDR's name of its city in the language's phrase."""
        known = known_name(zone, self.code)
        if known:
            return known
        city = get_timezone_location(zone, locale=self.locale, return_city=True)
        return self.zone_city_pattern.format(city=city)

    def date_time(self, value, zone):
        """An instant as read in ``zone``, to the minute, with the zone's name."""
        local = value.astimezone(zone)
        return self.date_time_pattern.format(
            date=self.date(local), time=self.time(local), zone=self.zone_name(zone)
        )

    def time_range(self, start, end):
        """'10 a.m.-1 p.m.'; '3-6 p.m.' when both ends fall in the same half of the day."""
        first = self.time(start)
        if "noon" not in (first, self.time(end)) and (start.hour < 12) == (end.hour < 12):
            first = self._clock(start)
        return self.time_range_pattern.format(start=first, end=self.time(end))

    # Masthead ----------------------------------------------------------------------------------

    def masthead(self, distribution, issue_date, original_language):
        """The distribution block's lines, top to bottom."""
        words = self.masthead_style() if self.masthead_style else self
        lines = [words.distribution[distribution]]
        if issue_date:
            lines.append(words.date(issue_date))
        if self.language_line:
            lines.append(words.language_name(self.code, capital=True))
        lines.append(words.original_pattern.format(language=words.language_name(original_language)))
        return lines

    @property
    def masthead_language(self):
        return (self.masthead_style or self).code

    def language_name(self, code, capital=False):
        name = self.locale.languages[code.split("-")[0]]
        return name[:1].upper() + name[1:] if capital else name

    # References and labels ---------------------------------------------------------------------

    def label(self, value, level=1):
        """The label of a list item: level 1 lettered (a, b… given as a letter or a position),
        level 2 a sub-paragraph (i, ii… given as a roman numeral or a position)."""
        position = value if isinstance(value, int) else _position(value, level)
        if position is None:  # a label outside the sequence is given as it was entered
            return self.label_patterns[level - 1].format(value)
        return self.label_patterns[level - 1].format(self.label_text(position, level))

    def label_text(self, position, level):
        if level == 1:
            return self.letters[position - 1]
        return ROMAN[position - 1]

    def label_path(self, labels):
        """A sub-paragraph cited with its paragraph: "(o) (i)", "o) i)", "(o)㈠"."""
        return self.label_path_separator.join(
            self.label(label, level) for level, label in enumerate(labels, start=1)
        )

    def item(self, number, letter=""):
        """An agenda item as the organization of work cites it: "2 (b)", "2"."""
        if not letter:
            return str(number)
        return self.item_pattern.format(number=number, label=self.label(letter))

    def item_reference(self, number, letter=""):
        """'Item 2 (b) of the provisional agenda*': the line under a document's title."""
        return self.item_reference_pattern.format(item=self.item(number, letter)) + "*"

    def item_reference_footnote(self, agenda_symbol):
        return f"* {agenda_symbol}."

    full_stop = "."

    def clause(self, text):
        """A decision's paragraph ("Decided, …;") as the end of a sentence that cites it
        ("…, the Conference decided, …."): its first letter in lower case, a full stop."""
        text = text.strip().rstrip(";:,.；：。،؛ ")
        return text[:1].lower() + text[1:] + self.full_stop

    def paragraph_number(self, number):
        """A numbered paragraph's number: "10." ("10-" in Arabic)."""
        return f"{number}."

    def section_number(self, number):
        """A section's number: "I." ("一." in Chinese)."""
        return f"{ROMAN[number - 1].upper()}."

    def ordinal(self, number):
        if number % 100 in (11, 12, 13):
            return f"{number}th"
        return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"

    # Lists, quotations, sorting, places ------------------------------------------------------

    def join(self, names, patterns=None):
        patterns = patterns or self.list_patterns
        names = [str(name) for name in names]
        if len(names) < 2:
            return "".join(names)
        head = names[0]
        for name in names[1:-1]:
            head = patterns["middle"].format(head, name)
        return patterns["end"].format(head, names[-1])

    def quote(self, text):
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def colon(self, label, text):
        return self.colon_pattern.format(label, text)

    def aside(self, text):
        return self.aside_pattern.format(text)

    def sort_key(self, text):
        return self.collator.getSortKey(str(text))

    def place_in(self, place):
        """'in Vienna', 'в Вене', 'au Caire'."""
        return self.locatives.get(place) or self.place_in_pattern.format(place=place)


def _position(label, level):
    """1 for "a" or "i", 2 for "b" or "ii"…; None for a label outside the sequence."""
    sequence = ROMAN if level == 2 else list(LATIN)
    label = label.lower()
    return sequence.index(label) + 1 if label in sequence else None
