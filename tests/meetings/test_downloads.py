"""A version's download: its name, language and validators, a 304 for the copy a reader has,
byte ranges (206), and 416 for a range past the end. Served from storage, never rendered."""

import pytest
from django.utils.http import http_date

from meetings.models import DocumentVersion
from wgportal import downloads, pdf

pytestmark = pytest.mark.django_db

URL = "/en/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-A.pdf"


@pytest.fixture
def arabic():
    return DocumentVersion.objects.get(document__symbol="CTOC/COP/WG.4/2009/1", language="ar")


def body(response):
    return b"".join(response.streaming_content)


def test_the_download_names_the_file_and_its_language(client, arabic, monkeypatch):
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: pytest.fail("rendered in a request"))
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="CTOC-COP-WG.4-2009-1-A.pdf"'
    assert response["Content-Language"] == "ar"
    assert response["ETag"] == f'"{arabic.sha256}"'
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(arabic.size)
    content = body(response)
    assert content.startswith(b"%PDF") and len(content) == arabic.size
    assert response["Last-Modified"] == http_date(int(arabic.stored_at.timestamp()))


def test_the_copy_a_reader_has_is_not_sent_again(client, arabic):
    response = client.get(URL, headers={"If-None-Match": f'"{arabic.sha256}"'})
    assert response.status_code == 304 and response["ETag"] == f'"{arabic.sha256}"'
    since = http_date(int(arabic.stored_at.timestamp()) + 60)
    assert client.get(URL, headers={"If-Modified-Since": since}).status_code == 304
    assert client.get(URL, headers={"If-None-Match": '"other"'}).status_code == 200


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=0-99", 0, 99), ("bytes=100-", 100, None), ("bytes=-50", None, None)],
)
def test_a_range_is_answered_206_with_those_bytes(client, arabic, header, first, last):
    whole = arabic.file.open("rb").read()
    size = len(whole)
    if first is None:
        first, last = size - 50, size - 1
    last = size - 1 if last is None else last
    response = client.get(URL, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Language"] == "ar"
    assert body(response) == whole[first : last + 1]


def test_a_range_past_the_end_is_416(client, arabic):
    response = client.get(URL, headers={"Range": f"bytes={arabic.size}-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{arabic.size}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "bytes=9-2", "lines=1-2", "bytes=x-"])
def test_a_range_the_portal_does_not_serve_gets_the_whole_file(client, arabic, header):
    response = client.get(URL, headers={"Range": header})
    assert response.status_code == 200 and response["Content-Length"] == str(arabic.size)


def test_a_range_for_a_former_file_gets_the_whole_new_one(client, arabic):
    stale = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": '"formerfile"'})
    assert stale.status_code == 200
    fresh = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": f'"{arabic.sha256}"'})
    assert fresh.status_code == 206


@pytest.mark.parametrize(
    "path",
    [
        "/en/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-X.pdf",  # no such language
        "/en/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-2008-8-A.pdf",  # another document's name
        "/en/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-A.docx",  # not its format
        "/en/documents/CTOC/COP/2008/CRP.1/CTOC-COP-2008-CRP.1-A.pdf",  # English only
        "/en/documents/CTOC/COP/WG.4/2010/1/CTOC-COP-WG.4-2010-1-E.pdf",  # not issued
        "/en/documents/NO/SUCH/1/NO-SUCH-1-E.pdf",
        "/en/documents/CTOC/COP/WG.4/2010/1/",
        "/en/documents/NO/SUCH/1/",
    ],
)
def test_what_is_not_there_or_not_public_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_download_is_read_only(client):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        ("bytes=0-0", 10, (0, 0)),
        ("bytes=5-100", 10, (5, 9)),
        ("bytes=-100", 10, (0, 9)),
        ("bytes=-", 10, None),
        ("bytes=1-2, 4-5", 10, None),
        ("", 10, None),
    ],
)
def test_byte_ranges_read_as_the_rfc_says(header, size, expected):
    assert downloads.byte_range(header, size) == expected


@pytest.mark.parametrize(("header", "size"), [("bytes=10-", 10), ("bytes=-0", 10), ("bytes=-5", 0)])
def test_unsatisfiable_ranges(header, size):
    with pytest.raises(downloads.Unsatisfiable):
        downloads.byte_range(header, size)
