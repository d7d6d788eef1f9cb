from functools import partial

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from wgportal import downloads
from wgportal.http import found_or_404, pdf_response

from . import body_sections, documents, selectors, version_cache
from .calendar import meetings_calendar
from .files import LANGUAGE_OF_LETTER


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


def issued_version(request, document):
    """For a PDF address of a document the portal renders (an agenda, a report, a note): once
    the document is public, a redirect to its stored version in the page's language, so that
    every reader gets the file issued, never a new rendering; None before, when the caller
    renders the draft for those who may see it. A language the document is not issued in
    is not found. Reads ``document.versions.all()``, prefetched or not."""
    if not document.released_at:
        return None
    language = request.LANGUAGE_CODE
    version = next((v for v in document.versions.all() if v.language == language), None)
    if version is None:  # the secretariat left this language out of the languages of issue
        raise Http404(f"{document.symbol} is not issued in this language.")
    return redirect(version)


def agenda_pdf(request, slug):
    """The agenda in the page's language: once public, its issued version from the register;
    before, rendered for those who may see the draft."""
    meeting = found_or_404(selectors.meeting_with_agenda, slug)
    agenda = _agenda(request, meeting)
    if agenda is None:
        raise Http404("This meeting has no provisional agenda yet.")
    if issued := issued_version(request, agenda.document):
        return issued
    rendered = documents.agenda_pdf(meeting, request.LANGUAGE_CODE)
    return pdf_response(
        request, rendered, documents.agenda_filename(meeting, request.LANGUAGE_CODE)
    )


def meeting_documents(request, slug):
    meeting = found_or_404(selectors.meeting, slug)
    drafts = request.user.has_perm("meetings.issue_document")
    listed = selectors.meeting_documents(meeting, drafts=drafts)
    return render(
        request,
        "meetings/documents.html",
        {"meeting": meeting, "groups": selectors.by_category(listed), "drafts": drafts},
    )


def document_detail(request, symbol):
    drafts = request.user.has_perm("meetings.issue_document")
    document = found_or_404(partial(selectors.document, drafts=drafts), symbol)
    return render(request, "meetings/document.html", {"document": document, "drafts": drafts})


@require_safe
def document_file(request, symbol, filename):
    """A version's file, named CTOC-COP-WG.4-2009-1-A.pdf: read from storage as stored, never
    rendered here. A document not public yet is only the secretariat's."""
    stem, _dash, rest = filename.rpartition("-")
    language = LANGUAGE_OF_LETTER.get(rest.partition(".")[0])
    if language is None:
        raise Http404
    version = found_or_404(version_cache.version, symbol, language)
    if filename != version.filename or not request.user.has_perm(
        "meetings.view_document_files", version.document
    ):
        raise Http404
    try:
        file = version.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this version is missing from storage.") from None
    return downloads.serve(
        request,
        file,
        size=version.size,
        etag=version.sha256,
        modified=version.stored_at,
        content_type=version.content_type,
        filename=version.filename,
        language=version.language,
        public=version.document.released_at is not None,
    )


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
