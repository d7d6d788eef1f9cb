import statistics
from collections import Counter

from django.db.models import Count, Prefetch, Q

from meetings.models import MemberState, PermanentMission
from wgportal.style import sorted_by_name

from .models import Assessment, CallForTopics, OutboundMessage, TopicProposal
from .rules import CLOSED_STATUSES, is_active_delegate, is_bureau_member, is_secretariat

Status = CallForTopics.Status


# The note's text in every language is long and read only where the note is laid out.
NOTE_FIELDS = [
    field.name
    for field in CallForTopics._meta.fields
    if field.name.startswith(("note_text", "reply_address"))
]


def visible_calls():
    """Calls a delegate may see: every call once it has been issued."""
    return CallForTopics.objects.exclude(status=Status.DRAFT).defer(*NOTE_FIELDS)


def call_for_proposal_form(pk):
    """The call a delegate may propose to (any but a draft), with the meeting the page names,
    or None."""
    return visible_calls().select_related("meeting").filter(pk=pk).first()


def proposals_visible_to(user):
    """A delegate sees their own State's proposals; the Bureau and secretariat see all."""
    proposals = TopicProposal.objects.select_related("call__meeting", "state", "area")
    if is_secretariat(user):
        return proposals
    if is_bureau_member(user):
        # The Bureau reads what States submitted, not their drafts, once the call has closed.
        return proposals.filter(
            status=TopicProposal.Status.SUBMITTED, call__status__in=CLOSED_STATUSES
        )
    if is_active_delegate(user):
        return proposals.filter(state_id=user.delegate.state_id)
    return proposals.none()


def submitted_count(call, state_id):
    return call.proposals.filter(state_id=state_id, status=TopicProposal.Status.SUBMITTED).count()


def told_of_outcome(call):
    """The States whose missions the Bureau's outcome goes to: those that submitted a proposal
    to the call and have a mission with an e-mail address."""
    return (
        MemberState.objects.filter(
            proposals__call=call, proposals__status=TopicProposal.Status.SUBMITTED
        )
        .exclude(mission__email="")
        .exclude(mission=None)
        .distinct()
    )


def outcomes_sent(call):
    """How many outcome messages of the call have gone out already."""
    return OutboundMessage.objects.filter(
        call=call, kind=OutboundMessage.Kind.OUTCOME, status=OutboundMessage.Status.SENT
    ).count()


def missions_count():
    """Every mission gets the note verbale of a call."""
    return PermanentMission.objects.count()


def state_proposals(call, state):
    """The State's proposals in the call, each holding the State (its references name it)
    without a query per proposal."""
    proposals = call.proposals.filter(state=state).select_related("area", "candidate")
    proposals = list(proposals.order_by("number"))
    for proposal in proposals:
        proposal.state = state
    return proposals


def call_overview(call, region=None):
    """Per State: its proposals by status; per area and per region: submitted proposals."""
    submitted = Q(proposals__call=call, proposals__status=TopicProposal.Status.SUBMITTED)
    states = MemberState.objects.annotate(
        submitted=Count("proposals", filter=submitted),
        drafts=Count(
            "proposals",
            filter=Q(proposals__call=call, proposals__status=TopicProposal.Status.DRAFT),
        ),
    ).order_by("short_name")
    if region:
        states = states.filter(region=region)
    proposals = call.proposals.filter(status=TopicProposal.Status.SUBMITTED)
    if region:
        proposals = proposals.filter(state__region=region)
    areas = call.areas.annotate(
        submitted=Count(
            "proposals",
            filter=Q(proposals__status=TopicProposal.Status.SUBMITTED)
            & (Q(proposals__state__region=region) if region else Q()),
        )
    )
    other = proposals.filter(area=None).count()
    by_region = proposals.values("state__region").annotate(count=Count("id")).order_by()
    return {
        "states": sorted_by_name(states, key=lambda s: s.short_name),
        "areas": list(areas),
        "other": other,
        "by_region": {row["state__region"]: row["count"] for row in by_region},
    }


def _submitted(call):
    return (
        call.proposals.filter(status=TopicProposal.Status.SUBMITTED)
        .select_related("state", "area")
        .order_by("state__short_name", "number")
    )


def proposal_groups(call):
    """The submitted proposals as the Bureau reads them: [(label, group, rank, [proposals])],
    by candidate topic ("1.") once the call has closed and they are grouped, by suggested area
    ("a)") before, where the group None gathers the other topics. Templates give the group's
    title in the reader's language. Three queries whatever the number of proposals."""
    candidates = list(call.candidates.all())
    if candidates:
        groups = {c.pk: (f"{n}.", c, c.selection_rank, []) for n, c in enumerate(candidates, 1)}
        key = "candidate_id"
    else:
        groups = {area.pk: (f"{area.letter})", area, None, []) for area in call.areas.all()}
        groups[None] = ("", None, None, [])
        key = "area_id"
    for proposal in _submitted(call):
        if getattr(proposal, key) in groups:
            groups[getattr(proposal, key)][3].append(proposal)
    return list(groups.values())


SORT_KEYS = {
    "position": lambda c: c.position,
    "title": lambda c: c.title.casefold(),
    "proposals": lambda c: len(c.submitted),
    "states": lambda c: len(c.states),
    "count": lambda c: c.count,
    "mean": lambda c: c.mean if c.mean is not None else -1,
    "median": lambda c: c.median if c.median is not None else -1,
}


def review_candidates(call, user, order="position", only=None):
    """The Bureau's dashboard: every candidate topic with its submitted proposals and their
    States and regions, the user's own assessment, and everyone's (count, mean, median).
    ``order`` is a key of SORT_KEYS, "-" first for descending; ``only`` a candidate's id for
    that one alone. Three queries, whatever the number of proposals and assessments."""
    proposals = (
        TopicProposal.objects.filter(status=TopicProposal.Status.SUBMITTED)
        .select_related("state")
        .order_by("state__short_name", "number")
    )
    assessments = Assessment.objects.select_related("member__user", "member__state")
    chosen = call.candidates.filter(pk=only) if only is not None else call.candidates.all()
    candidates = list(
        chosen.prefetch_related(
            Prefetch("proposals", queryset=proposals, to_attr="submitted"),
            Prefetch("assessments", queryset=assessments, to_attr="all_assessments"),
        )
    )
    for candidate in candidates:
        candidate.states = sorted_by_name(
            {p.state for p in candidate.submitted}, key=lambda s: s.short_name
        )
        candidate.regions = sorted(
            Counter(s.get_region_display() for s in candidate.states).items()
        )
        candidate.mine = next(
            (a for a in candidate.all_assessments if a.member.user_id == user.pk), None
        )
        levels = [a.support for a in candidate.all_assessments]
        candidate.count = len(levels)
        candidate.mean = statistics.fmean(levels) if levels else None
        candidate.median = statistics.median(levels) if levels else None
    key = SORT_KEYS.get(order.lstrip("-"), SORT_KEYS["position"])
    candidates.sort(key=lambda c: (key(c), c.position), reverse=order.startswith("-"))
    return candidates


def invitation_progress(call):
    """How far the notes verbales of a call have gone: counts per status, and of how many."""
    from meetings.models import PermanentMission

    from .models import OutboundMessage

    counts = dict(
        OutboundMessage.objects.filter(call=call, kind=OutboundMessage.Kind.INVITATION)
        .values_list("status")
        .annotate(Count("id"))
    )
    return {"of": PermanentMission.objects.count(), **counts}
