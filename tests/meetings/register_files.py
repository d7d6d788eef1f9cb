"""Files for the document register's tests: real PDFs and Word documents, made here."""

import io
import zipfile

import pypdf


def pdf_bytes(pages=1, marker=""):
    """A PDF of blank pages; ``marker`` goes into its metadata so that files differ."""
    writer = pypdf.PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": marker or "test"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
    'openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.'
    'openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
    "<TotalTime>12</TotalTime><Pages>{pages}</Pages><Words>2310</Words>"
    "<Application>Microsoft Office Word</Application></Properties>"
)


def docx_bytes(app_xml=None):
    """A Word document as OOXML packs one: its content types first, then the text, then
    ``app_xml`` as its properties (docProps/app.xml) when given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr("word/document.xml", "<w:document/>")
        if app_xml is not None:
            package.writestr("docProps/app.xml", app_xml)
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
