from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self):
        from meetings import body_sections
        from wgportal import demo as portal_demo

        from . import demo, demo_documents, documents, views

        body_sections.register(views.body_section)
        documents.register()
        # The recommendations and their reports first; then the reports' sections and the note.
        portal_demo.register(demo.load)
        portal_demo.register(demo_documents.load)
