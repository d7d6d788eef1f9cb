from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WgportalConfig(AppConfig):
    name = "wgportal"
    verbose_name = _("Portal")

    def ready(self):
        from .roles import set_up_after_migrate

        post_migrate.connect(set_up_after_migrate, dispatch_uid="wgportal.roles")
