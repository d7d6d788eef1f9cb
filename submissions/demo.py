"""Demo accounts: the secretariat, the Bureau (a President and two members) and delegates.

They all share wgportal.demo.DEMO_PASSWORD, which is for the local demo only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from meetings.models import Body, BureauMember, MemberState
from wgportal.demo import DEMO_PASSWORD

from .models import Delegate

SECRETARIAT_GROUP = "Secretariat"
SECRETARIAT_APPS = ["decisions", "meetings", "submissions"]

# username: (first name, last name, State, Bureau role)
BUREAU = {
    "president": ("Elena", "Morales", "MEX", BureauMember.Role.PRESIDENT),
    "bureau-ng": ("Adebayo", "Okafor", "NGA", BureauMember.Role.VICE_PRESIDENT),
    "bureau-ph": ("Maria", "Santos", "PHL", BureauMember.Role.RAPPORTEUR),
}
# username: (first name, last name, State)
DELEGATES = {
    "delegate-fr": ("Claire", "Dubois", "FRA"),
    "delegate-eg": ("Karim", "Haddad", "EGY"),
    "delegate-cn": ("Wei", "Zhang", "CHN"),
    "delegate-ru": ("Irina", "Volkova", "RUS"),
    "delegate-es": ("Lucía", "García", "ESP"),
    "delegate-gb": ("James", "Wright", "GBR"),
}


def load():
    users = [load_secretariat(), *load_bureau(), *load_delegates()]
    return users


def _user(username, first_name, last_name, is_staff=False):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.invalid",
            "is_staff": is_staff,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def load_secretariat():
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
        | Permission.objects.filter(content_type__app_label="auth", content_type__model="user")
    )
    user = _user("secretariat", "Anna", "Weber", is_staff=True)
    user.groups.add(group)
    return user


def load_bureau():
    bureau = Body.objects.get(kind=Body.Kind.BUREAU)
    users = []
    for username, (first, last, iso3, role) in BUREAU.items():
        user = _user(username, first, last)
        BureauMember.objects.update_or_create(
            body=bureau,
            user=user,
            defaults={"state": MemberState.objects.get(iso3=iso3), "role": role},
        )
        users.append(user)
    return users


def load_delegates():
    users = []
    for username, (first, last, iso3) in DELEGATES.items():
        user = _user(username, first, last)
        Delegate.objects.update_or_create(
            user=user, defaults={"state": MemberState.objects.get(iso3=iso3)}
        )
        users.append(user)
    return users
