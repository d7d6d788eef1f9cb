from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import CallForTopics, CandidateTopic, SuggestedArea


@register(CallForTopics)
class CallForTopicsTranslation(TranslationOptions):
    fields = ("note_text", "reply_address")


@register(SuggestedArea)
class SuggestedAreaTranslation(TranslationOptions):
    fields = ("title",)


@register(CandidateTopic)
class CandidateTopicTranslation(TranslationOptions):
    fields = ("title",)


# History is registered after translation so that it keeps every language's column.
for model in (CallForTopics, SuggestedArea, CandidateTopic):
    track_history(model)
