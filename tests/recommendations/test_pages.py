"""The public pages: the body's page lists the recommendations by meeting, and the follow-up
page shows each with its meeting, transmission and follow-up, filtered by a form that works
without JavaScript, exported as CSV, in six languages, in a fixed number of queries. The public
reads recommendations once their meeting's report is issued; the secretariat reads all."""

import csv
import io

import pytest
from django.test import Client

from meetings.models import Document
from recommendations.models import Recommendation
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

BODY = "/{language}/bodies/working-group-trafficking/"
PAGE = BODY + "recommendations/"


def html(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_body_page_lists_recommendations_by_meeting_marked_as_demo_text(client):
    page = html(client, BODY.format(language="en"))
    assert "Adopted at the meeting of 14 and 15 April 2009" in page
    assert "Adopted at the meeting of 27-29 January 2010" in page
    assert "Adopted at the meeting of 10-12 October 2011" in page
    assert page.index("April 2009") < page.index("January 2010") < page.index("October 2011")
    assert "States parties should consider establishing national coordinating bodies" in page
    assert page.count('<span class="demo">Demo text</span>') == 9
    assert 'href="/en/bodies/working-group-trafficking/recommendations/"' in page


def test_recommendations_of_a_meeting_whose_report_is_not_issued_are_the_secretariats(
    client, secretariat, django_user_model
):
    """October 2010's meeting has no report issued in the demo: its recommendations are a
    draft, which neither the public nor a delegate or the Bureau reads."""
    draft = "cooperation with civil society organizations"
    readers = {name: Client() for name in ("public", "delegate-fr", "president", "secretariat")}
    for name, reader in readers.items():
        if name != "public":
            reader.force_login(django_user_model.objects.get(username=name))
    for address in (BODY, PAGE):
        for name, reader in readers.items():
            seen = draft in html(reader, address.format(language="en"))
            assert seen == (name == "secretariat"), (name, address)
    assert draft not in html(readers["public"], PAGE.format(language="en"), format="csv")
    assert draft in html(readers["secretariat"], PAGE.format(language="en"), format="csv")


def test_a_body_without_recommendations_shows_no_section(client):
    page = html(client, "/en/bodies/cop-bureau/")
    assert "recommendations-title" not in page


def test_the_follow_up_page_shows_meeting_transmission_and_follow_up(client):
    page = html(client, PAGE.format(language="en"))
    assert "Recommendations and their follow-up" in page
    assert "11 recommendations" not in page and "9 recommendations" in page
    # Taken up by a real paragraph, linked to it.
    assert 'href="/en/decisions/5/2/#para-a">resolution 5/2, paragraph (a)</a>' in page
    assert "Recorded on 22 October 2010" in page
    assert "taken up" in page and "noted" in page and "pending" in page


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"meeting": "wg-2010-01"}, 4),
        ({"addressee": "conference"}, 3),
        ({"outcome": "noted"}, 2),
        ({"outcome": "taken_up"}, 1),
        ({"outcome": "pending"}, 6),
        ({"meeting": "wg-2009", "outcome": "pending"}, 2),
    ],
)
def test_the_filters_narrow_the_table(client, params, count):
    page = html(client, PAGE.format(language="en"), **params)
    assert f"{count} recommendation" in page
    assert page.count('<td class="number">') == count


@pytest.mark.parametrize(
    "params",
    [
        {"meeting": "wg-2010-10"},  # a draft's meeting is no choice for the public
        {"meeting": "<script>"},
        {"addressee": "x" * 5000},
        {"outcome": "'; DROP TABLE"},
    ],
)
def test_a_wrong_filter_is_said_and_left_off(client, params):
    page = html(client, PAGE.format(language="en"), **params)
    assert "Select a valid choice" in page
    assert "9 recommendations" in page


def test_an_unknown_body_is_not_found(client):
    assert client.get("/en/bodies/nowhere/recommendations/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_in_each_language(client, language):
    page = html(client, PAGE.format(language=language))
    recommendation = Recommendation.objects.get(meeting__slug="wg-2009", number=1)
    text = getattr(recommendation, f"text_{language.replace('-', '_')}")
    assert text.replace("'", "&#x27;") in page
    assert f'lang="{language}"' in page


def test_arabic_isolates_numbers_and_symbols(client):
    page = html(client, PAGE.format(language="ar"))
    assert 'dir="rtl"' in page
    assert '<td class="number">\u20661\u2069</td>' in page


def test_the_csv_export_follows_the_filters_and_neutralises_formulas(client):
    recommendation = Recommendation.objects.get(meeting__slug="wg-2011", number=1)
    recommendation.text_en = '=HYPERLINK("http://evil")'
    recommendation.save()
    response = client.get(PAGE.format(language="en"), {"meeting": "wg-2011", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "working-group-trafficking-recommendations.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Meeting", "Dates", "Number", "Recommendation"]
    assert [row[2] for row in rows[1:]] == ["1", "2"]
    assert rows[1][3] == '\'=HYPERLINK("http://evil")'
    assert rows[1][1] == "10-12 October 2011" and rows[1][-1] == "yes"


def test_the_csv_export_in_french(client):
    response = client.get(PAGE.format(language="fr"), {"outcome": "taken_up", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][1] == "27-29 janvier 2010"
    assert rows[1][8] == "résolution 5/2, alinéa a)"


def test_the_follow_up_page_queries_are_fixed(client, django_assert_num_queries):
    with django_assert_num_queries(5):
        client.get(PAGE.format(language="en"), {"outcome": "pending"})


def test_the_body_page_adds_one_query_for_its_recommendations(client, django_assert_num_queries):
    with django_assert_num_queries(7):  # six for the body, its mandate and meetings
        client.get(BODY.format(language="en"))


def test_the_permission_and_the_selector_say_the_same(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from recommendations.selectors import visible_to

    names = ["delegate-fr", "president", "secretariat"]
    readers = {"public": AnonymousUser()}
    readers |= {name: django_user_model.objects.get(username=name) for name in names}
    seen = {}
    for name, reader in readers.items():
        seen[name] = set(visible_to(reader))
        for recommendation in Recommendation.objects.select_related("meeting__report"):
            allowed = reader.has_perm("recommendations.view_recommendation", recommendation)
            assert allowed == (recommendation in seen[name]), (name, recommendation)
    assert {name: len(visible) for name, visible in seen.items()} == {
        "public": 9,
        "delegate-fr": 9,
        "president": 9,
        "secretariat": 11,
    }


def test_the_secretariat_is_told_which_recommendations_are_drafts(secretariat_client):
    body = html(secretariat_client, BODY.format(language="fr"))
    assert body.count("Projet : publié lorsque le rapport de la réunion paraît.") == 1
    page = html(secretariat_client, PAGE.format(language="en"))
    assert page.count("Draft, not published") == 2  # the two of October 2010


def test_a_note_not_issued_is_shown_to_the_secretariat_only(client, secretariat):
    from recommendations.models import TransmittalNote

    note = TransmittalNote.objects.get(document__symbol="CTOC/COP/2012/6")
    assert "CTOC/COP/2012/6" in html(client, PAGE.format(language="en"), meeting="wg-2011")
    Document.objects.filter(pk=note.document_id).update(released_at=None)  # issued, not public
    assert "CTOC/COP/2012/6" not in html(client, PAGE.format(language="en"), meeting="wg-2011")
    reader = Client()
    reader.force_login(secretariat)
    assert "CTOC/COP/2012/6" in html(reader, PAGE.format(language="en"), meeting="wg-2011")
