"""The documents of calls for topics, registered with the portal's renderer."""

import re

from meetings.models import MemberState
from wgportal import pdf

from . import receipts, selectors
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


def proposals_pdf(call, language):
    """The Bureau's file: every submitted proposal, grouped by suggested area, headings in the
    reader's language and proposals in their own."""
    return pdf.render(
        "pdf/proposals.html",
        {"call": call, "groups": selectors.proposal_groups(call)},
        language,
    )


def proposals_filename(call, language):
    reference = re.sub(r"[^A-Za-z0-9]+", "-", call.reference).strip("-")
    return f"{reference}-proposals-{language}.pdf"


def _add_proposals_arguments(parser):
    parser.add_argument("--call", required=True, help='the reference, e.g. "CU 2009/92 (A)"')


def _proposals_from_options(options, language):
    call = CallForTopics.objects.select_related("meeting").get(reference=options["call"])
    return proposals_pdf(call, language)


def register():
    pdf.register_kind("note-verbale", _add_note_arguments, _note_from_options)
    pdf.register_kind("receipt", _add_receipt_arguments, receipts.receipt_from_options)
    pdf.register_kind("proposals", _add_proposals_arguments, _proposals_from_options)
