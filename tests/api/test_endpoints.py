"""What each operation answers for the demo data: bodies, decisions with their paragraphs,
meetings with their calendars, documents, issued agendas; filters and their refusals."""

import pytest

from meetings.models import Meeting

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def results(api, path):
    response = api(path)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_bodies_name_their_mandate(api):
    bodies = {b["slug"]: b for b in results(api, f"{V1}/bodies?lang=en")}
    group = bodies["working-group-trafficking"]
    assert group["parent"] == "cop"
    assert group["established_by"]["citation"] == "decision 4/4, paragraph (n)"
    assert [f["labels"] for f in group["functions"]] == [
        ["o", "i"],
        ["o", "ii"],
        ["o", "iii"],
        ["o", "iv"],
    ]
    assert group["calendar"].endswith("/en/bodies/working-group-trafficking/calendar.ics")
    assert api(group["url"].removeprefix("http://testserver")).json() == group


def test_meetings_list_earliest_first_with_their_calendars(api):
    meetings = results(api, f"{V1}/meetings")
    assert [m["slug"] for m in meetings][:3] == ["cop-4", "wg-2009", "bureau-2009"]
    first = meetings[1]
    assert first["start_date"] == "2009-04-14" and first["end_date"] == "2009-04-15"
    assert first["time_zone"] == "Europe/Vienna"
    assert [r["decision"] + " " + "".join(r["labels"]) for r in first["mandated_by"]] == [
        "4/4 n",
        "4/4 p",
    ]
    assert first["agenda"] == "http://testserver/api/v1/agendas/wg-2009"
    ics = api(first["calendar"].removeprefix("http://testserver"))
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content
    # A meeting whose agenda is not issued has none in the API.
    assert {m["slug"]: m["agenda"] for m in meetings}["wg-2010-01"] is None


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("body=cop-bureau", ["bureau-2009", "bureau-2009-09"]),
        (
            "date_from=2010-01-28&date_to=2011-12-31",
            ["wg-2010-01", "cop-5", "wg-2010-10", "wg-2011"],
        ),
        ("date_from=2009-04-15&date_to=2009-04-16", ["wg-2009", "bureau-2009"]),
        ("body=nowhere", []),
    ],
)
def test_meetings_filter_by_body_and_dates(api, query, slugs):
    assert [m["slug"] for m in results(api, f"{V1}/meetings?{query}")] == slugs


def test_a_meeting_and_an_unknown_one(api):
    assert api(f"{V1}/meetings/wg-2011").json()["title"]
    response = api(f"{V1}/meetings/nowhere")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_decision_with_its_paragraphs_nested(api):
    decision = api(f"{V1}/decisions/4/4?lang=en").json()
    assert decision["number"] == "4/4" and decision["kind"] == "decision"
    assert decision["session_held"]["number"] == 4
    top = decision["paragraphs"]
    assert len(top) + sum(len(p["subparagraphs"]) for p in top) == 24
    o = next(p for p in top if p["labels"] == ["o"])
    assert o["label"] == "(o)"
    assert [s["labels"] for s in o["subparagraphs"]][0] == ["o", "i"]
    assert o["subparagraphs"][0]["citation"] == "decision 4/4, paragraph (o) (i)"
    assert o["subparagraphs"][0]["text"]


def test_decisions_list_and_filter(api):
    assert [d["number"] for d in results(api, f"{V1}/decisions?session=4")] == ["4/4"]
    assert results(api, f"{V1}/decisions?session=9") == []
    assert api(f"{V1}/decisions/4/9").status_code == 404
    assert api(f"{V1}/decisions/99999/1").status_code == 404


def test_documents_by_symbol_meeting_and_date(api):
    symbols = [d["symbol"] for d in results(api, f"{V1}/documents?symbol=CTOC/COP/WG.4/&limit=100")]
    assert "CTOC/COP/WG.4/2009/1" in symbols
    agenda = api(f"{V1}/documents/CTOC/COP/WG.4/2009/1").json()
    assert agenda["issue_date"] == "2009-03-05"
    assert agenda["languages"] == ["ar", "zh-hans", "en", "fr", "ru", "es"]
    assert agenda["meeting"] == "wg-2009"
    assert agenda["category"] == "agenda"
    files = [v["file"].removeprefix("http://testserver") for v in agenda["versions"]]
    assert [v["language"] for v in agenda["versions"]] == agenda["languages"]
    assert files[0] == "/ar/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-A.pdf"
    assert all(v["format"] == "pdf" and v["pages"] and v["size"] for v in agenda["versions"])
    download = api(files[2])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    issued = results(api, f"{V1}/documents?date_from=2009-03-01&date_to=2009-03-31")
    assert [d["symbol"] for d in issued] == ["CTOC/COP/WG.4/2009/1"]


