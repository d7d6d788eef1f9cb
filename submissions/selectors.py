from django.db.models import Count, Q

from meetings.models import MemberState

from .models import CallForTopics, TopicProposal
from .rules import is_active_delegate, is_bureau_member, is_secretariat

Status = CallForTopics.Status


def visible_calls():
    """Calls a delegate may see: every call once it has been issued."""
    return CallForTopics.objects.exclude(status=Status.DRAFT).select_related("meeting")


def proposals_visible_to(user):
    """A delegate sees their own State's proposals; the Bureau and secretariat see all."""
    proposals = TopicProposal.objects.select_related("call__meeting", "state", "area")
    if is_secretariat(user):
        return proposals
    if is_bureau_member(user):
        # The Bureau reads what States submitted, not their drafts.
        return proposals.filter(status=TopicProposal.Status.SUBMITTED)
    if is_active_delegate(user):
        return proposals.filter(state=user.delegate.state)
    return proposals.none()


def state_proposals(call, state):
    return call.proposals.filter(state=state).select_related("area").order_by("number")


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
        "states": list(states),
        "areas": list(areas),
        "other": other,
        "by_region": {row["state__region"]: row["count"] for row in by_region},
    }


def proposals_by_area(call):
    """[(area or None, [submitted proposals])] in the order of the areas, "other" last."""
    proposals = (
        call.proposals.filter(status=TopicProposal.Status.SUBMITTED)
        .select_related("state", "area")
        .order_by("state__short_name", "number")
    )
    groups = {area.pk: (area, []) for area in call.areas.all()}
    other = []
    for proposal in proposals:
        (groups[proposal.area_id][1] if proposal.area_id in groups else other).append(proposal)
    return [*groups.values(), (None, other)]


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
