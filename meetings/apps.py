from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from decisions import links

        # version_cache: its receivers keep what downloads read in step with the register.
        from . import converters, documents, paragraph_links, version_cache  # noqa: F401

        # For every app's addresses that carry a symbol: /documents/<symbol:symbol>/.
        register_converter(converters.Symbol, "symbol")
        documents.register()
        links.register(paragraph_links.attach)
