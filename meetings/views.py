from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from wgportal.http import found_or_404, pdf_response

from . import body_sections, documents, selectors
from .calendar import meetings_calendar


def home(request):
    upcoming, past = selectors.meetings_by_time()
    return render(
        request,
        "meetings/home.html",
        {"upcoming": upcoming, "recent": past[:3], "bodies": selectors.working_bodies()},
    )


def meeting_list(request):
    upcoming, past = selectors.meetings_by_time()
    return render(request, "meetings/list.html", {"upcoming": upcoming, "past": past})


def meeting_detail(request, slug):
    meeting = found_or_404(selectors.meeting_with_agenda, slug)
    agenda = _agenda(request, meeting)
    # The secretariat is told which languages still show texts of another language.
    gaps = selectors.untranslated_agenda_texts(meeting) if request.user.is_staff and agenda else {}
    return render(
        request,
        "meetings/detail.html",
        {"meeting": meeting, "agenda": agenda, "translation_gaps": gaps},
    )


def _agenda(request, meeting):
    """The meeting's agenda if the user may see it: once issued, everyone."""
    agenda = getattr(meeting, "agenda", None)
    if agenda and request.user.has_perm("meetings.view_provisionalagenda", agenda):
        return agenda
    return None


def agenda_pdf(request, slug):
    meeting = found_or_404(selectors.meeting_with_agenda, slug)
    if _agenda(request, meeting) is None:
        raise Http404("This meeting has no provisional agenda yet.")
    rendered = documents.agenda_pdf(meeting, request.LANGUAGE_CODE)
    return pdf_response(
        request, rendered, documents.agenda_filename(meeting, request.LANGUAGE_CODE)
    )


def meeting_documents(request, slug):
    meeting = found_or_404(selectors.meeting, slug)
    documents = selectors.meeting_documents(meeting)
    return render(request, "meetings/documents.html", {"meeting": meeting, "documents": documents})


def meeting_ics(request, slug):
    meeting = found_or_404(selectors.meeting, slug)
    return _ics(request, [meeting], meeting.title, meeting.slug)


def body_detail(request, slug):
    body = found_or_404(selectors.body_with_meetings, slug)
    sections = body_sections.sections(request, body)
    return render(request, "meetings/body.html", {"body": body, "sections": sections})


def body_ics(request, slug):
    body = found_or_404(selectors.body, slug)
    return _ics(request, selectors.meetings_of(body), body.name, body.slug)


def state_list(request):
    return render(request, "meetings/states.html", {"states": selectors.member_states()})


def _ics(request, meetings, name, filename):
    response = HttpResponse(
        meetings_calendar(meetings, name, request.build_absolute_uri),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename)}.ics"'
    return response
