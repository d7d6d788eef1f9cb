"""Issuing a report and a note by the Secretariat: the secretariat issues, nobody else; what
is incomplete is refused with what to do; twice issues once; the public reads a document once
it is issued, and never before."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from rules import has_perm

from meetings import register
from meetings.models import Document, Meeting
from recommendations import issuing
from recommendations.models import Recommendation, Report, TransmittalNote
from tests.test_pdf import normal, pdftotext

pytestmark = pytest.mark.django_db

NOTE = "CTOC/COP/2012/6"
LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.fixture
def draft_report():
    """A report of the meeting of October 2010, whose recommendations the demo holds as a
    draft, not issued."""
    meeting = Meeting.objects.get(slug="wg-2010-10")
    document = Document.objects.create(
        symbol="CTOC/COP/WG.4/2010/9", title="Report", languages=LANGUAGES, meeting=meeting
    )
    return Report.objects.create(meeting=meeting, document=document)


@pytest.fixture
def draft_note():
    note = TransmittalNote.objects.get(document__symbol=NOTE)
    note.document.versions.all().delete()
    Document.objects.filter(pk=note.document_id).update(
        issue_date=None, issued_at=None, released_at=None, rendered_kind=""
    )
    note.refresh_from_db()
    return note


def issued_at(record):
    """When the register issued the record's document (None: not issued)."""
    return Document.objects.get(pk=record.document_id).issued_at


def render_all(document):
    """What the register's worker does once the issue is committed: every language rendered;
    the last one stored releases the document."""
    document = Document.objects.get(pk=document.pk)
    for language in document.languages:
        register.render_version(document, language)
    return Document.objects.get(pk=document.pk)


@pytest.fixture
def bureau_member():
    return get_user_model().objects.get(username="president")


@pytest.fixture
def delegate():
    return get_user_model().objects.get(username="delegate-fr")


def test_the_secretariat_issues_a_report_dated_in_the_meetings_zone(draft_report, secretariat):
    issuing.issue_report(draft_report, by=secretariat)
    draft_report.refresh_from_db()
    assert draft_report.document.issued_at is not None
    assert (
        draft_report.document.issue_date == datetime.datetime.now(draft_report.meeting.zone).date()
    )


