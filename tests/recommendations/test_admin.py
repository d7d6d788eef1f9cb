"""The secretariat's admin for recommendations: pasting a report's section, previewed before
anything is saved; numbering on add; follow-up recorded with who and when, refused when it
cannot be; and nobody but the secretariat in."""

import pytest
from django.test import Client
from django.urls import reverse

from decisions import demo as decisions_demo
from meetings.models import AgendaItem, Meeting
from recommendations.models import FollowUp, Recommendation

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:recommendations_recommendation_import")


@pytest.fixture
def empty_meeting():
    """The meeting of October 2010, whose report is not issued, without its recommendations."""
    meeting = Meeting.objects.get(slug="wg-2010-10")
    meeting.recommendations.all().delete()
    return meeting


def form(meeting, text, language="en", **extra):
    return {
        "meeting": meeting.pk,
        "language": language,
        "addressee": "states_parties",
        "agenda_item": "",
        "text": text,
        **extra,
    }


def test_the_import_is_previewed_then_saved_on_confirmation(secretariat_client, empty_meeting):
    text = "1. Strengthen identification.\n2. Train officers:\n(a) police;\n(b) judges."
    page = secretariat_client.post(IMPORT, form(empty_meeting, text)).content.decode()
    assert "Nothing is saved until you confirm." in page
    assert "Train officers:<br>(a) police;<br>(b) judges." in page
    assert 'name="post" value="yes"' in page
    assert not empty_meeting.recommendations.exists()
    response = secretariat_client.post(IMPORT, form(empty_meeting, text, post="yes"))
    assert response.status_code == 302
    saved = empty_meeting.recommendations.order_by("number")
    assert [(r.number, r.text_en, r.addressee) for r in saved] == [
        (1, "Strengthen identification.", "states_parties"),
        (2, "Train officers:\n(a) police;\n(b) judges.", "states_parties"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("The Working Group recommended:\n1. One", "Line 1 does not begin the first"),
        ("1. One\n3. Three", "Line 2 begins with “3.” where “2.” comes next"),
        ("", "This field is required."),
        ("1. " + "x" * 100_001, "Ensure this value has at most 100000 characters"),
    ],
)
def test_what_the_import_cannot_read_is_said_and_nothing_saved(
    secretariat_client, empty_meeting, text, message
):
    for extra in ({}, {"post": "yes"}):
        response = secretariat_client.post(IMPORT, form(empty_meeting, text, **extra))
        assert response.status_code == 200
        page = response.content.decode()
        assert message.replace("“", "&quot;").replace("”", "&quot;") in page or message in page
        assert "Nothing is saved until you confirm." not in page
    assert not empty_meeting.recommendations.exists()


def test_the_import_refuses_an_item_of_another_meeting(secretariat_client, empty_meeting):
    item = AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=2, sub_letter="")
    data = form(empty_meeting, "1. One", agenda_item=item.pk, post="yes")
    page = secretariat_client.post(IMPORT, data).content.decode()
    assert "is not on the agenda of" in page
    assert not empty_meeting.recommendations.exists()


def test_a_wrong_language_or_addressee_is_the_fields_error(secretariat_client, empty_meeting):
    data = form(empty_meeting, "1. One", language="de", addressee="everyone", post="yes")
    page = secretariat_client.post(IMPORT, data).content.decode()
    assert page.count("Select a valid choice") == 2
    assert not empty_meeting.recommendations.exists()


def test_only_the_secretariat_imports(client, django_user_model, empty_meeting):
    for username in ("delegate-fr", "president"):
        reader = Client()
        reader.force_login(django_user_model.objects.get(username=username))
        response = reader.post(IMPORT, form(empty_meeting, "1. One", post="yes"))
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get(IMPORT).status_code == 302
    assert not empty_meeting.recommendations.exists()


