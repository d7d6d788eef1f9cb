"""What falls due for an open call, found in the database and claimed at each scan, so that a
moved deadline, a restarted worker or a late beat never loses or repeats an action:
invitations once the call is open, reminders at their offsets, closing at the deadline; and
the receipts of submissions whose task never reached a worker.
Every message goes through the outbox under a key, so doing a step twice sends nothing twice."""

import datetime
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meetings.models import BureauMember, PermanentMission

from . import outbox, receipts, review
from .documents import proposals_filename
from .models import CallForTopics, OutboundMessage, TopicProposal
from .note_verbale import filename as note_filename

Kind = OutboundMessage.Kind


def run_due(now=None):
    """One scan over the open calls; returns what it queued and closed."""
    now = now or timezone.now()
    done = Counter()
    open_calls = CallForTopics.objects.filter(status=CallForTopics.Status.OPEN)
    for call_id in open_calls.values_list("pk", flat=True):
        with transaction.atomic():
            # One scanner per call at a time; another skips it rather than wait.
            call = (
                open_calls.select_for_update(skip_locked=True, of=("self",))
                .select_related("meeting")
                .filter(pk=call_id)
                .first()
            )
            if call is None:
                continue
            done["invitations"] += queue_invitations(call)
            done["reminders"] += queue_reminders(call, now)
            if now >= call.deadline:
                done["digests"] += close_at_deadline(call)
                done["closed"] += 1
    # A proposal committed in the instant the call closed, or under an extension, is grouped.
    closed = CallForTopics.objects.filter(
        status=CallForTopics.Status.CLOSED,
        proposals__status=TopicProposal.Status.SUBMITTED,
        proposals__candidate=None,
    )
    for call in closed.distinct():
        done["grouped"] += review.prepare_candidates(call)
    # A receipt whose task never reached a worker (the broker was down) is written now.
    waited = now - datetime.timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER)
    for proposal in receipts.missing(submitted_before=waited):
        done["receipts"] += receipts.write_receipt(proposal) is not None
    return done


def _missions_without(call, kind, key_prefix):
    sent = OutboundMessage.objects.filter(call=call, kind=kind, key__startswith=key_prefix)
    return PermanentMission.objects.select_related("state").exclude(
        state_id__in=sent.values("state_id")
    )


def queue_invitations(call):
    """One note verbale per State, to its mission, in the mission's language."""
    count = 0
    for mission in _missions_without(call, Kind.INVITATION, f"invitation:{call.pk}:"):
        _to_mission(
            call,
            mission,
            Kind.INVITATION,
            f"invitation:{call.pk}:{mission.state.iso3}",
            "note_verbale",
        )
        count += 1
    return count


def queue_reminders(call, now):
    """The latest reminder that has fallen due, to the States that have submitted nothing. A
    reminder whose day had passed when the call opened is not sent: the note has just gone."""
    opened = call.opened_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)
    due = [
        days
        for days in call.reminder_days
        if opened < call.deadline - datetime.timedelta(days=days) <= now
    ]
    if not due or now >= call.deadline:
        return 0
    days = min(due)
    prefix = f"reminder:{call.pk}:{days}:"
    answered = call.proposals.filter(status=TopicProposal.Status.SUBMITTED).values("state_id")
    count = 0
    for mission in _missions_without(call, Kind.REMINDER, prefix).exclude(state_id__in=answered):
        _to_mission(
            call,
            mission,
            Kind.REMINDER,
            prefix + mission.state.iso3,
            "reminder",
            days=days,
        )
        count += 1
    return count


def _to_mission(call, mission, kind, key, template, **extra):
    language = mission.correspondence_language
    subject, body = outbox.compose(template, {"call": call, "mission": mission, **extra}, language)
    outbox.record(
        kind=kind,
        key=key,
        recipient=mission.email,
        language=language,
        subject=subject,
        body=body,
        state=mission.state,
        call=call,
        attachments=[
            {
                "kind": "note-verbale",
                "options": {"call": call.reference, "state": mission.state.iso3},
                "filename": note_filename(call, mission.state, language),
            }
        ],
    )


def close_at_deadline(call):
    """The call closes (States with an extension keep their time), the candidate topics are
    prepared, and each Bureau member gets the digest with the compiled proposals."""
    call.status = CallForTopics.Status.CLOSED
    call.closed_at = timezone.now()
    call.save(update_fields=["status", "closed_at"])
    review.prepare_candidates(call)
    submitted = call.proposals.filter(status=TopicProposal.Status.SUBMITTED)
    count = 0
    for member in BureauMember.objects.select_related("user", "state__mission"):
        mission = getattr(member.state, "mission", None)
        language = mission.correspondence_language if mission else "en"
        context = {
            "call": call,
            "states": submitted.values("state").distinct().count(),
            "proposals": submitted.count(),
            "areas": [(area, submitted.filter(area=area).count()) for area in call.areas.all()],
            "other": submitted.filter(area=None).count(),
        }
        subject, body = outbox.compose("digest", context, language)
        outbox.record(
            kind=Kind.DIGEST,
            key=f"digest:{call.pk}:{member.user_id}",
            recipient=member.user.email,
            language=language,
            subject=subject,
            body=body,
            call=call,
            attachments=[
                {
                    "kind": "proposals",
                    "options": {"call": call.reference},
                    "filename": proposals_filename(call, language),
                }
            ],
        )
        count += 1
    return count
