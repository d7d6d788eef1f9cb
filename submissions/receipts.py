"""The receipt of a submitted proposal: on screen, as PDF, and by e-mail through the outbox.

The submission commits the proposal alone, with who submitted it and in which language; a
worker then writes the e-mail into the outbox. If the worker never gets the task (the broker was
down), the scan writes it: a submitted version whose receipt is missing is found in the data."""

import re

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils.translation import override

from wgportal import pdf

from . import outbox
from .enqueue import enqueue
from .models import OutboundMessage, TopicProposal


def receipt_pdf(proposal, language):
    return pdf.render("pdf/receipt.html", {"proposal": proposal}, language)


def filename(proposal, language):
    return re.sub(r"[^A-Za-z0-9]+", "-", proposal.reference).strip("-") + f"-{language}.pdf"


def write_after_commit(proposal):
    """Once the submission is committed, a worker writes its receipt."""
    transaction.on_commit(lambda: enqueue("write_receipt", proposal.pk))


def _key(proposal):
    return f"receipt:{proposal.pk}:{proposal.version}"


def write_receipt(proposal):
    """To the delegate who submitted the current version, in the language they used, with the
    PDF attached (rendered when sent). Once per submitted version, however often called;
    nothing for a proposal withdrawn meanwhile."""
    if proposal.status != TopicProposal.Status.SUBMITTED or proposal.submitted_by is None:
        return None
    user, language = proposal.submitted_by, proposal.receipt_language or settings.LANGUAGE_CODE
    with override(language):
        link = settings.PORTAL_URL + reverse("submissions:receipt", args=[proposal.pk])
    subject, body = outbox.compose(
        "receipt", {"proposal": proposal, "user": user, "link": link}, language
    )
    return outbox.record(
        kind=OutboundMessage.Kind.RECEIPT,
        key=_key(proposal),
        recipient=user.email,
        language=language,
        subject=subject,
        body=body,
        state=proposal.state,
        call=proposal.call,
        attachments=[
            {
                "kind": "receipt",
                "options": {"proposal": proposal.pk},
                "filename": filename(proposal, language),
            }
        ],
    )


def with_receipt_details(proposals):
    return proposals.select_related("call__meeting", "state", "area", "submitted_by")


def missing(submitted_before):
    """Submitted versions whose receipt no worker has written, submitted before the given time
    (a task just handed over is still on its way)."""
    key = Concat(
        Value("receipt:"),
        Cast("pk", CharField()),
        Value(":"),
        Cast("version", CharField()),
        output_field=CharField(),
    )
    written = OutboundMessage.objects.filter(key=OuterRef("receipt_key"))
    return with_receipt_details(
        TopicProposal.objects.filter(
            status=TopicProposal.Status.SUBMITTED,
            submitted_by__isnull=False,
            submitted_at__lt=submitted_before,
        )
        .annotate(receipt_key=key)
        .exclude(Exists(written))
        .order_by("submitted_at")
    )


def receipt_from_options(options, language):
    proposal = TopicProposal.objects.select_related("call__meeting", "state", "area").get(
        pk=options["proposal"]
    )
    return receipt_pdf(proposal, language)
