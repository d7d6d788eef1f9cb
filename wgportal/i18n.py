"""Language helpers: Babel locales for Django's language codes, each language's name for
itself, and the deadline's date and time. Dates, ranges, times and lists come from the style
layer (``wgportal.style``), re-exported here for the callers that import them from this module."""

import datetime

from babel import Locale
from babel.dates import format_datetime, format_time
from django.utils.translation import get_language

from wgportal.style import (  # noqa: F401 (re-exported)
    date_long,
    date_range,
    date_span_prose,
    day_heading,
    join_names,
    place_and_dates,
    time_range,
)

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
