"""Russian, as United Nations Russian documents write it (CTOC/COP/WG.4/2010/2 for the masthead,
the place and dates and the item reference; dates end in "года", not "г.")."""

from .base import OTHER_YEARS, SAME_MONTH, SAME_YEAR, TWO_DAYS, Style
from .en import English


class Russian(Style):
    code = babel_code = "ru"
    date_time_pattern = "{date}, {time} {zone}"
    zone_city_pattern = "по местному времени ({city})"
    date_pattern = "{day} {month} {year} года"
    ranges = {
        TWO_DAYS: "{d1} и {d2} {month} {year} года",
        SAME_MONTH: "{d1}-{d2} {month} {year} года",
        SAME_YEAR: "{dm1} – {dm2} {year} года",
        OTHER_YEARS: "{start} – {end}",
    }
    prose = {
        "one_day": "{date}",
        TWO_DAYS: "{range}",
        SAME_MONTH: "с {d1} по {end}",
        SAME_YEAR: "с {dm1} по {end}",
        OTHER_YEARS: "с {start} по {end}",
    }
    masthead_style = English  # Arabic, Chinese and Russian documents keep it in English
    language_line = True
    item_reference_pattern = "Пункт {item} предварительной повестки дня"
    label_patterns = ("{})", "{})")
    quotes = ("«", "»")
    list_patterns = {"middle": "{0}, {1}", "end": "{0} и {1}"}
    place_in_pattern = "в {place}"
    # The prepositional case of the duty stations and of the places of the portal's meetings.
    locatives = {
        "Вена": "в Вене",
        "Женева": "в Женеве",
        "Нью-Йорк": "в Нью-Йорке",
        "Найроби": "в Найроби",
        "Бонн": "в Бонне",
        "Бангкок": "в Бангкоке",
        "Бейрут": "в Бейруте",
        "Аддис-Абеба": "в Аддис-Абебе",
        "Сантьяго": "в Сантьяго",
        "Доха": "в Дохе",
        "Палермо": "в Палермо",
    }

    def day_heading(self, value):
        return f"{self.weekday(value).capitalize()}, {self.day_month(value)}"

    def time(self, value):
        return f"{value.hour} ч. {value.minute:02d} м."

    def time_range(self, start, end):
        """'10 ч. 00 м. – 13 ч. 00 м.'."""
        return f"{self.time(start)} – {self.time(end)}"

    def ordinal(self, number):
        return f"{number}-й"
