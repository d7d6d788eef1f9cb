"""The meetings' official documents as PDF, through the portal's renderer."""

from wgportal import pdf

from . import selectors
from .models import Document

AGENDA_KIND = "agenda"
DEMO_COPY_KIND = "demo-copy"


def agenda_pdf(meeting, language):
    """The provisional agenda and annotations of a meeting that has one."""
    return pdf.render("pdf/agenda.html", {"meeting": meeting, "agenda": meeting.agenda}, language)


def agenda_filename(meeting, language):
    return f"{meeting.agenda.document.symbol.replace('/', '-')}-{language}.pdf"


def _add_agenda_arguments(parser):
    parser.add_argument("--meeting", required=True, help="the meeting's slug, e.g. wg-2009")


def _agenda_from_options(options, language):
    return agenda_pdf(selectors.meeting_with_agenda(options["meeting"]), language)


def _agenda_from_document(document, language):
    return agenda_pdf(selectors.meeting_with_agenda(document.agenda.meeting.slug), language)


def demo_copy_pdf(document, language):
    """A one-page stand-in for a document the demo cites but does not hold: its masthead and
    title, and a line saying that it is a demo copy of that symbol in that language."""
    return pdf.render("pdf/demo_copy.html", {"document": document}, language)


def _add_document_arguments(parser):
    parser.add_argument("--symbol", required=True, help="the symbol, e.g. CTOC/COP/2008/8")


def _demo_copy_from_options(options, language):
    document = Document.objects.select_related("meeting__body").get(symbol=options["symbol"])
    return demo_copy_pdf(document, language)


def register():
    pdf.register_kind(
        AGENDA_KIND,
        _add_agenda_arguments,
        _agenda_from_options,
        from_document=_agenda_from_document,
    )
    pdf.register_kind(
        DEMO_COPY_KIND,
        _add_document_arguments,
        _demo_copy_from_options,
        from_document=demo_copy_pdf,
    )
