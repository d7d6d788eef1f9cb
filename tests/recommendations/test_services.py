"""The use cases: numbering, adding, importing a report's section, and recording follow-up,
with their refusals."""

import datetime
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.utils import translation

from decisions import demo as decisions_demo
from meetings.models import AgendaItem, Document, Meeting
from recommendations import services
from recommendations.models import FollowUp, Recommendation

pytestmark = pytest.mark.django_db

STATES = Recommendation.Addressee.STATES_PARTIES


@pytest.fixture
def meeting():
    return Meeting.objects.get(slug="wg-2010-10")


def not_issued(slug):
    """A meeting of the demo whose report is taken back to a draft, as before its issue."""
    Document.objects.filter(report__meeting__slug=slug).update(issued_at=None, released_at=None)
    return Meeting.objects.get(slug=slug)


def test_added_recommendations_are_numbered_after_the_last(meeting):
    first = services.add_recommendation(meeting, texts={"fr": "Première."}, addressee=STATES)
    second = services.add_recommendation(
        meeting, texts={"en": "Second.", "ar": "الثانية."}, addressee=STATES
    )
    assert (first.number, second.number) == (3, 4)  # the demo holds 1 and 2
    assert (first.text_fr, second.text_ar) == ("Première.", "الثانية.")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"texts": {"en": "  "}}, "at least one language"),
        ({"texts": {"de": "Text"}}, "Choose one of the six languages"),
        ({"texts": {"en": "Text"}, "addressee": "everyone"}, "Say to whom"),
    ],
)
def test_adding_refuses_what_cannot_be_a_recommendation(meeting, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        services.add_recommendation(meeting, **{"addressee": STATES, **kwargs})
    assert meeting.recommendations.count() == 2


def test_the_agenda_item_must_be_of_the_meetings_agenda():
    meeting = not_issued("wg-2010-01")
    other = AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=2, sub_letter="")
    with pytest.raises(ValidationError, match="not on the agenda of"):
        services.add_recommendation(
            meeting, texts={"en": "Text"}, addressee=STATES, agenda_item=other
        )
    recommendation = meeting.recommendations.first()
    recommendation.agenda_item = other
    with pytest.raises(ValidationError) as refused:
        recommendation.full_clean()
    assert "agenda_item" in refused.value.message_dict


def test_the_database_holds_one_number_per_meeting(meeting):
    with pytest.raises(IntegrityError):
        Recommendation.objects.create(meeting=meeting, number=1, text="x", addressee=STATES)


