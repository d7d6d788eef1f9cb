"""The document register's use cases and pages: versions uploaded (one or a batch), replaced
with history, refused with a message; a document public only once issued with every
language; who may upload, replace, issue and see what is not public."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings import files, register
from meetings.models import Document, DocumentVersion, Meeting, ProvisionalAgenda
from meetings.services import issue_agenda
from tests.conftest import LANGUAGES
from tests.meetings.register_files import APP_XML, PNG, docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

SYMBOL = "CTOC/COP/WG.4/2011/2"
STEM = "CTOC-COP-WG.4-2011-2"
LETTERS = {"ar": "A", "zh-hans": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


@pytest.fixture
def document():
    return Document.objects.create(
        symbol=SYMBOL,
        title_en="Background paper on the non-punishment of victims",
        title_fr="Document d'information sur la non-sanction des victimes",
        meeting=Meeting.objects.get(slug="wg-2011"),
        languages=LANGUAGES,
    )


def user(username):
    return get_user_model().objects.get(username=username)


def entry(document, language, marker=""):
    name = f"{document.file_stem}-{LETTERS[language]}.pdf"
    return document, language, files.check(pdf_bytes(marker=marker or language), name), name


def upload(document, languages, **options):
    entries = [entry(document, language) for language in languages]
    return register.upload_versions(entries, by=user("secretariat"), **options)


def test_six_versions_then_issue_makes_the_document_public(document, client):
    upload(document, LANGUAGES)
    document.refresh_from_db()
    assert document.released_at is None
    register.issue_document(document, by=user("secretariat"))
    document.refresh_from_db()
    assert document.released_at is not None and document.issue_date is not None
    version = document.versions.get(language="ar")
    assert version.issue_date == document.issue_date and version.pages == 1
    assert client.get(document.get_absolute_url()).status_code == 200
    response = client.get(version.get_absolute_url())
    assert response.status_code == 200 and response["Content-Language"] == "ar"


def test_five_of_six_is_invisible_to_the_public_and_named_missing(document, client):
    upload(document, LANGUAGES[:5])
    with pytest.raises(ValidationError) as error:
        register.issue_document(document, by=user("secretariat"))
    assert "no version yet in Spanish" in error.value.messages[0]
    document.refresh_from_db()
    assert register.missing_languages(document) == ["es"]
    assert client.get(document.get_absolute_url()).status_code == 404
    arabic = document.versions.get(language="ar")
    assert client.get(arabic.get_absolute_url()).status_code == 404
    listed = client.get("/en/meetings/wg-2011/documents/").content.decode()
    assert SYMBOL not in listed
    # The secretariat sees it, and what is missing, on the pages and in the overview.
    client.force_login(user("secretariat"))
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Not public: no version yet in Spanish" in page
    assert client.get(arabic.get_absolute_url()).status_code == 200
    assert (
        "Not public: no version yet in Spanish"
        in client.get("/en/meetings/wg-2011/documents/").content.decode()
    )
    overview = client.get(
        reverse("admin:meetings_meeting_documents", args=[document.meeting.pk])
    ).content.decode()
    row = overview.split(f"{SYMBOL}</a></th>")[1].split("</tr>")[0]
    assert row.count("missing") == 1 and row.count("1 page") == 5


@pytest.mark.parametrize("username", ["bureau-ng", "delegate-fr", "president"])
def test_only_the_secretariat_uploads_issues_and_sees_drafts(document, client, username):
    someone = user(username)
    with pytest.raises(PermissionDenied):
        register.upload_versions([entry(document, "en")], by=someone)
    upload(document, LANGUAGES)
    with pytest.raises(PermissionDenied):
        register.issue_document(document, by=someone)
    with pytest.raises(PermissionDenied):
        register.remove_version(document.versions.first(), by=someone)
    client.force_login(someone)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(document.versions.first().get_absolute_url()).status_code == 404
    upload_page = reverse("admin:meetings_documentversion_upload")
    assert client.get(upload_page).status_code in (302, 403)
    assert Document.objects.get(pk=document.pk).issued_at is None


def test_a_language_twice_in_a_batch_is_refused_and_nothing_is_stored(document):
    entries = [entry(document, "en"), entry(document, "fr"), entry(document, "en", "again")]
    with pytest.raises(ValidationError) as error:
        register.upload_versions(entries, by=user("secretariat"))
    assert "are both the English version of" in error.value.messages[0]
    assert not document.versions.exists()


def test_a_version_is_replaced_only_when_asked_and_history_keeps_the_former(document):
    (first,) = upload(document, ["en"])
    with pytest.raises(ValidationError) as error:
        register.upload_versions([entry(document, "en", "v2")], by=user("secretariat"))
    assert "choose “Replace”" in error.value.messages[0]
    (second,) = register.upload_versions(
        [entry(document, "en", "v2")], by=user("secretariat"), replace=True
    )
    assert second.pk == first.pk and second.sha256 != first.sha256
    history = list(second.history.order_by("history_date").values_list("file", flat=True))
    assert history == [first.file.name, second.file.name]
    # The former file is still in storage for history to point at.
    assert second.file.storage.exists(first.file.name)


def test_a_language_the_document_is_not_issued_in_is_refused(document):
    document.languages = ["en"]
    document.save()
    with pytest.raises(ValidationError) as error:
        upload(document, ["ru"])
    assert "is not issued in Russian" in error.value.messages[0]


def test_a_rendered_document_takes_no_upload():
    agenda = Document.objects.get(symbol="CTOC/COP/WG.4/2009/1")
    with pytest.raises(ValidationError) as error:
        upload(agenda, ["en"], replace=True)
    assert "rendered by the portal" in error.value.messages[0]
    with pytest.raises(ValidationError):
        register.issue_document(agenda, by=user("secretariat"))


def test_a_conference_room_paper_is_issued_in_its_original_language_only(document):
    document.category = Document.Category.CONFERENCE_ROOM_PAPER
    document.languages = []
    document.original_language = "fr"
    document.full_clean()
    assert document.languages == ["fr"]
    document.save()
    upload(document, ["fr"])
    register.issue_document(document, by=user("secretariat"))
    assert Document.objects.get(pk=document.pk).released_at is not None


def test_an_issued_documents_version_is_replaced_not_removed(document):
    upload(document, LANGUAGES)
    register.issue_document(document, by=user("secretariat"))
    with pytest.raises(ValidationError):
        register.remove_version(document.versions.first(), by=user("secretariat"))
    with pytest.raises(ValidationError):
        register.issue_document(document, by=user("secretariat"))


def test_a_draft_version_is_removed_with_its_file(document, django_capture_on_commit_callbacks):
    (version,) = upload(document, ["en"])
    storage, name = version.file.storage, version.file.name
    with django_capture_on_commit_callbacks(execute=True):
        register.remove_version(version, by=user("secretariat"))
    assert not DocumentVersion.objects.filter(pk=version.pk).exists()
    assert not storage.exists(name)


# The admin's upload page: one file, or a batch named by the UN's conventions.


def files_post(client, *uploads, **fields):
    return client.post(
        reverse("admin:meetings_documentversion_upload"),
        {"files": [SimpleUploadedFile(name, content) for name, content in uploads], **fields},
    )


def test_a_batch_named_by_symbol_finds_its_documents(secretariat_client, document):
    uploads = [(f"{STEM}-{LETTERS[code]}.pdf", pdf_bytes(marker=code)) for code in LANGUAGES]
    response = files_post(secretariat_client, *uploads)
    assert response.status_code == 302
    assert sorted(document.versions.values_list("language", flat=True)) == sorted(LANGUAGES)
    assert document.versions.get(language="zh-hans").original_name == f"{STEM}-C.pdf"


def test_job_numbers_need_the_document_chosen(secretariat_client, document):
    page = files_post(secretariat_client, ("V1151234e.pdf", pdf_bytes())).content.decode()
    assert "gives no symbol: choose the document" in page
    response = files_post(
        secretariat_client,
        ("V1151234e.pdf", pdf_bytes(marker="e")),
        ("V1151235f.pdf", pdf_bytes(marker="f")),
        document=document.pk,
    )
    assert response.status_code == 302
    assert set(document.versions.values_list("language", flat=True)) == {"en", "fr"}


def test_one_file_takes_the_language_chosen(secretariat_client, document):
    response = files_post(secretariat_client, ("final.pdf", pdf_bytes()), document=document.pk)
    assert "gives no language" in response.content.decode()
    response = files_post(
        secretariat_client, ("final.pdf", pdf_bytes()), document=document.pk, language="ru"
    )
    assert response.status_code == 302 and document.versions.get().language == "ru"


def test_a_word_drafts_pages_are_shown_as_a_pdfs(secretariat_client, document):
    uploads = [
        (f"{STEM}-E.docx", docx_bytes(APP_XML.format(pages=14))),
        (f"{STEM}-F.docx", docx_bytes(APP_XML.format(pages="many"))),
        (f"{STEM}-S.pdf", pdf_bytes(pages=2)),
    ]
    assert files_post(secretariat_client, *uploads).status_code == 302
    pages = dict(document.versions.values_list("language", "pages"))
    assert pages == {"en": 14, "fr": None, "es": 2}
    overview = reverse("admin:meetings_meeting_documents", args=[document.meeting.pk])
    page = secretariat_client.get(overview).content.decode()
    assert "Word, 14 pages" in page and "PDF, 2 pages" in page
    assert "Word</a>" in page  # the French draft: its format, no count
    rows = secretariat_client.get(document.get_absolute_url()).content.decode()
    assert "<td>14</td>" in rows and "<td>2</td>" in rows and "<td>—</td>" in rows


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PNG, "neither a PDF nor a Word document"),
        (b"%PDF-1.4 broken", "does not open as a PDF"),
    ],
)
def test_one_bad_file_in_a_batch_and_none_is_stored(secretariat_client, document, content, message):
    page = files_post(
        secretariat_client,
        (f"{STEM}-E.pdf", pdf_bytes()),
        (f"{STEM}-F.pdf", content),
    ).content.decode()
    assert message in page and f"{STEM}-F.pdf" in page
    assert not document.versions.exists()


def test_a_file_too_large_is_refused_on_the_page(secretariat_client, document, settings):
    settings.DOCUMENT_MAX_SIZE = 100
    page = files_post(secretariat_client, (f"{STEM}-E.pdf", pdf_bytes())).content.decode()
    assert "is larger than 100" in page
    assert not document.versions.exists()


def test_the_admin_issues_a_complete_document_and_names_a_missing_language(
    secretariat_client, document
):
    upload(document, LANGUAGES[:5])
    url = reverse("admin:meetings_document_changelist")
    data = {"action": "issue", "_selected_action": [document.pk], "post": "yes"}
    page = secretariat_client.post(url, data, follow=True).content.decode()
    assert "no version yet in Spanish" in page
    upload(document, ["es"])
    secretariat_client.post(url, data)
    assert Document.objects.get(pk=document.pk).released_at is not None


@pytest.fixture
def eager_tasks():
    """Tasks run in this process when queued (the worker's own test is test_issuing)."""
    from wgportal.celery import app

    app.loader.import_default_modules()
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_the_scan_renders_what_a_broker_that_was_down_left(eager_tasks, secretariat):
    agenda = ProvisionalAgenda.objects.get(document__symbol="CTOC/COP/WG.4/2010/1")
    issue_agenda(agenda, by=secretariat)  # queued on commit: in a test, never
    document = Document.objects.get(symbol="CTOC/COP/WG.4/2010/1")
    assert register.render_due() == []  # just issued: its tasks have their chance first
    Document.objects.filter(pk=document.pk).update(issued_at=timezone.now() - timedelta(hours=1))
    assert len(register.render_due()) == 6
    document.refresh_from_db()
    assert document.released_at is not None and document.versions.count() == 6
    assert register.render_due() == []
