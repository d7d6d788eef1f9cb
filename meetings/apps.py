from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from decisions import links

        from . import converters, documents, paragraph_links

        # For every app's addresses that carry a symbol: /documents/<symbol:symbol>/.
        register_converter(converters.Symbol, "symbol")
        documents.register()
        links.register(paragraph_links.attach)
