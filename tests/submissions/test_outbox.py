"""The outbox: recorded first, sent at most once, failures kept and retryable."""

import datetime
import socket
import socketserver
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from submissions import outbox, tasks
from submissions.models import OutboundMessage

pytestmark = pytest.mark.django_db
Status = OutboundMessage.Status


def record(key="k1", **extra):
    return outbox.record(
        kind=OutboundMessage.Kind.RECEIPT,
        key=key,
        recipient="delegate@example.org",
        language="en",
        subject="Receipt",
        body="Received.",
        **extra,
    )


def test_a_second_identical_message_cannot_be_made(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first, second = record(), record()
    assert first.pk == second.pk
    assert OutboundMessage.objects.count() == 1
    assert len(callbacks) == 1  # enqueued once, after commit


def test_delivered_at_most_once():
    message = record()
    assert outbox.deliver(message.pk) == "sent"
    assert outbox.deliver(message.pk) is None
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.sent_at is not None) == ("sent", 1, True)


def test_submitting_records_a_receipt_whose_pdf_is_rendered_when_sent(
    open_call, django_user_model, settings, django_capture_on_commit_callbacks, celery_eager
):
    from submissions import services

    settings.PORTAL_URL = "http://portal.example.org"
    user = django_user_model.objects.get(username="delegate-fr")
    proposal = services.save_draft(
        user=user,
        call=open_call,
        data={"title": "T", "description": "D", "rationale": "", "area": None, "language": "fr"},
    )
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        services.submit_proposal(user=user, proposal=proposal, version=1)
    message = OutboundMessage.objects.get(kind="receipt")
    assert message.language == "fr" and message.key == f"receipt:{proposal.pk}:2"
    outbox.deliver(message.pk)
    (sent,) = mail.outbox
    name, content, mimetype = sent.attachments[0]
    assert name == "CU-2011-40-A-FRA-1-fr.pdf" and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    assert "http://portal.example.org/fr/proposals/" in sent.body


class RefusingSMTP(socketserver.StreamRequestHandler):
    """A mail server that greets, then refuses every sender."""

    def handle(self):
        self.wfile.write(b"220 fake ESMTP\r\n")
        for line in self.rfile:
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 fake\r\n")
            elif command.startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"554 5.7.1 Relaying refused\r\n")


@pytest.fixture
def refusing_smtp(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RefusingSMTP)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    settings.EMAIL_USE_TLS = False
    yield
    server.shutdown()
    server.server_close()


def test_a_refusing_server_leaves_the_message_failed_with_its_error_and_retryable(
    refusing_smtp, settings
):
    message = record()
    assert outbox.deliver(message.pk) is None
    message.refresh_from_db()
    assert message.status == "failed"
    assert "Relaying refused" in message.last_error
    # The secretariat retries once the server is fixed: nothing was lost.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    outbox.retry(OutboundMessage.objects.filter(pk=message.pk))
    assert outbox.deliver(message.pk) == "sent"
    assert mail.outbox[0].subject == "Receipt"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_server_is_retried_then_failed(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    message = record()
    for _ in range(outbox.MAX_AUTOMATIC_ATTEMPTS - 1):
        assert outbox.deliver(message.pk) == "retry"
    assert outbox.deliver(message.pk) is None
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("failed", outbox.MAX_AUTOMATIC_ATTEMPTS)
    assert "ConnectionRefusedError" in message.last_error


def test_with_the_broker_down_the_scan_sends_it_later(
    monkeypatch, celery_eager, django_capture_on_commit_callbacks, settings
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker down")

    with monkeypatch.context() as patch:
        patch.setattr(tasks.deliver_message, "apply_async", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            message = record()
    message.refresh_from_db()
    assert message.status == "queued" and not mail.outbox
    assert outbox.pending() == []  # just recorded: maybe with a worker already
    OutboundMessage.objects.filter(pk=message.pk).update(
        created_at=message.created_at
        - datetime.timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER + 1)
    )
    tasks.scan()  # what beat runs every minute
    message.refresh_from_db()
    assert message.status == "sent" and len(mail.outbox) == 1


def test_hold_release_and_retry_follow_the_status():
    message = record()
    messages = OutboundMessage.objects.filter(pk=message.pk)
    assert outbox.hold(messages) == 1
    assert outbox.deliver(message.pk) is None  # held: not sent
    with pytest.raises(ValidationError, match="Only a failed message can be retried"):
        outbox.retry(messages)
    assert outbox.release(messages) == 1
    with pytest.raises(ValidationError, match="Only a held message can be released"):
        outbox.release(messages)
    assert outbox.deliver(message.pk) == "sent"


def test_a_message_handed_to_the_server_by_a_worker_that_died_is_failed_not_sent_again():
    from django.utils import timezone

    message = record()
    long_ago = timezone.now() - outbox.STALE_SENDING * 2
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_at=long_ago, handed_at=long_ago
    )
    assert outbox.pending() == []
    message.refresh_from_db()
    assert message.status == "failed" and "check whether it arrived" in message.last_error


def test_a_message_whose_worker_died_while_rendering_is_queued_again(settings):
    import datetime

    from django.utils import timezone

    message = record()
    claimed = timezone.now() - datetime.timedelta(seconds=settings.OUTBOX_CLAIM_LEASE + 1)
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING, attempts=1, claimed_at=claimed
    )
    recent = record(key="recent")
    OutboundMessage.objects.filter(pk=recent.pk).update(
        status=Status.SENDING, attempts=1, claimed_at=timezone.now()
    )
    assert outbox.pending() == [message.pk]  # a claim within its lease is left alone
    message.refresh_from_db()
    assert message.status == "queued" and "queued again" in message.last_error
    assert outbox.deliver(message.pk) == "sent"


