"""The official documents in the six languages, read back from their PDFs: mastheads, place and
dates, list labels, the organization of work, the note verbale's declined place and dates, and
in Arabic the fax, the URL and the time offset in their own order."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from decisions import documents as decision_documents
from decisions import selectors as decision_selectors
from meetings import documents, selectors
from meetings.models import Meeting, MemberState
from submissions import outbox
from submissions.models import CallForTopics, TopicProposal
from submissions.note_verbale import note_verbale_pdf
from submissions.receipts import receipt_pdf
from tests.conftest import LANGUAGES
from tests.test_pdf import holds, normal, pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def texts(django_db_setup, django_db_blocker):
    """{(kind, language): the PDF's text, normalised}, each document rendered once."""
    with django_db_blocker.unblock():
        meeting = selectors.meeting_with_agenda("wg-2009")
        decision = decision_selectors.decision_with_paragraphs(4, 4)
        call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
        austria = MemberState.objects.get(iso3="AUT")
        proposal = TopicProposal.objects.filter(status=TopicProposal.Status.SUBMITTED).first()
        rendered = {}
        for language in LANGUAGES:
            rendered["agenda", language] = documents.agenda_pdf(meeting, language)
            rendered["decision", language] = decision_documents.decision_pdf(decision, language)
            rendered["note", language] = note_verbale_pdf(call, austria, language)
            rendered["receipt", language] = receipt_pdf(proposal, language)
    return {key: normal(pdftotext(pdf.content)) for key, pdf in rendered.items()}


AGENDA = {
    "en": (
        "Distr.: General 5 March 2009 Original: English",
        "Vienna, 14 and 15 April 2009",
        "Tuesday, 14 April 10 a.m.-1 p.m. 1 (a)",
    ),
    "fr": (
        "Distr. générale 5 mars 2009 Français Original: anglais",
        "Vienne, 14 et 15 avril 2009",
        "Mardi 14 avril 10 heures-13 heures 1 a)",
    ),
    "es": (
        "Distr. general 5 de marzo de 2009 Español Original: inglés",
        "Viena, 14 y 15 de abril de 2009",
        "Martes 14 de abril 10.00 a 13.00 horas 1 a)",
    ),
    "ru": (
        "Distr.: General 5 March 2009 Russian Original: English",
        "Вена, 14 и 15 апреля 2009 года",
        "Вторник, 14 апреля 10 ч. 00 м. – 13 ч. 00 м. 1 a)",
    ),
    "zh-hans": (
        "Distr.: General 5 March 2009 Chinese Original: English",
        "2009年4月14日和15日，维也纳",
        "4月14日，星期二上午10时至下午1时1(a)",
    ),
}


@pytest.mark.parametrize("language", AGENDA)
def test_agenda_masthead_place_and_organization_of_work(texts, language):
    text = texts["agenda", language]
    for expected in AGENDA[language]:
        assert normal(expected) in text, (language, expected)
    # One numeral style in Chinese dates; "года", never "г.", after a Russian year.
    assert not re.search(r"年[一二三四五六七八九十]+月|\d г\.", text)


def test_arabic_agenda_keeps_the_masthead_in_english_and_labels_in_arabic(texts):
    text = texts["agenda", "ar"]
    assert "Distr.: General 5 March 2009 Arabic Original: English" in text
    assert holds(text, "فيينا، 14 و15 نيسان/أبريل 2009", "ar")
    assert holds(text, "الثلاثاء، 14 نيسان/أبريل", "ar")
    assert "10:00-13:00" in text
    # Sub-items (أ), (ب), never the Latin (a), (b).
    assert re.search(r"[()]أ[()]", text) and re.search(r"[()]ب[()]", text)
    assert not re.search(r"[()][ab][()]", text)


DECISION = {
    "en": ("Vienna, 8-17 October 2008", "(o)", "(i)"),
    "fr": ("Vienne, 8-17 octobre 2008", "o)", "i)"),
    "es": ("Viena, 8 a 17 de octubre de 2008", "o)", "i)"),
    "ru": ("Вена, 8-17 октября 2008 года", "o)", "i)"),
    "zh-hans": ("2008年10月8日至17日，维也纳", "(o)", "㈠"),
}


@pytest.mark.parametrize("language", DECISION)
def test_decision_4_4_place_and_paragraph_labels(texts, language):
    text = texts["decision", language]
    place, letter, numeral = DECISION[language]
    assert place in text
    assert letter in text and numeral in text


def test_arabic_decision_letters_in_abjadi_order_and_sub_paragraphs_in_figures(texts):
    text = texts["decision", "ar"]
    assert holds(text, "فيينا، 8-17 تشرين الأول/أكتوبر 2008", "ar")
    assert re.search(r"[()]س[()]", text)  # (o), the fifteenth letter
    assert "'1'" in text and "'4'" in text
    assert not re.search(r"[()](o|iv)[()]", text)


NOTE = {
    "en": ("in Vienna (Austria) from 27 to 29 January 2010", "31 July 2009"),
    "fr": ("à Vienne (Autriche) du 27 au 29 janvier 2010", "31 juillet 2009"),
    "es": ("en Viena (Austria) del 27 al 29 de enero de 2010", "31 de julio de 2009"),
    "ru": ("в Вене (Австрия) с 27 по 29 января 2010 года", "31 июля 2009 года"),
    "zh-hans": ("2010年1月27日至29日在维也纳（奥地利）举行", "2009年7月31日"),
}


@pytest.mark.parametrize("language", NOTE)
def test_note_verbale_declines_the_place_and_writes_the_dates(texts, language):
    text = texts["note", language]
    for expected in NOTE[language]:
        assert normal(expected) in text, (language, expected)


def test_arabic_note_keeps_fax_url_and_e_mail_in_their_order(texts):
    text = texts["note", "ar"]
    assert holds(text, "في فيينا (النمسا) من 27 إلى 29 كانون الثاني/يناير 2010", "ar")
    assert "+43-1 26060 75752" in text
    assert "1-43+" not in text and "75752 26060" not in text
    assert "http://www.unodc.org/unodc/ar/treaties/" in text
    assert "untoc.cop@unodc.org" in text
    # The text layer names a bracket's glyph by the first character it drew (in the
    # right-to-left lines, the mirrored one): the order is what is checked here.
    assert re.search(r"CU 2009/92 [()]A[()]", text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_receipt_reads_back(texts, language):
    text = texts["receipt", language]
    assert re.search(r"CU 2009/92 [()]A[()]", text)
    with translation.override(language):
        assert holds(text, translation.gettext("Receipt of a topic proposal"), language)


def test_arabic_receipt_keeps_its_time_in_order_and_names_the_zone(texts):
    text = texts["receipt", "ar"]
    assert "16:00" in text and "بتوقيت فيينا" in text, text
    assert "00:16" not in text and "+0" not in text


def test_arabic_e_mails_keep_references_and_links_in_their_order():
    proposal = TopicProposal.objects.filter(status=TopicProposal.Status.SUBMITTED).first()
    link = "https://portal.example/ar/proposals/1/"
    context = {"proposal": proposal, "user": proposal.submitted_by, "link": link}
    subject, body = outbox.compose("receipt", context, "ar")
    assert f"\u2066{proposal.reference}\u2069" in subject
    assert f"\u2066{link}\u2069" in body
    subject, body = outbox.compose("receipt", context, "en")
    assert "\u2066" not in subject + body


def test_a_venue_entered_with_its_preposition_serves_its_language_only():
    meeting = Meeting.objects.get(slug="wg-2010-01")
    assert meeting.place_in("ru") == "в Вене"
    meeting.venue_ru, meeting.venue_in_ru = "Лима", "в Лиме"
    meeting.venue_en, meeting.venue_in_en = "Lima", ""
    assert (meeting.place_in("ru"), meeting.place_in("en")) == ("в Лиме", "in Lima")
    meeting.venue_in_ru, meeting.venue_in_fr = "", "à Lima"
    assert meeting.place_in("ru") == "в Лима"  # not the French form standing in


@pytest.mark.parametrize(
    ("language", "reference", "footnote"),
    [
        ("en", "Item 2 of the provisional agenda*", "* CTOC/COP/WG.4/2009/1."),
        ("fr", "Point 2 de l&#x27;ordre du jour provisoire*", "* CTOC/COP/WG.4/2009/1."),
        ("zh-hans", "临时议程项目2*", "* CTOC/COP/WG.4/2009/1."),
        ("ar", "البند 2 من جدول الأعمال المؤقت*", "* \u2066CTOC/COP/WG.4/2009/1\u2069."),
    ],
)
def test_documents_page_gives_each_document_its_item_reference(
    client, language, reference, footnote
):
    html = client.get(f"/{language}/meetings/wg-2009/documents/").content.decode()
    assert reference in html and footnote in html


def test_a_proposal_written_in_arabic_keeps_its_numbers_in_order_whatever_the_page():
    template = Template("{% load wgportal %}{{ text|bidi:'ar' }} {{ text|bidi }}")
    html = template.render(Context({"text": "الهاتف +43-1 26060"}))
    assert html == "الهاتف \u2066+43-1\u00a026060\u2069 الهاتف +43-1 26060"
