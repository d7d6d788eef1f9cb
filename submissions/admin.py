from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import MemberState
from wgportal.admin import TranslatedAdmin

from . import services
from .models import CallForTopics, DeadlineExtension, Delegate, SuggestedArea, TopicProposal
from .note_verbale import filename, note_verbale_pdf


@admin.register(Delegate)
class DelegateAdmin(SimpleHistoryAdmin):
    list_display = ["user", "state", "is_active"]
    list_filter = ["is_active", "state__region"]
    search_fields = ["user__username", "user__last_name", "user__email", "state__short_name"]
    list_select_related = ["user", "state"]
    autocomplete_fields = ["state"]


class SuggestedAreaInline(TranslationTabularInline):
    model = SuggestedArea
    extra = 0


class PreviewForm(forms.Form):
    state = forms.ModelChoiceField(MemberState.objects.all(), label=_("State"))
    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language"))


@admin.register(CallForTopics)
class CallForTopicsAdmin(TranslatedAdmin):
    list_display = ["reference", "meeting", "issue_date", "deadline", "status"]
    list_filter = ["status"]
    search_fields = ["reference", "meeting__title"]
    list_select_related = ["meeting"]
    readonly_fields = ["status"]
    autocomplete_fields = ["meeting"]
    inlines = [SuggestedAreaInline]
    actions = ["open_calls", "close_calls"]
    change_form_template = "admin/submissions/callfortopics/change_form.html"

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:pk>/preview/", preview, name="submissions_callfortopics_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        """The note verbale for any State in any language, as the State will receive it."""
        call = get_object_or_404(CallForTopics.objects.select_related("meeting"), pk=pk)
        if not self.has_view_permission(request, call):
            raise PermissionDenied
        form = PreviewForm(request.GET or None)
        if form.is_valid():
            state, language = form.cleaned_data["state"], form.cleaned_data["language"]
            rendered = note_verbale_pdf(call, state, language)
            response = HttpResponse(rendered.content, content_type="application/pdf")
            name = filename(call, state, language)
            response["Content-Disposition"] = f'inline; filename="{name}"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview the note verbale"),
            "call": call,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/submissions/callfortopics/preview.html", context)

    def _transition(self, request, queryset, service, done):
        for call in queryset:
            try:
                service(call, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, done % {"reference": call.reference})

    @admin.action(description=_("Open the selected calls"), permissions=["change"])
    def open_calls(self, request, queryset):
        self._transition(request, queryset, services.open_call, _("%(reference)s is open."))

    @admin.action(description=_("Close the selected calls"), permissions=["change"])
    def close_calls(self, request, queryset):
        self._transition(request, queryset, services.close_call, _("%(reference)s is closed."))


class ExtensionForm(forms.ModelForm):
    class Meta:
        model = DeadlineExtension
        fields = ["call", "state", "until", "reason"]

    def clean(self):
        data = super().clean()
        if data.get("call") and data.get("until"):
            services.validate_extension(data["call"], data["until"])
        return data


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(SimpleHistoryAdmin):
    form = ExtensionForm
    list_display = ["call", "state", "until", "granted_by", "granted_at"]
    list_filter = ["call"]
    search_fields = ["state__short_name", "reason"]
    list_select_related = ["call", "state", "granted_by"]
    autocomplete_fields = ["state"]

    def save_model(self, request, obj, form, change):
        """Through the service, which records who granted it (the form checked the date)."""
        extension = services.grant_extension(
            call=obj.call, state=obj.state, until=obj.until, reason=obj.reason, by=request.user
        )
        obj.pk = extension.pk


@admin.register(TopicProposal)
class TopicProposalAdmin(SimpleHistoryAdmin):
    """The secretariat reads proposals; only delegates write them, through the portal."""

    list_display = ["__str__", "title", "state", "area", "language", "status", "submitted_at"]
    list_filter = ["call", "status", "language", "area", "state__region"]
    search_fields = ["title", "description", "state__short_name"]
    list_select_related = ["call", "state", "area"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
