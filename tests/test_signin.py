"""Sign-in throttling: failures count per account whatever form of its name is typed, and per
address; a locked-out sign-in is refused, even with the right password, with a page saying
when to try again; the secretariat sees and lifts lockouts in the admin."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from wgportal.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_five_wrong_passwords_in_any_form_of_the_name_lock_the_account(client):
    user = get_user_model().objects.get(username="delegate-fr")
    forms = ["delegate-fr", "DELEGATE-FR", user.email, user.email.upper(), " Delegate-Fr "]
    statuses = [
        # Each from another address: only the account's count can lock it.
        sign_in(client, typed, "wrong", address=f"192.0.2.{20 + number}").status_code
        for number, typed in enumerate(forms)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    refused = sign_in(client, "delegate-fr", DEMO_PASSWORD, address="192.0.2.99")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Sign-in refused for now" in page
    assert "Try again in 15 minutes, after" in page
    assert "_auth_user_id" not in client.session


def test_other_accounts_sign_in_while_one_is_locked(client):
    for number in range(5):
        sign_in(client, "delegate-fr", "wrong", address=f"192.0.2.{30 + number}")
    assert sign_in(client, "delegate-eg", DEMO_PASSWORD, address="192.0.2.40").status_code == 302


def test_five_failures_from_one_address_lock_the_address(client):
    for name in ["nobody-1", "nobody-2", "delegate-eg", "delegate-cn"]:
        assert sign_in(client, name, "wrong", address="198.51.100.7").status_code == 200
    assert sign_in(client, "nobody-3", "wrong", address="198.51.100.7").status_code == 429
    assert sign_in(client, "delegate-es", DEMO_PASSWORD, address="198.51.100.7").status_code == 429
    # The same account from elsewhere still signs in.
    assert sign_in(client, "delegate-es", DEMO_PASSWORD, address="198.51.100.8").status_code == 302


def test_four_failures_then_the_right_password_sign_in_and_start_again(client):
    for _ in range(4):
        sign_in(client, "delegate-ru", "wrong")
    assert sign_in(client, "delegate-ru", DEMO_PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="delegate-ru").exists()


def test_the_lockout_page_is_translated(client):
    for _ in range(5):
        sign_in(client, "delegate-gb", "wrong")
    with translation.override("fr"):
        login = reverse("login")
    response = client.post(
        login, {"username": "delegate-gb", "password": DEMO_PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "Connexion refusée pour le moment" in page
    assert "Réessayez dans 15 minutes, à partir du" in page


def test_the_secretariat_lifts_a_lockout_in_the_admin(client, secretariat_client):
    for number in range(5):
        sign_in(client, "delegate-cn", "wrong", address=f"192.0.2.{50 + number}")
    assert sign_in(client, "delegate-cn", DEMO_PASSWORD).status_code == 429
    changelist = reverse("admin:axes_accessattempt_changelist")
    listed = secretariat_client.get(changelist, {"q": "delegate-cn"})
    assert listed.status_code == 200 and "delegate-cn" in listed.content.decode()
    attempts = AccessAttempt.objects.filter(username="delegate-cn")
    response = secretariat_client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [attempt.pk for attempt in attempts],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="delegate-cn").exists()
    assert sign_in(client, "delegate-cn", DEMO_PASSWORD).status_code == 302


def test_without_the_permission_no_one_sees_the_lockouts(client, secretariat):
    staff = get_user_model().objects.create_user("clerk", password="x", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename="view_delegate"))
    client.force_login(staff)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_the_admins_sign_in_is_throttled_too(client):
    statuses = [
        client.post(
            reverse("admin:login"),
            {"username": "SECRETARIAT", "password": "wrong"},
            REMOTE_ADDR=f"192.0.2.{70 + number}",
        ).status_code
        for number in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    refused = client.post(
        reverse("admin:login"),
        {"username": "secretariat", "password": DEMO_PASSWORD},
        REMOTE_ADDR="192.0.2.80",
    )
    assert refused.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302
