"""The secretariat's admin actions on calls and delegates: each first says what it does and
whom it tells, then acts only when the page is confirmed (``post``)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from meetings.models import PermanentMission
from submissions.models import CallForTopics, Delegate, OutboundMessage

pytestmark = pytest.mark.django_db

CALLS = reverse("admin:submissions_callfortopics_changelist")
DELEGATES = reverse("admin:submissions_delegate_changelist")


def run(client, url, action, ids, **extra):
    return client.post(url, {"action": action, "_selected_action": ids, **extra})


def test_opening_a_call_says_the_notes_verbales_go_to_every_mission_and_waits_for_post(
    secretariat_client, open_call, django_capture_on_commit_callbacks
):
    CallForTopics.objects.filter(pk=open_call.pk).update(status=CallForTopics.Status.DRAFT)
    missions = PermanentMission.objects.count()
    for refused in ({}, {"post": "no"}):
        page = run(secretariat_client, CALLS, "open_calls", [open_call.pk], **refused)
        html = page.content.decode()
        assert page.status_code == 200
        assert f"the notes verbales go at once to the {missions} permanent missions" in html
        assert "Nothing is done until you confirm." in html
        assert f'name="_selected_action" value="{open_call.pk}"' in html
        assert 'name="action" value="open_calls"' in html and 'name="post" value="yes"' in html
        assert f'href="{CALLS}"' in html  # the way back works without JavaScript
        assert CallForTopics.objects.get(pk=open_call.pk).status == "draft"
    with django_capture_on_commit_callbacks(execute=False):
        response = run(secretariat_client, CALLS, "open_calls", [open_call.pk], post="yes")
    assert response.status_code == 302
    assert CallForTopics.objects.get(pk=open_call.pk).status == "open"


def test_closing_a_call_says_the_states_are_not_told_and_waits_for_post(
    secretariat_client, open_call
):
    page = run(secretariat_client, CALLS, "close_calls", [open_call.pk]).content.decode()
    assert "CU 2011/40 (A): States can no longer propose or change topics" in page
    assert "the States are not told" in page
    assert CallForTopics.objects.get(pk=open_call.pk).status == "open"
    run(secretariat_client, CALLS, "close_calls", [open_call.pk], post="yes")
    assert CallForTopics.objects.get(pk=open_call.pk).status == "closed"


def test_sending_the_invitation_again_says_to_whom_and_waits_for_post(secretariat_client):
    delegates = list(Delegate.objects.filter(state__iso3__in=["FRA", "EGY"]))
    for delegate in delegates:  # who have not chosen a password yet
        delegate.user.set_unusable_password()
        delegate.user.save()
    ids = [delegate.pk for delegate in delegates]
    before = OutboundMessage.objects.filter(kind="account").count()
    page = run(secretariat_client, DELEGATES, "send_invitations", ids).content.decode()
    assert f"goes to each of the {len(ids)} selected delegates" in page
    assert all(escape(str(delegate)) in page for delegate in delegates)
    assert OutboundMessage.objects.filter(kind="account").count() == before
    run(secretariat_client, DELEGATES, "send_invitations", ids, post="yes")
    assert OutboundMessage.objects.filter(kind="account").count() == before + len(ids)
