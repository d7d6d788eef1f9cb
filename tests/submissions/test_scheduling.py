"""What the minute's scan does for an open call: invitations, reminders, closing."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from meetings.models import MemberState, PermanentMission
from submissions import outbox, scheduling, services
from submissions.models import CallForTopics, Delegate, OutboundMessage

pytestmark = pytest.mark.django_db
VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


def messages(kind, **filters):
    return OutboundMessage.objects.filter(kind=kind, **filters)


def submit_for(iso3, call):
    user = Delegate.objects.get(state__iso3=iso3).user
    data = {"title": "T", "description": "D", "rationale": "", "area": None, "language": "en"}
    proposal = services.save_draft(user=user, call=call, data=data)
    services.submit_proposal(user=user, proposal=proposal, version=1)


def test_opening_queues_one_note_verbale_per_state_in_its_language_once(open_call):
    assert scheduling.run_due()["invitations"] == 195
    assert scheduling.run_due()["invitations"] == 0
    invitations = messages("invitation", call=open_call)
    assert invitations.count() == 195
    france = invitations.get(state__iso3="FRA")
    assert france.language == "fr" and france.recipient == "mission-fra@demo.invalid"
    assert france.attachments[0]["kind"] == "note-verbale"
    assert invitations.get(state__iso3="CHN").language == "zh-hans"


def test_an_invitation_goes_out_with_its_note_verbale_rendered(open_call):
    scheduling.run_due()
    message = messages("invitation", call=open_call, state__iso3="EGY").get()
    assert outbox.deliver(message.pk) == "sent"
    (sent,) = mail.outbox
    name, content, mimetype = sent.attachments[0]
    assert name.endswith("-EGY-ar.pdf") and content.startswith(b"%PDF")


def test_reminders_go_to_states_that_have_not_answered_once_each(open_call):
    deadline = open_call.deadline
    submit_for("FRA", open_call)
    at_14 = deadline - datetime.timedelta(days=14) + datetime.timedelta(hours=1)
    assert scheduling.run_due(now=deadline - datetime.timedelta(days=20))["reminders"] == 0
    assert scheduling.run_due(now=at_14)["reminders"] == 194
    assert scheduling.run_due(now=at_14)["reminders"] == 0  # the scan twice: once each
    assert not messages("reminder", state__iso3="FRA").exists()
    # Egypt answers between the two reminders: no second one for it.
    submit_for("EGY", open_call)
    at_3 = deadline - datetime.timedelta(days=3) + datetime.timedelta(hours=1)
    assert scheduling.run_due(now=at_3)["reminders"] == 193
    assert messages("reminder", state__iso3="EGY").count() == 1
    assert messages("reminder", state__iso3="AUT").count() == 2
    assert messages("reminder", state__iso3="AUT").first().language == "en"


def test_the_call_closes_at_midnight_vienna_time_not_a_second_earlier_across_dst(open_call):
    # The end of 28 March 2026 in Vienna: summer time begins that night at 02:00.
    deadline = datetime.datetime(2026, 3, 29, tzinfo=VIENNA)
    assert deadline.utcoffset() == datetime.timedelta(hours=1)
    CallForTopics.objects.filter(pk=open_call.pk).update(deadline=deadline)
    just_before = deadline - datetime.timedelta(seconds=1)
    assert scheduling.run_due(now=just_before)["closed"] == 0
    open_call.refresh_from_db()
    assert open_call.status == "open"
    done = scheduling.run_due(now=deadline)
    open_call.refresh_from_db()
    assert open_call.status == "closed" and done["closed"] == 1
    # The Bureau gets the digest, with the compiled proposals, once.
    digests = messages("digest", call=open_call)
    assert digests.count() == 3
    assert digests.first().attachments[0]["kind"] == "proposals"
    assert scheduling.run_due(now=deadline)["closed"] == 0


def test_a_moved_deadline_moves_the_closing(open_call):
    later = open_call.deadline + datetime.timedelta(days=5)
    CallForTopics.objects.filter(pk=open_call.pk).update(deadline=later)
    assert scheduling.run_due(now=later - datetime.timedelta(days=1))["closed"] == 0
    assert scheduling.run_due(now=later)["closed"] == 1


def test_a_state_without_a_mission_is_invited_once_it_has_one(open_call):
    austria = PermanentMission.objects.get(state__iso3="AUT")
    austria.delete()
    assert scheduling.run_due()["invitations"] == 194
    austria.pk = None
    austria.save()
    assert scheduling.run_due()["invitations"] == 1
    assert messages("invitation", state__iso3="AUT").count() == 1


def test_no_reminder_whose_day_had_passed_when_the_call_opened(open_call, secretariat):
    CallForTopics.objects.filter(pk=open_call.pk).update(status="draft")
    open_call.refresh_from_db()
    services.open_call(open_call, by=secretariat)  # ten days before the deadline
    assert scheduling.run_due()["reminders"] == 0  # the 14-day one is not sent late
    at_3 = open_call.deadline - datetime.timedelta(days=3) + datetime.timedelta(hours=1)
    assert scheduling.run_due(now=at_3)["reminders"] == 195


def test_the_admin_shows_how_far_the_notes_have_gone(open_call, secretariat_client):
    from django.urls import reverse

    scheduling.run_due()
    message = messages("invitation", call=open_call).first()
    outbox.deliver(message.pk)
    page = secretariat_client.get(
        reverse("admin:submissions_callfortopics_change", args=[open_call.pk])
    ).content.decode()
    assert "1 sent, 194 queued, 0 being rendered and sent, 0 failed, of 195 missions" in page


def test_the_scan_groups_a_proposal_that_missed_the_closing(open_call, secretariat):
    from submissions.models import TopicProposal

    services.close_call(open_call, by=secretariat)
    late = TopicProposal.objects.create(
        call=open_call,
        state=MemberState.objects.get(iso3="FRA"),
        number=1,
        title="T",
        description="D",
        language="fr",
        status="submitted",
        submitted_at=open_call.deadline,
        created_by=secretariat,
    )
    assert scheduling.run_due()["grouped"] == 1
    late.refresh_from_db()
    assert late.candidate is not None
    assert scheduling.run_due()["grouped"] == 0
