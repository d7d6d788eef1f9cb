"""Django's admin app with the portal's site as the default one (wgportal.sites)."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "wgportal.sites.PortalAdminSite"
