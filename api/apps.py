from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class APIConfig(AppConfig):
    name = "api"

    def ready(self):
        from . import answers

        # In every process that writes (web, worker, commands), so that each change it commits
        # to what the API reads ends the answers kept before.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(answers.changed, dispatch_uid=f"api-answers-{signal}")
