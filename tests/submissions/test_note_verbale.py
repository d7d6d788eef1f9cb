"""The note verbale of the demo call, per State and language, read back from the PDF."""

import re
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from meetings.models import MemberState
from submissions.models import CallForTopics
from submissions.note_verbale import note_verbale_pdf
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db
SEED = Path(settings.BASE_DIR, "docs", "sources", "note-verbale-CU-2009-92.fr.txt")


def text_of(content):
    pages = pypdf.PdfReader(BytesIO(content)).pages
    text = "\n".join(page.extract_text() for page in pages)
    text = re.sub(r"[\u2066-\u2069]", "", text)
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)  # a line broken after a hyphen
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def call():
    return CallForTopics.objects.select_related("meeting").get(reference="CU 2009/92 (A)")


def seed_sentences(functional_title):
    """The seed's paragraphs as a reader sees them: markup gone, the mail-merge field filled,
    without the reference, address block and date lines, which the layout places."""
    text = SEED.read_text("utf-8")
    text = text.replace("[\\[\\[\\[FunctionalTitle2\\]\\]\\]](#)", functional_title)
    text = re.sub(r"<(http[^>]+)>", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\(mailto:[^)]+\)", r"\1", text)
    text = text.replace("**", "")
    # Paragraphs, and the list of areas item by item.
    pieces = re.split(r"\n\s*\n|\n(?=- )", text)
    pieces = [re.sub(r"\s+", " ", piece).strip().removeprefix("- ") for piece in pieces]
    return [piece for piece in pieces if piece and "[\\[" not in piece]


def test_french_note_carries_the_seed_verbatim_filled_for_the_state(call):
    france = MemberState.objects.get(iso3="FRA")
    rendered = note_verbale_pdf(call, france, "fr")
    assert rendered.missing_glyphs == ()
    text = text_of(rendered.content)
    sentences = seed_sentences(france.mission.functional_title)
    assert len(sentences) >= 15
    for sentence in sentences:
        assert sentence in text, sentence[:80]


@pytest.mark.parametrize("language", LANGUAGES)
def test_note_in_each_language_names_the_state_deadline_and_areas(call, language):
    ghana = MemberState.objects.get(iso3="GHA")
    rendered = note_verbale_pdf(call, ghana, language)
    assert rendered.missing_glyphs == ()
    text = text_of(rendered.content)
    # Latin text inside Arabic comes back from the PDF in visual runs: look at its pieces.
    assert "2009/92" in text
    assert "untoc.cop@unodc.org" in text and "26060" in text
    assert "[[[" not in text
    assert "Republic of Ghana" in text
    with translation.override(language):
        assert call.areas.get(letter="h").title[:12] in text
    reader = pypdf.PdfReader(BytesIO(rendered.content))
    assert reader.trailer["/Root"]["/Lang"] == language


def test_secretariat_text_is_never_run_as_a_template(call):
    call.note_text_en = (
        "<script>alert(1)</script> {{ call.reference }} {% now 'Y' %} **bold** [[[Email]]]"
    )
    call.save()
    text = text_of(note_verbale_pdf(call, MemberState.objects.get(iso3="GBR"), "en").content)
    assert "<script>alert(1)</script> {{ call.reference }} {% now 'Y' %} bold" in text
    assert "untoc.cop@unodc.org" in text


def test_unknown_placeholders_are_refused_with_the_known_ones_listed(call):
    call.note_text_en = "Dear [[[Ambassador]]], see [[[Deadline]]]."
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    message = " ".join(error.value.message_dict["note_text_en"])
    assert "[[[Ambassador]]]" in message and "[[[FunctionalTitle]]]" in message


def test_render_pdf_command_writes_a_note(tmp_path):
    out = tmp_path / "note.pdf"
    call_command(
        "render_pdf",
        "note-verbale",
        "--call",
        "CU 2009/92 (A)",
        "--state",
        "fra",
        "--lang",
        "fr",
        "--out",
        str(out),
    )
    assert "Représentant permanent de la France" in text_of(out.read_bytes())


def test_render_pdf_command_refuses_an_unknown_state_or_call(tmp_path):
    from django.core.management import CommandError

    for call, state in (("CU 2009/92 (A)", "XXX"), ("CU 1999/1", "FRA")):
        with pytest.raises(CommandError, match="No such note-verbale"):
            call_command(
                "render_pdf",
                "note-verbale",
                "--call",
                call,
                "--state",
                state,
                "--lang",
                "en",
                "--out",
                str(tmp_path / "x.pdf"),
            )


def test_admin_previews_any_state_in_any_language(secretariat_client, call):
    url = reverse("admin:submissions_callfortopics_preview", args=[call.pk])
    assert secretariat_client.get(url).status_code == 200
    china = MemberState.objects.get(iso3="CHN")
    response = secretariat_client.get(url, {"state": china.pk, "language": "zh-hans"})
    assert response["Content-Type"] == "application/pdf"
    assert "CU 2009/92 (A)" in text_of(response.content)


def test_preview_is_for_the_secretariat_only(client, django_user_model, call):
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    url = reverse("admin:submissions_callfortopics_preview", args=[call.pk])
    assert client.get(url).status_code == 302
