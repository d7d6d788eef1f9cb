from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

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


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("short_name",)


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "venue", "venue_in")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "annotation_heading", "annotation")


@register(WorkSlot)
class WorkSlotTranslation(TranslationOptions):
    fields = ("description",)


# History is registered after translation so that it keeps every language's column.
for model in (
    Body,
    MemberState,
    PermanentMission,
    BureauMember,
    Meeting,
    Document,
    DocumentVersion,
    ProvisionalAgenda,
    AgendaItem,
    DocumentationEntry,
    WorkSlot,
):
    track_history(model)
