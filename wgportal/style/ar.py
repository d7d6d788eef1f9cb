"""Arabic, as United Nations Arabic documents write it (E/CONF.103/2, A/C.3/66/L.5): Western
digits, the double month names ("نيسان/أبريل"), letters in the abjadi order, sub-paragraphs
'1', '2', the Arabic comma; numbers, symbols and addresses isolated in their own direction."""

from .base import OTHER_YEARS, SAME_MONTH, SAME_YEAR, TWO_DAYS, Style
from .bidi import isolate
from .en import English

# The months as United Nations Arabic names them: both the Levantine and the other name.
MONTHS = [
    None,
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]
# Lettered lists follow the abjadi order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ).
ABJADI = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف"]
ABJADI += ["ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"]
# Sections are numbered in words: "أولا- مقدِّمة", not with Latin roman numerals.
SECTIONS = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"]


class Arabic(Style):
    code = babel_code = "ar"
    date_time_pattern = "{date}، الساعة \u2066{time}\u2069 {zone}"
    zone_city_pattern = "بتوقيت {city}"
    direction = "rtl"
    ranges = {
        TWO_DAYS: "{d1} و{d2} {month} {year}",
        SAME_MONTH: "{d1}-{d2} {month} {year}",
        SAME_YEAR: "{dm1} - {dm2} {year}",
        OTHER_YEARS: "{start} - {end}",
    }
    prose = {
        "one_day": "في {date}",
        TWO_DAYS: "يومي {range}",
        SAME_MONTH: "من {d1} إلى {end}",
        SAME_YEAR: "من {dm1} إلى {end}",
        OTHER_YEARS: "من {start} إلى {end}",
    }
    place_dates_pattern = "{place}، {dates}"
    day_heading_pattern = "{weekday}، {day_month}"
    masthead_style = English  # Arabic, Chinese and Russian documents keep it in English
    language_line = True
    item_reference_pattern = "البند {item} من جدول الأعمال المؤقت"
    letters = ABJADI
    label_patterns = ("({})", "'{}'")
    list_patterns = {"middle": "{0}، {1}", "end": "{0} و{1}"}
    # Each date of a list is its own phrase, joined by "، و" ("، ومن 27 إلى 29 …، وفي 19 …").
    date_list_patterns = {"middle": "{0}، و{1}", "end": "{0}، و{1}"}
    place_in_pattern = "في {place}"

    def month(self, number):
        return MONTHS[number]

    def label_text(self, position, level):
        return str(position) if level == 2 else super().label_text(position, level)

    def time(self, value):
        return f"{value.hour}:{value.minute:02d}"

    def time_range(self, start, end):
        return f"{self.time(start)}-{self.time(end)}"

    def paragraph_number(self, number):
        return f"{number}-"

    def section_number(self, number):
        return f"{SECTIONS[number - 1]}-" if number <= len(SECTIONS) else f"{number}-"

    def ordinal(self, number):
        return str(number)

    def item_reference_footnote(self, agenda_symbol):
        return f"* {isolate(agenda_symbol)}."
