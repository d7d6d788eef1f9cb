"""The style layer: how each official language writes dates, spans of days, the place and
dates of a meeting, times, mastheads, item references, list labels, ordinals, lists,
quotations and the order of names, as United Nations documents of that language do.

One module per language (``ar``, ``en``, ``es``, ``fr``, ``ru``, ``zh_hans``) says what it
writes differently from the base style; pages, PDFs and e-mails all ask here. Every function
takes an optional ``language`` and otherwise uses the active one.
"""

from functools import cache

from django.utils.translation import get_language

from .ar import Arabic
from .base import Style
from .bidi import isolate, isolate_runs
from .en import English
from .es import Spanish
from .fr import French
from .ru import Russian
from .zh_hans import Chinese

STYLES = {style.code: style for style in (Arabic, Chinese, English, French, Russian, Spanish)}

__all__ = ["Style", "isolate", "isolate_runs", "style_for"]


@cache
def _style(code):
    return STYLES[code]()


def style_for(language=None):
    """The conventions of ``language`` (a Django language code), or of the active language."""
    code = language or get_language() or "en"
    return _style(code if code in STYLES else "en")


def date_long(value, language=None):
    return style_for(language).date(value)


def day_heading(value, language=None):
    return style_for(language).day_heading(value)


def date_range(start, end, language=None):
    return style_for(language).date_range(start, end)


def date_span_prose(start, end, language=None):
    return style_for(language).date_span_prose(start, end)


def date_spans_prose(spans, language=None):
    """ "les 14 et 15 avril 2009, du 27 au 29 janvier 2010 et le 19 octobre 2010"."""
    return style_for(language).date_spans_prose(spans)


def place_and_dates(place, start, end, language=None):
    return style_for(language).place_and_dates(place, start, end)


def place_in(place, language=None):
    return style_for(language).place_in(place)


def time_range(start, end, language=None):
    return style_for(language).time_range(start, end)


def masthead(distribution, issue_date, original_language, language=None):
    return style_for(language).masthead(distribution, issue_date, original_language)


def label(value, level=1, language=None):
    return style_for(language).label(value, level)


def label_path(labels, language=None):
    return style_for(language).label_path(labels)


def item_reference(number, letter="", language=None):
    return style_for(language).item_reference(number, letter)


def join_names(names, language=None):
    return style_for(language).join(names)


def quote(text, language=None):
    return style_for(language).quote(text)


def colon(label, text, language=None):
    return style_for(language).colon(label, text)


def aside(text, language=None):
    return style_for(language).aside(text)


def ordinal(number, language=None):
    return style_for(language).ordinal(number)


def sorted_by_name(items, key=str, language=None):
    """``items`` in the order a reader of the language expects their names."""
    style = style_for(language)
    return sorted(items, key=lambda item: style.sort_key(key(item)))


def bidi(text, language=None):
    """``text`` with its left-to-right runs isolated, in a right-to-left language."""
    return isolate_runs(text) if style_for(language).direction == "rtl" else text


def zone_name(zone, language=None):
    """ "Vienna time", "heure de Vienne", "по венскому времени": never a bare offset."""
    return style_for(language).zone_name(zone)


def date_time_long(value, zone, language=None):
    """An instant as read in a time zone, to the minute, with the zone's name: "31 July 2009,
    11.59 p.m. (Vienna time)". Every surface (pages, PDFs, e-mails) says a deadline with it."""
    return style_for(language).date_time(value, zone)
