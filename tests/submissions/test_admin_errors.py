"""A service's refusal in the admin is a message on the form or the page, never a 500."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import MemberState
from submissions import services
from submissions.models import CallForTopics, DeadlineExtension, Delegate

pytestmark = pytest.mark.django_db


@pytest.fixture
def extension(open_call, secretariat):
    return services.grant_extension(
        call=open_call,
        state=MemberState.objects.get(iso3="FRA"),
        until=open_call.deadline + datetime.timedelta(days=3),
        reason="Elections",
        by=secretariat,
    )


def change_extension(client, extension, day, time="12:00"):
    return client.post(
        reverse("admin:submissions_deadlineextension_change", args=[extension.pk]),
        {"until_0": day, "until_1": time, "reason": "Elections"},
    )


def test_changing_an_extension_to_before_the_deadline_says_so_on_the_form(
    secretariat_client, extension, open_call
):
    before = open_call.deadline.astimezone(open_call.zone) - datetime.timedelta(days=1)
    response = change_extension(secretariat_client, extension, before.date().isoformat())
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "An extension must end after the deadline" in str(errors["until"])
    assert DeadlineExtension.objects.get(pk=extension.pk).until == extension.until


def test_changing_an_extension_to_a_later_date_works(secretariat_client, extension, open_call):
    later = open_call.deadline.astimezone(open_call.zone) + datetime.timedelta(days=5)
    response = change_extension(secretariat_client, extension, later.date().isoformat())
    assert response.status_code == 302
    assert DeadlineExtension.objects.get(pk=extension.pk).until > extension.until


def test_a_refused_transition_is_a_message(secretariat_client, open_call):
    CallForTopics.objects.filter(pk=open_call.pk).update(status=CallForTopics.Status.DECIDED)
    response = secretariat_client.post(
        reverse("admin:submissions_callfortopics_changelist"),
        {"action": "close_calls", "_selected_action": [open_call.pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Only an open call can be closed" in response.content.decode()


def test_deactivating_and_activating_delegates(secretariat_client):
    delegate = Delegate.objects.get(state__iso3="FRA")
    changelist = reverse("admin:submissions_delegate_changelist")
    for action, active in (("deactivate", False), ("activate", True)):
        response = secretariat_client.post(
            changelist, {"action": action, "_selected_action": [delegate.pk]}
        )
        assert response.status_code == 302
        delegate.refresh_from_db()
        assert delegate.is_active is active
