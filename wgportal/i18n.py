"""Language helpers: Babel locales for Django's language codes, each language's name for itself
and in the portal's words. Dates, ranges, times, zones and lists come from the style layer
(``wgportal.style``), re-exported here for the callers that import them from this module."""

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language

from wgportal.style import (  # noqa: F401 (re-exported)
    date_long,
    date_range,
    date_span_prose,
    date_time_long,
    day_heading,
    join_names,
    place_and_dates,
    time_range,
    zone_name,
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


def language_name(code):
    """The portal's own name of an official language, in the active language. Django's names
    differ from UN usage ("Simplified Chinese", Russian capitalised); these are the glossary's."""
    return str(dict(settings.LANGUAGES).get(code, code))


def babel_locale(language=None):
    language = language or get_language() or "en"
    return Locale.parse(BABEL_LOCALES.get(language, language))
