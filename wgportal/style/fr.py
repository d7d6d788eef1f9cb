"""French, as United Nations French documents write it (the seed documents: provisional agenda
CTOC/COP/WG.4/2009/1, note verbale CU 2009/92 (A), note CTOC/COP/2012/…)."""

from .base import OTHER_YEARS, SAME_MONTH, SAME_YEAR, TWO_DAYS, Style


class French(Style):
    code = babel_code = "fr"
    date_time_pattern = "{date} à {time} ({zone})"
    zone_city_pattern = "heure de {city}"
    ranges = {
        TWO_DAYS: "{d1} et {d2} {month} {year}",
        SAME_MONTH: "{d1}-{d2} {month} {year}",
        SAME_YEAR: "{dm1}-{dm2} {year}",
        OTHER_YEARS: "{start}-{end}",
    }
    prose = {
        "one_day": "le {date}",
        TWO_DAYS: "les {range}",
        SAME_MONTH: "du {d1} au {end}",
        SAME_YEAR: "du {dm1} au {end}",
        OTHER_YEARS: "du {start} au {end}",
    }
    day_heading_pattern = "{weekday} {day_month}"
    distribution = {
        "general": "Distr. générale",
        "limited": "Distr. limitée",
        "restricted": "Distr. restreinte",
    }
    original_pattern = "Original: {language}"
    language_line = True
    item_reference_pattern = "Point {item} de l'ordre du jour provisoire"
    label_patterns = ("{})", "{})")
    quotes = ("«\u00a0", "\u00a0»")
    list_patterns = {"middle": "{0}, {1}", "end": "{0} et {1}"}
    place_in_pattern = "à {place}"
    locatives = {"Le Caire": "au Caire", "La Havane": "à La Havane", "Le Cap": "au Cap"}

    def day(self, number):
        return "1er" if number == 1 else str(number)

    def weekday(self, value):
        # The organization of work heads each day with a capital: "Mardi 14 avril".
        return super().weekday(value).capitalize()

    def time(self, value):
        """'10 heures', '9 h 45'."""
        if value.minute:
            return f"{value.hour} h {value.minute:02d}"
        return f"{value.hour} heures"

    def time_range(self, start, end):
        return f"{self.time(start)}-{self.time(end)}"

    def ordinal(self, number):
        return "1er" if number == 1 else f"{number}e"
