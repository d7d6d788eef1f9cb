"""Signing in and the signed-in user: Django's model backend, taking an e-mail address or a
user name in any case, and loading a user with their delegation in one query."""

import html

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.urls import reverse

from meetings.models import MemberState
from submissions import outbox
from submissions.models import Delegate, OutboundMessage
from wgportal.auth import PortalBackend

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-Password-9"


@pytest.fixture
def delegate():
    user = get_user_model().objects.create_user(
        "marie.durand", email="Marie.Durand@diplomatie.example", password=PASSWORD
    )
    return Delegate.objects.create(user=user, state=MemberState.objects.get(iso3="FRA"))


@pytest.mark.parametrize(
    "login",
    [
        "marie.durand@diplomatie.example",
        "MARIE.DURAND@DIPLOMATIE.EXAMPLE",
        "Marie.Durand",
        " marie.durand ",
    ],
)
def test_a_user_signs_in_with_their_address_or_name_in_any_case(delegate, login):
    assert authenticate(username=login, password=PASSWORD) == delegate.user


@pytest.mark.parametrize("login", ["marie.durand", "MARIE.DURAND@diplomatie.example"])
def test_a_wrong_password_is_refused_and_the_password_keeps_its_case(delegate, login):
    assert authenticate(username=login, password="wrong") is None
    assert authenticate(username=login, password=PASSWORD.upper()) is None


def test_an_inactive_or_unknown_user_cannot_sign_in(delegate):
    get_user_model().objects.filter(pk=delegate.user_id).update(is_active=False)
    assert authenticate(username="marie.durand", password=PASSWORD) is None
    assert authenticate(username="nobody@diplomatie.example", password=PASSWORD) is None
    assert authenticate(username="", password=PASSWORD) is None
    assert authenticate(username="marie.durand", password=None) is None


def test_an_address_two_accounts_share_signs_nobody_in(delegate):
    get_user_model().objects.create_user(
        "m.durand", email="marie.durand@diplomatie.example", password=PASSWORD
    )
    assert authenticate(username="marie.durand@diplomatie.example", password=PASSWORD) is None
    # Each still signs in with their user name.
    assert authenticate(username="MARIE.DURAND", password=PASSWORD) == delegate.user
    assert authenticate(username="m.durand", password=PASSWORD).username == "m.durand"


def test_user_names_differing_only_in_case_each_sign_in_as_typed(delegate):
    twin = get_user_model().objects.create_user("Marie.Durand", password=PASSWORD)
    assert authenticate(username="Marie.Durand", password=PASSWORD) == twin
    assert authenticate(username="marie.durand", password=PASSWORD) == delegate.user
    assert authenticate(username="MARIE.DURAND", password=PASSWORD) is None  # which one?


def test_a_user_name_that_is_another_users_address_names_that_user(delegate):
    other = get_user_model().objects.create_user(
        "marie.durand@diplomatie.example", email="other@diplomatie.example", password="x" * 12
    )
    assert authenticate(username="Marie.Durand@diplomatie.example", password="x" * 12) == other


def test_the_sign_in_page_asks_for_either_and_signs_in(client, delegate):
    url = reverse("login")
    page = client.get(url).content.decode()
    assert "E-mail address or user name" in page and 'maxlength="254"' in page
    refused = client.post(url, {"username": "MARIE.DURAND", "password": "wrong"})
    assert refused.status_code == 200
    assert "do not match an active account" in refused.content.decode()
    signed_in = client.post(url, {"username": "MARIE.DURAND", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(delegate.user_id)


def test_the_sign_in_page_says_so_in_french(client):
    page = html.unescape(client.get("/fr/accounts/login/").content.decode())
    assert "Adresse électronique ou nom d'utilisateur" in page
    assert "en majuscules ou en minuscules" in page


def test_a_password_reset_still_reaches_the_user(client, delegate):
    client.post(reverse("password_reset"), {"email": "MARIE.DURAND@diplomatie.example"})
    # Through the outbox: a worker sends it.
    recorded = OutboundMessage.objects.get(password_link_for=delegate.user)
    assert outbox.deliver(recorded.pk) == "sent"
    (message,) = mail.outbox
    assert message.to == ["Marie.Durand@diplomatie.example"] and "/accounts/reset/" in message.body


# The signed-in user, on every page.


def test_a_delegate_loads_with_their_delegation_in_one_query(delegate, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = PortalBackend().get_user(delegate.user_id)
        loaded = user.delegate
        assert loaded.user is user
    assert (loaded.pk, loaded.state_id, loaded.is_active) == (delegate.pk, delegate.state_id, True)


def test_an_inactive_delegation_loads_as_inactive(delegate):
    Delegate.objects.filter(pk=delegate.pk).update(is_active=False)
    assert PortalBackend().get_user(delegate.user_id).delegate.is_active is False


def test_a_user_without_a_delegation_has_none_and_asking_costs_no_query(
    secretariat, django_assert_num_queries
):
    with django_assert_num_queries(1):
        user = PortalBackend().get_user(secretariat.pk)
        assert not hasattr(user, "delegate")
    assert user == secretariat and user.is_staff


def test_an_inactive_or_unknown_user_is_not_loaded(delegate):
    get_user_model().objects.filter(pk=delegate.user_id).update(is_active=False)
    assert PortalBackend().get_user(delegate.user_id) is None
    assert PortalBackend().get_user(0) is None
