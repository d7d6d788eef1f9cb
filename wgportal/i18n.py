"""Language helpers: Babel locales for Django's language codes, and dates written as each
official language writes them in United Nations documents."""

import datetime
import re

from babel import Locale
from babel.dates import (
    format_date,
    format_datetime,
    format_interval,
    format_time,
    parse_pattern,
)
from babel.lists import format_list
from django.conf import settings
from django.utils.translation import get_language

# Each language's name for itself, as the United Nations writes it on its language menus.
NATIVE_NAMES = {
    "ar": "العربية",
    "zh-hans": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}

# UN English follows British usage: "14 April 2009", not "April 14, 2009".
BABEL_LOCALES = {"en": "en_GB", "zh-hans": "zh_Hans"}


# United Nations Arabic names both month forms: "نيسان/أبريل"; CLDR has only the second.
UN_ARABIC_MONTHS = {
    "يناير": "كانون الثاني/يناير",
    "فبراير": "شباط/فبراير",
    "مارس": "آذار/مارس",
    "أبريل": "نيسان/أبريل",
    "مايو": "أيار/مايو",
    "يونيو": "حزيران/يونيه",
    "يوليو": "تموز/يوليه",
    "أغسطس": "آب/أغسطس",
    "سبتمبر": "أيلول/سبتمبر",
    "أكتوبر": "تشرين الأول/أكتوبر",
    "نوفمبر": "تشرين الثاني/نوفمبر",
    "ديسمبر": "كانون الأول/ديسمبر",
}
_ARABIC_MONTH_RE = re.compile("|".join(UN_ARABIC_MONTHS))


def un_style(text, language):
    """Dates as United Nations documents of the language write them."""
    if (language or get_language()) == "ar":
        return _ARABIC_MONTH_RE.sub(lambda match: UN_ARABIC_MONTHS[match.group()], text)
    return text


def language_name(code):
    """The portal's own name of an official language, in the active language. Django's names
    differ from UN usage ("Simplified Chinese", Russian capitalised); these are the glossary's."""
    return str(dict(settings.LANGUAGES).get(code, code))


def babel_locale(language=None):
    language = language or get_language() or "en"
    return Locale.parse(BABEL_LOCALES.get(language, language))


def join_names(names, language=None):
    """ "Egypt, France and Mexico", as the language joins a list."""
    return format_list(list(names), locale=babel_locale(language))


def date_long(value, language=None):
    return un_style(format_date(value, format="long", locale=babel_locale(language)), language)


def date_full(value, language=None):
    """With the weekday, as the organization of work heads each day."""
    return un_style(format_date(value, format="full", locale=babel_locale(language)), language)


def date_range(start, end, language=None):
    """'14–15 April 2009', '14–15 avril 2009', '2009年4月14日至15日'.

    CLDR's date-interval patterns abbreviate the month; documents spell it out, so the
    locale's own patterns are used with the month widened.
    """
    locale = babel_locale(language)
    if start == end:
        return date_long(start, language)
    patterns = locale.interval_formats.get("yMMMMd") or {
        key: [_widen_month(pattern) for pattern in pair]
        for key, pair in locale.interval_formats.get("yMMMd", {}).items()
    }
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    if field not in patterns:
        return un_style(format_interval(start, end, "yMMMd", locale=locale), language)
    return un_style(
        "".join(
            parse_pattern(pattern).apply(day, locale)
            for pattern, day in zip(patterns[field], (start, end), strict=True)
        ),
        language,
    )


def _widen_month(pattern):
    return pattern.replace("MMMM", "MMM").replace("MMM", "MMMM").replace("LLL", "LLLL")


def time_range(start, end, language=None):
    return format_interval(start, end, "Hm", locale=babel_locale(language))


def date_time_long(value, zone, language=None):
    """'31 July 2009, 23:59 CEST': an instant as read in a time zone. A deadline at midnight
    is the end of the day before, and is shown as its last minute."""
    local = value.astimezone(zone)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        local -= datetime.timedelta(minutes=1)
    locale = babel_locale(language)
    day = date_long(local, language)
    time = format_time(local, "HH:mm", tzinfo=zone, locale=locale)
    zone_name = format_datetime(local, "zzz", tzinfo=zone, locale=locale)
    return f"{locale.datetime_formats['medium'].format(time, day)} {zone_name}"


# How United Nations prose gives a span of days, per language: "from 27 to 29 January 2010".
# Locale data like CLDR's, which has no prose form; Chinese writes the span as a range.
SPAN_PROSE = {
    "ar": ("من {start_day} إلى {end}", "من {start} إلى {end}"),
    "zh-hans": ("{range}", "{range}"),
    "en": ("from {start_day} to {end}", "from {start} to {end}"),
    "fr": ("du {start_day} au {end}", "du {start} au {end}"),
    "ru": ("с {start_day} по {end}", "с {start} по {end}"),
    "es": ("del {start_day} al {end}", "del {start} al {end}"),
}
ONE_DAY_PROSE = {
    "ar": "في {date}",
    "zh-hans": "于{date}",
    "en": "on {date}",
    "fr": "le {date}",
    "ru": "{date}",
    "es": "el {date}",
}


def date_span_prose(start, end, language=None):
    """The dates of a meeting as a sentence gives them: 'du 27 au 29 janvier 2010'."""
    language = language or get_language() or "en"
    if start == end:
        return ONE_DAY_PROSE[language].format(date=date_long(end, language))
    same_month, other = SPAN_PROSE[language]
    pattern = same_month if (start.year, start.month) == (end.year, end.month) else other
    return pattern.format(
        start_day=start.day,
        start=date_long(start, language),
        end=date_long(end, language),
        range=date_range(start, end, language),
    )
