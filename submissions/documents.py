"""The documents of calls for topics, registered with the portal's renderer."""

from meetings.models import MemberState
from wgportal import pdf

from . import receipts
from .models import CallForTopics
from .note_verbale import note_verbale_pdf


def _add_note_arguments(parser):
    parser.add_argument("--call", required=True, help='the reference, e.g. "CU 2009/92 (A)"')
    parser.add_argument("--state", required=True, help="the State's ISO code, e.g. FRA")


def _note_from_options(options, language):
    call = CallForTopics.objects.select_related("meeting").get(reference=options["call"])
    state = MemberState.objects.select_related("mission").get(iso3=options["state"].upper())
    return note_verbale_pdf(call, state, language)


def _add_receipt_arguments(parser):
    parser.add_argument("--proposal", required=True, type=int, help="the proposal's id")


def register():
    pdf.register_kind("note-verbale", _add_note_arguments, _note_from_options)
    pdf.register_kind("receipt", _add_receipt_arguments, receipts.receipt_from_options)
