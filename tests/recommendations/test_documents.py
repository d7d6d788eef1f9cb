"""The report of a meeting and the note by the Secretariat transmitting its recommendations,
read back from their PDFs: the French note against the source's sentences, the item reference
and its footnote and the meetings' dates in each language, the report's introduction naming
the paragraphs of the mandate."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from meetings.models import Meeting
from recommendations import documents, selectors
from tests.conftest import LANGUAGES
from tests.test_pdf import holds, normal, pdftotext
from wgportal import style

pytestmark = pytest.mark.django_db

SOURCE = Path(settings.BASE_DIR, "docs", "sources", "recommendations-note-COP6-2012.fr.txt")
NOTE = "CTOC/COP/2012/6"
REPORT = "CTOC/COP/WG.4/2011/8"


@pytest.fixture(scope="module")
def texts(django_db_setup, django_db_blocker):
    """{(kind, language): the PDF's text, normalised}, each document rendered once."""
    with django_db_blocker.unblock():
        note, report = selectors.note(NOTE), selectors.report(REPORT)
        rendered = {}
        for language in LANGUAGES:
            rendered["note", language] = documents.note_pdf(note, language)
            rendered["report", language] = documents.report_pdf(report, language)
    for key, pdf in rendered.items():
        assert not pdf.missing_glyphs, key
    return {key: normal(pdftotext(pdf.content)) for key, pdf in rendered.items()}


def source_lines():
    """The source note's lines, bold marks taken off, the lines of a paragraph joined."""
    paragraphs = SOURCE.read_text("utf-8").replace("**", "").split("\n\n")
    return [normal(paragraph) for paragraph in paragraphs if paragraph.strip()]


def test_the_french_note_says_what_the_source_says(texts):
    text = texts["note", "fr"]
    missing = [line for line in source_lines() if line not in text]
    assert not missing
    # In the source's order.
    positions = [text.index(line) for line in source_lines()]
    assert positions == sorted(positions)


def test_the_meetings_are_listed_from_the_data(texts):
    held = Meeting.objects.filter(slug__in=["wg-2009", "wg-2010-01", "wg-2010-10"])
    spans = [(m.start_date, m.end_date) for m in held.order_by("start_date")]
    for language in LANGUAGES:
        phrase = style.date_spans_prose(spans, language)
        assert holds(texts["note", language], phrase, language), language


ITEM = {
    "en": ("Item 2 (b) of the provisional agenda*", "Sixth session", "Vienna, 15-19 October 2012"),
    "fr": (
        "Point 2 b) de l'ordre du jour provisoire*",
        "Sixième session",
        "Vienne, 15-19 octobre 2012",
    ),
    "es": (
        "Tema 2 b) del programa provisional*",
        "Sexto período de sesiones",
        "Viena, 15 a 19 de octubre de 2012",
    ),
    "ru": (
        "Пункт 2 b) предварительной повестки дня*",
        "Шестая сессия",
        "Вена, 15-19 октября 2012 года",
    ),
    "zh-hans": ("临时议程项目2(b)*", "第六届会议", "2012年10月15日至19日，维也纳"),
    "ar": (
        "البند 2 (ب) من جدول الأعمال المؤقت*",
        "الدورة السادسة",
        "فيينا، 15-19 تشرين الأول/أكتوبر 2012",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_item_reference_and_its_footnote(texts, language):
    reference, session, place = ITEM[language]
    text = texts["note", language]
    for phrase in (reference, session, place):
        assert holds(text, phrase, language), phrase
    # The footnote, at the foot of the page; Arabic text comes out of the PDF in visual order.
    footnote = "* CTOC/COP/2012/1." if language != "ar" else ".CTOC/COP/2012/1 *"
    assert text.count(footnote) == 1


def test_the_report_introduces_itself_with_its_mandate():
    meeting = Meeting.objects.get(slug="wg-2011")
    with translation.override("en"):
        sentences = documents.introduction(meeting)
    assert [sentence.split(", the Conference")[0] for sentence in sentences] == [
        "In paragraph (n) of its decision 4/4",
        "In paragraph (a) of its resolution 5/2",
    ]
    assert sentences[0].endswith("with regard to the Trafficking in Persons Protocol.")
    with translation.override("fr"):
        first = documents.introduction(Meeting.objects.get(slug="wg-2010-01"))
    assert first[1].startswith(
        "À l'alinéa p) de sa décision 4/4, la Conférence a décidé en outre que le groupe de travail"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_reads_back_in_each_language(texts, language):
    meeting = Meeting.objects.get(slug="wg-2011")
    text = texts["report", language]
    with translation.override(language):
        sentences = documents.introduction(meeting)
    for phrase in sentences:
        assert holds(text, phrase, language), phrase


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_report_numbers_its_paragraphs_in_one_sequence(language):
    """Introduction 1–2, the recommendations 3 onwards, then the secretariat's sections: one
    sequence, no restart, the headings unnumbered."""
    report = selectors.report(REPORT)
    context = documents.report_context(report, language)
    count = (
        len(context["introduction"])
        + sum(len(group) for _item, group in context["groups"])
        + sum(len(paragraphs) for _number, _title, paragraphs in context["sections"])
    )
    assert context["sections"] and context["groups"]
    text = pdftotext(documents.report_pdf(report, language).content)
    # "3." opens a line; the Arabic "3-" comes out of the text layer in visual order, "-3".
    marker = {"en": r"(\d+)\.", "ar": r"(?:(\d+)-|-(\d+))"}[language]
    found = [int("".join(groups)) for groups in re.findall(rf"^\s*{marker}(?:\s|$)", text, re.M)]
    assert found == list(range(1, count + 1)), text
