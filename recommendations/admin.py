from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Body, Meeting
from wgportal.admin import (
    HistoryAdmin,
    IssueAction,
    KeysOnlyAutocomplete,
    TranslatedAdmin,
    admin_page,
    zoned_time,
)

from . import importing, issuing, services
from .models import FollowUp, Recommendation, Report, TransmittalNote
from .rules import report_is_issued


class FollowUpFormSet(BaseInlineFormSet):
    def clean(self):
        """Each new record against the rules of the use case, with the recommendation as the
        form above has it (not saved yet when it is being added)."""
        super().clean()
        recommendation = self.instance
        # Without its meeting (an error of the form above) there is no rule to check yet.
        if not recommendation.meeting_id:
            return
        for form in self.extra_forms:
            data = getattr(form, "cleaned_data", None)
            if form.has_changed() and data and "outcome" in data and "paragraph" in data:
                try:
                    services.check_follow_up(recommendation, data["outcome"], data["paragraph"])
                except ValidationError as error:
                    form.add_error(None, error)


class FollowUpInline(KeysOnlyAutocomplete, admin.TabularInline):
    """Follow-up is recorded, never rewritten: a new record says what changed, and each keeps
    who recorded it and when."""

    model = FollowUp
    formset = FollowUpFormSet
    fields = ["outcome", "paragraph", "recorded_by", "recorded_at"]
    extra = 0
    can_delete = False
    readonly_fields = ["recorded_by", "recorded_at"]
    autocomplete_fields = ["paragraph"]

    def has_change_permission(self, request, obj=None):
        return False


class RecommendationForm(forms.ModelForm):
    number = forms.IntegerField(
        label=_("number"),
        min_value=1,
        max_value=importing.MAX_RECOMMENDATIONS,
        required=False,
        help_text=_("Leave it empty to number the recommendation after the meeting's last one."),
    )

    class Meta:
        model = Recommendation
        fields = ["meeting", "number", "agenda_item", "addressee", "text", "is_demo"]

    def clean_meeting(self):
        # Added to, or moved into, a meeting whose report is issued: refused as the use case
        # refuses it. A recommendation of such a meeting is read-only (the admin below).
        meeting = self.cleaned_data["meeting"]
        services.check_not_issued(meeting)
        return meeting


