"""Base classes for the secretariat's admin: translated fields in language tabs, with history."""

from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin


class TranslatedAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Every language of a translated field in its own tab; every change in the history."""
