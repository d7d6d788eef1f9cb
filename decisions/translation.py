from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from .models import ConferenceSession, Decision, Footnote, Paragraph


@register(ConferenceSession)
class ConferenceSessionTranslation(TranslationOptions):
    fields = ("title", "venue")


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("title", "preamble")


@register(Paragraph)
class ParagraphTranslation(TranslationOptions):
    fields = ("text",)


@register(Footnote)
class FootnoteTranslation(TranslationOptions):
    fields = ("text",)


# History is registered after translation so that it keeps every language's column.
for model in (ConferenceSession, Decision, Paragraph, Footnote):
    track_history(model)
