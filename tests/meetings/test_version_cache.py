"""What downloads keep of the register in the shared cache: a download served from it makes no
query, and every change the register makes shows at once (a version replaced or removed, a
document released, a symbol corrected), even against a reader that read just before it."""

import pytest
from django.core.cache import caches

from meetings import register, version_cache
from meetings.models import Document, DocumentVersion, Meeting
from tests.conftest import LANGUAGES
from tests.meetings.test_register import entry, upload, user

pytestmark = pytest.mark.django_db

SYMBOL = "CTOC/COP/WG.4/2011/2"


@pytest.fixture(autouse=True)
def shared(settings):
    """The register's cache as production has it; on a machine without Redis, one of this
    process (the tests' client is in it too)."""
    if "Dummy" in settings.CACHES["register"]["BACKEND"]:
        local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"}
        settings.CACHES = {**settings.CACHES, "register": local}
    caches["register"].clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the register does once its transaction is committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def document(committed):
    with committed():
        document = Document.objects.create(
            symbol=SYMBOL,
            title_en="Background paper",
            meeting=Meeting.objects.get(slug="wg-2011"),
            languages=LANGUAGES,
        )
        upload(document, LANGUAGES)
        register.issue_document(document, by=user("secretariat"))
    return Document.objects.get(pk=document.pk)


def arabic(document):
    return document.versions.get(language="ar")


def replace_arabic(document, committed):
    with committed():
        register.upload_versions(
            [entry(document, "ar", marker="corrected")], by=user("secretariat"), replace=True
        )
    return arabic(document)


def test_a_second_download_makes_no_query(client, document, django_assert_num_queries):
    url = arabic(document).get_absolute_url()
    with django_assert_num_queries(0):  # the register put the released version in the cache
        assert client.get(url).status_code == 200
    caches["register"].clear()
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_replaced_version_is_served_at_once(client, document, committed):
    url = arabic(document).get_absolute_url()
    assert client.get(url).status_code == 200
    replaced = replace_arabic(document, committed)
    response = client.get(url)
    assert response["ETag"] == f'"{replaced.sha256}"'
    assert b"".join(response.streaming_content) == replaced.file.open("rb").read()


def test_a_reader_that_read_before_a_change_does_not_put_it_back(document, committed, monkeypatch):
    caches["register"].clear()
    former = arabic(document)
    read = version_cache._read

    def read_while_the_secretariat_replaces(symbol, language):
        found = read(symbol, language)
        replace_arabic(document, committed)  # another process, committed meanwhile
        return found

    monkeypatch.setattr(version_cache, "_read", read_while_the_secretariat_replaces)
    assert version_cache.version(SYMBOL, "ar").sha256 == former.sha256  # what it read
    monkeypatch.undo()
    assert version_cache.version(SYMBOL, "ar").sha256 == arabic(document).sha256 != former.sha256


def test_a_document_is_downloadable_the_moment_it_is_released(client, committed):
    with committed():
        document = Document.objects.create(
            symbol=SYMBOL, title_en="Background", languages=["en", "fr"]
        )
        upload(document, ["en", "fr"])
    url = document.versions.get(language="fr").get_absolute_url()
    assert client.get(url).status_code == 404  # not issued: the public sees nothing
    with committed():
        register.issue_document(document, by=user("secretariat"))
    assert Document.objects.get(pk=document.pk).released_at is not None
    assert client.get(url).status_code == 200


def test_a_removed_version_answers_404(secretariat_client, committed):
    with committed():
        document = Document.objects.create(symbol=SYMBOL, title_en="Draft", languages=["en"])
        upload(document, ["en"])
    version = document.versions.get()
    url = version.get_absolute_url()
    assert secretariat_client.get(url).status_code == 200  # a draft, the secretariat's
    with committed():
        register.remove_version(version, by=user("secretariat"))
    assert secretariat_client.get(url).status_code == 404
    assert caches["register"].get(version_cache._key(SYMBOL, "en")) == version_cache.GONE


def test_a_corrected_symbol_leaves_its_former_address(client, document, committed):
    former = arabic(document).get_absolute_url()
    assert client.get(former).status_code == 200
    with committed():
        document.symbol = "CTOC/COP/WG.4/2011/3"
        document.save()
    assert client.get(former).status_code == 404
    assert client.get(arabic(document).get_absolute_url()).status_code == 200


def test_a_rolled_back_change_leaves_the_cache_as_it_was(client, document):
    url = arabic(document).get_absolute_url()
    etag = client.get(url)["ETag"]
    # Without a commit nothing is put in place: another process never sees uncommitted data.
    DocumentVersion.objects.filter(document=document, language="ar").delete()
    assert caches["register"].get(version_cache._key(SYMBOL, "ar")).sha256 == etag.strip('"')
