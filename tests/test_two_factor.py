"""Staff sign in with a second factor (a TOTP code) when STAFF_TWO_FACTOR is on; the demo
(off) stays one step."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wgportal.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_factor(settings):
    settings.STAFF_TWO_FACTOR = True


@pytest.fixture
def device(secretariat):
    call_command("enrol_totp", "secretariat", stdout=io.StringIO())
    return TOTPDevice.objects.get(user=secretariat)


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def admin_sign_in(client, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": "secretariat", "password": DEMO_PASSWORD, **extra},
        REMOTE_ADDR="192.0.2.60",
    )


def test_staff_signed_in_with_the_password_alone_cannot_reach_the_admin(two_factor, device, client):
    client.post(reverse("login"), {"username": "secretariat", "password": DEMO_PASSWORD})
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    # Nor the portal's pages, where staff act as the secretariat.
    page = client.get(reverse("submissions:home"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("admin:login"))


def test_a_wrong_or_missing_code_is_refused(two_factor, device, client):
    assert admin_sign_in(client).status_code == 200
    assert (
        admin_sign_in(client, otp_device=device.persistent_id, otp_token="000000").status_code
        == 200
    )
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_valid_code_lets_staff_in(two_factor, device, client):
    response = admin_sign_in(client, otp_device=device.persistent_id, otp_token=code(device))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("submissions:home")).status_code == 200


def test_staff_without_a_device_cannot_enter(two_factor, client):
    admin_sign_in(client, otp_token="123456")
    assert client.get(reverse("admin:index")).status_code == 302


def test_delegates_sign_in_in_one_step_with_it_on(two_factor, client):
    response = client.post(reverse("login"), {"username": "delegate-fr", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("submissions:home")).status_code == 200


def test_the_demo_stays_one_step(settings, client):
    assert settings.STAFF_TWO_FACTOR is False  # DEBUG=1 by default
    admin_sign_in(client)
    assert client.get(reverse("admin:index")).status_code == 200


def test_enrolment_prints_the_authenticator_address(secretariat):
    out = io.StringIO()
    call_command("enrol_totp", "secretariat", stdout=out)
    assert out.getvalue().startswith("otpauth://totp/")
    with pytest.raises(Exception, match="already"):
        call_command("enrol_totp", "secretariat", stdout=io.StringIO())
    call_command("enrol_totp", "secretariat", "--replace", stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user=secretariat).count() == 1
