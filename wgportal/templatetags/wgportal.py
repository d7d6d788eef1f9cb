from django import template
from django.utils.html import format_html

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
def native_name(code):
    """The language's name for itself: العربية, 中文, English…"""
    return i18n.NATIVE_NAMES[code]


@register.filter
def ltr(value):
    """Left-to-right whatever the page's direction (document symbols in Arabic text): a
    Unicode isolate, which PDF text and HTML both honour."""
    return format_html("\u2066{}\u2069", value)
