"""The Bureau's review: candidate topics made at closing, merged, split, renamed, reordered,
and each member's assessment. The demo call is closed with proposals from many States."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from meetings.models import BureauMember, MemberState
from submissions import review, scheduling, services
from submissions.models import Assessment, CallForTopics, CandidateTopic, TopicProposal

pytestmark = pytest.mark.django_db
SUBMITTED = TopicProposal.Status.SUBMITTED


@pytest.fixture
def call():
    return CallForTopics.objects.get(reference="CU 2009/92 (A)")


@pytest.fixture
def users(django_user_model):
    names = ["secretariat", "president", "bureau-ng", "bureau-ph", "delegate-fr", "delegate-eg"]
    return {name: django_user_model.objects.get(username=name) for name in names}


def test_closing_groups_one_candidate_per_area_and_one_per_other_proposal(call):
    submitted = call.proposals.filter(status=SUBMITTED)
    assert submitted.count() > 100 and not submitted.filter(candidate=None).exists()
    areas_used = set(submitted.exclude(area=None).values_list("area", flat=True))
    others = submitted.filter(area=None)
    assert call.candidates.count() == len(areas_used) + others.count()
    for candidate in call.candidates.exclude(area=None):
        assert set(candidate.proposals.values_list("area", flat=True)) == {candidate.area_id}
        # An area's candidate carries the area's title in every language.
        assert candidate.title_ar == candidate.area.title_ar and candidate.title_zh_hans
    for proposal in others:
        assert proposal.candidate.proposals.count() == 1
        assert getattr(proposal.candidate, f"title_{proposal.language.replace('-', '_')}")
    assert review.prepare_candidates(call) == 0  # again: nothing moves


def _open_call_with_proposals(open_call, users):
    for username, area in (("delegate-fr", "a"), ("delegate-eg", "a"), ("delegate-fr", None)):
        proposal = services.save_proposal(
            user=users[username],
            call=open_call,
            data={
                "title": "T",
                "description": "D",
                "rationale": "",
                "area": open_call.areas.filter(letter=area).first(),
                "language": "fr",
            },
            submit=True,
        )
    return proposal


def test_the_call_closing_at_its_deadline_prepares_the_candidates(open_call, users):
    _open_call_with_proposals(open_call, users)
    scheduling.run_due(now=open_call.deadline)
    open_call.refresh_from_db()
    assert open_call.status == CallForTopics.Status.CLOSED
    assert sorted(c.proposals.count() for c in open_call.candidates.all()) == [1, 2]


def test_a_late_proposal_under_an_extension_joins_its_area_and_leaves_when_withdrawn(
    open_call, users
):
    france = users["delegate-fr"]
    services.grant_extension(
        call=open_call,
        state=MemberState.objects.get(iso3="FRA"),
        until=open_call.deadline + datetime.timedelta(days=3),
        reason="",
        by=users["secretariat"],
    )
    other = _open_call_with_proposals(open_call, users)
    services.close_call(open_call, by=users["secretariat"])
    area_a = open_call.candidates.get(area__letter="a")
    late = services.save_proposal(
        user=france,
        call=open_call,
        data={
            "title": "L",
            "description": "D",
            "rationale": "",
            "area": area_a.area,
            "language": "fr",
        },
        submit=True,
    )
    assert late.candidate == area_a
    other.refresh_from_db()
    services.withdraw_proposal(user=france, proposal=other, version=other.version)
    other.refresh_from_db()
    assert other.candidate is None


def test_merge_keeps_the_first_title_and_drops_the_others_assessments(call, users):
    first, second = call.candidates.order_by("position")[:2]
    member = BureauMember.objects.get(user=users["bureau-ng"])
    Assessment.objects.create(candidate=second, member=member, support=2)
    moved = set(second.proposals.values_list("pk", flat=True))
    merged = review.merge_candidates(user=users["bureau-ng"], candidates=[second, first])
    assert merged == first
    assert moved <= set(first.proposals.values_list("pk", flat=True))
    assert not CandidateTopic.objects.filter(pk=second.pk).exists()
    assert not Assessment.objects.filter(candidate_id=second.pk).exists()
    assert Assessment.history.filter(candidate_id=second.pk, history_type="-").exists()


def test_merge_refusals(call, users):
    first, second = call.candidates.order_by("position")[:2]
    with pytest.raises(ValidationError, match="at least two"):
        review.merge_candidates(user=users["secretariat"], candidates=[first])
    with pytest.raises(PermissionDenied):
        review.merge_candidates(user=users["delegate-fr"], candidates=[first, second])
    CandidateTopic.objects.filter(pk=second.pk).update(selection_rank=1)
    second.refresh_from_db()
    with pytest.raises(ValidationError, match="take it out of the selection"):
        review.merge_candidates(user=users["secretariat"], candidates=[first, second])


def test_split_makes_a_new_candidate_right_after(call, users):
    candidate = max(call.candidates.all(), key=lambda c: c.proposals.count())
    proposals = list(candidate.proposals.all())
    after = call.candidates.filter(position=candidate.position + 1).first()
    new = review.split_candidate(
        user=users["president"], candidate=candidate, proposals=proposals[:2]
    )
    assert set(new.proposals.all()) == set(proposals[:2])
    assert new.position == candidate.position + 1
    after.refresh_from_db()
    assert after.position == new.position + 1
    assert new.title_ru == candidate.title_ru  # the same area: the area's titles


def test_split_refusals(call, users):
    candidate = max(call.candidates.all(), key=lambda c: c.proposals.count())
    stranger = call.candidates.exclude(pk=candidate.pk).first().proposals.first()
    for proposals, message in (
        ([], "Choose the proposals"),
        ([stranger], "Choose the proposals"),
        (list(candidate.proposals.all()), "Leave at least one proposal"),
    ):
        with pytest.raises(ValidationError, match=message):
            review.split_candidate(
                user=users["secretariat"], candidate=candidate, proposals=proposals
            )


def test_rename_per_language_with_its_refusals(call, users):
    candidate = call.candidates.first()
    titles = {
        "ar": "عنوان",
        "zh-hans": "标题",
        "en": "Title",
        "fr": "Titre",
        "ru": "Тема",
        "es": "",
    }
    review.rename_candidate(user=users["bureau-ph"], candidate=candidate, titles=titles)
    candidate.refresh_from_db()
    assert (candidate.title_ar, candidate.title_fr, candidate.title_es) == ("عنوان", "Titre", "")
    with pytest.raises(ValidationError, match="at least one language"):
        review.rename_candidate(user=users["secretariat"], candidate=candidate, titles={})
    with pytest.raises(ValidationError, match="at most 300"):
        review.rename_candidate(
            user=users["secretariat"], candidate=candidate, titles={"en": "x" * 301}
        )
    with pytest.raises(PermissionDenied):
        review.rename_candidate(
            user=users["delegate-fr"], candidate=candidate, titles={"en": "Mine"}
        )


def test_move_swaps_with_the_neighbour_and_stops_at_the_ends(call, users):
    first, second = call.candidates.order_by("position")[:2]
    review.move_candidate(user=users["secretariat"], candidate=second, offset=-1)
    assert list(call.candidates.order_by("position")[:2]) == [second, first]
    review.move_candidate(user=users["secretariat"], candidate=second, offset=-1)
    assert call.candidates.order_by("position").first() == second


def test_each_member_assesses_as_themselves_and_may_change_it(call, users):
    candidate = call.candidates.first()
    review.assess(user=users["bureau-ng"], candidate=candidate, support=2, comment="Later")
    review.assess(user=users["bureau-ng"], candidate=candidate, support=4, comment=" Yes ")
    review.assess(user=users["president"], candidate=candidate, support=1)
    mine = Assessment.objects.get(candidate=candidate, member__user=users["bureau-ng"])
    assert (mine.support, mine.comment) == (4, "Yes")
    assert candidate.assessments.count() == 2


@pytest.mark.parametrize("username", ["secretariat", "delegate-fr"])
def test_only_bureau_members_assess(call, users, username):
    with pytest.raises(PermissionDenied):
        review.assess(user=users[username], candidate=call.candidates.first(), support=3)


def test_assessment_refusals(call, users):
    candidate = call.candidates.first()
    with pytest.raises(ValidationError, match="level of support"):
        review.assess(user=users["bureau-ng"], candidate=candidate, support=7)
    with pytest.raises(ValidationError, match="at most 2000"):
        review.assess(user=users["bureau-ng"], candidate=candidate, support=3, comment="x" * 2001)
    CallForTopics.objects.filter(pk=call.pk).update(status=CallForTopics.Status.DECIDED)
    with pytest.raises(ValidationError, match="final"):
        review.assess(user=users["bureau-ng"], candidate=candidate, support=3)
    CallForTopics.objects.filter(pk=call.pk).update(
        status=CallForTopics.Status.OPEN, deadline=timezone.now() + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="still open"):
        review.assess(user=users["bureau-ng"], candidate=candidate, support=3)
    assert not Assessment.objects.exists()
