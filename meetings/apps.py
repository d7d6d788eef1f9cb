from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from decisions import links

        from . import documents, paragraph_links

        documents.register()
        links.register(paragraph_links.attach)
