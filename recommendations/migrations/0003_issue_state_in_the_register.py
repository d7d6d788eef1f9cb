"""A report's and a note's issue is their document's: ``Report.issued_at`` and
``TransmittalNote.issued_at`` go, the register's ``Document.issued_at`` and ``released_at``
stay the one record of it.

Issuing has always set both, so on every row issued through the portal the document holds the
moment already and nothing is copied. A row issued before the register rendered reports and
notes (the record dated, its document not) gets its document issued as of the record's moment,
as a kind the portal renders: the register's scan then renders its versions and releases it,
and its recommendations are public from then, as any issued today. Going back copies the
document's moment onto the record."""

import zoneinfo

from django.conf import settings
from django.db import migrations

# The kinds recommendations.documents registers; a migration does not import the app's code.
REPORT_KIND = "report"
NOTE_KIND = "note"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _issue_document(document, issued_at, kind, zone):
    document.issued_at = issued_at
    document.rendered_kind = document.rendered_kind or kind
    document.languages = document.languages or LANGUAGES
    document.issue_date = document.issue_date or issued_at.astimezone(zone).date()
    document.save(update_fields=["issued_at", "rendered_kind", "languages", "issue_date"])


def to_the_register(apps, schema_editor):
    Report = apps.get_model("recommendations", "Report")
    TransmittalNote = apps.get_model("recommendations", "TransmittalNote")
    reports = Report.objects.filter(issued_at__isnull=False, document__issued_at__isnull=True)
    for report in reports.select_related("document", "meeting"):
        zone = zoneinfo.ZoneInfo(report.meeting.time_zone)
        _issue_document(report.document, report.issued_at, REPORT_KIND, zone)
    notes = TransmittalNote.objects.filter(
        issued_at__isnull=False, document__issued_at__isnull=True
    )
    for note in notes.select_related("document", "session"):
        zone = zoneinfo.ZoneInfo(note.session.time_zone)
        _issue_document(note.document, note.issued_at, NOTE_KIND, zone)


def from_the_register(apps, schema_editor):
    for name in ("Report", "TransmittalNote"):
        model = apps.get_model("recommendations", name)
        for record in model.objects.filter(document__issued_at__isnull=False).select_related(
            "document"
        ):
            record.issued_at = record.document.issued_at
            record.save(update_fields=["issued_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_document_register"),
        ("recommendations", "0002_note_recitals_and_issue"),
    ]

    operations = [
        migrations.RunPython(to_the_register, from_the_register),
        migrations.RemoveField(model_name="historicalreport", name="issued_at"),
        migrations.RemoveField(model_name="historicaltransmittalnote", name="issued_at"),
        migrations.RemoveField(model_name="report", name="issued_at"),
        migrations.RemoveField(model_name="transmittalnote", name="issued_at"),
    ]
