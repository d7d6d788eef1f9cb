"""The secretariat's group and what it may do: least privilege. It keeps the portal's records
(decisions, meetings, calls, delegates through the portal's use cases) and sees and lifts
sign-in lockouts; it holds no permission on users, groups or permissions, so it can neither
set a password nor grant superuser status or a permission. Only a superuser manages staff."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

SECRETARIAT_GROUP = "Secretariat"
SECRETARIAT_APPS = ["decisions", "meetings", "recommendations", "submissions"]
# django-axes' records: seeing lockouts, and lifting one by deleting its attempts.
LOCKOUT_PERMISSIONS = [
    "view_accessattempt",
    "delete_accessattempt",
    "view_accessfailurelog",
    "view_accesslog",
]


def secretariat_permissions():
    return Permission.objects.filter(
        Q(content_type__app_label__in=SECRETARIAT_APPS)
        | Q(content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS)
    )


def secretariat_group():
    """The group, made if missing, its permissions set to exactly these."""
    group, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.set(secretariat_permissions())
    return group


def set_up_after_migrate(sender, **kwargs):
    """After every migration, once the last app's permissions exist: a permission given to the
    group by hand (auth.change_user, say) is taken back."""
    # post_migrate is sent for the apps with models only (the API has none).
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        secretariat_group()