@pytest.mark.django_db(transaction=True)
def test_two_adding_at_once_get_two_numbers(committed_demo):
    """The meeting's row is locked while the number is chosen (PostgreSQL; SQLite writes one
    at a time anyway)."""
    meeting = Meeting.objects.get(slug="wg-2010-10")
    errors = []

    def add():
        try:
            services.add_recommendation(meeting, texts={"en": "At once."}, addressee=STATES)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=add) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if connection.vendor == "sqlite" and errors:
        pytest.skip("SQLite refused a concurrent write: the lock is PostgreSQL's")
    assert not errors
    assert sorted(meeting.recommendations.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_importing_creates_numbered_recommendations_then_fills_another_language():
    meeting = not_issued("wg-2009")
    meeting.recommendations.all().delete()
    item = AgendaItem.objects.get(agenda__meeting=meeting, number=3, sub_letter="")
    created = services.import_recommendations(
        meeting,
        language="en",
        text="1. Cooperate.\n2. Coordinate:\n(a) nationally;\n(b) regionally.",
        addressee=STATES,
        agenda_item=item,
    )
    assert [(r.number, r.text_en, r.agenda_item) for r in created] == [
        (1, "Cooperate.", item),
        (2, "Coordinate:\n(a) nationally;\n(b) regionally.", item),
    ]
    services.import_recommendations(
        meeting, language="fr", text="1. Coopérer.\n2. Coordonner.", addressee=STATES
    )
    texts = meeting.recommendations.order_by("number").values_list("text_en", "text_fr")
    assert list(texts) == [
        ("Cooperate.", "Coopérer."),
        ("Coordinate:\n(a) nationally;\n(b) regionally.", "Coordonner."),
    ]


def test_importing_a_different_count_into_a_meeting_with_recommendations_changes_nothing():
    meeting = not_issued("wg-2009")
    before = list(meeting.recommendations.values_list("number", "text_fr"))
    with pytest.raises(ValidationError, match="already has 3 recommendations and the text holds 2"):
        services.import_recommendations(
            meeting, language="fr", text="1. Un.\n2. Deux.", addressee=STATES
        )
    assert list(meeting.recommendations.values_list("number", "text_fr")) == before


def test_importing_refuses_an_unreadable_text_and_saves_nothing():
    meeting = Meeting.objects.get(slug="wg-2010-10")
    meeting.recommendations.all().delete()
    with pytest.raises(ValidationError, match="Line 2 begins with “3.”"):
        services.import_recommendations(
            meeting, language="en", text="1. One\n3. Three", addressee=STATES
        )
    assert not meeting.recommendations.exists()


# Once the report is issued ------------------------------------------------------------------

ISSUED = "its recommendations stand as issued and can no longer be added, changed or removed"


@pytest.mark.parametrize("slug", ["wg-2009", "wg-2011"])
def test_a_meeting_whose_report_is_issued_takes_no_recommendation_and_no_import(slug):
    """Issued, whether public yet or not: the versions being rendered print what is there."""
    meeting = Meeting.objects.get(slug=slug)
    if slug == "wg-2011":  # issued, its versions not all stored: not public, frozen all the same
        Document.objects.filter(report__meeting=meeting).update(released_at=None)
    before = list(meeting.recommendations.values_list("number", "text_en", "text_fr"))
    symbol = meeting.report.document.symbol
    with pytest.raises(ValidationError, match=ISSUED) as refused:
        services.add_recommendation(meeting, texts={"en": "Late."}, addressee=STATES)
    assert symbol in refused.value.messages[0] and "corrigendum" in refused.value.messages[0]
    text = "\n".join(f"{n}. Changed." for n, _en, _fr in before)
    for call in (services.import_recommendations, services.preview_import):
        extra = {"addressee": STATES} if call is services.import_recommendations else {}
        with pytest.raises(ValidationError, match=ISSUED):
            call(meeting, language="fr", text=text, **extra)
    assert list(meeting.recommendations.values_list("number", "text_en", "text_fr")) == before


def test_the_refusal_is_said_in_the_readers_language():
    meeting = Meeting.objects.get(slug="wg-2011")
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.add_recommendation(meeting, texts={"en": "Late."}, addressee=STATES)
    assert "publiez un rectificatif" in refused.value.messages[0]


def test_follow_up_of_an_issued_reports_recommendation_is_recorded(secretariat):
    recommendation = Recommendation.objects.get(meeting__slug="wg-2011", number=1)
    record = services.record_follow_up(
        recommendation, outcome=FollowUp.Outcome.NOTED, user=secretariat
    )
    assert recommendation.follow_ups.latest() == record


# Follow-up ---------------------------------------------------------------------------------


@pytest.fixture
def recommendation():
    return Recommendation.objects.get(meeting__slug="wg-2011", number=1)


def test_follow_up_is_recorded_with_who_and_when(recommendation, secretariat):
    paragraph = decisions_demo.paragraph("5/2", "a")
    recommendation = Recommendation.objects.get(meeting__slug="wg-2010-10", number=1)
    record = services.record_follow_up(
        recommendation, outcome=FollowUp.Outcome.TAKEN_UP, paragraph=paragraph, user=secretariat
    )
    assert (record.recorded_by, record.paragraph) == (secretariat, paragraph)
    assert record.paragraph.citation() == "resolution 5/2, paragraph (a)"
    later = services.record_follow_up(
        recommendation, outcome=FollowUp.Outcome.NOTED, user=secretariat
    )
    assert recommendation.follow_ups.latest() == later
    assert recommendation.follow_ups.count() == 2  # the earlier record stays


@pytest.mark.parametrize(
    ("outcome", "paragraph", "message"),
    [
        ("taken_up", None, "Name the paragraph"),
        ("pending", ("5/2", "a"), "leave the paragraph empty"),
        ("adopted", None, "Choose what became of the recommendation"),
        # Decision 4/4 was adopted in 2008, before any meeting of the Working Group.
        (
            "taken_up",
            ("4/4", "n"),
            "Decision 4/4, paragraph (n) was adopted at the session of 8-17 October 2008, "
            "before the meeting of 10-12 October 2011 adopted this recommendation",
        ),
    ],
)
def test_follow_up_refuses_what_cannot_be(recommendation, secretariat, outcome, paragraph, message):
    paragraph = decisions_demo.paragraph(*paragraph) if paragraph else None
    with pytest.raises(ValidationError, match=re.escape(message)):
        services.record_follow_up(
            recommendation, outcome=outcome, paragraph=paragraph, user=secretariat
        )
    assert not recommendation.follow_ups.exists()


def test_a_resolution_of_the_session_ending_after_a_meeting_held_during_it_may_take_it_up(
    secretariat,
):
    """The meeting of 19 October 2010 was held during the fifth session (18-22 October 2010),
    whose resolution 5/2 may act on it; 2011's recommendations came after it."""
    during = Recommendation.objects.get(meeting__slug="wg-2010-10", number=2)
    paragraph = decisions_demo.paragraph("5/2", "a")
    services.record_follow_up(
        during, outcome=FollowUp.Outcome.TAKEN_UP, paragraph=paragraph, user=secretariat
    )
    after = Recommendation.objects.get(meeting__slug="wg-2011", number=2)
    with pytest.raises(ValidationError, match="before the meeting of 10-12 October 2011"):
        services.record_follow_up(
            after, outcome=FollowUp.Outcome.TAKEN_UP, paragraph=paragraph, user=secretariat
        )


def test_the_database_refuses_taken_up_without_a_paragraph(recommendation, secretariat):
    with pytest.raises(IntegrityError):
        FollowUp.objects.create(
            recommendation=recommendation,
            outcome="taken_up",
            recorded_by=secretariat,
            recorded_at=datetime.datetime(2012, 10, 19, tzinfo=datetime.UTC),
        )
