"""Base classes and helpers for the secretariat's admin: translated fields in language tabs,
with history, and every time shown in a named time zone."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connection
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from wgportal.i18n import date_time_long


class KeysOnlyMixin:
    """An autocomplete widget that shows back only values that can be keys of its model: a
    form posted (or an add page opened) with "²" or a huge number in such a field answers
    with the field's error, where Django's widget would look the value up and fail."""

    def is_key(self, value):
        rel = self.field.remote_field
        name = getattr(rel, "field_name", None)
        target = rel.model._meta.get_field(name) if name else rel.model._meta.pk
        try:
            key = target.to_python(value)
        except ValidationError:
            return False
        if isinstance(key, int):
            low, high = connection.ops.integer_field_range(target.get_internal_type())
            return (low is None or key >= low) and (high is None or key <= high)
        return True

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self.is_key(v)], attr)


class KeysOnlySelect(KeysOnlyMixin, AutocompleteSelect):
    pass


class KeysOnlySelectMultiple(KeysOnlyMixin, AutocompleteSelectMultiple):
    pass


class KeysOnlyAutocomplete:
    """Autocomplete fields that stand hostile values, for an admin or an inline."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeysOnlySelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeysOnlySelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class HistoryAdmin(KeysOnlyAutocomplete, SimpleHistoryAdmin):
    """Every change in the history; autocomplete fields that stand hostile values."""


class TranslatedAdmin(HistoryAdmin, TabbedTranslationAdmin):
    """Every language of a translated field in its own tab; every change in the history."""


def zoned_time(model, field, zone_of=None):
    """A column or read-only field showing an instant to the minute with its zone named: the
    zone of the record it belongs to (a call's deadline in the call's zone), else the portal's.
    ``field`` may follow relations as a lookup does: a report's ``document__released_at``."""
    *relations, name = field.split("__")
    owner = model
    for relation in relations:
        owner = owner._meta.get_field(relation).related_model

    @admin.display(description=owner._meta.get_field(name).verbose_name, ordering=field)
    def show(obj):
        value = obj
        for step in [*relations, name]:
            value = getattr(value, step)
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


def admin_page(modeladmin, request, template, title, **context):
    """A page of a model admin's own (an upload, an import, an overview) in the admin's frame:
    the site's context, the page's title, and the model's options for the breadcrumbs."""
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "opts": modeladmin.model._meta,
            **context,
        },
    )


def confirmed(request):
    """Whether an admin action's intermediate page was confirmed (Django's ``post`` field)."""
    return request.POST.get("post") == "yes"


def confirm_action(modeladmin, request, queryset, *, action, title, consequences, confirm):
    """The intermediate page of an admin action that cannot be undone or that tells people
    outside the portal: what it does and whom it tells, then the selected objects posted
    again with ``post`` set (the pattern of Django's delete_selected). Shown again for a
    POST without ``post``, nothing done."""
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "opts": opts,
        "queryset": queryset,
        "consequences": consequences,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "confirm": confirm,
        "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
    }
    return TemplateResponse(request, "admin/confirm_action.html", context)


def act_on_each(modeladmin, request, objects, act, done):
    """An admin action's use case for each selected object: a refusal is an error message
    naming the object, never an error page, and the others still go through. Returns how many
    went through; ``done(obj)``, if given, is said for each of them."""
    count = 0
    for obj in objects:
        try:
            act(obj)
        except ValidationError as error:
            modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", messages.ERROR)
        else:
            count += 1
            if done:
                modeladmin.message_user(request, done(obj))
    return count


class IssueAction:
    """The admin action that issues the selected documents, after a page that says what
    issuing does; each refusal is a message naming the document. The model admin names the
    use case (``issue_one(record, by=user)``), what the page says (``issue_consequences``),
    what each record needs loaded (``issue_related``) and who may (``has_issue_permission``).
    """

    issue_consequences = []
    issue_related = ["document"]

    def has_issue_permission(self, request):
        raise NotImplementedError

    def issued_symbol(self, record):
        return record.document.symbol

    @admin.action(description=_("Issue the selected documents"), permissions=["issue"])
    def issue(self, request, queryset):
        queryset = queryset.select_related(*self.issue_related)
        if not confirmed(request):
            return confirm_action(
                self,
                request,
                queryset,
                action="issue",
                title=_("Issue the selected documents?"),
                consequences=self.issue_consequences,
                confirm=_("Issue the documents"),
            )
        act_on_each(
            self,
            request,
            queryset,
            lambda record: self.issue_one(record, by=request.user),
            lambda record: _("%(symbol)s is issued.") % {"symbol": self.issued_symbol(record)},
        )
        return None
