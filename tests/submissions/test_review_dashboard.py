"""The dashboard's rows: saving an assessment, moving or selecting a candidate returns to its
row with the message there, in the order the reader had; the sorted column is marked on its
header."""

import re

import pytest
from django.urls import reverse

from submissions import review
from submissions.models import Assessment, CallForTopics

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return CallForTopics.objects.get(reference="CU 2009/92 (A)")


def dashboard(call):
    return reverse("submissions:review", args=[call.pk])


def assess_url(call, candidate):
    return reverse("submissions:review_assess", args=[call.pk, candidate.pk])


def from_dashboard(candidate, **data):
    prefix = f"c{candidate.pk}"
    return {"prefix": prefix, **{f"{prefix}-{name}": value for name, value in data.items()}}


def parts(response, candidate):
    """The page above the table, and the candidate's two rows."""
    page = response.content.decode()
    top = page.split('<table class="review">')[0]
    rows = page[page.index(f'<tr id="candidate-{candidate.pk}"') :].split("</tbody>")[0]
    return top, rows


def test_saving_an_assessment_returns_to_the_candidate_with_the_message_there(as_user, call):
    client = as_user("bureau-ng")
    candidate = call.candidates.order_by("position")[3]
    response = client.post(
        assess_url(call, candidate), from_dashboard(candidate, support=3, comment="Timely")
    )
    assert response.status_code == 302
    assert response["Location"] == f"{dashboard(call)}#candidate-{candidate.pk}"
    top, rows = parts(client.get(response["Location"]), candidate)
    assert f"Your assessment of “{candidate.title}” is saved." in rows
    assert "is saved" not in top
    assert "<details>" in rows  # closed: the row stays one line, the message says it is saved
    assert Assessment.objects.get(candidate=candidate).comment == "Timely"


def test_a_refused_assessment_is_told_at_the_candidate_with_its_form_open(as_user, call):
    client = as_user("bureau-ng")
    candidate = call.candidates.order_by("position")[2]
    response = client.post(assess_url(call, candidate), from_dashboard(candidate, support=9))
    assert response["Location"] == f"{dashboard(call)}#candidate-{candidate.pk}"
    top, rows = parts(client.get(response["Location"]), candidate)
    assert re.search(r'class="message error">Select a valid choice', rows)
    assert "<details open>" in rows and "Select a valid choice" not in top
    assert not Assessment.objects.exists()

    # The service's own refusal too: the selection is final, assessments no longer change.
    CallForTopics.objects.filter(pk=call.pk).update(status=CallForTopics.Status.DECIDED)
    response = client.post(assess_url(call, candidate), from_dashboard(candidate, support=3))
    assert response["Location"] == f"{dashboard(call)}#candidate-{candidate.pk}"
    top, rows = parts(client.get(response["Location"]), candidate)
    assert 'class="message error"' in rows and "message" not in top.split("<main")[1]
    assert not Assessment.objects.exists()


def test_the_dashboard_keeps_the_readers_order_and_refuses_a_made_up_one(as_user, call):
    client = as_user("bureau-ph")
    candidate = call.candidates.first()
    data = from_dashboard(candidate, support=2)
    response = client.post(assess_url(call, candidate), {**data, "order": "-mean"})
    assert response["Location"] == f"{dashboard(call)}?order=-mean#candidate-{candidate.pk}"
    response = client.post(assess_url(call, candidate), {**data, "order": "x'><script>"})
    assert response["Location"] == f"{dashboard(call)}#candidate-{candidate.pk}"
    page = client.get(dashboard(call), {"order": "-mean"}).content.decode()
    assert '<input type="hidden" name="order" value="-mean">' in page


def test_assessing_on_the_candidates_page_returns_there(as_user, call):
    client = as_user("bureau-ng")
    candidate = call.candidates.first()
    response = client.post(assess_url(call, candidate), {"support": 4, "comment": ""})
    assert response["Location"] == reverse(
        "submissions:review_candidate", args=[call.pk, candidate.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert f"Your assessment of “{candidate.title}” is saved." in page


def test_selecting_and_moving_return_to_the_candidate(as_user, call):
    client = as_user("president")
    first, second = call.candidates.order_by("position")[:2]
    url = reverse("submissions:review_select", args=[call.pk, second.pk])
    response = client.post(url, {"action": "select", "order": "title"})
    assert response["Location"] == f"{dashboard(call)}?order=title#candidate-{second.pk}"
    top, rows = parts(client.get(response["Location"]), second)
    assert f"“{second.title}” is selected." in rows and "is selected" not in top
    response = client.post(url, {"action": "unselect", "next": "selection"})
    assert response["Location"] == reverse("submissions:selection", args=[call.pk])

    url = reverse("submissions:review_move", args=[call.pk, second.pk])
    response = client.post(url, {"direction": "up"})
    assert response["Location"] == f"{dashboard(call)}#candidate-{second.pk}"
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.position < first.position


def test_a_message_about_a_merged_away_candidate_stays_at_the_top(as_user, call, django_user_model):
    client = as_user("bureau-ng")
    keeper, merged = call.candidates.exclude(area=None).order_by("position")[:2]
    response = client.post(assess_url(call, merged), from_dashboard(merged, support=3))
    # Meanwhile the secretariat merges the topic away: the message must not be lost.
    secretariat = django_user_model.objects.get(username="secretariat")
    review.merge_candidates(user=secretariat, candidates=[keeper, merged])
    page = client.get(response["Location"]).content.decode()
    assert f'id="candidate-{merged.pk}"' not in page
    top = page.split('<table class="review">')[0]
    assert f"Your assessment of “{merged.title}” is saved." in top


def test_the_sorted_column_is_marked_on_its_header_not_its_link(as_user, call):
    client = as_user("secretariat")
    page = client.get(dashboard(call), {"order": "-mean"}).content.decode()
    assert '<th scope="col" class="mean" aria-sort="descending"><a href="?order=mean">' in page
    page = client.get(dashboard(call)).content.decode()
    assert (
        '<th scope="col" class="position" aria-sort="ascending"><a href="?order=-position">' in page
    )
    assert page.count("aria-sort") == 1 and not re.search(r"<a [^>]*aria-sort", page)
    assert '<th scope="col" class="mean"><a href="?order=mean">' in page
