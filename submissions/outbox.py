"""The outbox's use cases: record a message once, send it at most once, and let the
secretariat hold, release and retry. Sending uses Django's e-mail backend."""

import datetime
import logging
import smtplib

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from wgportal import pdf

from .models import OutboundMessage

log = logging.getLogger(__name__)
Status = OutboundMessage.Status
# Worth trying again by itself: the server or the network, not the message.
TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    ConnectionError,
    TimeoutError,
)
MAX_AUTOMATIC_ATTEMPTS = 5
STALE_SENDING = datetime.timedelta(minutes=15)
# A message just recorded was handed to a worker already; the scan takes those that were not.
MISSED_ENQUEUE = datetime.timedelta(minutes=1)


def compose(template, context, language):
    """(subject, body) from submissions/email/<template>_subject.txt and <template>.txt,
    written in the recipient's language."""
    with override(language):
        subject = render_to_string(f"submissions/email/{template}_subject.txt", context)
        body = render_to_string(f"submissions/email/{template}.txt", context)
    return " ".join(subject.split()), body


def record(*, kind, key, recipient, language, subject, body, state=None, call=None, attachments=()):
    """The message, recorded before anything is sent. A second one with the same key is not
    made: the first is returned."""
    message, created = OutboundMessage.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "recipient": recipient,
            "language": language,
            "subject": subject,
            "body": body,
            "state": state,
            "call": call,
            "attachments": list(attachments),
        },
    )
    if created:
        transaction.on_commit(lambda: enqueue(message.pk))
    return message


def enqueue(message_id):
    """Hand the message to a worker; if the broker is down, the periodic scan sends it."""
    from .tasks import deliver_message

    try:
        deliver_message.delay(message_id)
    except Exception:  # the broker's errors vary by transport
        log.warning("Broker unreachable; message %s waits for the scan.", message_id)


def _claim(message_id):
    """Queued -> sending, by one worker only (the others skip the locked row)."""
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=Status.QUEUED)
            .first()
        )
        if message is None:
            return None
        message.status = Status.SENDING
        message.attempts += 1
        message.save(update_fields=["status", "attempts"])
    return message


def deliver(message_id):
    """Send a queued message. Returns "sent", "retry" (a transient error: queued again) or
    None when there was nothing to send (sent, held, or another worker has it)."""
    message = _claim(message_id)
    if message is None:
        return None
    try:
        email = EmailMessage(message.subject, message.body, to=[message.recipient])
        for attachment in message.attachments:
            _add_render, render = pdf.KINDS[attachment["kind"]]
            content = render(attachment["options"], message.language).content
            email.attach(attachment["filename"], content, "application/pdf")
        email.send()
    except Exception as error:
        transient = isinstance(error, TRANSIENT) and message.attempts < MAX_AUTOMATIC_ATTEMPTS
        _finish(message, Status.QUEUED if transient else Status.FAILED, error=error)
        return "retry" if transient else None
    _finish(message, Status.SENT)
    return "sent"


def _finish(message, status, error=None):
    message.status = status
    message.last_error = f"{type(error).__name__}: {error}" if error else ""
    message.sent_at = timezone.now() if status == Status.SENT else None
    message.save(update_fields=["status", "last_error", "sent_at"])


def pending():
    """Queued messages that have waited over a minute (their worker never got them), after
    marking failed those a worker left in 'sending' long ago: they may have gone out, so they
    are never sent again by themselves."""
    stale = timezone.now() - STALE_SENDING
    OutboundMessage.objects.filter(status=Status.SENDING, created_at__lt=stale).update(
        status=Status.FAILED,
        last_error=_("Interrupted while sending: check whether it arrived before retrying."),
    )
    return list(OutboundMessage.objects.filter(status=Status.QUEUED).values_list("pk", flat=True))


# The secretariat's hand on the outbox.


def _move(messages, from_status, to_status, refusal):
    moved = 0
    for message in messages:
        with transaction.atomic():
            locked = OutboundMessage.objects.select_for_update().get(pk=message.pk)
            if locked.status != from_status:
                raise ValidationError(
                    refusal % {"message": locked, "status": locked.get_status_display()}
                )
            locked.status = to_status
            locked.save(update_fields=["status"])
            if to_status == Status.QUEUED:
                transaction.on_commit(lambda pk=locked.pk: enqueue(pk))
        moved += 1
    return moved


def hold(messages):
    return _move(
        messages,
        Status.QUEUED,
        Status.HELD,
        _("Only a queued message can be held; %(message)s is %(status)s."),
    )


def release(messages):
    return _move(
        messages,
        Status.HELD,
        Status.QUEUED,
        _("Only a held message can be released; %(message)s is %(status)s."),
    )


def retry(messages):
    return _move(
        messages,
        Status.FAILED,
        Status.QUEUED,
        _("Only a failed message can be retried; %(message)s is %(status)s."),
    )


def cancel(messages):
    """Messages that must no longer go (an outcome the Bureau reopened): those not yet sent
    are kept as cancelled; a message already handed to a worker goes its way."""
    return messages.filter(status__in=[Status.QUEUED, Status.HELD]).update(status=Status.CANCELLED)
