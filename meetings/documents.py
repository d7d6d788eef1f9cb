"""The meetings' official documents as PDF, through the portal's renderer."""

from wgportal import pdf

from . import selectors


def agenda_pdf(meeting, language):
    """The provisional agenda and annotations of a meeting that has one."""
    return pdf.render("pdf/agenda.html", {"meeting": meeting, "agenda": meeting.agenda}, language)


def agenda_filename(meeting, language):
    return f"{meeting.agenda.document.symbol.replace('/', '-')}-{language}.pdf"


def _add_agenda_arguments(parser):
    parser.add_argument("--meeting", required=True, help="the meeting's slug, e.g. wg-2009")


def _agenda_from_options(options, language):
    return agenda_pdf(selectors.meeting_with_agenda(options["meeting"]), language)


def register():
    pdf.register_kind("agenda", _add_agenda_arguments, _agenda_from_options)
