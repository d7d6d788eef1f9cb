import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_meeting_calendar(client):
    response = client.get("/fr/meetings/wg-2010-01/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["SUMMARY"].startswith("Deuxième réunion intersessions")
    assert event["LOCATION"] == "Vienne"
    assert event.decoded("DTSTART").isoformat() == "2010-01-27"
    # All-day events end on the day after the last day.
    assert event.decoded("DTEND").isoformat() == "2010-01-30"
    assert event["URL"] == "http://testserver/fr/meetings/wg-2010-01/"


def test_body_calendar_has_all_its_meetings(client):
    response = client.get("/en/bodies/working-group-trafficking/calendar.ics")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == [
        "meeting-wg-2009@wgportal",
        "meeting-wg-2010-01@wgportal",
        "meeting-wg-2010-10@wgportal",
        "meeting-wg-2011@wgportal",
    ]
