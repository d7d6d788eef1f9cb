"""Base classes and helpers for the secretariat's admin: translated fields in language tabs,
with history, and every time shown in a named time zone."""

from django.contrib import admin
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from wgportal.i18n import date_time_long


class TranslatedAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Every language of a translated field in its own tab; every change in the history."""


def zoned_time(model, field, zone_of=None):
    """A column or read-only field showing an instant to the minute with its zone named: the
    zone of the record it belongs to (a call's deadline in the call's zone), else the portal's."""

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def show(obj):
        value = getattr(obj, field)
        if value is None:
            return "—"
        return date_time_long(value, zone_of(obj) if zone_of else timezone.get_default_timezone())

    show.__name__ = f"{field}_in_zone"
    return show


class EnteredInZoneMixin:
    """Times typed into the form are read, and shown back, in the record's own zone (a call's
    deadline in Vienna time), not in the portal's: ``zone_for(request, obj)`` names it."""

    def zone_for(self, request, obj):
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        with timezone.override(self.zone_for(request, obj)):
            return super().changeform_view(request, object_id, form_url, extra_context)
