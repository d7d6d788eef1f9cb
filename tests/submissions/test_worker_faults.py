"""The deadlines' work through real Celery workers (Redis in CI) when things go wrong: scans
repeated, a State answering between two reminders, the closing at the deadline, a worker
killed in the middle of the invitations, a mail server that refuses, a broker that is down.

The workers scan every second here (SCAN_SECONDS) rather than every minute, a claim lasts
three seconds (OUTBOX_CLAIM_LEASE) and a queued message nobody took is handed out again after
two (OUTBOX_REDISPATCH_AFTER), so that what takes minutes in production takes seconds."""

import datetime
import email
import time
from collections import Counter
from email import policy

import pytest
from celery import Celery
from django.urls import reverse
from django.utils import timezone

from meetings.models import PermanentMission
from submissions import outbox, services
from submissions.models import CallForTopics, OutboundMessage
from tests.submissions.workers import (
    fake_smtp_server,
    kill,
    mails,
    start_worker,
    stop,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)
FAST = {"SCAN_SECONDS": "1", "OUTBOX_CLAIM_LEASE": "3", "OUTBOX_REDISPATCH_AFTER": "2"}
Kind, Status = OutboundMessage.Kind, OutboundMessage.Status


@pytest.fixture
def workers(tmp_path):
    """start(**environment) starts a fast worker; all are stopped at the end."""
    processes = []

    def start(**environment):
        processes.append(start_worker(tmp_path, **{**FAST, **environment}))
        return processes[-1]

    yield start
    for process in processes:
        stop(process)


def only_missions(*iso3):
    PermanentMission.objects.exclude(state__iso3__in=iso3).delete()


def sent(kind, **filters):
    return OutboundMessage.objects.filter(kind=kind, status=Status.SENT, **filters)


def recipients(folder):
    return Counter(
        email.message_from_bytes(raw, policy=policy.default)["To"] for raw in mails(folder)
    )


def propose(user, call):
    data = {
        "title": "Non-punishment of victims",
        "description": "How States apply the principle.",
        "rationale": "",
        "area": call.areas.first(),
        "language": "fr",
    }
    return services.save_proposal(user=user, call=call, data=data, submit=True)


def test_reminders_go_once_and_not_to_a_state_that_answered_between_them(
    committed_demo, open_call, workers, tmp_path, django_user_model
):
    only_missions("FRA", "EGY", "CHN")
    now = timezone.now()
    CallForTopics.objects.filter(pk=open_call.pk).update(
        opened_at=now - datetime.timedelta(days=20),
        deadline=now + datetime.timedelta(days=10),
        reminder_days=[14, 3],
    )
    workers()
    wait_until(lambda: sent(Kind.REMINDER).count() == 3, 90, "no 14-day reminders")
    wait_until(lambda: sent(Kind.INVITATION).count() == 3, 30, "no invitations")
    time.sleep(3)  # three more scans
    assert OutboundMessage.objects.count() == 6

    propose(django_user_model.objects.get(username="delegate-fr"), open_call)
    CallForTopics.objects.filter(pk=open_call.pk).update(
        deadline=timezone.now() + datetime.timedelta(days=2)
    )
    wait_until(lambda: sent(Kind.REMINDER).count() == 5, 60, "no 3-day reminders")
    time.sleep(3)
    assert OutboundMessage.objects.filter(kind=Kind.REMINDER).count() == 5
    assert sent(Kind.REMINDER, state__iso3="FRA").count() == 1
    assert sent(Kind.REMINDER, state__iso3="EGY").count() == 2
    counts = recipients(tmp_path / "mail")
    assert counts["mission-fra@demo.invalid"] == 2  # the note and the first reminder
    assert counts["mission-egy@demo.invalid"] == 3


def test_the_call_closes_at_its_deadline_and_not_before(committed_demo, open_call, workers):
    only_missions("FRA")
    deadline = timezone.now() + datetime.timedelta(seconds=4)
    CallForTopics.objects.filter(pk=open_call.pk).update(deadline=deadline)
    workers()
    wait_until(
        lambda: CallForTopics.objects.get(pk=open_call.pk).status == "closed", 60, "not closed"
    )
    call = CallForTopics.objects.get(pk=open_call.pk)
    assert call.closed_at >= deadline
    wait_until(lambda: sent(Kind.DIGEST).count() == 3, 60, "no digest to the Bureau")


