"""The Bureau's selection: exactly the call's number of topics, in order, finalized onto the
meeting's provisional agenda with each proposing State told the outcome; reopened, with who
and why, until the agenda is issued. The call's row lock serializes the steps and the
database holds "at most N, ranks 1..N" even if two requests slipped past it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from meetings import services as agenda_services
from meetings.models import Body
from wgportal.i18n import date_long, date_time_long, join_names, language_name
from wgportal.style import sorted_by_name
from wgportal.translations import localized_values

from . import outbox
from .models import CallForTopics, OutboundMessage, SelectionReopening, TopicProposal
from .review import locked_for_review, require

Status = CallForTopics.Status
PLACEMENTS = (agenda_services.PLACEMENT_ITEMS, agenda_services.PLACEMENT_SUBITEMS)


def _too_many(call):
    return ValidationError(
        _(
            "%(count)s topics are selected already, as many as the Bureau selects for this "
            "call. Take one out of the selection before adding another."
        )
        % {"count": call.topics_to_select}
    )


@transaction.atomic
def select_candidate(*, user, candidate):
    """The candidate joins the selection at the next rank."""
    require(user, "submissions.select_topics")
    call = locked_for_review(candidate.call)
    candidate.refresh_from_db()
    if candidate.selection_rank:
        return candidate
    if not candidate.proposals.filter(status=TopicProposal.Status.SUBMITTED).exists():
        raise ValidationError(_("This candidate topic has no proposals left to select."))
    selected = call.candidates.exclude(selection_rank=None)
    rank = (selected.aggregate(last=Max("selection_rank"))["last"] or 0) + 1
    if rank > call.topics_to_select:
        raise _too_many(call)
    candidate.selection_rank = rank
    try:
        with transaction.atomic():
            candidate.save(update_fields=["selection_rank"])
    except IntegrityError:
        raise _too_many(call) from None
    return candidate


@transaction.atomic
def unselect_candidate(*, user, candidate):
    """The candidate leaves the selection; those after it move up a rank."""
    require(user, "submissions.select_topics")
    call = locked_for_review(candidate.call)
    candidate.refresh_from_db()
    rank = candidate.selection_rank
    if rank is None:
        return candidate
    candidate.selection_rank = None
    candidate.save(update_fields=["selection_rank"])
    for later in call.candidates.filter(selection_rank__gt=rank).order_by("selection_rank"):
        later.selection_rank -= 1
        later.save(update_fields=["selection_rank"])
    return candidate


@transaction.atomic
def move_in_selection(*, user, candidate, offset):
    """Swap ranks with the neighbour above (-1) or below (+1)."""
    require(user, "submissions.select_topics")
    call = locked_for_review(candidate.call)
    candidate.refresh_from_db()
    if candidate.selection_rank is None or offset not in (-1, 1):
        return candidate
    neighbour = call.candidates.filter(selection_rank=candidate.selection_rank + offset).first()
    if neighbour is None:
        return candidate
    ranks = candidate.selection_rank, neighbour.selection_rank
    # Through an empty rank, as the ranks are unique.
    neighbour.selection_rank = None
    neighbour.save(update_fields=["selection_rank"])
    candidate.selection_rank = ranks[1]
    candidate.save(update_fields=["selection_rank"])
    neighbour.selection_rank = ranks[0]
    neighbour.save(update_fields=["selection_rank"])
    return candidate


def selected_candidates(call):
    return list(
        call.candidates.exclude(selection_rank=None)
        .order_by("selection_rank")
        .prefetch_related("proposals__state")
    )


def _proposing_states(candidate):
    proposals = candidate.proposals.all()
    return {p.state for p in proposals if p.status == TopicProposal.Status.SUBMITTED}


def _check_final(call, selected, bureau_meeting, agenda):
    if len(selected) != call.topics_to_select:
        raise ValidationError(
            _("Select %(count)s topics before finalizing; %(selected)s are selected.")
            % {"count": call.topics_to_select, "selected": len(selected)}
        )
    for candidate in selected:
        if not _proposing_states(candidate):
            raise ValidationError(
                _(
                    "Topic %(rank)s, “%(title)s”, has no submitted proposal left: take it out "
                    "of the selection."
                )
                % {"rank": candidate.selection_rank, "title": candidate.title}
            )
        missing = [
            language_name(code)
            for code, title in localized_values(candidate, "title").items()
            if not title
        ]
        if missing:
            raise ValidationError(
                _(
                    "Topic %(rank)s, “%(title)s”, has no title yet in: %(languages)s. Give it a "
                    "title in every language; the agenda is issued in all six."
                )
                % {
                    "rank": candidate.selection_rank,
                    "title": candidate.title,
                    "languages": ", ".join(missing),
                }
            )
    running = call.extensions.filter(until__gt=timezone.now()).select_related("state").first()
    if running:
        raise ValidationError(
            _(
                "%(state)s has an extension until %(until)s and may still submit proposals; "
                "finalize the selection after it ends."
            )
            % {"state": running.state, "until": date_time_long(running.until, call.zone)}
        )
    if bureau_meeting is None or bureau_meeting.body.kind != Body.Kind.BUREAU:
        raise ValidationError(
            {"bureau_meeting": _("Choose the meeting of the Bureau that selected the topics.")}
        )
    if bureau_meeting.start_date < timezone.localdate(call.deadline, timezone=call.zone):
        raise ValidationError(
            {
                "bureau_meeting": _(
                    "The Bureau's meeting of %(date)s was held before the deadline; choose the "
                    "one that considered the proposals."
                )
                % {"date": date_long(bureau_meeting.start_date)}
            }
        )
    if agenda is None:
        raise ValidationError(
            _("The meeting has no provisional agenda yet: the secretariat makes it first.")
        )


@transaction.atomic
def finalise_selection(*, user, call, bureau_meeting, placement, anchor):
    """The Bureau's decision: the selected topics become agenda items (``placement`` "items",
    numbered from ``anchor``) or sub-items of item ``anchor``; each proposing State is told;
    the call is decided."""
    require(user, "submissions.select_topics")
    call = locked_for_review(call)
    agenda = getattr(call.meeting, "agenda", None)
    selected = selected_candidates(call)
    _check_final(call, selected, bureau_meeting, agenda)
    if placement not in PLACEMENTS:
        raise ValidationError({"placement": _("Choose where the topics go on the agenda.")})
    mandate = list(call.meeting.mandated_by.select_related("decision__session", "parent__parent"))
    entries = [_agenda_entry(candidate, bureau_meeting, mandate) for candidate in selected]
    items = agenda_services.insert_agenda_items(agenda, entries, placement=placement, anchor=anchor)
    for candidate, item in zip(selected, items, strict=True):
        candidate.agenda_item = item
        candidate.save(update_fields=["agenda_item"])
    call.bureau_meeting = bureau_meeting
    call.decided_at = timezone.now()
    call.decided_by = user
    call.status = Status.DECIDED
    call.save(update_fields=["bureau_meeting", "decided_at", "decided_by", "status"])
    queue_outcomes(call)
    return call


def _agenda_entry(candidate, bureau_meeting, mandate):
    """The item's title and annotation in each language: who proposed it and the mandate."""
    states = _proposing_states(candidate)
    entry = {}
    for code, title in localized_values(candidate, "title").items():
        with override(code):
            names = join_names(
                sorted_by_name([state.short_name for state in states], language=code), code
            )
            mandates = join_names([paragraph.citation() for paragraph in mandate], code)
            annotation = _("The topic was proposed by %(states)s.") % {"states": names}
            annotation += "\n\n" + _(
                "The Bureau of the Conference selected it at its meeting of %(date)s."
            ) % {"date": date_long(bureau_meeting.start_date, code)}
            if mandates:
                annotation += " " + _("Mandate: %(mandate)s.") % {"mandate": mandates}
        entry[build_localized_fieldname("title", code)] = title
        entry[build_localized_fieldname("annotation", code)] = annotation
    return entry


