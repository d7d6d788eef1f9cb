"""Background work of submissions: the receipt, whose PDF takes longer than a request should."""

import logging
import smtplib

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils.translation import override

from . import receipts
from .models import TopicProposal

log = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(smtplib.SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=6,
)
def send_receipt(proposal_id, user_id, base_url, language):
    """Takes ids, loads, sends: the receipt by e-mail with its PDF, in the delegate's language."""
    proposal = TopicProposal.objects.select_related("call__meeting", "state", "area").get(
        pk=proposal_id
    )
    user = get_user_model().objects.get(pk=user_id)
    with override(language):
        receipts.send_receipt(proposal, user, base_url)


def queue_receipt(proposal, user, base_url, language):
    """Queue the receipt; if the broker cannot be reached, send it now rather than lose it."""
    try:
        send_receipt.delay(proposal.pk, user.pk, base_url, language)
    except Exception:  # the broker's errors vary by transport
        log.warning(
            "Broker unreachable; sending receipt %s now.", proposal.reference, exc_info=True
        )
        send_receipt(proposal.pk, user.pk, base_url, language)
