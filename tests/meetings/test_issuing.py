"""Issuing an agenda through a real Celery worker (Redis in CI, the embedded broker locally):
the worker renders the six languages into the register, the document is public once the sixth
is stored, and its versions are the portal's own PDFs, read back as text. Issuing twice or a
task run again renders nothing twice."""

import pytest
from django.utils import translation

from meetings import register, selectors, services
from meetings.models import Document, DocumentVersion, ProvisionalAgenda
from tests.conftest import LANGUAGES
from tests.submissions.workers import start_worker, stop, wait_until
from tests.test_pdf import holds, normal, pdftotext

pytestmark = pytest.mark.django_db(transaction=True)

SYMBOL = "CTOC/COP/WG.4/2010/1"


@pytest.fixture
def register_worker(tmp_path, settings):
    """A worker storing into this test session's files, as the portal does."""
    process = start_worker(tmp_path, beat=False, STORAGE_URL=f"file://{settings.MEDIA_ROOT}")
    yield
    stop(process)


def test_an_issued_agenda_is_rendered_in_six_languages_by_the_worker(
    committed_demo, register_worker, secretariat, client
):
    agenda = ProvisionalAgenda.objects.get(document__symbol=SYMBOL)
    services.issue_agenda(agenda, by=secretariat)
    document = Document.objects.get(symbol=SYMBOL)
    assert document.issued_at is not None and document.rendered_kind == "agenda"
    wait_until(
        lambda: Document.objects.get(symbol=SYMBOL).released_at is not None,
        120,
        "the worker did not store the six versions within two minutes",
    )
    document = selectors.document(SYMBOL)
    versions = {version.language: version for version in document.versions.all()}
    assert sorted(versions) == sorted(LANGUAGES)
    meeting = selectors.meeting_with_agenda("wg-2010-01")
    for language, version in versions.items():
        assert version.source == "rendered" and version.issue_date == document.issue_date
        text = normal(pdftotext(version.file.open("rb").read()))
        assert SYMBOL in text
        with translation.override(language):
            title = meeting.agenda.items.get(number=2, sub_letter="").title
        assert holds(text, title, language), (language, title)
    # Public, served from storage with the rendered bytes.
    english = versions["en"]
    response = client.get(english.get_absolute_url())
    assert b"".join(response.streaming_content) == english.file.open("rb").read()
    # Again: nothing renders twice, nothing is stored twice.
    records = DocumentVersion.history.filter(document_id=document.pk).count()
    for language in LANGUAGES:
        assert register.render_version(document, language) is None
    assert DocumentVersion.history.filter(document_id=document.pk).count() == records
    with pytest.raises(Exception, match="issued"):
        services.issue_agenda(agenda, by=secretariat)
