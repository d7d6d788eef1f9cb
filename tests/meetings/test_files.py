"""What the register checks in a file, and what a file's name says."""

import io
import zipfile

import pypdf
import pytest
from django.core.exceptions import ValidationError

from meetings import files
from tests.meetings.register_files import APP_XML, PNG, docx_bytes, pdf_bytes


def refusal(content, name):
    with pytest.raises(ValidationError) as error:
        files.check(content, name)
    return " ".join(error.value.messages)


def test_a_pdf_is_counted_and_summed():
    content = pdf_bytes(pages=3)
    checked = files.check(content, "V0851234e.pdf")
    assert (checked.format, checked.pages, checked.size) == ("pdf", 3, len(content))
    assert len(checked.sha256) == 64


def test_a_word_document_is_taken_for_a_draft():
    checked = files.check(docx_bytes(), "draft.docx")
    assert (checked.format, checked.pages) == ("docx", None)


def test_a_word_document_gives_the_page_count_word_saved_in_it():
    checked = files.check(docx_bytes(APP_XML.format(pages=14)), "draft.docx")
    assert (checked.format, checked.pages) == ("docx", 14)


# What is not a page count leaves the pages empty, and the draft is taken all the same.
@pytest.mark.parametrize(
    "app_xml",
    [
        APP_XML.format(pages=""),
        APP_XML.format(pages="fourteen"),
        APP_XML.format(pages="-3"),
        APP_XML.format(pages="0"),
        APP_XML.format(pages="²"),  # a digit to str.isdigit(), not a number
        APP_XML.format(pages="99999999999"),  # past the database's integer
        APP_XML.format(pages="<b>14</b>"),
        APP_XML.replace("<Pages>{pages}</Pages>", ""),
        "<Pages>14</Pages>",  # not in Word's namespace
        "not XML at all <Pages>14",
        "\x00\xff" * 40,
    ],
)
def test_a_word_document_without_a_page_count_is_taken_without_one(app_xml):
    checked = files.check(docx_bytes(app_xml), "draft.docx")
    assert (checked.format, checked.pages) == ("docx", None)


def test_word_properties_declaring_entities_are_not_read():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE Properties [<!ENTITY a "1111111111">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    body = APP_XML.format(pages="&c;").split("?>", 1)[1]
    assert files.check(docx_bytes(laughs + body), "draft.docx").pages is None
    external = '<?xml version="1.0"?><!DOCTYPE Properties SYSTEM "http://example.org/x.dtd">'
    assert files.check(docx_bytes(external + body), "draft.docx").pages is None


def test_huge_word_properties_are_not_read(caplog):
    # 200 MB of spaces before the count, a few hundred kilobytes compressed: only the first
    # 64 KiB are ever inflated, and the draft is taken without a count.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part in ("[Content_Types].xml", "word/document.xml"):
            package.writestr(part, zipfile.ZipFile(io.BytesIO(docx_bytes())).read(part))
        with package.open("docProps/app.xml", "w", force_zip64=True) as member:
            member.write(APP_XML.format(pages=3).encode())
            for _chunk in range(200):
                member.write(b" " * 1024 * 1024)
    checked = files.check(out.getvalue(), "bomb.docx")
    assert (checked.format, checked.pages) == ("docx", None)
    assert "too large" in caplog.text


def damaged_properties():
    content = docx_bytes(APP_XML.format(pages=14))
    start = content.index(b"docProps/app.xml") + len("docProps/app.xml")
    return content[:start] + bytes(64) + content[start + 64 :]


@pytest.mark.parametrize(
    "content",
    [
        docx_bytes(APP_XML.format(pages=14))[:-40],  # its directory cut off
        damaged_properties(),  # its properties' compressed bytes overwritten
    ],
)
def test_a_damaged_word_archive_is_taken_without_a_page_count(content):
    checked = files.check(content, "draft.docx")
    assert (checked.format, checked.pages) == ("docx", None)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (PNG, "CTOC-COP-2008-8-E.pdf", "neither a PDF nor a Word document"),
        (b"Just some text, not a PDF at all.", "notes.pdf", "neither a PDF nor a Word document"),
        (b"", "empty.pdf", "is empty"),
        (docx_bytes(), "draft.pdf", "named as a PDF file but holds a DOCX document"),
        (pdf_bytes(), "report.docx", "named as a DOCX file but holds a PDF document"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF", "broken.pdf", "does not open as a PDF"),
        (pdf_bytes()[:200], "cut.pdf", "does not open as a PDF"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_by_name(content, name, message):
    assert message in refusal(content, name)
    assert name in refusal(content, name)


def test_a_file_over_the_limit_is_refused(settings):
    settings.DOCUMENT_MAX_SIZE = 100
    assert "big.pdf is larger than 100" in refusal(pdf_bytes(pages=5), "big.pdf")


def test_a_pdf_with_a_password_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    assert "protected by a password" in refusal(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize(
    ("name", "symbol", "language"),
    [
        ("V0851234e.pdf", None, "en"),
        ("V0851234A.pdf", None, "ar"),
        ("v0851234c.docx", None, "zh-hans"),
        ("CTOC-COP-2008-8-E.pdf", "CTOC/COP/2008/8", "en"),
        ("CTOC-COP-WG.4-2009-1-R.pdf", "CTOC/COP/WG.4/2009/1", "ru"),
        ("CTOC-COP-2005-3-Rev.2-S.pdf", "CTOC/COP/2005/3/Rev.2", "es"),
        ("CTOC-COP-2008-CRP.1-fr.pdf", "CTOC/COP/2008/CRP.1", "fr"),
        ("CTOC-COP-2008-8-zh-hans.pdf", "CTOC/COP/2008/8", "zh-hans"),
        ("CTOC-COP-2008-8_ar.pdf", "CTOC/COP/2008/8", "ar"),
        ("C:\\Users\\x\\CTOC-COP-2008-8-E.pdf", "CTOC/COP/2008/8", "en"),
        ("ctoc-cop-2008-8-E.pdf", None, "en"),  # not a symbol: lower case
        ("report final.pdf", None, None),
        ("V0851234x.pdf", None, None),
        ("CTOC-COP-2008-8-E.exe", None, None),
    ],
)
def test_names_give_symbol_and_language(name, symbol, language):
    assert files.parse_name(name) == (symbol, language)
