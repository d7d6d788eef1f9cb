from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import pgettext

from wgportal import i18n

register = template.Library()


@register.filter
def date_long(value):
    return i18n.date_long(value) if value else ""


@register.filter
def date_full(value):
    return i18n.date_full(value) if value else ""


@register.filter
def date_range(start, end):
    return i18n.date_range(start, end)


@register.filter
def time_range(start, end):
    return i18n.time_range(start, end)


@register.filter
def machine_time(value):
    """An instant as HTML's datetime attribute takes it: whole seconds and the UTC offset
    ("2009-07-31T22:00:00+00:00"); HTML allows at most three digits of a second's fraction."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.filter
def native_name(code):
    """The language's name for itself: العربية, 中文, English…"""
    return i18n.NATIVE_NAMES[code]


@register.filter
def language_name(code):
    """The language's name in the reader's language, as a document's language is named: 中文 (not
    简体中文), "английский" in lower case."""
    return i18n.language_name(code)


@register.filter
def ltr(value):
    """Left-to-right whatever the page's direction (document symbols in Arabic text): a
    Unicode isolate, which PDF text and HTML both honour."""
    return format_html("\u2066{}\u2069", value)


@register.simple_tag
def place_and_dates(place, start, end):
    """'Vienna, 14–15 April 2009' with the language's own comma."""
    return pgettext("a place and its dates", "%(place)s, %(dates)s") % {
        "place": place,
        "dates": i18n.date_range(start, end),
    }


@register.filter
def list_end(is_last):
    """The punctuation after an item of a running list: ";" between items, "." at the end."""
    if is_last:
        return pgettext("end of a running list", ".")
    return pgettext("end of an item in a running list", ";")


@register.simple_tag
def portal_zone_name():
    """The portal's own zone (where the secretariat works), as the reader names it."""
    return zone_name(timezone.get_default_timezone())


@register.filter
def zone_name(zone):
    """ "Vienna time", "heure de Vienne": a zone as the reader names it."""
    return i18n.zone_name(zone)