@pytest.mark.parametrize("who", ["bureau_member", "delegate"])
def test_nobody_else_issues(draft_report, draft_note, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        issuing.issue_report(draft_report, by=user)
    with pytest.raises(PermissionDenied):
        issuing.issue_note(draft_note, by=user)
    with pytest.raises(PermissionDenied):
        issuing.issue_note(draft_note, by=AnonymousUser())
    assert issued_at(draft_report) is None
    assert issued_at(draft_note) is None


def test_a_document_is_issued_once(draft_note, secretariat):
    issuing.issue_note(draft_note, by=secretariat)
    first = issued_at(draft_note)
    with pytest.raises(ValidationError, match="issued already"):
        issuing.issue_note(draft_note, by=secretariat)
    assert issued_at(draft_note) == first


def test_a_report_with_a_text_missing_in_a_language_is_refused(draft_report, secretariat):
    recommendation = draft_report.meeting.recommendations.first()
    Recommendation.objects.filter(pk=recommendation.pk).update(text_ru="")
    Report.objects.filter(pk=draft_report.pk).update(summary_en="Discussed.", summary_fr="Débattu.")
    with pytest.raises(ValidationError) as refused:
        issuing.issue_report(draft_report, by=secretariat)
    messages = " ".join(refused.value.messages)
    assert f"Recommendation {recommendation.number} has no text in Russian" in messages
    assert "has no text in Arabic, Chinese, Russian and Spanish" in messages
    assert issued_at(draft_report) is None


def test_a_report_without_recommendations_or_a_note_without_recitals_is_refused(
    draft_report, draft_note, secretariat
):
    draft_report.meeting.recommendations.all().delete()
    with pytest.raises(ValidationError, match="no recommendations yet"):
        issuing.issue_report(draft_report, by=secretariat)
    TransmittalNote.objects.filter(pk=draft_note.pk).update(recitals_zh_hans="")
    with pytest.raises(ValidationError, match="have no text in Chinese"):
        issuing.issue_note(draft_note, by=secretariat)


def test_an_unknown_placeholder_is_refused_with_the_known_ones(draft_note):
    draft_note.recitals_fr = "Le Groupe s'est réuni [[[MeetingPlace]]]."
    with pytest.raises(ValidationError, match=r"\[\[\[MeetingsHeld\]\]\]") as refused:
        draft_note.full_clean()
    assert "[[[MeetingPlace]]]" in " ".join(refused.value.messages)


def test_the_public_reads_a_note_once_it_is_public(client, draft_note, secretariat):
    url = reverse("recommendations:note_pdf", args=[NOTE])
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    assert client.get(url)["Content-Type"] == "application/pdf"  # the draft, to proofread
    issuing.issue_note(draft_note, by=secretariat)
    client.logout()
    assert client.get(url).status_code == 404  # issued, its versions not stored yet
    render_all(draft_note.document)
    version = draft_note.document.versions.get(language="en")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == version.get_absolute_url()


def test_the_public_reads_an_issued_report_not_a_draft(client, draft_report):
    response = client.get(reverse("recommendations:report_pdf", args=["CTOC/COP/WG.4/2011/8"]))
    assert response.status_code == 302
    draft = reverse("recommendations:report_pdf", args=[draft_report.document.symbol])
    assert client.get(draft).status_code == 404
    assert (
        client.get(reverse("recommendations:report_pdf", args=["CTOC/COP/X/1"])).status_code == 404
    )


@pytest.mark.parametrize(
    ("name", "symbol"), [("report_pdf", "CTOC/COP/WG.4/2011/8"), ("note_pdf", NOTE)]
)
def test_a_public_report_or_note_is_its_issued_version_in_each_language(client, name, symbol):
    """Never rendered again on request: each reader gets the file issued, in their language,
    the secretariat too."""
    document = Document.objects.get(symbol=symbol)
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse(f"recommendations:{name}", args=[symbol])
            version = document.versions.get(language=language)
            response = client.get(url)
            assert response.status_code == 302, language
            assert response["Location"] == version.get_absolute_url()
            assert response["Location"].startswith(f"/{language}/documents/")


def test_a_language_the_report_is_not_issued_in_is_not_found(
    client, secretariat_client, draft_report, secretariat
):
    Document.objects.filter(pk=draft_report.document_id).update(
        languages=["ar", "zh-hans", "en", "fr", "es"]
    )
    issuing.issue_report(draft_report, by=secretariat)
    document = render_all(draft_report.document)
    assert document.is_public
    for language, status in (("ru", 404), ("fr", 302), ("en", 302)):
        with translation.override(language):
            url = reverse("recommendations:report_pdf", args=[document.symbol])
        assert client.get(url).status_code == status, language
        assert secretariat_client.get(url).status_code == status, language


def test_recommendations_go_public_with_their_report_not_when_it_is_issued(
    client, draft_report, secretariat, django_capture_on_commit_callbacks, monkeypatch
):
    """Between the issue and the last version stored, the report is not public, and neither
    are its recommendations: not on the pages, not in the API; with the last, both are. Each
    step is committed, as the register's are, so that what the API keeps sees it."""
    recommendation = draft_report.meeting.recommendations.first()
    text = recommendation.text_en
    pages = [
        "/en/bodies/working-group-trafficking/",
        "/en/bodies/working-group-trafficking/recommendations/",
    ]
    api = f"/api/v1/recommendations/wg-2010-10/{recommendation.number}"
    listed = "/api/v1/recommendations?meeting=wg-2010-10"
    report_url = reverse("recommendations:report_pdf", args=[draft_report.document.symbol])

    def public():
        seen = [text in client.get(page).content.decode() for page in pages]
        found = client.get(api).status_code == 200
        in_list = bool(client.get(listed).json()["results"])
        fresh = Recommendation.objects.get(pk=recommendation.pk)
        readable = has_perm("recommendations.view_recommendation", AnonymousUser(), fresh)
        states = {*seen, found, in_list, readable}
        assert len(states) == 1, (seen, found, in_list, readable)  # every door says the same
        return states.pop()

    def committed():
        return django_capture_on_commit_callbacks(execute=True)

    monkeypatch.setattr(register, "enqueue", lambda *task: None)  # rendered here, step by step
    assert not public()
    with committed():
        issuing.issue_report(draft_report, by=secretariat)
    assert not public()
    assert client.get(report_url).status_code == 404
    document = Document.objects.get(pk=draft_report.document_id)
    for language in LANGUAGES[:-1]:
        with committed():
            register.render_version(document, language)
    assert not public()  # five of six versions stored
    with committed():
        register.render_version(document, LANGUAGES[-1])
    assert public()
    assert client.get(report_url).status_code == 302


def test_the_pdf_pages_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get(reverse("recommendations:note_pdf", args=[NOTE]))
    with django_assert_max_num_queries(12):
        client.get(reverse("recommendations:report_pdf", args=["CTOC/COP/WG.4/2011/8"]))


def test_issuing_from_the_admin_says_what_it_does_and_waits_for_post(
    secretariat_client, draft_note
):
    url = reverse("admin:recommendations_transmittalnote_changelist")
    data = {"action": "issue", "_selected_action": [draft_note.pk]}
    page = secretariat_client.post(url, data).content.decode()
    assert "can no longer be withdrawn" in page and 'name="post" value="yes"' in page
    assert issued_at(draft_note) is None
    assert secretariat_client.post(url, {**data, "post": "yes"}).status_code == 302
    assert issued_at(draft_note) is not None
    # Issued again: a message, no error page, nothing changed.
    response = secretariat_client.post(url, {**data, "post": "yes"}, follow=True)
    assert "issued already" in response.content.decode()


def test_issuing_hands_the_note_to_the_register_whose_worker_renders_it(
    draft_note, secretariat, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(register, "enqueue", lambda *task: queued.append(task))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        issuing.issue_note(draft_note, by=secretariat)
    document = Document.objects.get(pk=draft_note.document_id)
    assert document.rendered_kind == "note" and document.issued_at is not None
    assert not queued  # nothing before the commit
    for callback in callbacks:
        callback()
    # One rendering per language, once committed.
    assert sorted(queued) == sorted(("render_version", document.pk, code) for code in LANGUAGES)
    assert not document.is_public  # until the last language is stored
    for language in LANGUAGES:
        version = register.render_version(document, language)
    assert Document.objects.get(pk=document.pk).is_public
    with version.file.open("rb") as stored:
        assert "Nota de la Secretaría" in normal(pdftotext(stored.read()))
