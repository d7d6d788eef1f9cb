"""The PDF renderer loads nothing but the portal's stylesheet: markup that reaches a document,
whichever field it comes by, reads no file of the server, makes no request and embeds no
attachment."""

import http.server
import logging
import threading
from io import BytesIO

import pypdf
import pytest

from decisions import documents as decision_documents
from decisions import selectors as decision_selectors
from decisions.models import Decision, Paragraph
from meetings import documents as agenda_documents
from meetings import selectors as meeting_selectors
from meetings.models import AgendaItem, MemberState
from submissions import documents, note_verbale, receipts
from submissions.models import CallForTopics, TopicProposal
from wgportal import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    """A web server on this machine that records every request it gets."""
    requests = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"secret")

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()


def payloads(base):
    return [
        '<link rel="attachment" href="file:///etc/passwd">',
        '<a rel="attachment" href="file:///etc/hostname">file</a>',
        f'<img src="{base}/image.png">',
        f'<link rel="stylesheet" href="{base}/style.css">',
        f'<link rel="attachment" href="{base}/attached">',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        '<style>@import url("file:///etc/hosts");</style>',
        '<img src="relative.png">',
    ]


def attachments(content):
    return dict(pypdf.PdfReader(BytesIO(content)).attachments)


@pytest.mark.parametrize("index", range(8))
def test_markup_reaching_the_renderer_fetches_nothing(server, caplog, index):
    base, requests = server
    payload = payloads(base)[index]
    html = f'<html lang="en"><head></head><body><p>Text</p>{payload}</body></html>'
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        content, _missing = pdf.html_to_pdf(html)
    assert content.startswith(b"%PDF") and attachments(content) == {}
    assert requests == []
    if "relative" not in payload:
        assert "RefusedFetch" in caplog.text, caplog.text


def test_the_stylesheet_is_the_one_file_allowed():
    response = pdf.LocalOnlyFetcher().fetch(pdf.STYLESHEET.as_uri())
    assert b"@page" in response.read()
    for url in ("file:///etc/passwd", pdf.STYLESHEET.as_uri() + "?x", "data:text/css,p{}"):
        with pytest.raises(pdf.RefusedFetch):
            pdf.LocalOnlyFetcher().fetch(url)


def fit(model, text, *fields):
    """The text in each field, cut to the field's length (PostgreSQL refuses a longer one)."""
    return {name: text[: model._meta.get_field(name).max_length] for name in fields}


def test_every_field_that_reaches_a_document_fetches_nothing(server):
    base, requests = server
    hostile = " ".join(payloads(base))
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    proposal = call.proposals.filter(status=TopicProposal.Status.SUBMITTED).first()
    TopicProposal.objects.filter(pk=proposal.pk).update(
        **fit(TopicProposal, hostile, "title", "description", "rationale")
    )
    CallForTopics.objects.filter(pk=call.pk).update(
        **fit(CallForTopics, hostile, "note_text_en", "reply_address_en")
    )
    AgendaItem.objects.filter(agenda__meeting__slug="wg-2009").update(
        **fit(AgendaItem, hostile, "title_en", "annotation_en", "annotation_heading_en")
    )
    Decision.objects.update(**fit(Decision, hostile, "title_en", "preamble_en"))
    Paragraph.objects.update(**fit(Paragraph, hostile, "text_en"))
    proposal.refresh_from_db()
    call.refresh_from_db()
    state = MemberState.objects.filter(mission__isnull=False).first()
    rendered = [
        receipts.receipt_pdf(proposal, "en"),
        documents.proposals_pdf(call, "en"),
        note_verbale.note_verbale_pdf(call, state, "en"),
        agenda_documents.agenda_pdf(meeting_selectors.meeting_with_agenda("wg-2009"), "en"),
        decision_documents.decision_pdf(decision_selectors.decision_with_paragraphs(4, 4), "en"),
    ]
    for document in rendered:
        assert document.content.startswith(b"%PDF")
        assert attachments(document.content) == {}
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(document.content)).pages)
        assert "attachment" in text  # the markup shows as the text it is
    assert requests == []
