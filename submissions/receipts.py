"""The receipt of a submitted proposal: on screen, as PDF, and by e-mail through the outbox."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from wgportal import pdf

from . import outbox
from .models import OutboundMessage, TopicProposal


def receipt_pdf(proposal, language):
    return pdf.render("pdf/receipt.html", {"proposal": proposal}, language)


def filename(proposal, language):
    return re.sub(r"[^A-Za-z0-9]+", "-", proposal.reference).strip("-") + f"-{language}.pdf"


def queue_receipt(proposal, user, language):
    """To the delegate who submitted, in the language they used, with the PDF attached (the
    worker renders it). One receipt per submitted version, however often this is called."""
    with override(language):
        link = settings.PORTAL_URL + reverse("submissions:receipt", args=[proposal.pk])
    subject, body = outbox.compose(
        "receipt", {"proposal": proposal, "user": user, "link": link}, language
    )
    return outbox.record(
        kind=OutboundMessage.Kind.RECEIPT,
        key=f"receipt:{proposal.pk}:{proposal.version}",
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


def receipt_from_options(options, language):
    proposal = TopicProposal.objects.select_related("call__meeting", "state", "area").get(
        pk=options["proposal"]
    )
    return receipt_pdf(proposal, language)
