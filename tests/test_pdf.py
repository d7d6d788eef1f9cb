"""Official documents as PDF, read back: text, fonts, shaping, metadata, caching, refusals."""

import re
import unicodedata
from collections import defaultdict
from io import BytesIO

import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from decisions import documents as decision_documents
from decisions import selectors as decision_selectors
from meetings import documents, selectors
from meetings.models import AgendaItem
from tests.conftest import LANGUAGES
from wgportal import pdf

pytestmark = pytest.mark.django_db

ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(content, page=None, running_head=None):
    """The text layer as a reader's copy and paste gets it; with ``running_head``, the pages'
    running head and number (which come last in each page's text) are left out."""
    pages = pypdf.PdfReader(BytesIO(content)).pages
    if page is not None:
        return pages[page - 1].extract_text()
    texts = []
    for number, each in enumerate(pages, start=1):
        lines = each.extract_text().splitlines()
        while (
            running_head
            and lines
            and BIDI_CONTROLS.sub("", lines[-1]).strip()
            in {
                str(number),
                running_head,
            }
        ):
            lines.pop()
        texts.append("\n".join(lines))
    return "\n".join(texts)


CJK = "\u3000-\u9fff\uff00-\uffef"


def normal(text):
    """Whitespace folded (none left between Chinese characters, where lines wrap without a
    space), bidi controls and Arabic vowel marks removed."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", text))
    text = ARABIC_DIACRITICS.sub("", text)
    text = re.sub(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])", "", text)
    text = re.sub(r"(?<=\w)-\s+(?=\w)", "-", text)  # a line broken after a hyphen
    return re.sub(r"\s+", " ", text).strip()


def holds(text, phrase, language):
    """The phrase is in the text. A PDF's text layer gives an Arabic line containing digits,
    Latin letters or a footnote mark in visual runs, so there every word must be there and
    nearly every pair of neighbouring words must still be neighbours."""
    phrase = normal(phrase)
    if language != "ar":
        return phrase in text
    arabic, words = arabic_only(text), arabic_only(phrase).split()
    # Neighbours with nothing but Arabic between them in the phrase.
    runs = [arabic_only(run).split() for run in re.split(r"[^\u0621-\u064a\s،؛]+", phrase)]
    pairs = [f"{a} {b}" for run in runs for a, b in zip(run, run[1:], strict=False)]
    kept = sum(pair in arabic for pair in pairs)
    return bool(words) and all(word in arabic for word in words) and kept >= 0.9 * len(pairs)


def arabic_only(text):
    return " ".join(re.findall("[\u0621-\u064a]+", text))


def agenda(language):
    return documents.agenda_pdf(selectors.meeting_with_agenda("wg-2009"), language)


@pytest.fixture(scope="module")
def agendas(django_db_setup, django_db_blocker):
    """Each language's agenda rendered once for the module: (RenderedPdf, its text)."""
    with django_db_blocker.unblock():
        rendered = {language: agenda(language) for language in LANGUAGES}
    head = "CTOC/COP/WG.4/2009/1"
    return {
        language: (r, normal(pdftotext(r.content, running_head=head)))
        for language, r in rendered.items()
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_reads_back_in_each_language(agendas, language):
    rendered, text = agendas[language]
    assert rendered.missing_glyphs == ()
    assert "CTOC/COP/WG.4/2009/1" in text
    items = selectors.meeting_with_agenda("wg-2009").agenda.items.all()
    with translation.override(language):
        for item in items:
            assert holds(text, item.title, language), (language, item.label)
        assert holds(text, items.get(number=1, sub_letter="a").annotation, language)
        assert holds(text, translation.gettext("Proposed organization of work"), language)


def test_french_agenda_carries_the_seed_titles_and_symbols_verbatim(agendas):
    _rendered, text = agendas["fr"]
    for item in AgendaItem.objects.filter(agenda__meeting__slug="wg-2009"):
        assert normal(item.title_fr) in text
        for entry in item.documentation_entries.all():
            assert entry.document.symbol in text
            assert normal(entry.document.title_fr) in text
    for words in ["Distr. générale", "5 mars 2009", "Original: anglais", "(suite)", "Annexe"]:
        assert words in text, words


def glyphs_per_character(content):
    """{character: {glyph ids}} from the ToUnicode maps of the PDF's fonts."""
    found = defaultdict(set)
    for page in pypdf.PdfReader(BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_data().decode("latin-1")
            for glyph, code in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]{4,})>", cmap):
                if len(code) == 4:
                    found[chr(int(code, 16))].add(int(glyph, 16))
    return found


