from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import FollowUp, Recommendation, Report, TransmittalNote


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("text",)


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = ("summary", "organization", "adoption")


@register(TransmittalNote)
class TransmittalNoteTranslation(TranslationOptions):
    fields = ("recitals",)


# History is registered after translation so that it keeps every language's column.
for model in (Recommendation, FollowUp, Report, TransmittalNote):
    track_history(model)