def test_a_recommendation_added_without_a_number_comes_after_the_last(secretariat_client):
    meeting = Meeting.objects.get(slug="wg-2010-10")
    data = {
        "meeting": meeting.pk,
        "number": "",
        "agenda_item": "",
        "addressee": "secretariat",
        "text_en": "Publish the report.",
        "follow_ups-TOTAL_FORMS": "0",
        "follow_ups-INITIAL_FORMS": "0",
    }
    response = secretariat_client.post(reverse("admin:recommendations_recommendation_add"), data)
    assert response.status_code == 302
    assert meeting.recommendations.get(number=3).text_en == "Publish the report."


def change_data(recommendation, outcome, paragraph=""):
    return {
        "meeting": recommendation.meeting_id,
        "number": recommendation.number,
        "agenda_item": recommendation.agenda_item_id or "",
        "addressee": recommendation.addressee,
        "is_demo": "on",
        **{
            f"text_{code}": getattr(recommendation, f"text_{code}")
            for code in ("ar", "zh_hans", "en", "fr", "ru", "es")
        },
        "follow_ups-TOTAL_FORMS": "1",
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-0-outcome": outcome,
        "follow_ups-0-paragraph": paragraph,
    }


def test_follow_up_is_recorded_from_the_recommendations_page(secretariat_client, secretariat):
    recommendation = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    paragraph = decisions_demo.paragraph("5/2", "a")
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    response = secretariat_client.post(url, change_data(recommendation, "taken_up", paragraph.pk))
    assert response.status_code == 302
    record = recommendation.follow_ups.get()
    assert (record.outcome, record.paragraph, record.recorded_by) == (
        "taken_up",
        paragraph,
        secretariat,
    )


def test_follow_up_that_cannot_be_is_refused_on_the_form(secretariat_client):
    recommendation = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    early = decisions_demo.paragraph("4/4", "n")  # adopted in 2008
    for outcome, paragraph, message in (
        ("taken_up", "", "Name the paragraph"),
        ("taken_up", early.pk, "before the meeting of 19 October 2010"),
        ("taken_up", "99999999999999999999", "Select a valid choice"),
    ):
        response = secretariat_client.post(url, change_data(recommendation, outcome, paragraph))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not FollowUp.objects.filter(recommendation=recommendation).exists()


# Once the meeting's report is issued -----------------------------------------------------

FOLLOW_UP = reverse("admin:recommendations_followup_add")
ISSUED = "its recommendations stand as issued and can no longer be added, changed or removed"


@pytest.fixture
def issued():
    """A recommendation of October 2011, whose report the demo issued."""
    return Recommendation.objects.get(meeting__slug="wg-2011", number=1)


def snapshot(meeting):
    return list(meeting.recommendations.values_list("pk", "number", "text_en", "addressee"))


def test_a_recommendation_of_an_issued_report_is_read_only(secretariat_client, issued):
    before = snapshot(issued.meeting)
    change = reverse("admin:recommendations_recommendation_change", args=[issued.pk])
    page = secretariat_client.get(change).content.decode()
    assert 'name="text_en"' not in page and 'name="_save"' not in page  # shown, not a form
    assert f"{FOLLOW_UP}?recommendation={issued.pk}" in page  # follow-up goes on
    data = {**change_data(issued, "noted"), "text_en": "Rewritten after the issue."}
    assert secretariat_client.post(change, data).status_code == 403
    delete = reverse("admin:recommendations_recommendation_delete", args=[issued.pk])
    assert secretariat_client.get(delete).status_code == 403
    assert secretariat_client.post(delete, {"post": "yes"}).status_code == 403
    # Nor through the list's action, with a draft's recommendation beside it.
    draft = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    changelist = reverse("admin:recommendations_recommendation_changelist")
    action = {"action": "delete_selected", "_selected_action": [issued.pk, draft.pk]}
    assert secretariat_client.post(changelist, {**action, "post": "yes"}).status_code == 403
    assert snapshot(issued.meeting) == before
    assert Recommendation.objects.filter(pk=draft.pk).exists()
    assert not issued.follow_ups.exists()


