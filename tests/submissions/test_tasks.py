"""The receipt goes out through a real Celery worker (Redis in CI, the embedded broker
locally), reading the test database and writing mail to files."""

import email
import time
from email import policy

import pytest
from django.urls import reverse

from submissions.models import TopicProposal
from tests.submissions.workers import mails, wait_for_mail

pytestmark = pytest.mark.django_db(transaction=True)


def test_submission_receipt_is_sent_by_the_worker(
    committed_demo, open_call, worker, client, django_user_model
):
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    url = reverse("submissions:new", args=[open_call.pk])
    response = client.post(
        url,
        {
            "title": "Non-punishment of victims",
            "description": "How States apply the principle.",
            "area": open_call.areas.first().pk,
            "language": "fr",
            "form_token": "9d1c0a52-8f64-4b0e-9b3c-2f6f4c1e7a11",
            "version": "1",
            "submit": "",
        },
    )
    assert response.status_code == 302
    proposal = TopicProposal.objects.latest("pk")
    raw = wait_for_mail(worker)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert proposal.reference in message["Subject"]
    attachments = list(message.iter_attachments())
    assert attachments and attachments[0].get_content_type() == "application/pdf"


def test_opening_the_call_sends_every_state_its_note_verbale_once(
    committed_demo, open_call, worker, secretariat
):
    """The demo's 195 missions, each in its language with the note attached, through the
    real worker: the scan queues, the worker renders and sends."""
    from submissions import services
    from submissions.models import CallForTopics

    CallForTopics.objects.filter(pk=open_call.pk).update(status="draft")
    open_call.refresh_from_db()
    services.open_call(open_call, by=secretariat)  # runs a scan at once, through the broker
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(mails(worker)) < 195:
        time.sleep(1)
    time.sleep(2)  # nothing more should come
    sent = [email.message_from_bytes(raw, policy=policy.default) for raw in mails(worker)]
    assert len(sent) == 195
    by_recipient = {message["To"]: message for message in sent}
    assert len(by_recipient) == 195
    france = by_recipient["mission-fra@demo.invalid"]
    assert (
        "Note verbale CU 2011/40 (A)" in france["Subject"] or "CU 2011/40 (A)" in france["Subject"]
    )
    (note,) = list(france.iter_attachments())
    assert note.get_filename().endswith("-FRA-fr.pdf")
    assert note.get_content().startswith(b"%PDF")
    assert (
        list(by_recipient["mission-chn@demo.invalid"].iter_attachments())[0]
        .get_filename()
        .endswith("-CHN-zh-hans.pdf")
    )
