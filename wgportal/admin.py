"""Base classes for the secretariat's admin: translated fields in language tabs, with history."""

from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin


class TranslatedAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Every language of a translated field in its own tab; every change in the history."""


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
