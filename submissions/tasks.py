"""Background work of submissions. Tasks take ids, load, call a service."""

from celery import shared_task

from . import outbox, receipts, scheduling
from .models import TopicProposal


@shared_task(bind=True, acks_late=True, max_retries=outbox.MAX_AUTOMATIC_ATTEMPTS)
def deliver_message(self, message_id):
    """Idempotent: the outbox claims the message, so a redelivered task sends nothing twice."""
    if outbox.deliver(message_id) == "retry":
        raise self.retry(countdown=min(30 * 2**self.request.retries, 900))


@shared_task(acks_late=True)
def write_receipt(proposal_id):
    """Idempotent: the outbox keeps one receipt per submitted version."""
    proposal = receipts.with_receipt_details(TopicProposal.objects).filter(pk=proposal_id).first()
    if proposal is not None:
        receipts.write_receipt(proposal)


@shared_task
def scan():
    """Every minute (beat): queue what has fallen due for the open calls, then send what is
    queued and waiting, whatever happened before."""
    done = scheduling.run_due()
    for message_id in outbox.pending():
        deliver_message.delay(message_id)
    return dict(done)
