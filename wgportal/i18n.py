"""Language helpers: each language's name for itself and in the portal's words. Dates, ranges,
times, zones and lists come from the style layer (``wgportal.style``), re-exported here for the
callers that import them from this module."""

from django.conf import settings

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

# Each language's letter in United Nations job numbers and file names (V0851234e.pdf,
# CTOC-COP-2008-8-E.pdf).
LANGUAGE_LETTERS = {"ar": "A", "zh-hans": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


def language_name(code):
    """The portal's own name of an official language, in the active language. Django's names
    differ from UN usage ("Simplified Chinese", Russian capitalised); these are the glossary's."""
    return str(dict(settings.LANGUAGES).get(code, code))
