"""The outbox's use cases: record a message once, send it at most once, and let the
secretariat hold, release and retry. Sending uses Django's e-mail backend."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import override

from wgportal import pdf, style
from wgportal.tokens import password_tokens

from .enqueue import enqueue
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
# A message handed to the mail server this long ago without an answer may have gone out.
STALE_SENDING = datetime.timedelta(minutes=15)
# Stands in a message's body for the link to set a password, made only when it is sent.
PASSWORD_LINK = "[[password-link]]"


def compose(template, context, language):
    """(subject, body) from submissions/email/<template>_subject.txt and <template>.txt,
    written in the recipient's language; in Arabic, references, dates' figures, addresses and
    links keep their own order (the style layer isolates them)."""
    with override(language):
        subject = render_to_string(f"submissions/email/{template}_subject.txt", context)
        body = render_to_string(f"submissions/email/{template}.txt", context)
    return style.bidi(" ".join(subject.split()), language), style.bidi(body, language)


def record(
    *,
    kind,
    key,
    recipient,
    language,
    subject,
    body,
    state=None,
    call=None,
    attachments=(),
    password_link_for=None,
):
    """The message, recorded before anything is sent. A second one with the same key is not
    made: the first is returned. With ``password_link_for`` (a user), the body's
    PASSWORD_LINK becomes that user's link to set a password when the message is sent."""
    # Nearly every key is new: insert first and look only when the key is taken.
    try:
        with transaction.atomic():
            message = OutboundMessage.objects.create(
                key=key,
                kind=kind,
                recipient=recipient,
                language=language,
                subject=subject,
                body=body,
                state=state,
                call=call,
                attachments=list(attachments),
                password_link_for=password_link_for,
            )
    except IntegrityError:
        if (recorded := OutboundMessage.objects.filter(key=key).first()) is None:
            raise
        return recorded
    transaction.on_commit(lambda: enqueue("deliver_message", message.pk))
    return message


def _claim(message_id):
    """Queued -> sending, by one worker only (the others skip the locked row). The attempt's
    number is the claim's token for the hand-over."""
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
        message.claimed_at = timezone.now()
        message.handed_at = None
        message.save(update_fields=["status", "attempts", "claimed_at", "handed_at"])
    return message


def _hand_over(message):
    """Record that the message goes to the mail server now, if this worker's claim still
    holds (a claim that outlived its lease may have been given to another worker)."""
    return OutboundMessage.objects.filter(
        pk=message.pk, status=Status.SENDING, attempts=message.attempts, handed_at=None
    ).update(handed_at=timezone.now())


def deliver(message_id):
    """Send a queued message. Returns "sent", "retry" (a transient error before anything
    reached the mail server: queued again) or None when there was nothing to send (sent,
    held, cancelled, or another worker has it) or it failed."""
    message = _claim(message_id)
    if message is None:
        return None
    handed = False
    try:
        email = EmailMessage(message.subject, _body(message), to=[message.recipient])
        for attachment in message.attachments:
            _add_render, render = pdf.KINDS[attachment["kind"]]
            content = render(attachment["options"], message.language).content
            email.attach(attachment["filename"], content, "application/pdf")
        connection = get_connection()
        connection.open()  # a server that cannot be reached has received nothing
        try:
            if not _hand_over(message):
                return None
            handed = True
            connection.send_messages([email])
        finally:
            connection.close()
    except Exception as error:
        # After the hand-over the server may have taken the message: never again by itself.
        retry = not handed and isinstance(error, TRANSIENT)
        retry = retry and message.attempts < MAX_AUTOMATIC_ATTEMPTS
        _finish(message, Status.QUEUED if retry else Status.FAILED, error=error)
        return "retry" if retry else None
    _finish(message, Status.SENT)
    return "sent"


def _body(message):
    """The body as it goes out: a password link made now, for this sending only."""
    if message.password_link_for_id is None:
        return message.body
    return message.body.replace(
        PASSWORD_LINK, password_link(message.password_link_for, message.language)
    )


def password_link(user, language):
    """A one-time link to set the user's password, in the recipient's language."""
    token = password_tokens.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    with override(language):
        path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.PORTAL_URL + path


def _finish(message, status, error=None):
    """The outcome, recorded only while this worker's claim holds."""
    OutboundMessage.objects.filter(
        pk=message.pk, status=Status.SENDING, attempts=message.attempts
    ).update(
        status=status,
        last_error=f"{type(error).__name__}: {error}" if error else "",
        sent_at=timezone.now() if status == Status.SENT else None,
    )


def pending():
    """Messages to hand to workers again: those a worker left while preparing them (its claim
    ran out), queued again, and those queued for a while that no worker took (the broker was
    down, or lost them). A message left after its hand-over to the mail server is failed
    instead: it may have gone out, so it is never sent again by itself."""
    now = timezone.now()
    lease = datetime.timedelta(seconds=settings.OUTBOX_CLAIM_LEASE)
    sending = OutboundMessage.objects.filter(status=Status.SENDING)
    stopped = sending.filter(handed_at=None, claimed_at__lt=now - lease)
    stopped.filter(attempts__gte=MAX_AUTOMATIC_ATTEMPTS).update(
        status=Status.FAILED,
        last_error=_("Its worker stopped each time while preparing it; see the workers' log."),
    )
    orphans = list(stopped.values_list("pk", flat=True))
    # Still not handed over when queued again: a worker handing it over meanwhile keeps it.
    stopped.filter(pk__in=orphans).update(
        status=Status.QUEUED,
        last_error=_("The worker stopped while preparing it; it is queued again."),
    )
    sending.filter(handed_at__lt=now - STALE_SENDING).update(
        status=Status.FAILED,
        last_error=_("Interrupted while sending: check whether it arrived before retrying."),
    )
    # Just recorded, a message is with a worker already: only those waiting longer are missed.
    waiting = now - datetime.timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER)
    missed = OutboundMessage.objects.filter(status=Status.QUEUED, created_at__lt=waiting)
    return sorted({*orphans, *missed.values_list("pk", flat=True)})


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
                transaction.on_commit(lambda pk=locked.pk: enqueue("deliver_message", pk))
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
    """Messages that must no longer go (an outcome the Bureau reopened): those not yet handed
    to the mail server, and failed ones that a retry would send, are kept as cancelled (each
    saved, so that its history says so). A worker preparing one finds its claim gone at the
    hand-over."""
    not_gone = Q(status__in=[Status.QUEUED, Status.HELD, Status.FAILED])
    not_gone |= Q(status=Status.SENDING, handed_at=None)
    count = 0
    with transaction.atomic():
        for message in messages.select_for_update().filter(not_gone):
            message.status = Status.CANCELLED
            message.save(update_fields=["status"])
            count += 1
    return count
