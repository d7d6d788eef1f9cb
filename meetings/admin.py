from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from wgportal.admin import TranslatedAdmin

from .models import (
    AgendaItem,
    Body,
    BureauMember,
    Document,
    DocumentationEntry,
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


@admin.register(PermanentMission)
class PermanentMissionAdmin(SimpleHistoryAdmin):
    list_display = ["functional_title", "state", "city", "correspondence_language", "is_demo"]
    list_filter = ["correspondence_language", "is_demo", "state__region"]
    search_fields = ["functional_title", "state__short_name", "city", "email"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]


@admin.register(BureauMember)
class BureauMemberAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "state", "body"]
    list_filter = ["role", "body"]
    search_fields = ["user__username", "user__last_name", "state__short_name"]
    list_select_related = ["user", "state", "body"]
    autocomplete_fields = ["state"]


@admin.register(Meeting)
class MeetingAdmin(TranslatedAdmin):
    list_display = ["title", "body", "venue", "start_date", "end_date"]
    list_filter = ["body", "start_date"]
    search_fields = ["title", "venue", "slug"]
    date_hierarchy = "start_date"
    list_select_related = ["body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["mandated_by"]


class DocumentForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Document
        fields = [
            "symbol",
            "title",
            "distribution",
            "issue_date",
            "original_language",
            "languages",
            "not_edited",
            "meeting",
        ]


@admin.register(Document)
class DocumentAdmin(TranslatedAdmin):
    form = DocumentForm
    list_display = ["symbol", "title", "issue_date", "distribution", "original_language"]
    list_filter = ["distribution", "original_language", "not_edited", "meeting"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["meeting"]


class DocumentationInline(admin.TabularInline):
    model = DocumentationEntry
    extra = 0
    autocomplete_fields = ["document"]


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslatedAdmin):
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


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    formset = AgendaItemFormSet
    extra = 0
    show_change_link = True


class WorkSlotInline(TranslationTabularInline):
    model = WorkSlot
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            agenda_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = AgendaItem.objects.filter(agenda_id=agenda_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ProvisionalAgenda)
class ProvisionalAgendaAdmin(SimpleHistoryAdmin):
    list_display = ["document", "meeting"]
    search_fields = ["document__symbol", "meeting__title"]
    list_select_related = ["document", "meeting"]
    autocomplete_fields = ["meeting", "document"]
    inlines = [AgendaItemInline, WorkSlotInline]
