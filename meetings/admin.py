from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from wgportal.admin import (
    HistoryAdmin,
    IssueAction,
    TranslatedAdmin,
    act_on_each,
    admin_page,
    confirm_action,
    confirmed,
    zoned_time,
)

from . import forms as forms_
from . import register, selectors, services
from .models import (
    AgendaItem,
    Body,
    BureauMember,
    Document,
    DocumentationEntry,
    DocumentVersion,
    Meeting,
    MemberState,
    PermanentMission,
    ProvisionalAgenda,
    WorkSlot,
)


@admin.register(Body)
class BodyAdmin(TranslatedAdmin):
    list_display = ["short_name", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["established_by", "functions"]


class MissionInline(admin.StackedInline):
    model = PermanentMission
    extra = 0


@admin.register(MemberState)
class MemberStateAdmin(TranslatedAdmin):
    list_display = ["short_name", "iso3", "region", "status"]
    list_filter = ["region", "status"]
    search_fields = ["short_name", "formal_name", "iso3"]
    inlines = [MissionInline]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the export; one bad row and nothing changes."),
    )

    # The address book of every State is some 50 KB; anything far larger is not one.
    MAX_SIZE = 2 * 1024 * 1024

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > self.MAX_SIZE:
            raise ValidationError(
                _("The file is larger than %(size)s MB; an address book is far smaller.")
                % {"size": self.MAX_SIZE // (1024 * 1024)}
            )
        return file


@admin.register(PermanentMission)
class PermanentMissionAdmin(HistoryAdmin):
    list_display = ["functional_title", "state", "city", "correspondence_language", "is_demo"]
    list_filter = ["correspondence_language", "is_demo", "state__region"]
    search_fields = ["functional_title", "state__short_name", "city", "email"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
    actions = ["export_csv"]
    change_list_template = "admin/meetings/permanentmission/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("import/", view, name="meetings_permanentmission_import"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Export the selected missions as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(services.export_missions(queryset), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="missions.csv"'
        return response

    def import_view(self, request):
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8")
                created, updated = services.import_missions(text)
            except UnicodeDecodeError:
                form.add_error("file", _("The file is not UTF-8 text; save it as CSV UTF-8."))
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                self.message_user(
                    request,
                    _("%(created)s missions added, %(updated)s updated.")
                    % {"created": created, "updated": updated},
                )
                return redirect("admin:meetings_permanentmission_changelist")
        return admin_page(
            self,
            request,
            "admin/meetings/permanentmission/import.html",
            _("Import missions from CSV"),
            form=form,
        )


@admin.register(BureauMember)
class BureauMemberAdmin(HistoryAdmin):
    list_display = ["user", "role", "state", "body"]
    list_filter = ["role", "body"]
    search_fields = ["user__username", "user__last_name", "state__short_name"]
    list_select_related = ["user", "state", "body"]
    autocomplete_fields = ["state"]


@admin.register(Meeting)
class MeetingAdmin(TranslatedAdmin):
    list_display = ["title", "body", "venue", "start_date", "end_date", "documents_link"]
    list_filter = ["body", "start_date"]
    search_fields = ["title", "venue", "slug"]
    date_hierarchy = "start_date"
    list_select_related = ["body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["mandated_by"]

    def get_urls(self):
        view = self.admin_site.admin_view(self.documents_view)
        return [
            path("<int:pk>/documents/", view, name="meetings_meeting_documents"),
            *super().get_urls(),
        ]

    @admin.display(description=_("documents"))
    def documents_link(self, meeting):
        url = reverse("admin:meetings_meeting_documents", args=[meeting.pk])
        return format_html('<a href="{}">{}</a>', url, _("languages of each document"))

    def documents_view(self, request, pk):
        """The meeting's documents, each language's version there, missing or not due."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting, pk=pk)
        documents = selectors.meeting_documents(meeting, drafts=True)
        return admin_page(
            self,
            request,
            "admin/meetings/meeting/documents.html",
            _("Languages of the documents of %(meeting)s") % {"meeting": meeting},
            meeting=meeting,
            rows=selectors.language_overview(documents),
            languages=settings.LANGUAGES,
        )


class DocumentForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages of issue"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=Document._meta.get_field("languages").help_text,
    )

    class Meta:
        model = Document
        fields = [
            "symbol",
            "title",
            "category",
            "distribution",
            "issue_date",
            "original_language",
            "languages",
            "not_edited",
            "meeting",
        ]


class VersionInline(admin.TabularInline):
    """What the register holds of each language; files are stored through the upload page."""

    model = DocumentVersion
    extra = 0
    fields = ["language", "file_link", "format", "pages", "size", "sha256", "source", "stored_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def file_link(self, version):
        return format_html('<a href="{}">{}</a>', version.get_absolute_url(), version.filename)


@admin.display(description=_("languages missing"))
def missing(document):
    return ", ".join(register.missing_languages(document)) or "—"


RELEASED_AT = zoned_time(Document, "released_at")
ISSUED_AT_DOCUMENT = zoned_time(Document, "issued_at")


@admin.register(Document)
class DocumentAdmin(IssueAction, TranslatedAdmin):
    form = DocumentForm
    list_display = ["symbol", "title", "category", "issue_date", missing, RELEASED_AT]
    list_filter = ["category", "distribution", "original_language", "not_edited", "meeting"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["rendered_kind", ISSUED_AT_DOCUMENT, RELEASED_AT]
    inlines = [VersionInline]
    actions = ["issue"]
    issue_one = staticmethod(register.issue_document)
    issue_related = ["meeting"]
    issue_consequences = [
        _(
            "Each document is public from now on, every language version of it at once, dated "
            "today unless it has its date of issue."
        ),
        _("A document missing a language is not issued; the message names it."),
        _("No message goes out: nobody is told by e-mail."),
    ]
    change_form_template = "admin/meetings/document/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("versions")

    def get_readonly_fields(self, request, obj=None):
        # The languages an issued document is public in stay as they are.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "languages"] if obj and obj.issued_at else fields

    def has_issue_permission(self, request):
        return self.has_change_permission(request)

    def issued_symbol(self, document):
        return document.symbol


@admin.register(DocumentVersion)
class DocumentVersionAdmin(HistoryAdmin):
    """Files come in through the upload page (one or a batch, replacing with history); a
    version is read here, and removed only while its document is not issued."""

    list_display = ["document", "language", "format", "pages", "size", "source", "stored_at"]
    list_filter = ["language", "format", "source", "document__meeting"]
    search_fields = ["document__symbol", "original_name", "sha256"]
    list_select_related = ["document"]
    change_list_template = "admin/meetings/documentversion/change_list.html"
    readonly_fields = [
        "document",
        "language",
        "file",
        "format",
        "pages",
        "size",
        "sha256",
        "issue_date",
        "source",
        "original_name",
        "stored_at",
        "stored_by",
    ]

    def get_urls(self):
        view = self.admin_site.admin_view(self.upload_view)
        return [
            path("upload/", view, name="meetings_documentversion_upload"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.document.issued_at:
            return False  # an issued document's version is replaced, never removed
        allowed = super().has_delete_permission(request, obj)
        return allowed and request.user.has_perm("meetings.store_version")

    def delete_model(self, request, obj):
        register.remove_version(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset.select_related("document"),
            lambda version: register.remove_version(version, by=request.user),
            None,
        )

    def upload_view(self, request):
        if not request.user.has_perm("meetings.store_version"):
            raise PermissionDenied
        initial = {"document": request.GET.get("document")} if "document" in request.GET else {}
        form = forms_.UploadForm(request.POST or None, request.FILES or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                stored = register.upload_versions(
                    form.cleaned_data["entries"],
                    by=request.user,
                    replace=form.cleaned_data["replace"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                for version in stored:
                    self.message_user(
                        request,
                        _("%(version)s is stored (%(name)s).")
                        % {"version": version, "name": version.original_name},
                    )
                return redirect("admin:meetings_documentversion_changelist")
        return admin_page(
            self,
            request,
            "admin/meetings/documentversion/upload.html",
            _("Upload language versions"),
            form=form,
        )


class FrozenOnceIssued:
    """An issued agenda's items, their documentation and its organization of work are read,
    no longer changed. ``obj`` is the agenda, or an agenda item."""

    def _issued(self, obj):
        agenda = getattr(obj, "agenda", obj)
        return bool(agenda is not None and getattr(agenda, "issued_at", None))

    def has_change_permission(self, request, obj=None):
        return not self._issued(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._issued(obj) and super().has_delete_permission(request, obj)


class FrozenInline(FrozenOnceIssued):
    def has_add_permission(self, request, obj=None):
        return not self._issued(obj) and super().has_add_permission(request, obj)


class DocumentationInline(FrozenInline, admin.TabularInline):
    model = DocumentationEntry
    extra = 0
    autocomplete_fields = ["document"]


@admin.register(AgendaItem)
class AgendaItemAdmin(FrozenOnceIssued, TranslatedAdmin):
    list_display = ["__str__", "agenda"]
    list_filter = ["agenda"]
    search_fields = ["title", "annotation"]
    list_select_related = ["agenda__document", "agenda__meeting"]
    inlines = [DocumentationInline]


class AgendaItemFormSet(BaseInlineFormSet):
    def clean(self):
        """A sub-item needs its main item: 2 (a) needs 2."""
        super().clean()
        kept = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        main = {data["number"] for data in kept if not data.get("sub_letter")}
        orphans = sorted(
            {
                data["number"]
                for data in kept
                if data.get("sub_letter") and data["number"] not in main
            }
        )
        if orphans:
            raise ValidationError(
                _("Add item %(numbers)s itself before its lettered sub-items.")
                % {"numbers": ", ".join(map(str, orphans))}
            )


class AgendaItemInline(FrozenInline, TranslationStackedInline):
    model = AgendaItem
    formset = AgendaItemFormSet
    extra = 0
    show_change_link = True


class WorkSlotInline(FrozenInline, TranslationTabularInline):
    model = WorkSlot
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            agenda_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = AgendaItem.objects.filter(agenda_id=agenda_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


ISSUED_AT = zoned_time(ProvisionalAgenda, "issued_at", lambda agenda: agenda.meeting.zone)


@admin.register(ProvisionalAgenda)
class ProvisionalAgendaAdmin(HistoryAdmin):
    list_display = ["document", "meeting", ISSUED_AT]
    readonly_fields = [ISSUED_AT]
    actions = ["issue"]
    search_fields = ["document__symbol", "meeting__title"]
    list_select_related = ["document", "meeting"]
    autocomplete_fields = ["meeting", "document"]
    inlines = [AgendaItemInline, WorkSlotInline]

    @admin.action(description=_("Issue the selected provisional agendas"), permissions=["change"])
    def issue(self, request, queryset):
        if not confirmed(request):
            return confirm_action(
                self,
                request,
                queryset.select_related("document", "meeting"),
                action="issue",
                title=_("Issue the selected provisional agendas?"),
                consequences=[
                    _(
                        "Each agenda becomes an issued document, public on the meeting's page "
                        "in six languages, with today's date."
                    ),
                    _(
                        "Its items can no longer change, and the Bureau can no longer reopen "
                        "the selection of topics that stand on it."
                    ),
                    _("No message goes out: nobody is told by e-mail."),
                ],
                confirm=_("Issue the agendas"),
            )
        for agenda in queryset.select_related("document", "meeting"):
            try:
                services.issue_agenda(agenda, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("%(symbol)s is issued.") % {"symbol": agenda.document.symbol}
                )
