"""The review pages: who sees and does what, the dashboard's figures and its fixed number of
queries, the selection through the pages, and the outcome as a delegate sees it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import BureauMember, Meeting, MemberState
from submissions import review, selection
from submissions.models import Assessment, CallForTopics, SuggestedArea, TopicProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return CallForTopics.objects.get(reference="CU 2009/92 (A)")


@pytest.fixture
def users(django_user_model):
    names = ["secretariat", "president", "bureau-ng", "bureau-ph", "delegate-fr"]
    return {name: django_user_model.objects.get(username=name) for name in names}


def pages(call):
    candidate = call.candidates.first()
    return [
        reverse("submissions:review", args=[call.pk]),
        reverse("submissions:review_candidate", args=[call.pk, candidate.pk]),
        reverse("submissions:selection", args=[call.pk]),
        reverse("submissions:bureau_file", args=[call.pk]),
    ]


@pytest.mark.parametrize(
    "username, status",
    [
        (None, 302),
        ("delegate-fr", 403),
        ("bureau-ng", 200),
        ("president", 200),
        ("secretariat", 200),
    ],
)
def test_only_the_bureau_and_the_secretariat_see_the_review(client, users, call, username, status):
    if username:
        client.force_login(users[username])
    for url in pages(call):
        assert client.get(url).status_code == status, url


def test_a_delegate_changes_nothing_by_posting(client, users, call):
    client.force_login(users["delegate-fr"])
    first, second = call.candidates.all()[:2]
    posts = [
        (reverse("submissions:review_assess", args=[call.pk, first.pk]), {"support": 4}),
        (reverse("submissions:review_select", args=[call.pk, first.pk]), {"action": "select"}),
        (
            reverse("submissions:review_merge", args=[call.pk]),
            {"candidates": [first.pk, second.pk]},
        ),
        (reverse("submissions:review_rename", args=[call.pk, first.pk]), {"en": "Mine"}),
        (reverse("submissions:reopen", args=[call.pk]), {"reason": "x", "confirm": "yes"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert not Assessment.objects.exists()
    assert call.candidates.count() == CallForTopics.objects.get(pk=call.pk).candidates.count()
    assert not call.candidates.exclude(selection_rank=None).exists()


def test_a_bureau_member_who_is_not_president_may_not_select(client, users, call):
    client.force_login(users["bureau-ng"])
    candidate = call.candidates.first()
    url = reverse("submissions:review_select", args=[call.pk, candidate.pk])
    assert client.post(url, {"action": "select"}).status_code == 403
    page = client.get(reverse("submissions:review", args=[call.pk])).content.decode()
    assert 'value="select"' not in page


def test_the_dashboard_shows_my_assessment_and_everyones(client, users, call):
    candidate = call.candidates.order_by("position").first()
    review.assess(user=users["bureau-ng"], candidate=candidate, support=4, comment="Vital topic")
    review.assess(user=users["bureau-ph"], candidate=candidate, support=1, comment="Covered")
    review.assess(user=users["president"], candidate=candidate, support=2)
    client.force_login(users["bureau-ph"])
    page = client.get(reverse("submissions:review", args=[call.pk])).content.decode()
    line, details = page[page.index(f'id="candidate-{candidate.pk}"') :].split("</tr>")[:2]
    assert ">3</td>" in line and ">2.33</td>" in line and ">2.0</td>" in line
    assert "Vital topic" not in line and "Covered" not in line
    assert "yours: do not support" in details.split("</summary>")[0]
    assert "Covered</textarea>" in details and "Vital topic" in details
    for state in {p.state for p in candidate.proposals.all()}:
        assert state.short_name in details
    detail = client.get(reverse("submissions:review_candidate", args=[call.pk, candidate.pk]))
    assert "Vital topic" in detail.content.decode() and "Covered" in detail.content.decode()


def test_a_member_saves_an_assessment_from_the_dashboard(client, users, call):
    candidate = call.candidates.first()
    client.force_login(users["bureau-ng"])
    prefix = f"c{candidate.pk}"
    response = client.post(
        reverse("submissions:review_assess", args=[call.pk, candidate.pk]),
        {"prefix": prefix, f"{prefix}-support": 3, f"{prefix}-comment": "<b>Yes</b>"},
        follow=True,
    )
    assert Assessment.objects.get(candidate=candidate).comment == "<b>Yes</b>"
    assert "&lt;b&gt;Yes&lt;/b&gt;" in response.content.decode()
    response = client.post(
        reverse("submissions:review_assess", args=[call.pk, candidate.pk]),
        {"prefix": prefix, f"{prefix}-support": 9},
        follow=True,
    )
    assert "Select a valid choice" in response.content.decode()
    assert Assessment.objects.get(candidate=candidate).support == 3


def test_the_dashboard_sorts(client, users, call):
    client.force_login(users["secretariat"])
    response = client.get(reverse("submissions:review", args=[call.pk]), {"order": "-states"})
    counts = [len(c.states) for c in response.context["candidates"]]
    assert counts == sorted(counts, reverse=True)
    response = client.get(reverse("submissions:review", args=[call.pk]), {"order": "nonsense"})
    assert response.context["order"] == "position"


def make_call(proposals, meeting):
    """A closed call with ``proposals`` submitted proposals, four per State, grouped, and
    every Bureau member's assessment of every candidate."""
    call = CallForTopics.objects.create(
        meeting=Meeting.objects.get(slug=meeting),
        reference=f"CU 2011/{proposals} (A)",
        issue_date=datetime.date(2011, 1, 1),
        deadline=timezone.now() - datetime.timedelta(days=1),
        note_text_en="Topics by [[[Deadline]]].",
        reply_address_en="the secretariat",
        email="untoc.cop@unodc.org",
        status=CallForTopics.Status.CLOSED,
    )
    areas = [SuggestedArea.objects.create(call=call, letter=x, title_en=x) for x in "abcdefgh"]
    author = BureauMember.objects.first().user
    states = MemberState.objects.all()[: (proposals + 3) // 4]
    made = [
        TopicProposal(
            call=call,
            state=state,
            number=n,
            title="T",
            description="D",
            area=areas[(i + n) % 9] if (i + n) % 9 < 8 else None,
            language="en",
            status="submitted",
            submitted_at=call.deadline,
            created_by=author,
        )
        for i, state in enumerate(states)
        for n in (1, 2, 3, 4)
    ]
    TopicProposal.objects.bulk_create(made[:proposals])
    review.prepare_candidates(call)
    Assessment.objects.bulk_create(
        Assessment(candidate=candidate, member=member, support=3)
        for candidate in call.candidates.all()
        for member in BureauMember.objects.all()
    )
    return call


def test_the_dashboard_answers_in_a_fixed_number_of_queries(
    client, users, django_assert_num_queries, database_sessions
):
    client.force_login(users["bureau-ng"])
    small, large = make_call(10, "wg-2011"), make_call(600, "wg-2010-10")
    assert (small.proposals.count(), large.proposals.count()) == (10, 600)
    # Session and user; may review; the call; may read its proposals (it has closed); its
    # candidates, their proposals and their assessments; may assess, may select (the rules,
    # then Django's own permissions, twice).
    for call in (small, large):
        with django_assert_num_queries(12):
            response = client.get(reverse("submissions:review", args=[call.pk]))
        assert response.status_code == 200


def test_the_president_selects_finalises_and_a_fourth_is_refused_on_the_pages(client, users, call):
    client.force_login(users["president"])
    candidates = list(call.candidates.exclude(area=None).order_by("position"))
    for candidate in candidates[:4]:
        response = client.post(
            reverse("submissions:review_select", args=[call.pk, candidate.pk]),
            {"action": "select"},
            follow=True,
        )
    assert "3 topics are selected already" in response.content.decode()
    bureau = Meeting.objects.get(slug="bureau-2009-09")
    response = client.post(
        reverse("submissions:finalise", args=[call.pk]),
        {"bureau_meeting": bureau.pk, "placement": "subitems:2", "confirm": "yes"},
        follow=True,
    )
    assert "The selection is final" in response.content.decode()
    meeting_page = client.get(reverse("meetings:detail", args=[call.meeting.slug])).content.decode()
    for candidate in candidates[:3]:
        assert candidate.title in meeting_page
    response = client.post(
        reverse("submissions:reopen", args=[call.pk]), {"reason": "", "confirm": "yes"}
    )
    assert "This field is required" in response.content.decode()
    assert CallForTopics.objects.get(pk=call.pk).status == "decided"


def test_a_delegate_sees_the_outcome_for_their_state_only(client, users, call):
    president = users["president"]
    french = call.proposals.filter(state__iso3="FRA", status="submitted")
    chosen = list(call.candidates.exclude(area=None).order_by("-pk")[:3])
    for candidate in chosen:
        selection.select_candidate(user=president, candidate=candidate)
    selection.finalise_selection(
        user=president,
        call=call,
        bureau_meeting=Meeting.objects.get(slug="bureau-2009-09"),
        placement="items",
        anchor=3,
    )
    client.force_login(users["delegate-fr"])
    page = client.get(reverse("submissions:home")).content.decode()
    assert page.count("Selected, as part of topic") == french.filter(candidate__in=chosen).count()
    assert page.count("Not selected.") == french.exclude(candidate__in=chosen).count()
    assert "CU 2009/92 (A)/EGY" not in page and "support" not in page.lower()
    # The draft agenda is not the delegates' to see until it is issued.
    meeting = client.get(reverse("meetings:detail", args=[call.meeting.slug])).content.decode()
    assert "has not been issued yet" in meeting
    assert client.get(reverse("meetings:agenda_pdf", args=[call.meeting.slug])).status_code == 404


def test_the_draft_agenda_is_the_bureaus_and_secretariats_until_issued(client, users, call):
    url = reverse("meetings:detail", args=[call.meeting.slug])
    pdf = reverse("meetings:agenda_pdf", args=[call.meeting.slug])
    assert "has not been issued yet" in client.get(url).content.decode()
    assert client.get(pdf).status_code == 404
    for username in ("bureau-ng", "secretariat"):
        client.force_login(users[username])
        assert "Draft, not issued yet" in client.get(url).content.decode()
        assert client.get(pdf).status_code == 200
    from meetings.services import issue_agenda

    issue_agenda(call.meeting.agenda, by=users["secretariat"])
    client.logout()
    assert client.get(pdf).status_code == 200
    assert "Draft, not issued yet" not in client.get(url).content.decode()


def test_ticked_ids_that_are_not_numbers_are_refused_with_a_message(client, users, call):
    client.force_login(users["secretariat"])
    candidate = call.candidates.first()
    response = client.post(
        reverse("submissions:review_merge", args=[call.pk]), {"candidates": ["1", "x"]}, follow=True
    )
    assert response.status_code == 200 and "at least two" in response.content.decode()
    response = client.post(
        reverse("submissions:review_split", args=[call.pk, candidate.pk]),
        {"proposals": ["nope"]},
        follow=True,
    )
    assert response.status_code == 200 and "Choose the proposals" in response.content.decode()


def test_a_candidate_of_another_call_answers_404(client, users, call):
    other = make_call(3, "wg-2011")
    client.force_login(users["secretariat"])
    stranger = other.candidates.first()
    assert (
        client.get(reverse("submissions:review_candidate", args=[call.pk, stranger.pk])).status_code
        == 404
    )
    url = reverse("submissions:review_rename", args=[call.pk, stranger.pk])
    assert client.post(url, {"en": "Mine"}).status_code == 404


# Finalizing and reopening say what they do and whom they tell, and act only when confirmed.


def select_three(call, president):
    chosen = list(call.candidates.exclude(area=None).order_by("position")[:3])
    for candidate in chosen:
        selection.select_candidate(user=president, candidate=candidate)
    return chosen


def test_finalizing_says_whom_it_tells_and_a_post_without_confirm_decides_nothing(
    client, users, call
):
    from submissions import selectors
    from submissions.models import OutboundMessage

    chosen = select_three(call, users["president"])
    client.force_login(users["president"])
    url = reverse("submissions:finalise", args=[call.pk])
    bureau = Meeting.objects.get(slug="bureau-2009-09")
    choices = {"bureau_meeting": bureau.pk, "placement": "subitems:2"}
    selection_page = client.get(reverse("submissions:selection", args=[call.pk])).content.decode()
    assert f'<form method="get" action="{url}"' in selection_page
    page = client.get(url, choices).content.decode()
    told = selectors.told_of_outcome(call).count()
    assert told > 1
    assert f"Each of the {told} proposing States is told at once" in page
    assert all(candidate.title in page for candidate in chosen)
    assert 'name="confirm" value="yes"' in page and "Nothing was done" not in page
    for refused in ({}, {"confirm": "no"}):
        response = client.post(url, {**choices, **refused})
        assert "Nothing was done: to go ahead, confirm" in response.content.decode()
        assert CallForTopics.objects.get(pk=call.pk).status == "closed"
    assert not OutboundMessage.objects.filter(call=call, kind="outcome").exists()
    client.post(url, {**choices, "confirm": "yes"})
    assert CallForTopics.objects.get(pk=call.pk).status == "decided"
    assert OutboundMessage.objects.filter(call=call, kind="outcome").count() == told


def test_reopening_says_what_is_not_recalled_and_a_post_without_confirm_reopens_nothing(
    client, users, call
):
    from submissions.models import OutboundMessage

    president = users["president"]
    select_three(call, president)
    selection.finalise_selection(
        user=president,
        call=call,
        bureau_meeting=Meeting.objects.get(slug="bureau-2009-09"),
        placement="items",
        anchor=3,
    )
    sent = OutboundMessage.objects.filter(call=call, kind="outcome")[:2]
    OutboundMessage.objects.filter(pk__in=[m.pk for m in sent]).update(status="sent")
    client.force_login(president)
    url = reverse("submissions:reopen", args=[call.pk])
    selection_page = client.get(reverse("submissions:selection", args=[call.pk])).content.decode()
    assert f'href="{url}"' in selection_page
    page = client.get(url).content.decode()
    assert "The 2 already sent to permanent missions are not recalled" in page
    assert 'name="reason"' in page
    for refused in ({}, {"confirm": ""}):
        response = client.post(url, {"reason": "A State asked.", **refused})
        assert "Nothing was done: to go ahead, confirm" in response.content.decode()
        assert CallForTopics.objects.get(pk=call.pk).status == "decided"
    client.post(url, {"reason": "A State asked.", "confirm": "yes"})
    assert CallForTopics.objects.get(pk=call.pk).status == "closed"
    assert call.reopenings.get().reason == "A State asked."


@pytest.mark.parametrize("name", ["finalise", "reopen"])
def test_only_who_may_select_sees_the_questions(client, users, call, name):
    url = reverse(f"submissions:{name}", args=[call.pk])
    for username in ("bureau-ng", "delegate-fr"):
        client.force_login(users[username])
        assert client.get(url).status_code == 403
        assert client.post(url, {"confirm": "yes", "reason": "x"}).status_code == 403
    assert CallForTopics.objects.get(pk=call.pk).status == "closed"
