from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from wgportal.admin import TranslatedAdmin

from .models import ConferenceSession, Decision, Footnote, Paragraph


class ParagraphInline(TranslationStackedInline):
    model = Paragraph
    fields = ["label", "parent", "position", "text"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decision__session", "parent")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Only this decision's lettered paragraphs can hold sub-paragraphs.
            decision_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Paragraph.objects.filter(
                decision_id=decision_id, parent=None
            ).select_related("decision__session")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FootnoteInline(TranslationStackedInline):
    model = Footnote
    extra = 0


@admin.register(ConferenceSession)
class ConferenceSessionAdmin(TranslatedAdmin):
    list_display = ["number", "title", "venue", "start_date", "end_date"]
    search_fields = ["title", "venue"]


@admin.register(Decision)
class DecisionAdmin(TranslatedAdmin):
    list_display = ["__str__", "title", "session"]
    list_filter = ["session", "kind"]
    search_fields = ["title", "preamble", "paragraphs__text"]
    list_select_related = ["session"]
    inlines = [ParagraphInline, FootnoteInline]


@admin.register(Paragraph)
class ParagraphAdmin(TranslatedAdmin):
    list_display = ["__str__", "decision"]
    list_filter = ["decision"]
    search_fields = ["text"]
    list_select_related = ["decision__session", "parent__parent"]