def test_a_worker_whose_claim_was_given_away_does_not_send(monkeypatch):
    """The slow worker's claim ran out and another worker claimed the message: the first
    finds its token gone at the hand-over and sends nothing."""
    message = record()
    claimed = outbox._claim(message.pk)
    OutboundMessage.objects.filter(pk=message.pk).update(attempts=claimed.attempts + 1)
    assert outbox._hand_over(claimed) == 0
    monkeypatch.setattr(outbox, "_claim", lambda _pk: claimed)
    assert outbox.deliver(message.pk) is None and mail.outbox == []
    message.refresh_from_db()
    assert message.status == "sending"  # the other worker's claim is left as it is


def test_an_error_after_the_hand_over_fails_the_message_rather_than_send_it_twice(monkeypatch):
    import smtplib

    def cut_off(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", cut_off)
    message = record()
    assert outbox.deliver(message.pk) is None
    message.refresh_from_db()
    assert message.status == "failed" and message.handed_at is not None
    assert "unexpectedly closed" in message.last_error


def test_a_message_whose_worker_always_dies_while_rendering_ends_failed(settings):
    from django.utils import timezone

    message = record()
    claimed = timezone.now() - datetime.timedelta(seconds=settings.OUTBOX_CLAIM_LEASE + 1)
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING, attempts=outbox.MAX_AUTOMATIC_ATTEMPTS, claimed_at=claimed
    )
    assert outbox.pending() == []
    message.refresh_from_db()
    assert message.status == "failed" and "stopped each time" in message.last_error


def test_cancel_stops_what_has_not_reached_the_server():
    statuses = ["queued", "held", "failed", "sending", "sending", "sent"]
    messages = [record(key=f"k{n}") for n in range(len(statuses))]
    for n, (message, status) in enumerate(zip(messages, statuses, strict=True)):
        handed = timezone_now() if n == 4 else None
        OutboundMessage.objects.filter(pk=message.pk).update(status=status, handed_at=handed)
    assert outbox.cancel(OutboundMessage.objects.all()) == 4
    assert list(OutboundMessage.objects.order_by("pk").values_list("status", flat=True)) == [
        "cancelled",
        "cancelled",
        "cancelled",
        "cancelled",
        "sending",
        "sent",
    ]


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def test_secretariat_holds_edits_and_releases_in_the_admin(secretariat_client):
    message = record()
    changelist = reverse("admin:submissions_outboundmessage_changelist")
    secretariat_client.post(changelist, {"action": "hold", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.status == "held"
    change = reverse("admin:submissions_outboundmessage_change", args=[message.pk])
    response = secretariat_client.post(change, {"subject": "Receipt (corrected)", "body": "New."})
    assert response.status_code == 302
    secretariat_client.post(changelist, {"action": "release", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert (message.status, message.subject) == ("queued", "Receipt (corrected)")
    page = secretariat_client.post(
        changelist, {"action": "retry", "_selected_action": [message.pk]}, follow=True
    )
    assert "Only a failed message can be retried" in page.content.decode()


def test_a_sent_message_cannot_be_edited(secretariat_client):
    message = record()
    outbox.deliver(message.pk)
    change = reverse("admin:submissions_outboundmessage_change", args=[message.pk])
    secretariat_client.post(change, {"subject": "Changed", "body": "Changed"})
    message.refresh_from_db()
    assert message.subject == "Receipt"
