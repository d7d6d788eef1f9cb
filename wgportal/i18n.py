"""Language helpers: Babel locales for Django's language codes, and dates written as each
official language writes them in United Nations documents."""

from babel import Locale
from babel.dates import format_date, format_interval, parse_pattern
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


def babel_locale(language=None):
    language = language or get_language() or "en"
    return Locale.parse(BABEL_LOCALES.get(language, language))


def date_long(value, language=None):
    return format_date(value, format="long", locale=babel_locale(language))


def date_full(value, language=None):
    """With the weekday, as the organization of work heads each day."""
    return format_date(value, format="full", locale=babel_locale(language))


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
        return format_interval(start, end, "yMMMd", locale=locale)
    return "".join(
        parse_pattern(pattern).apply(day, locale)
        for pattern, day in zip(patterns[field], (start, end), strict=True)
    )


def _widen_month(pattern):
    return pattern.replace("MMMM", "MMM").replace("MMM", "MMMM").replace("LLL", "LLLL")


def time_range(start, end, language=None):
    return format_interval(start, end, "Hm", locale=babel_locale(language))
