"""Least privilege: the secretariat manages delegates through the portal's use cases only;
password links are made when a message is sent, never stored; password resets go through the
outbox, one per account per interval; a staff account's link works for an hour."""

import contextlib
import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from submissions import outbox, services
from submissions.models import Delegate, OutboundMessage
from wgportal.roles import SECRETARIAT_GROUP
from wgportal.tokens import password_tokens

pytestmark = pytest.mark.django_db

DELEGATES = reverse("admin:submissions_delegate_changelist")


@pytest.fixture
def invited():
    """A delegate who has not chosen a password yet."""
    delegate = Delegate.objects.select_related("user", "state").get(state__iso3="FRA")
    delegate.user.set_unusable_password()
    delegate.user.save()
    return delegate


def link_in(message):
    return re.search(r"https?://\S+", message.body).group()


# The secretariat's group.


def test_the_secretariat_holds_no_permission_on_users_groups_or_permissions():
    codenames = set(
        Group.objects.get(name=SECRETARIAT_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert not {perm for perm in codenames if perm[0] == "auth"}
    assert ("submissions", "add_delegate") in codenames
    assert ("axes", "delete_accessattempt") in codenames


def test_the_secretariat_cannot_open_the_users_admin(secretariat_client, secretariat):
    assert secretariat_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    change = reverse("admin:auth_user_change", args=[secretariat.pk])
    response = secretariat_client.post(change, {"username": "secretariat", "is_superuser": "on"})
    assert response.status_code == 403
    secretariat.refresh_from_db()
    assert not secretariat.is_superuser
    password = reverse("admin:auth_user_password_change", args=[secretariat.pk])
    assert secretariat_client.get(password).status_code == 403


def test_a_superuser_manages_staff(client):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200


# Invitations.


def test_an_invitation_goes_again_only_to_a_delegate_without_a_password(secretariat_client):
    active = Delegate.objects.get(state__iso3="EGY")  # has chosen a password
    before = OutboundMessage.objects.filter(kind="account").count()
    response = secretariat_client.post(
        DELEGATES,
        {"action": "send_invitations", "_selected_action": [active.pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "has chosen a password already, so no invitation was sent" in response.content.decode()
    assert OutboundMessage.objects.filter(kind="account").count() == before


def test_an_invitation_stores_no_link_and_makes_one_when_sent(invited, celery_eager):
    message = services.invite_delegate(invited)
    assert outbox.PASSWORD_LINK in message.body and "/accounts/reset/" not in message.body
    assert outbox.deliver(message.pk) == "sent"
    (sent,) = mail.outbox
    assert outbox.PASSWORD_LINK not in sent.body and "/accounts/reset/" in sent.body
    message.refresh_from_db()
    assert "/accounts/reset/" not in message.body
    assert not message.history.filter(body__contains="/accounts/reset/").exists()


def test_the_outbox_admin_shows_no_link(secretariat_client, invited):
    message = services.invite_delegate(invited)
    page = secretariat_client.get(
        reverse("admin:submissions_outboundmessage_change", args=[message.pk])
    ).content.decode()
    assert "/accounts/reset/" not in page


# Password resets.


def ask_reset(client, email="delegate-fr@demo.invalid"):
    return client.post(reverse("password_reset"), {"email": email})


def test_a_reset_goes_through_the_outbox_once_per_interval(client, settings):
    assert ask_reset(client).status_code == 302
    assert ask_reset(client, "DELEGATE-FR@demo.invalid").status_code == 302
    (message,) = OutboundMessage.objects.filter(
        kind="account", recipient="delegate-fr@demo.invalid"
    )
    assert outbox.PASSWORD_LINK in message.body and mail.outbox == []
    later = message.created_at + datetime.timedelta(seconds=settings.PASSWORD_RESET_INTERVAL + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        ask_reset(client)
    assert OutboundMessage.objects.filter(recipient="delegate-fr@demo.invalid").count() == 2


def test_a_reset_with_the_mail_server_down_waits_in_the_outbox(client, celery_eager, settings):
    settings.EMAIL_BACKEND = "tests.submissions.test_accounts.DownBackend"
    ask_reset(client)
    message = OutboundMessage.objects.get(recipient="delegate-fr@demo.invalid")
    outbox.deliver(message.pk)
    message.refresh_from_db()
    assert message.status in {"queued", "failed"} and message.attempts == 1


class DownBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionError("mail server down")


@contextlib.contextmanager
def clock_at(moment):
    """Django's tokens and the portal's check read the time from datetime.now()."""

    class Frozen(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return moment

    with (
        mock.patch("django.contrib.auth.tokens.datetime", Frozen),
        mock.patch("wgportal.tokens.datetime", Frozen),
    ):
        yield


def confirm_status(client, user, token):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return client.get(url, follow=True).context["validlink"]


@pytest.mark.parametrize(
    ("username", "after", "valid"),
    [
        ("secretariat", datetime.timedelta(minutes=50), True),
        ("secretariat", datetime.timedelta(minutes=70), False),
        ("delegate-fr", datetime.timedelta(days=6), True),
        ("delegate-fr", datetime.timedelta(days=8), False),
    ],
)
def test_a_staff_link_works_for_an_hour_a_delegates_for_a_week(client, username, after, valid):
    user = get_user_model().objects.get(username=username)
    start = datetime.datetime(2026, 3, 2, 9, 0)
    with clock_at(start):
        token = password_tokens.make_token(user)
    with clock_at(start + after):
        assert password_tokens.check_token(user, token) is valid
        assert confirm_status(client, user, token) is valid


def test_a_permission_given_to_the_group_by_hand_is_taken_back_after_migrating():
    from django.contrib.auth.models import Permission
    from django.core.management.sql import emit_post_migrate_signal

    group = Group.objects.get(name=SECRETARIAT_GROUP)
    group.permissions.add(Permission.objects.get(codename="change_user"))
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert not group.permissions.filter(content_type__app_label="auth").exists()
    assert group.permissions.filter(codename="add_delegate").exists()
