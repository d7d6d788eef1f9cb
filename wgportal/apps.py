from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WgportalConfig(AppConfig):
    name = "wgportal"
    verbose_name = _("Portal")
