from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetings import selectors as meeting_selectors
from meetings.views import issued_version
from wgportal import style
from wgportal.http import found_or_404, pdf_response
from wgportal.spreadsheet import Writer

from . import documents, selectors
from .forms import FollowUpFilter


def body_section(request, body):
    """The recommendations adopted at the body's meetings, for the body's page."""
    groups = selectors.by_meeting(body, request.user)
    if not groups:
        return ""
    context = {"body": body, "groups": groups}
    return render_to_string("recommendations/_body_section.html", context, request=request)


def follow_up(request, slug):
    """Every recommendation of the body the user may read, with its meeting, the note that
    transmitted it and what the Conference did with it; filtered, or exported as CSV."""
    body = found_or_404(meeting_selectors.body, slug)
    form = FollowUpFilter(request.GET, selectors.meetings_with_recommendations(body, request.user))
    rows = selectors.follow_up_table(body, request.user, **form.filters())
    if request.GET.get("format") == "csv":
        return _csv(body, rows)
    return render(
        request,
        "recommendations/follow_up.html",
        {"body": body, "form": form, "rows": rows, "query": request.GET.urlencode()},
    )


def _csv(body, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(body.slug)}-recommendations.csv"'
    )
    writer = Writer(response)
    writer.writerow(
        [
            _("Meeting"),
            _("Dates"),
            _("Number"),
            _("Recommendation"),
            _("Addressed to"),
            _("Agenda item"),
            _("Transmitted by"),
            _("Follow-up"),
            _("Paragraph"),
            _("Recorded on"),
            _("Demo text"),
        ]
    )
    for row in rows:
        meeting, record = row.meeting, row.follow_up
        writer.writerow(
            [
                meeting.title,
                style.date_range(meeting.start_date, meeting.end_date),
                row.number,
                row.text,
                row.get_addressee_display(),
                style.style_for().item(row.agenda_item.number, row.agenda_item.sub_letter)
                if row.agenda_item
                else "",
                "; ".join(note.document.symbol for note in meeting.notes),
                row.outcome_label,
                record.paragraph.citation() if record and record.paragraph else "",
                record.recorded_at.date().isoformat() if record else "",
                _("yes") if row.is_demo else "",
            ]
        )
    return response


def _pdf(request, record, permission, render):
    """A report or a note by the Secretariat in the reader's language: once public, a redirect
    to its issued version in the register; before, rendered from the records for the
    secretariat, who proofread it there. Anyone else is told nothing exists."""
    if not request.user.has_perm(permission, record):
        raise Http404("No public document has this symbol.")
    if issued := issued_version(request, record.document):
        return issued
    language = request.LANGUAGE_CODE
    rendered = render(record.document, language)
    return pdf_response(request, rendered, documents.filename(record.document, language))


def report_pdf(request, symbol):
    report = found_or_404(selectors.report_record, symbol)
    return _pdf(request, report, "recommendations.view_report", documents.report_of_document)


def note_pdf(request, symbol):
    note = found_or_404(selectors.note_record, symbol)
    return _pdf(request, note, "recommendations.view_transmittalnote", documents.note_of_document)
