from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetings import selectors as meeting_selectors
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


def report_pdf(request, symbol):
    """A meeting's report, in the reader's language, once issued (the secretariat sees it
    before)."""
    report = found_or_404(selectors.report, symbol)
    if not request.user.has_perm("recommendations.view_report", report):
        raise Http404("No issued report has this symbol.")
    rendered = documents.report_pdf(report, request.LANGUAGE_CODE)
    return pdf_response(
        request, rendered, documents.filename(report.document, request.LANGUAGE_CODE)
    )


def note_pdf(request, symbol):
    """A note by the Secretariat, in the reader's language, once issued."""
    note = found_or_404(selectors.note, symbol)
    if not request.user.has_perm("recommendations.view_transmittalnote", note):
        raise Http404("No issued note has this symbol.")
    rendered = documents.note_pdf(note, request.LANGUAGE_CODE)
    return pdf_response(request, rendered, documents.filename(note.document, request.LANGUAGE_CODE))
