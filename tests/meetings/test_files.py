"""What the register checks in a file, and what a file's name says."""

import io

import pypdf
import pytest
from django.core.exceptions import ValidationError

from meetings import files
from tests.meetings.register_files import PNG, docx_bytes, pdf_bytes


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
