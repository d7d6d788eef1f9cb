"""Demo accounts (the secretariat, the Bureau: a President and two members, delegates) and
the seed's call for topics.

They all share wgportal.demo.DEMO_PASSWORD, which is for the local demo only.
"""

import datetime

from django.contrib.auth import get_user_model

from meetings.models import Body, BureauMember, Meeting, MemberState
from wgportal.demo import DEMO_PASSWORD, text, translations
from wgportal.roles import secretariat_group

from . import demo_stages
from .models import CallForTopics, Delegate, SuggestedArea

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


CALL = "CU 2009/92 (A)"


def load(stage=None):
    """The accounts and the call; the call is brought to ``stage`` when one is asked, or to
    "closed" when it has no proposals yet (otherwise it stays as a person left it)."""
    secretariat, *bureau = [load_secretariat(), *load_bureau()]
    users = [secretariat, *bureau, *load_delegates()]
    call = load_call()
    if stage or not call.proposals.exists():
        president = next(u for u in bureau if u.username == "president")
        demo_stages.bring_to_stage(
            call, stage or "closed", secretariat=secretariat, president=president
        )
    return users


def load_call():
    """The seed's call for topics, for the meeting of 27-29 January 2010, with the seed's
    deadline (the end of 31 July 2009 in Vienna) when it is made; its stage sets the rest."""
    defaults = {
        "meeting": Meeting.objects.get(slug="wg-2010-01"),
        "issue_date": datetime.date(2009, 7, 8),
        "time_zone": "Europe/Vienna",
        "topics_to_select": 3,
        "max_proposals_per_state": 3,
        "fax": "+43-1 26060 75752",
        "email": "untoc.cop@unodc.org",
        **translations("note_text", "calls", CALL, "note_text"),
        **translations("reply_address", "calls", CALL, "reply_address"),
    }
    call, _ = CallForTopics.objects.update_or_create(
        reference=CALL,
        defaults=defaults,
        create_defaults={**defaults, "deadline": demo_stages.SEED_DEADLINE},
    )
    for letter in text("fr", "calls", CALL, "areas"):
        SuggestedArea.objects.update_or_create(
            call=call, letter=letter, defaults=translations("title", "calls", CALL, "areas", letter)
        )
    return call


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
    user = _user("secretariat", "Anna", "Weber", is_staff=True)
    user.groups.add(secretariat_group())
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