def test_documents_of_a_meeting_are_those_its_page_lists(api, client):
    from meetings import selectors

    for meeting in Meeting.objects.all():
        listed = sorted(d.symbol for d in selectors.meeting_documents(meeting))
        found = [
            d["symbol"] for d in results(api, f"{V1}/documents?meeting={meeting.slug}&limit=100")
        ]
        assert found == listed, meeting.slug


def test_issued_agenda_with_items_annotations_and_documentation(api):
    agenda = api(f"{V1}/agendas/wg-2009?lang=en").json()
    assert agenda["symbol"] == "CTOC/COP/WG.4/2009/1"
    items = {f"{i['number']}{i['sub_letter']}": i for i in agenda["items"]}
    assert items["2"]["documentation"][0] == "CTOC/COP/WG.4/2009/CRP.1"
    assert items["2"]["annotation"]
    assert agenda["pdf"].endswith("/en/meetings/wg-2009/agenda.pdf")
    assert [a["meeting"] for a in results(api, f"{V1}/agendas")] == ["wg-2009"]


@pytest.mark.parametrize(
    "path",
    [
        f"{V1}/meetings?date_from=2009-02-30",
        f"{V1}/meetings?date_to=yesterday",
        f"{V1}/decisions?session=0",
        f"{V1}/documents?limit=0",
        f"{V1}/documents?limit=101",
        f"{V1}/agendas?date_from=",
    ],
)
def test_bad_filters_are_refused_with_400(api, path):
    response = api(path)
    assert response.status_code == 400, response.content
    problem = response.json()["detail"][0]
    assert problem["parameter"] and problem["error"]


def test_recommendations_with_their_follow_up(api, secretariat):
    from decisions.models import Paragraph
    from recommendations.models import Recommendation, TransmittalNote

    # The demo's note of 2012 transmits the recommendations of October 2011.
    note = TransmittalNote.objects.get(document__symbol="CTOC/COP/2012/6")
    assert list(note.meetings.values_list("slug", flat=True)) == ["wg-2011"]
    Recommendation.objects.get(meeting__slug="wg-2011", number=1).follow_ups.create(
        outcome="taken_up",
        paragraph=Paragraph.objects.get(decision__index=2, decision__session__number=5, label="a"),
        recorded_by=secretariat,
        recorded_at="2012-10-19T12:00:00Z",
    )
    listed = results(api, f"{V1}/recommendations?limit=100&body=working-group-trafficking")
    assert listed and {r["meeting"] for r in listed} <= {"wg-2009", "wg-2010-01", "wg-2011"}
    followed = [r for r in listed if r["follow_up"]["outcome"] != "pending"]
    assert {r["follow_up"]["outcome"] for r in followed} == {"noted", "taken_up"}
    taken = next(r for r in followed if (r["meeting"], r["number"]) == ("wg-2011", 1))
    assert taken["follow_up"]["paragraph"]["citation"] == "resolution 5/2, paragraph (a)"
    assert taken["follow_up"]["recorded_on"] == "2012-10-19"
    transmitted = {r["meeting"]: r["transmitted_by"] for r in listed}
    assert transmitted["wg-2011"] == [{"symbol": "CTOC/COP/2012/6", "session": "cop-6"}]
    assert transmitted["wg-2009"] == []
    one = api(taken["url"].removeprefix("http://testserver")).json()
    assert one == taken
    assert results(api, f"{V1}/recommendations?meeting=wg-2011&date_to=2010-12-31") == []
    assert results(api, f"{V1}/recommendations?body=cop") == []
    assert api(f"{V1}/recommendations/wg-2009/999").status_code == 404
