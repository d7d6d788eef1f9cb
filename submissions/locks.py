"""The one order in which use cases take row locks, so that two of them never wait on each
other in a circle (PostgreSQL would break the deadlock by failing one of them):

1. the member State (one writer at a time per State: numbers, limits, the form's token);
2. the call for topics (the Bureau's review, the selection, opening and closing; a proposal
   changed after the deadline joins or leaves the candidate topics under it);
3. the provisional agenda (the selection places its topics there);
4. the proposal.

Every use case that locks takes its locks through these functions, in this order, and only
the locks it needs; a lock already held is taken again at no cost."""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from meetings.models import MemberState

from .models import CallForTopics, TopicProposal


def state(state_id):
    """The State's row, locked for the rest of the transaction."""
    MemberState.objects.select_for_update().values_list("pk", flat=True).get(pk=state_id)


def call(call_id):
    """The call, read again and locked for the rest of the transaction."""
    return CallForTopics.objects.select_for_update().get(pk=call_id)


def proposal(pk):
    """A proposal to change, with its State, its call and then itself locked. The call is
    locked only once its deadline passed (a change then moves the Bureau's candidates); while
    it is open, States change their proposals side by side."""
    found = TopicProposal.objects.values("state_id", "call_id", "call__status").get(pk=pk)
    state(found["state_id"])
    call_locked = found["call__status"] != CallForTopics.Status.OPEN
    if call_locked:
        call(found["call_id"])
    locked = TopicProposal.objects.select_for_update(of=("self",)).select_related("call").get(pk=pk)
    if not call_locked and locked.call.status != CallForTopics.Status.OPEN:
        # The call closed in between: its lock now comes after the proposal's, so it is taken
        # only if free, never waited for.
        _call_if_free(locked.call_id)
    return locked


def _call_if_free(call_id):
    try:
        with transaction.atomic():
            CallForTopics.objects.select_for_update(nowait=True).get(pk=call_id)
    except DatabaseError:
        raise ValidationError(
            _("The call closed while you were saving. Nothing was saved; please try again.")
        ) from None
