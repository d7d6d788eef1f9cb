"""iCalendar export of meetings, so that delegations can add them to their calendars."""

import datetime

from icalendar import Calendar, Event


def meetings_calendar(meetings, name, absolute_url):
    calendar = Calendar()
    calendar.add("prodid", "-//wgportal//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.slug}@wgportal")
        event.add("summary", meeting.title)
        event.add("location", meeting.venue)
        event.add("description", meeting.body.name)
        # All-day events: DTEND is the day after the last day.
        event.add("dtstart", meeting.start_date)
        event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
        event.add("dtstamp", datetime.datetime.now(datetime.UTC))
        event.add("url", absolute_url(meeting.get_absolute_url()))
        calendar.add_component(event)
    return calendar.to_ical()