def test_arabic_is_shaped_and_in_logical_order(agendas):
    rendered, text = agendas["ar"]
    # Logical order: words come back as written, not reversed letter by letter.
    assert "جدول الأعمال المؤقت" in text
    assert "لتاقؤملا" not in text
    # No presentation forms in the text layer: it holds the letters themselves.
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)
    # Joined forms: common letters are drawn with several glyphs (initial, medial, final).
    glyphs = glyphs_per_character(rendered.content)
    for letter in "لمعت":
        assert len(glyphs[letter]) >= 3, letter


def fonts_of(content):
    names = set()
    for page in pypdf.PdfReader(BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.parametrize(
    ("language", "font"),
    [("ar", "Noto-Naskh-Arabic"), ("zh-hans", "Noto-Serif-CJK-SC"), ("ru", "Noto-Serif")],
)
def test_each_language_uses_its_font(agendas, language, font):
    rendered, _text = agendas[language]
    assert any(name.startswith(font) for name in fonts_of(rendered.content))


def test_chinese_comes_back_as_chinese_characters(agendas):
    _rendered, text = agendas["zh-hans"]
    assert "临时议程" in text
    assert "\ufffd" not in text
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 500


@pytest.mark.parametrize("language", LANGUAGES)
def test_tagged_with_title_language_and_author(agendas, language):
    rendered, _text = agendas[language]
    reader = pypdf.PdfReader(BytesIO(rendered.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == language
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.metadata.title.startswith("CTOC/COP/WG.4/2009/1")
    with translation.override(language):
        assert reader.metadata.author == translation.gettext("United Nations")


def test_pages_carry_numbers_and_the_symbol_in_the_running_head(agendas):
    rendered, _text = agendas["en"]
    reader = pypdf.PdfReader(BytesIO(rendered.content))
    assert 3 <= len(reader.pages) <= 6
    first, second = (normal(pdftotext(rendered.content, page=n)) for n in (1, 2))
    assert first.count("CTOC/COP/WG.4/2009/1") == 1  # the masthead; no running head on page 1
    assert "CTOC/COP/WG.4/2009/1" in second
    assert "2" in second.split()


def test_a_character_no_font_has_is_reported():
    html = '<html lang="en"><body><p>Private \U000f0000 use</p></body></html>'
    _content, missing = pdf.html_to_pdf(html)
    assert missing == ("\U000f0000",)


def test_a_document_with_missing_glyphs_is_not_cached(monkeypatch):
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: (b"%PDF-boxes", ("\U000f0000",)))
    AgendaItem.objects.filter(agenda__meeting__slug="wg-2009", number=4).update(
        title_en="Adoption of the report (changed so that nothing is cached)"
    )
    first = agenda("en")
    assert first.missing_glyphs and not first.cached
    assert not agenda("en").cached


def test_unchanged_document_comes_from_the_cache_and_a_change_renders_again(monkeypatch):
    calls = []
    bare = pdf.html_to_pdf
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: calls.append(html) or bare(html))
    item = AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=4)
    item.title_es = "Aprobación del informe (texto cambiado para la prueba)"
    item.save()
    first, second = agenda("es"), agenda("es")
    assert (first.cached, second.cached) == (False, True)
    assert first.content == second.content and first.key == second.key
    item.title_es = "Aprobación del informe (otra vez cambiado)"
    item.save()
    third = agenda("es")
    assert not third.cached and third.key != first.key
    assert len(calls) == 2


