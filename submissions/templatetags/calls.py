from django import template

from wgportal import style
from wgportal.i18n import date_time_long

register = template.Library()


@register.filter
def deadline_in(value, call):
    """An instant as read in the call's time zone, with the zone's name: '31 July 2009,
    11.59 p.m. (Vienna time)'; in Arabic its numbers keep their order."""
    return style.bidi(date_time_long(value, call.zone)) if value else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