def test_a_draft_recommendation_is_still_changed(secretariat_client):
    draft = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    change = reverse("admin:recommendations_recommendation_change", args=[draft.pk])
    data = {**change_data(draft, ""), "text_en": "Changed before the issue."}
    data["follow_ups-TOTAL_FORMS"] = "0"
    assert secretariat_client.post(change, data).status_code == 302
    assert Recommendation.objects.get(pk=draft.pk).text_en == "Changed before the issue."


def test_no_recommendation_is_added_to_or_moved_into_a_meeting_whose_report_is_issued(
    secretariat_client, issued
):
    meeting = issued.meeting
    before = snapshot(meeting)
    add = reverse("admin:recommendations_recommendation_add")
    data = {
        "meeting": meeting.pk,
        "number": "",
        "agenda_item": "",
        "addressee": "secretariat",
        "text_en": "Added after the issue.",
        "follow_ups-TOTAL_FORMS": "0",
        "follow_ups-INITIAL_FORMS": "0",
    }
    response = secretariat_client.post(add, data)
    assert response.status_code == 200 and ISSUED in response.content.decode()
    draft = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    change = reverse("admin:recommendations_recommendation_change", args=[draft.pk])
    moved = {**change_data(draft, ""), "meeting": meeting.pk, "number": 9}
    moved["follow_ups-TOTAL_FORMS"] = "0"
    response = secretariat_client.post(change, moved)
    assert response.status_code == 200 and ISSUED in response.content.decode()
    assert snapshot(meeting) == before


def test_the_import_into_a_meeting_whose_report_is_issued_is_refused_with_why(
    secretariat_client, issued
):
    meeting = issued.meeting
    before = snapshot(meeting)
    text = "1. One.\n2. Two."
    for extra in ({}, {"post": "yes"}):
        response = secretariat_client.post(IMPORT, form(meeting, text, language="fr", **extra))
        assert response.status_code == 200
        page = response.content.decode()
        assert ISSUED in page and "CTOC/COP/WG.4/2011/8" in page and "corrigendum" in page
        assert "Nothing is saved until you confirm." not in page
    assert snapshot(meeting) == before


def test_follow_up_of_an_issued_reports_recommendation_is_recorded(
    secretariat_client, secretariat, issued
):
    page = secretariat_client.get(FOLLOW_UP, {"recommendation": issued.pk}).content.decode()
    assert f'value="{issued.pk}" selected' in page
    data = {"recommendation": issued.pk, "outcome": "noted", "paragraph": ""}
    response = secretariat_client.post(FOLLOW_UP, data)
    assert response.status_code == 302
    record = issued.follow_ups.get()
    assert (record.outcome, record.recorded_by) == ("noted", secretariat)
    # Refused as the use case refuses it, and nothing recorded.
    early = decisions_demo.paragraph("5/2", "a")  # the fifth session came before 2011
    for outcome, paragraph, message in (
        ("taken_up", "", "Name the paragraph"),
        ("taken_up", early.pk, "before the meeting of 10-12 October 2011"),
        ("pending", early.pk, "leave the paragraph empty"),
    ):
        data = {"recommendation": issued.pk, "outcome": outcome, "paragraph": paragraph}
        response = secretariat_client.post(FOLLOW_UP, data)
        assert response.status_code == 200 and message in response.content.decode()
    assert issued.follow_ups.count() == 1
    # A record is read, never edited.
    change = reverse("admin:recommendations_followup_change", args=[record.pk])
    assert secretariat_client.post(change, {**data, "outcome": "pending"}).status_code == 403


def test_only_the_secretariat_records_follow_up(client, django_user_model, issued):
    data = {"recommendation": issued.pk, "outcome": "noted", "paragraph": ""}
    for username in ("delegate-fr", "president"):
        reader = Client()
        reader.force_login(django_user_model.objects.get(username=username))
        response = reader.post(FOLLOW_UP, data)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert not issued.follow_ups.exists()


def test_a_new_recommendation_without_its_meeting_and_with_follow_up_is_refused(
    secretariat_client,
):
    data = {
        **change_data(Recommendation.objects.first(), "noted"),
        "meeting": "",
        "number": "",
    }
    response = secretariat_client.post(reverse("admin:recommendations_recommendation_add"), data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