def test_a_draft_served_twice_renders_once_and_answers_304_to_the_same_etag(
    secretariat_client, monkeypatch
):
    """The draft agenda, rendered for the secretariat on request (an issued one is served from
    the document register)."""
    client = secretariat_client
    calls = []
    bare = pdf.html_to_pdf
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: calls.append(1) or bare(html))
    AgendaItem.objects.filter(agenda__meeting__slug="wg-2010-01", number=3).update(
        title_ru="Утверждение доклада (изменено для проверки кэша)"
    )
    first = client.get("/ru/meetings/wg-2010-01/agenda.pdf")
    second = client.get("/ru/meetings/wg-2010-01/agenda.pdf")
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert 'filename="CTOC-COP-WG.4-2010-1-ru.pdf"' in first["Content-Disposition"]
    assert first.content == second.content
    assert len(calls) == 1
    again = client.get(
        "/ru/meetings/wg-2010-01/agenda.pdf", headers={"if-none-match": first["ETag"]}
    )
    assert again.status_code == 304


def test_an_issued_agenda_is_served_from_the_register(client):
    response = client.get("/ru/meetings/wg-2009/agenda.pdf")
    assert response.status_code == 302
    assert response["Location"] == "/ru/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-R.pdf"


def test_missing_translation_falls_back_and_the_secretariat_is_told(client, secretariat):
    item = AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=4)
    item.annotation_ru = ""
    item.save()
    text = normal(pdftotext(agenda("ru").content))
    assert normal(item.annotation_en) in text
    anonymous = client.get("/en/meetings/wg-2009/").content.decode()
    assert "are missing in these languages" not in anonymous
    client.force_login(secretariat)
    html = client.get("/en/meetings/wg-2009/").content.decode()
    assert "are missing in these languages" in html
    assert "Русский</strong>: 4: annotation" in html


def test_markup_and_template_syntax_in_data_print_as_text():
    item = AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=4)
    item.title_en = "<b>Adoption</b> {{ secret }} {% now 'Y' %} &amp;"
    item.save()
    text = normal(pdftotext(agenda("en").content))
    assert "<b>Adoption</b> {{ secret }} {% now 'Y' %} &amp;" in text


@pytest.mark.parametrize(
    "path",
    [
        "/en/meetings/wg-2011/agenda.pdf",  # a meeting without an agenda
        "/en/meetings/nowhere/agenda.pdf",
        "/xx/meetings/wg-2009/agenda.pdf",  # an unknown language
        "/en/decisions/4/9/decision.pdf",
    ],
)
def test_what_does_not_exist_answers_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_decision_reads_back_in_each_language(client, language):
    decision = decision_selectors.decision_with_paragraphs(4, 4)
    assert decision_documents.decision_pdf(decision, language).missing_glyphs == ()
    response = client.get(f"/{language}/decisions/4/4/decision.pdf")
    assert response.status_code == 200
    with translation.override(language):
        head = decision.citation()
        text = normal(pdftotext(response.content, running_head=head[0].upper() + head[1:]))
        assert holds(text, decision.title, language)
        assert holds(text.lower(), decision.citation(), language)
        for paragraph in decision.paragraphs.all():
            assert holds(text, paragraph.text, language), paragraph.labels
        for note in decision.footnotes.all():
            assert holds(text, note.text, language)


def test_render_pdf_command_writes_agenda_and_decision(tmp_path):
    out = tmp_path / "agenda.pdf"
    call_command("render_pdf", "agenda", "--meeting", "wg-2009", "--lang", "fr", "--out", str(out))
    assert "Ordre du jour provisoire" in pdftotext(out.read_bytes())
    out = tmp_path / "decision.pdf"
    call_command("render_pdf", "decision", "--number", "4/4", "--lang", "ar", "--out", str(out))
    assert "الاتجار بالبشر" in normal(pdftotext(out.read_bytes()))
    assert (
        decision_documents.decision_filename(
            decision_selectors.decision_with_paragraphs(4, 4), "ar"
        )
        == "decision-4-4-ar.pdf"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["agenda", "--meeting", "nowhere"], "No such agenda"),
        (["agenda", "--meeting", "wg-2011"], "No such agenda"),
        (["decision", "--number", "4/9"], "No such decision"),
        (["decision", "--number", "four"], "No such decision"),
    ],
)
def test_render_pdf_command_refuses_what_does_not_exist(tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("render_pdf", *arguments, "--lang", "en", "--out", str(tmp_path / "x.pdf"))
