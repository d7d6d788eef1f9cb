"""The documents of the review, read back: the agenda with the Bureau's topics in six
languages, and the Bureau's file grouped by candidate topic."""

import pytest
from django.core.management import call_command
from django.utils import translation

from meetings import documents, selectors
from meetings.models import AgendaItem, Meeting
from submissions import selection
from submissions.documents import proposals_pdf
from submissions.models import CallForTopics
from tests.conftest import LANGUAGES
from tests.test_pdf import holds, normal, pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(django_user_model):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    president = django_user_model.objects.get(username="president")
    for candidate in call.candidates.exclude(area=None).order_by("position")[:3]:
        selection.select_candidate(user=president, candidate=candidate)
    selection.finalise_selection(
        user=president,
        call=call,
        bureau_meeting=Meeting.objects.get(slug="bureau-2009-09"),
        placement="subitems",
        anchor=2,
    )
    return call


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_shows_the_selected_topics_in_each_language(decided, language):
    rendered = documents.agenda_pdf(selectors.meeting_with_agenda("wg-2010-01"), language)
    assert rendered.missing_glyphs == ()
    text = normal(pdftotext(rendered.content, running_head="CTOC/COP/WG.4/2010/1"))
    with translation.override(language):
        for candidate in selection.selected_candidates(decided):
            item = AgendaItem.objects.get(pk=candidate.agenda_item_id)
            assert holds(text, candidate.title, language), candidate.title
            # The annotation's first State, as the language names it.
            first = item.annotation.split("\n")[0]
            assert holds(text, first[:40].rsplit(" ", 1)[0], language), first


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_bureaus_file_groups_by_candidate_in_the_readers_language(decided, language):
    rendered = proposals_pdf(decided, language)
    assert rendered.missing_glyphs == ()
    text = normal(pdftotext(rendered.content))
    candidates = list(decided.candidates.exclude(area=None).order_by("position"))
    with translation.override(language):
        for candidate in candidates[:3]:
            assert holds(text, candidate.title, language)
    # Proposals stay in their own language whatever the reader's.
    for code in ("zh-hans", "ru", "es"):
        proposal = decided.proposals.filter(language=code, status="submitted").first()
        assert holds(text, proposal.title, code), proposal.title


def test_render_pdf_writes_the_bureaus_file(decided, tmp_path):
    out = tmp_path / "file.pdf"
    call_command(
        "render_pdf", "proposals", "--call", decided.reference, "--lang", "es", "--out", str(out)
    )
    text = normal(pdftotext(out.read_bytes()))
    with translation.override("es"):
        assert decided.candidates.order_by("position").first().title.split()[0] in text
