"""Nothing the public pages do not show: no draft agenda or its document, no proposal, no
candidate topic or assessment, no mission's address or e-mail. Texts with markers are seeded
where each lives; every operation is walked, in all six languages, item by item."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from rules import has_perm

from meetings.models import (
    Body,
    BureauMember,
    Document,
    Meeting,
    MemberState,
    PermanentMission,
    ProvisionalAgenda,
)
from meetings.selectors import issued_agendas, meeting_documents, public_documents
from recommendations.models import FollowUp, Recommendation, Report
from recommendations.selectors import readable_with_follow_up
from submissions.models import Assessment, CandidateTopic, TopicProposal

pytestmark = pytest.mark.django_db

MARKERS = [
    "MARKER-UNREPORTED",  # a recommendation of a meeting whose report is not issued
    "marker-recorder",  # who recorded a follow-up
    "MARKER-DRAFT-ITEM",
    "MARKER-DRAFT-DOCUMENT",
    "MARKER-PROPOSAL",
    "MARKER-CANDIDATE",
    "MARKER-ASSESSMENT",
    "MARKER-MISSION",
    "marker-mission@example.invalid",
    "@demo.invalid",
    "Demo address",
    "CTOC/COP/WG.4/2010/1",  # the symbol of the draft agenda
]
FORBIDDEN_KEYS = {
    "email",
    "address",
    "address_line1",
    "mission",
    "proposal",
    "proposals",
    "candidate",
    "assessment",
    "assessments",
    "comment",
    "draft",
    "drafts",
    "rationale",
}
LISTS = ["bodies", "meetings", "decisions", "documents", "agendas", "recommendations"]


def fill(obj, field, value):
    for code in ("ar", "zh_hans", "en", "fr", "ru", "es"):
        setattr(obj, f"{field}_{code}", value)
    obj.save()


@pytest.fixture
def secrets(open_call):
    draft = ProvisionalAgenda.objects.get(meeting__slug="wg-2010-01")
    assert draft.issued_at is None
    for item in draft.items.all():
        fill(item, "title", "MARKER-DRAFT-ITEM")
        fill(item, "annotation", "MARKER-DRAFT-ITEM")
    fill(draft.document, "title", "MARKER-DRAFT-DOCUMENT")
    state = MemberState.objects.get(iso3="FRA")
    mission = PermanentMission.objects.get(state=state)
    mission.address_line1 = "MARKER-MISSION"
    mission.email = "marker-mission@example.invalid"
    mission.save()
    user = get_user_model().objects.create(username="marker-delegate")
    TopicProposal.objects.create(
        call=open_call,
        state=state,
        number=1,
        title="MARKER-PROPOSAL",
        description="MARKER-PROPOSAL",
        language="en",
        created_by=user,
    )
    candidate = CandidateTopic.objects.create(
        call=open_call, title="MARKER-CANDIDATE", selection_limit=3
    )
    member = BureauMember.objects.create(
        body=Body.objects.get(slug="cop-bureau"), user=user, state=state
    )
    Assessment.objects.create(
        candidate=candidate, member=member, support=3, comment="MARKER-ASSESSMENT"
    )
    unreported = Recommendation.objects.filter(meeting__slug="wg-2010-10")
    assert unreported.exists() and not Report.objects.filter(
        meeting__slug="wg-2010-10", document__issued_at__isnull=False
    )
    for recommendation in unreported:
        fill(recommendation, "text", "MARKER-UNREPORTED")
    recorder = get_user_model().objects.create(
        username="marker-recorder", first_name="marker-recorder", email="marker-recorder@x.org"
    )
    for recommendation in Recommendation.objects.all():
        recommendation.follow_ups.create(
            outcome=FollowUp.Outcome.NOTED, recorded_by=recorder, recorded_at=timezone.now()
        )


def walk(api):
    """Every list, every page, and every item's own address: [(path, json)]."""
    seen, queue = [], [f"/api/v1/{name}?lang=all&limit=2" for name in LISTS]
    while queue:
        path = queue.pop()
        response = api(path)
        assert response.status_code == 200, (path, response.content)
        body = response.json()
        seen.append((path, body))
        if "results" in body:
            if body["next"]:
                queue.append(body["next"].removeprefix("http://testserver"))
            queue += [
                item["url"].removeprefix("http://testserver") + "?lang=all"
                for item in body["results"]
            ]
    return seen


def keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys(inner)


def test_no_endpoint_shows_what_the_pages_do_not(api, secrets):
    seen = walk(api)
    assert len(seen) > 30
    for path, body in seen:
        text = json.dumps(body, ensure_ascii=False)
        for marker in MARKERS:
            assert marker not in text, (path, marker)
        assert not FORBIDDEN_KEYS & set(keys(body)), path


def test_draft_agenda_is_not_found_by_its_address(api, secrets):
    assert api("/api/v1/agendas/wg-2010-01").status_code == 404
    assert api("/api/v1/documents/CTOC/COP/WG.4/2010/1").status_code == 404
    assert api("/api/v1/meetings/wg-2010-01").json()["agenda"] is None


def withdrawn(obj, field, committed):
    """``obj`` with ``field`` emptied, committed: the answers kept before end (api.answers)."""
    setattr(obj, field, None)
    with committed(execute=True):
        obj.save(update_fields=[field])


def test_recommendations_are_public_once_the_report_is_public(
    api, secrets, django_capture_on_commit_callbacks
):
    assert api("/api/v1/recommendations/wg-2010-10/1").status_code == 404
    report = Report.objects.get(meeting__slug="wg-2009")
    assert api("/api/v1/recommendations/wg-2009/1").status_code == 200
    # Issued, its versions not all stored yet: not public, and its recommendations neither.
    withdrawn(report.document, "released_at", django_capture_on_commit_callbacks)
    assert api("/api/v1/recommendations/wg-2009/1").status_code == 404
    listed = api("/api/v1/recommendations?limit=100").json()["results"]
    assert {r["meeting"] for r in listed} == {"wg-2010-01", "wg-2011"}


def test_an_agenda_is_public_once_issued_and_not_before(api, django_capture_on_commit_callbacks):
    agenda = ProvisionalAgenda.objects.get(meeting__slug="wg-2009")
    assert api("/api/v1/agendas/wg-2009").status_code == 200
    withdrawn(agenda, "issued_at", django_capture_on_commit_callbacks)
    assert api("/api/v1/agendas/wg-2009").status_code == 404
    assert api("/api/v1/agendas").json()["results"] == []
    assert api("/api/v1/meetings/wg-2009").json()["agenda"] is None


def test_a_document_is_public_once_released_and_not_before(api, django_capture_on_commit_callbacks):
    symbol = "CTOC/COP/WG.4/2009/1"
    assert api(f"/api/v1/documents/{symbol}").status_code == 200
    withdrawn(
        Document.objects.get(symbol=symbol), "released_at", django_capture_on_commit_callbacks
    )
    assert api(f"/api/v1/documents/{symbol}").status_code == 404
    listed = api("/api/v1/documents?limit=100").json()["results"]
    assert symbol not in [d["symbol"] for d in listed]


def test_the_lists_hold_the_rules_of_the_pages():
    """What the querysets select is what the pages' per-object rules allow."""
    anonymous = AnonymousUser()
    readable = readable_with_follow_up(anonymous)
    for recommendation in Recommendation.objects.all():
        listed = readable.filter(pk=recommendation.pk).exists()
        assert listed == has_perm("recommendations.view_recommendation", anonymous, recommendation)
    for agenda in ProvisionalAgenda.objects.all():
        listed = issued_agendas().filter(pk=agenda.pk).exists()
        assert listed == has_perm("meetings.view_provisionalagenda", anonymous, agenda)
    for document in Document.objects.all():
        listed = public_documents().filter(pk=document.pk).exists()
        assert listed == has_perm("meetings.view_document_files", anonymous, document)
    on_pages = {d.pk for m in Meeting.objects.all() for d in meeting_documents(m)}
    assert on_pages <= set(public_documents().values_list("pk", flat=True))
