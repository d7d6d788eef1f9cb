"""Demo data: the reports of the Working Group's meetings of 2009, 2010 and 2011,
and the note by the Secretariat transmitting the recommendations of October 2011 to the sixth
session of the Conference, as the source note of 2012 has it."""

import datetime

from decisions.models import Decision
from meetings import register
from meetings.models import AgendaItem, Body, Document, Meeting
from wgportal.demo import translations

from .documents import NOTE_KIND, REPORT_KIND
from .models import Report, TransmittalNote

REPORTS = {
    "wg-2009": "CTOC/COP/WG.4/2009/2",
    "wg-2010-01": "CTOC/COP/WG.4/2010/6",
    "wg-2011": "CTOC/COP/WG.4/2011/8",
}
NOTE = "CTOC/COP/2012/6"
# The note: the body, the session, the item it is issued under, the meetings it transmits,
# the mandates it recalls.
NOTE_RECORDS = ("working-group-trafficking", "cop-6", (2, "b"), ["wg-2011"], ["4/4", "5/2"])


def load():
    reports = [load_report(slug, symbol) for slug, symbol in REPORTS.items()]
    note = load_note()
    for record, kind in [*((report, REPORT_KIND) for report in reports), (note, NOTE_KIND)]:
        load_versions(record, kind)
    return reports, note


def load_versions(record, kind):
    """An issued report or note in the register as the portal renders it, each language
    rendered once (loading again renders nothing); the last one stored releases it."""
    document = record.document
    if document.issued_at is None:
        return
    if not document.rendered_kind:
        document.rendered_kind = kind
        document.save(update_fields=["rendered_kind"])
    for language in document.languages:
        register.render_version(document, language)


def load_report(slug, symbol):
    sections = {
        field: value
        for name in ("summary", "organization", "adoption")
        for field, value in translations(name, "reports", "sections", name).items()
    }
    report, _ = Report.objects.update_or_create(
        meeting=Meeting.objects.get(slug=slug),
        defaults={"document": Document.objects.get(symbol=symbol), **sections},
    )
    document = report.document
    if document.issued_at and document.issue_date is None:  # The masthead's date.
        document.issue_date = document.issued_at.astimezone(report.meeting.zone).date()
        document.save(update_fields=["issue_date"])
    return report


def load_note():
    body, session, (number, letter), meetings, mandates = NOTE_RECORDS
    note, _ = TransmittalNote.objects.update_or_create(
        document=Document.objects.get(symbol=NOTE),
        defaults={
            "body": Body.objects.get(slug=body),
            "session": Meeting.objects.get(slug=session),
            "agenda_item": AgendaItem.objects.get(
                agenda__meeting__slug=session, number=number, sub_letter=letter
            ),
            **translations("recitals", "notes", NOTE, "recitals"),
        },
    )
    document = note.document
    if document.issued_at is None:  # Issued on the source's date, at noon in Vienna.
        document.issued_at = datetime.datetime.combine(
            document.issue_date, datetime.time(12), note.session.zone
        )
        document.rendered_kind = NOTE_KIND
        document.save(update_fields=["issued_at", "rendered_kind"])
    note.meetings.set(Meeting.objects.filter(slug__in=meetings))
    note.mandates.set(
        Decision.objects.get(session__number=int(s), index=int(i))
        for s, i in (number.split("/") for number in mandates)
    )
    return note
