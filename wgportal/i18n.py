"""Language helpers: Babel locales for Django's language codes, and dates written as each
official language writes them in United Nations documents."""

import re

from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    get_timezone_location,
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


# A time zone as a reader of each language names it: "Vienna time", "heure de Vienne", "по
# венскому времени". The United Nations' duty stations by their usual names (Russian turns most
# into an adjective); any other zone by CLDR's name of its city in a phrase of the language.
ZONE_NAMES = {
    "Europe/Vienna": (
        "بتوقيت فيينا",
        "维也纳时间",
        "Vienna time",
        "heure de Vienne",
        "по венскому времени",
        "hora de Viena",
    ),
    "America/New_York": (
        "بتوقيت نيويورك",
        "纽约时间",
        "New York time",
        "heure de New York",
        "по нью-йоркскому времени",
        "hora de Nueva York",
    ),
    "Europe/Zurich": (
        "بتوقيت جنيف",
        "日内瓦时间",
        "Geneva time",
        "heure de Genève",
        "по женевскому времени",
        "hora de Ginebra",
    ),
    "Africa/Nairobi": (
        "بتوقيت نيروبي",
        "内罗毕时间",
        "Nairobi time",
        "heure de Nairobi",
        "по найробийскому времени",
        "hora de Nairobi",
    ),
    "Asia/Bangkok": (
        "بتوقيت بانكوك",
        "曼谷时间",
        "Bangkok time",
        "heure de Bangkok",
        "по бангкокскому времени",
        "hora de Bangkok",
    ),
    "Asia/Beirut": (
        "بتوقيت بيروت",
        "贝鲁特时间",
        "Beirut time",
        "heure de Beyrouth",
        "по бейрутскому времени",
        "hora de Beirut",
    ),
    "America/Santiago": (
        "بتوقيت سانتياغو",
        "圣地亚哥时间",
        "Santiago time",
        "heure de Santiago",
        "по времени Сантьяго",
        "hora de Santiago",
    ),
    "Africa/Addis_Ababa": (
        "بتوقيت أديس أبابا",
        "亚的斯亚贝巴时间",
        "Addis Ababa time",
        "heure d'Addis-Abeba",
        "по времени Аддис-Абебы",
        "hora de Addis Abeba",
    ),
    "UTC": ("بالتوقيت العالمي المنسق", "协调世界时", "UTC", "UTC", "UTC", "UTC"),
}
ZONE_NAMES["Europe/Geneva"] = ZONE_NAMES["Europe/Zurich"]
ZONE_CITY_PHRASE = {
    "ar": "بتوقيت {city}",
    "zh-hans": "{city}时间",
    "en": "{city} time",
    "fr": "heure de {city}",
    "ru": "по местному времени ({city})",
    "es": "hora de {city}",
}
LANGUAGE_ORDER = ("ar", "zh-hans", "en", "fr", "ru", "es")


def zone_name(zone, language=None):
    """ "Vienna time", "heure de Vienne", "по венскому времени": never a bare offset."""
    language = language or get_language() or "en"
    key = getattr(zone, "key", str(zone))
    if key in ZONE_NAMES:
        return ZONE_NAMES[key][LANGUAGE_ORDER.index(language)]
    city = get_timezone_location(zone, locale=babel_locale(language), return_city=True)
    return ZONE_CITY_PHRASE[language].format(city=city)


def clock_time(value, language=None):
    """A time of day as UN documents of the language write it: "11.59 p.m.", "23 h 59",
    "23.59 horas", "23 ч. 59 м.", "下午11时59分"; Arabic keeps the digits' own order."""
    language = language or get_language() or "en"
    hour, minute = value.hour, value.minute
    if language == "en":
        if (hour, minute) == (12, 0):
            return "12 noon"
        twelve = (hour - 1) % 12 + 1
        suffix = "a.m." if hour < 12 else "p.m."
        return f"{twelve} {suffix}" if minute == 0 else f"{twelve}.{minute:02d} {suffix}"
    if language == "fr":
        return f"{hour} heures" if minute == 0 else f"{hour} h {minute:02d}"
    if language == "es":
        return f"{hour}.{minute:02d} horas"
    if language == "ru":
        return f"{hour} ч. {minute:02d} м."
    if language == "zh-hans":
        period = "上午" if hour < 12 else "下午"
        twelve = hour if hour <= 12 else hour - 12
        return f"{period}{twelve}时" + (f"{minute:02d}分" if minute else "")
    return f"\u2066{hour:02d}:{minute:02d}\u2069"


# Where the date, the time and the zone's name stand in each language.
DATE_TIME_ZONE = {
    "ar": "{date}، الساعة {time} {zone}",
    "zh-hans": "{zone}{date}{time}",
    "en": "{date}, {time} ({zone})",
    "fr": "{date} à {time} ({zone})",
    "ru": "{date}, {time} {zone}",
    "es": "{date}, a las {time} ({zone})",
}


def date_time_long(value, zone, language=None):
    """An instant as read in a time zone, to the minute, with the zone's name: "31 July 2009,
    11.59 p.m. (Vienna time)". Every surface (pages, PDFs, e-mails) says a deadline with it."""
    language = language or get_language() or "en"
    local = value.astimezone(zone)
    return DATE_TIME_ZONE[language].format(
        date=date_long(local, language),
        time=clock_time(local, language),
        zone=zone_name(zone, language),
    )


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