def test_a_worker_killed_during_the_invitations_leaves_every_state_invited_once(
    committed_demo, open_call, workers, tmp_path, secretariat
):
    CallForTopics.objects.filter(pk=open_call.pk).update(status="draft")
    open_call.refresh_from_db()
    first = workers()
    services.open_call(open_call, by=secretariat)
    wait_until(lambda: sent(Kind.INVITATION).count() >= 10, 90, "no invitations sent")
    # Kill it while it renders a note: claimed, not yet handed to the mail server.
    rendering = OutboundMessage.objects.filter(status=Status.SENDING, handed_at=None)
    wait_until(rendering.exists, 30, "never caught the worker rendering")
    kill(first)  # the worker and its beat, at once
    first.wait()
    killed = OutboundMessage.objects.get(status=Status.SENDING)
    assert killed.handed_at is None

    workers()
    wait_until(lambda: sent(Kind.INVITATION).count() == 195, 240, "not every State invited")
    time.sleep(2)
    counts = recipients(tmp_path / "mail")
    assert len(counts) == 195 and set(counts.values()) == {1}
    killed.refresh_from_db()
    assert killed.status == Status.SENT and killed.attempts == 2


def test_a_refusing_mail_server_leaves_messages_failed_and_retryable(
    committed_demo, open_call, workers, django_user_model
):
    only_missions()  # the receipt alone, no notes verbales
    server = fake_smtp_server(refusing=True)
    host, port = server.server_address
    workers(EMAIL_URL=f"smtp://{host}:{port}")
    try:
        propose(django_user_model.objects.get(username="delegate-fr"), open_call)
        receipts = OutboundMessage.objects.filter(kind=Kind.RECEIPT)
        wait_until(receipts.exists, 60, "no worker wrote the receipt")
        receipt = receipts.get()
        wait_until(
            lambda: OutboundMessage.objects.get(pk=receipt.pk).status == Status.FAILED,
            60,
            "the refused receipt is not marked failed",
        )
        receipt.refresh_from_db()
        assert "Relaying refused" in receipt.last_error and receipt.body
        server.refusing = False
        outbox.retry(OutboundMessage.objects.filter(pk=receipt.pk))
        wait_until(lambda: server.received, 60, "the retried receipt never reached the server")
        (received,) = server.received
        assert b"CU 2011/40 (A)/FRA/1" in received
        assert OutboundMessage.objects.get(pk=receipt.pk).status == Status.SENT
    finally:
        server.shutdown()
        server.server_close()


def test_with_the_broker_down_a_delegate_submits_and_the_receipt_goes_later(
    committed_demo, open_call, workers, client, django_user_model, request, tmp_path, caplog
):
    from wgportal.celery import app

    only_missions()
    # This process (the web server) loses its broker: its current Celery app is one whose broker
    # is a port where nothing listens. The workers keep the real one.
    # (broker_write_url, because CELERY_BROKER_URL in the environment outranks broker_url.)
    cut_off = Celery("wgportal", set_as_current=False)
    cut_off.config_from_object("django.conf:settings", namespace="CELERY")
    cut_off.conf.broker_write_url = "redis://127.0.0.1:9/0"
    cut_off.set_current()
    request.addfinalizer(app.set_current)
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    response = client.post(
        reverse("submissions:new", args=[open_call.pk]),
        {
            "title": "Non-punishment",
            "description": "D",
            "area": open_call.areas.first().pk,
            "language": "fr",
            "version": "1",
            "submit": "",
        },
    )
    assert response.status_code == 302
    # The submission stands; the task that writes its receipt never left this process.
    assert open_call.proposals.get().status == "submitted"
    assert not OutboundMessage.objects.filter(kind=Kind.RECEIPT).exists()
    assert "Broker unreachable" in caplog.text
    # The broker is back (the worker has the real one): the scan writes and sends the receipt.
    workers()
    wait_until(lambda: sent(Kind.RECEIPT).exists(), 60, "the receipt never went")
    assert recipients(tmp_path / "mail")["delegate-fr@demo.invalid"] == 1
