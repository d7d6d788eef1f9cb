"""The demo call brought to a stage of its life, with plausible proposals from many States, so
that a person can try each screen: "open" (proposals being made before a deadline a month
ahead), "closed" (the Bureau reviewing the candidate topics) or "decided" (three topics
selected and standing on the draft agenda of January 2010)."""

import datetime
import tomllib
import zoneinfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from meetings import services as agenda_services
from meetings.models import Meeting, MemberState
from wgportal.demo import DEMO_DIR

from . import review, selection, selectors
from .models import Assessment, CallForTopics, OutboundMessage, TopicProposal

STAGES = ("open", "closed", "decided")
VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")
SEED_DEADLINE = datetime.datetime(2009, 7, 31, 23, 59, tzinfo=VIENNA)

# The language a delegation writes in; the others write in English.
LANGUAGE_OF = {
    "fr": "FRA BEL CHE LUX MCO SEN CIV CMR MLI BFA NER BEN TGO GAB COD COG MDG HTI",
    "es": "ESP MEX ARG COL PER CHL VEN ECU BOL URY PRY GTM CRI PAN CUB DOM HND NIC SLV",
    "ar": "EGY SAU ARE JOR LBN QAT KWT OMN BHR IRQ DZA MAR TUN LBY SDN",
    "ru": "RUS BLR KAZ KGZ TJK UZB ARM",
    "zh-hans": "CHN",
}
# The States of the demo delegates always propose, so that their pages have proposals.
ALWAYS = ["FRA", "EGY", "CHN", "RUS", "ESP", "GBR"]


def topics():
    with (DEMO_DIR / "proposals.toml").open("rb") as file:
        return tomllib.load(file)["topic"]


def _language(iso3):
    return next((code for code, states in LANGUAGE_OF.items() if iso3 in states.split()), "en")


def _proposing_states():
    """The demo delegates' States and every third other State: some sixty of them."""
    states = list(MemberState.objects.order_by("iso3"))
    chosen = [s for s in states if s.iso3 in ALWAYS]
    others = [s for s in states if s.iso3 not in ALWAYS]
    return chosen + others[::3]


@transaction.atomic
def bring_to_stage(call, stage, *, secretariat, president):
    """Start the demo call afresh and take it to ``stage``."""
    _reset(call)
    if stage == "open":
        # "By" the day a month ahead: 23:59 of it in Vienna, a whole minute.
        day = timezone.localdate(timezone=VIENNA) + datetime.timedelta(days=30)
        deadline = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=VIENNA)
        _set(call, status=CallForTopics.Status.OPEN, deadline=deadline, opened_at=timezone.now())
        _make_proposals(call, secretariat, submitted_share=2)
        return call
    _set(call, status=CallForTopics.Status.CLOSED, deadline=SEED_DEADLINE)
    _make_proposals(call, secretariat)
    review.prepare_candidates(call)
    if stage == "decided":
        _decide(call, president)
    return call


def _set(call, **fields):
    for name, value in fields.items():
        setattr(call, name, value)
    call.save(update_fields=list(fields))


def _reset(call):
    """Take the demo call back to before any proposal: the Bureau's items off the agenda
    (issued or not: this is the demo), its candidates, messages and proposals gone."""
    agenda = getattr(call.meeting, "agenda", None)
    if agenda is not None and agenda.issued_at:
        agenda.issued_at = None
        agenda.save(update_fields=["issued_at"])
    items = [c.agenda_item for c in call.candidates.exclude(agenda_item=None)]
    agenda_services.remove_agenda_items(items)
    call.candidates.all().delete()
    call.reopenings.all().delete()
    OutboundMessage.objects.filter(call=call).delete()
    call.proposals.all().delete()
    call.extensions.all().delete()
    _set(call, bureau_meeting=None, decided_at=None, decided_by=None, opened_at=None)


def _make_proposals(call, author, submitted_share=None):
    """One to three proposals per State, on different topics, each in the State's language.
    With ``submitted_share`` n, one State in n has only drafts (the call is still open)."""
    areas = {area.letter: area for area in call.areas.all()}
    texts = topics()
    delegates = {
        user.delegate.state_id: user
        for user in get_user_model()
        .objects.filter(delegate__isnull=False)
        .select_related("delegate")
    }
    submitted_at = datetime.datetime(2009, 7, 20, 10, tzinfo=VIENNA)
    proposals = []
    for index, state in enumerate(_proposing_states()):
        language = _language(state.iso3)
        draft = submitted_share and index % submitted_share == 1
        for number in range(1, 2 + index % 3):
            topic = texts[(index * 7 + number * 5) % len(texts)]
            words = topic[language]
            proposals.append(
                TopicProposal(
                    call=call,
                    state=state,
                    number=number,
                    title=words["title"],
                    description=words["description"],
                    rationale=words["rationale"],
                    area=areas.get(topic["area"]),
                    language=language,
                    status=TopicProposal.Status.DRAFT if draft else TopicProposal.Status.SUBMITTED,
                    submitted_at=None if draft else submitted_at + datetime.timedelta(hours=index),
                    created_by=delegates.get(state.pk, author),
                )
            )
    TopicProposal.objects.bulk_create(proposals)


def _decide(call, president):
    """Each Bureau member assesses every candidate; the President selects the three area
    topics that most States proposed and finalizes them as sub-items of item 2."""
    members = list(president.bureau_memberships.get().body.members.select_related("user"))
    candidates = selectors.review_candidates(call, president)
    for n, candidate in enumerate(candidates):
        for m, member in enumerate(members):
            # Broadly proposed topics find broad support; the rest vary.
            support = 4 - m % 2 if len(candidate.states) > 4 else 1 + (n + m) % 4
            Assessment.objects.create(candidate=candidate, member=member, support=support)
    ranked = sorted(
        (c for c in candidates if c.area_id), key=lambda c: (-len(c.states), c.position)
    )
    for candidate in ranked[: call.topics_to_select]:
        selection.select_candidate(user=president, candidate=candidate)
    selection.finalise_selection(
        user=president,
        call=call,
        bureau_meeting=Meeting.objects.get(slug="bureau-2009-09"),
        placement=agenda_services.PLACEMENT_SUBITEMS,
        anchor=2,
    )