@admin.register(Recommendation)
class RecommendationAdmin(TranslatedAdmin):
    form = RecommendationForm
    list_display = ["number", "meeting", "addressee", "agenda_item", "is_demo"]
    list_display_links = ["number", "meeting"]
    list_filter = ["meeting__body", "meeting", "addressee", "is_demo"]
    list_select_related = ["meeting", "agenda_item"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "agenda_item"]
    inlines = [FollowUpInline]
    fields = [
        "meeting",
        "number",
        "agenda_item",
        "addressee",
        "text",
        "is_demo",
        "record_follow_up",
    ]
    readonly_fields = ["record_follow_up"]
    change_list_template = "admin/recommendations/recommendation/change_list.html"

    # Once the meeting's report is issued, its recommendations are read, no longer changed or
    # removed; adding one is refused by the form (the meeting is chosen there).
    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not report_is_issued.test(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not report_is_issued.test(request.user, obj)

    @admin.display(description=_("follow-up"))
    def record_follow_up(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:recommendations_followup_add")
        return format_html(
            '<a href="{}?recommendation={}">{}</a>', url, obj.pk, _("Record what became of it")
        )

    def save_model(self, request, obj, form, change):
        if obj.number is None:
            # The admin's request runs in one transaction: the lock holds until it commits.
            obj.number = services.next_number(services.locked(obj.meeting))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not FollowUp:
            return super().save_formset(request, form, formset, change)
        # New records only (the inline changes none), each through the use case.
        for record in formset.save(commit=False):
            services.record_follow_up(
                form.instance, outcome=record.outcome, paragraph=record.paragraph, user=request.user
            )

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("import/", view, name="recommendations_recommendation_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Paste, preview, confirm: nothing is saved before the preview is confirmed."""
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None)
        preview = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if request.POST.get("post") == "yes":
                    saved = services.import_recommendations(
                        data["meeting"],
                        language=data["language"],
                        text=data["text"],
                        addressee=data["addressee"],
                        agenda_item=data["agenda_item"],
                    )
                    self.message_user(
                        request,
                        _("%(count)s recommendations of %(meeting)s saved.")
                        % {"count": len(saved), "meeting": data["meeting"]},
                    )
                    return redirect("admin:recommendations_recommendation_changelist")
                preview, replaced = services.preview_import(
                    data["meeting"], language=data["language"], text=data["text"]
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("text", message)
                preview = None
        return admin_page(
            self,
            request,
            "admin/recommendations/recommendation/import.html",
            _("Import recommendations from a report's text"),
            form=form,
            preview=preview,
            replaces=bool(preview and replaced),
        )


class ImportForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("meeting"),
        queryset=Meeting.objects.exclude(body__kind=Body.Kind.CONFERENCE).select_related("body"),
    )
    language = forms.ChoiceField(label=_("language of the text"), choices=settings.LANGUAGES)
    addressee = forms.ChoiceField(label=_("addressed to"), choices=Recommendation.Addressee)
    agenda_item = forms.ModelChoiceField(
        label=_("agenda item"),
        queryset=AgendaItem.objects.select_related("agenda__meeting"),
        required=False,
        help_text=_("The item they answer, if they all answer one; each can be changed later."),
    )
    text = forms.CharField(
        label=_("recommendations section"),
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        max_length=100_000,
        help_text=_(
            "The recommendations as the report numbers them, in the language chosen: “1.”, "
            "“2.”… or “(a)”, “(b)”…, one after the other; the lines after a number belong to "
            "it. Leave out the heading and introduction of the section."
        ),
    )


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["recommendation", "outcome", "paragraph"]

    def clean(self):
        data = super().clean()
        if {"recommendation", "outcome", "paragraph"} <= data.keys():
            services.check_follow_up(data["recommendation"], data["outcome"], data["paragraph"])
        return data


@admin.register(FollowUp)
class FollowUpAdmin(HistoryAdmin):
    """Follow-up of any recommendation, those of an issued report included: what the
    Conference did with it comes after the report."""

    form = FollowUpForm
    autocomplete_fields = ["recommendation", "paragraph"]
    list_display = ["recommendation", "outcome", "paragraph", "recorded_by", "recorded_at"]
    list_filter = ["outcome", "recommendation__meeting"]
    list_select_related = [
        "recommendation__meeting",
        "paragraph__decision__session",
        "paragraph__parent",
        "recorded_by",
    ]

    # Records are made through the use case, here or on the recommendation's page, and never
    # edited.
    def has_change_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        fields = ["recommendation", "outcome", "paragraph"]
        return fields if obj is None else [*fields, "recorded_by", "recorded_at"]

    def save_model(self, request, obj, form, change):
        recorded = services.record_follow_up(
            obj.recommendation, outcome=obj.outcome, paragraph=obj.paragraph, user=request.user
        )
        # The record the use case made is the one the admin logs and links to.
        obj.pk, obj.recorded_by, obj.recorded_at = (
            recorded.pk,
            recorded.recorded_by,
            recorded.recorded_at,
        )


# When the register issued the document, and since when it is public: the report's own state.
REPORT_ISSUED_AT = zoned_time(Report, "document__issued_at", lambda report: report.meeting.zone)
REPORT_PUBLIC = zoned_time(Report, "document__released_at", lambda report: report.meeting.zone)


class IssueReportAction(IssueAction):
    issue_consequences = [
        _(
            "Each document is issued in the six languages with today's date; a worker renders "
            "each language, and the document is public once the last is stored."
        ),
        _("It can no longer be withdrawn from the public."),
        _("No message goes out: nobody is told by e-mail."),
    ]

    def has_issue_permission(self, request):
        return request.user.has_perm(f"recommendations.issue_{self.opts.model_name}")


@admin.register(Report)
class ReportAdmin(IssueReportAction, TranslatedAdmin):
    list_display = ["document", "meeting", REPORT_ISSUED_AT, REPORT_PUBLIC]
    actions = ["issue"]
    issue_one = staticmethod(issuing.issue_report)
    list_select_related = ["document", "meeting"]
    search_fields = ["document__symbol", "meeting__title"]
    autocomplete_fields = ["meeting", "document"]
    readonly_fields = [REPORT_ISSUED_AT, REPORT_PUBLIC]


NOTE_ISSUED_AT = zoned_time(TransmittalNote, "document__issued_at", lambda note: note.session.zone)
NOTE_PUBLIC = zoned_time(TransmittalNote, "document__released_at", lambda note: note.session.zone)


@admin.register(TransmittalNote)
class TransmittalNoteAdmin(IssueReportAction, TranslatedAdmin):
    list_display = ["document", "body", "session", "agenda_item", NOTE_ISSUED_AT, NOTE_PUBLIC]
    readonly_fields = [NOTE_ISSUED_AT, NOTE_PUBLIC]
    actions = ["issue"]
    issue_one = staticmethod(issuing.issue_note)
    list_select_related = ["document", "body", "session", "agenda_item"]
    search_fields = ["document__symbol"]
    autocomplete_fields = ["document", "body", "session", "agenda_item", "meetings", "mandates"]
