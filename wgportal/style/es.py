"""Spanish, as United Nations Spanish documents write it (FCCC/SBI/1997/11 for the masthead,
dates and item references)."""

from .base import OTHER_YEARS, SAME_MONTH, SAME_YEAR, TWO_DAYS, Style


class Spanish(Style):
    code = babel_code = "es"
    date_time_pattern = "{date}, a las {time} horas ({zone})"
    zone_city_pattern = "hora de {city}"
    date_pattern = "{day} de {month} de {year}"
    day_month_pattern = "{day} de {month}"
    ranges = {
        TWO_DAYS: "{d1} y {d2} de {month} de {year}",
        SAME_MONTH: "{d1} a {d2} de {month} de {year}",
        SAME_YEAR: "{dm1} a {dm2} de {year}",
        OTHER_YEARS: "{start} a {end}",
    }
    prose = {
        "one_day": "el {date}",
        TWO_DAYS: "los días {range}",
        SAME_MONTH: "del {d1} al {end}",
        SAME_YEAR: "del {dm1} al {end}",
        OTHER_YEARS: "del {start} al {end}",
    }
    day_heading_pattern = "{weekday} {day_month}"
    distribution = {
        "general": "Distr. general",
        "limited": "Distr. limitada",
        "restricted": "Distr. reservada",
    }
    language_line = True
    item_reference_pattern = "Tema {item} del programa provisional"
    label_patterns = ("{})", "{})")
    list_patterns = {"middle": "{0}, {1}", "end": "{0} y {1}"}
    place_in_pattern = "en {place}"

    def weekday(self, value):
        return super().weekday(value).capitalize()

    def time(self, value):
        return f"{value.hour}.{value.minute:02d}"

    def time_range(self, start, end):
        """'10.00 a 13.00 horas'."""
        return f"{self.time(start)} a {self.time(end)} horas"

    def ordinal(self, number):
        return f"{number}º"