def _round(call):
    return call.reopenings.count()


def queue_outcomes(call):
    """One message per State that submitted proposals, to its mission in its language: which
    of its proposals were selected, and as which topic."""
    proposals = (
        call.proposals.filter(status=TopicProposal.Status.SUBMITTED)
        .select_related("state__mission", "candidate")
        .order_by("state__short_name", "number")
    )
    by_state = {}
    for proposal in proposals:
        by_state.setdefault(proposal.state, []).append(proposal)
    selected = selected_candidates(call)
    count = 0
    for state, state_proposals in by_state.items():
        mission = getattr(state, "mission", None)
        if mission is None or not mission.email:
            continue
        language = mission.correspondence_language
        context = {"call": call, "state": state, "proposals": state_proposals, "selected": selected}
        subject, body = outbox.compose("outcome", context, language)
        outbox.record(
            kind=OutboundMessage.Kind.OUTCOME,
            key=f"outcome:{call.pk}:{_round(call)}:{state.iso3}",
            recipient=mission.email,
            language=language,
            subject=subject,
            body=body,
            state=state,
            call=call,
        )
        count += 1
    return count


@transaction.atomic
def reopen_selection(*, user, call, reason):
    """Back to the review: the topics come off the agenda, outcome messages not yet sent are
    cancelled, and who reopened it and why is kept."""
    require(user, "submissions.select_topics")
    call = CallForTopics.objects.select_for_update().get(pk=call.pk)
    if call.status != Status.DECIDED:
        raise ValidationError(_("Only a final selection can be reopened."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the selection is reopened; it is recorded.")})
    agenda = getattr(call.meeting, "agenda", None)
    if agenda is not None and agenda.issued_at:
        raise ValidationError(
            _(
                "The provisional agenda was issued on %(date)s with these topics; the selection "
                "can no longer be reopened."
            )
            % {"date": date_long(timezone.localdate(agenda.issued_at, timezone=call.zone))}
        )
    reopening = SelectionReopening(call=call, reason=reason, by=user)
    reopening.full_clean(exclude=["call", "by"])
    selected = selected_candidates(call)
    agenda_services.remove_agenda_items([c.agenda_item for c in selected if c.agenda_item])
    # Outcomes of this decision, and failed ones of an earlier, must not go now.
    outbox.cancel(OutboundMessage.objects.filter(call=call, kind=OutboundMessage.Kind.OUTCOME))
    reopening.save()
    call.status = Status.CLOSED
    call.decided_at = call.decided_by = None
    call.save(update_fields=["status", "decided_at", "decided_by"])
    return call
