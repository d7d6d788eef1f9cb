"""Receipts by e-mail: written by a worker once the submission is committed, to whoever
submitted, in their language; written by the scan when no worker got the task."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation

from meetings.models import MemberState
from submissions import scheduling, services
from submissions.models import Delegate, OutboundMessage

pytestmark = pytest.mark.django_db
DATA = {"title": "T", "description": "D", "rationale": "", "area": None, "language": "en"}


def receipts():
    return OutboundMessage.objects.filter(kind=OutboundMessage.Kind.RECEIPT)


def after_the_wait():
    """A scan late enough for a receipt whose task was handed over and never arrived."""
    return timezone.now() + datetime.timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER + 1)


@pytest.fixture
def france(django_user_model):
    return django_user_model.objects.get(username="delegate-fr")


def test_the_receipt_goes_to_who_submitted_in_the_language_they_used(
    open_call, france, django_user_model, django_capture_on_commit_callbacks, celery_eager
):
    colleague = django_user_model.objects.create(
        username="delegate-fr-2", email="second@demo.invalid"
    )
    Delegate.objects.create(user=colleague, state=MemberState.objects.get(iso3="FRA"))
    draft = services.save_draft(user=france, call=open_call, data=DATA)
    with translation.override("ar"), django_capture_on_commit_callbacks(execute=True):
        services.submit_proposal(user=colleague, proposal=draft, version=1)
    (receipt,) = receipts()
    assert (receipt.recipient, receipt.language) == ("second@demo.invalid", "ar")
    assert receipt.key == f"receipt:{draft.pk}:2" and receipt.status == "sent"
    assert "CU 2011/40 (A)/FRA/1" in receipt.subject


def test_a_submission_commits_without_its_receipt_and_the_task_writes_it_once(
    open_call, france, django_capture_on_commit_callbacks, celery_eager
):
    with django_capture_on_commit_callbacks() as handed_over:
        proposal = services.save_draft(user=france, call=open_call, data=DATA, submit=True)
    assert not receipts().exists()
    for callback in [*handed_over, *handed_over]:  # a redelivered task
        callback()
    assert receipts().get().key == f"receipt:{proposal.pk}:1"


def test_the_scan_writes_the_receipts_no_worker_got_once(open_call, france, egypt_user):
    # Submitted with the broker down: the tasks never left (nothing runs after commit here).
    for user in (france, egypt_user):
        services.save_draft(user=user, call=open_call, data=DATA, submit=True)
    assert scheduling.run_due()["receipts"] == 0  # their tasks may still be on their way
    assert scheduling.run_due(after_the_wait())["receipts"] == 2
    assert scheduling.run_due(after_the_wait())["receipts"] == 0
    assert sorted(receipts().values_list("state__iso3", flat=True)) == ["EGY", "FRA"]


def test_a_changed_submission_gets_a_receipt_and_a_withdrawn_one_none(open_call, france):
    proposal = services.save_draft(user=france, call=open_call, data=DATA, submit=True)
    proposal = services.update_proposal(
        user=france, proposal=proposal, version=1, data={**DATA, "title": "Changed"}
    )
    withdrawn = services.save_draft(user=france, call=open_call, data=DATA, submit=True)
    services.withdraw_proposal(user=france, proposal=withdrawn, version=1)
    assert scheduling.run_due(after_the_wait())["receipts"] == 1
    assert receipts().get().key == f"receipt:{proposal.pk}:2"


@pytest.fixture
def egypt_user(django_user_model):
    return django_user_model.objects.get(username="delegate-eg")
