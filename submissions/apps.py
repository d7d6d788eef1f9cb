from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from wgportal.celery import declare_queues


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Submissions")

    def ready(self):
        from . import documents

        documents.register()
        # The queue of this app's tasks exists before a worker and the portal first use it.
        post_migrate.connect(declare_queues, sender=self)
