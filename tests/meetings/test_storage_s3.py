"""The register on an S3-compatible object store, spoken to over HTTP as MinIO, Ceph or AWS
would be: moto's standalone server on loopback, started here. Uploads, reads with ranges,
replacement and removal, each seen in the bucket itself."""

import boto3
import pytest
from moto.server import ThreadedMotoServer

from meetings import files, register
from meetings.models import Document, Meeting
from tests.conftest import LANGUAGES
from tests.meetings.register_files import pdf_bytes
from wgportal.storage_url import storage_from_url

pytestmark = pytest.mark.django_db

BUCKET = "wgportal-documents"
CREDENTIALS = {"aws_access_key_id": "portal", "aws_secret_access_key": "not-a-secret"}


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A fresh bucket, and the portal's storage pointed at it through STORAGE_URL's form."""
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)
    client.create_bucket(Bucket=BUCKET)
    url = (
        f"s3://portal:not-a-secret@{BUCKET}/register?endpoint_url={s3_endpoint}"
        "&region_name=us-east-1&addressing_style=path"
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(url)}
    yield client
    for key in keys(client):
        client.delete_object(Bucket=BUCKET, Key=key)
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.fixture
def document():
    return Document.objects.create(
        symbol="CTOC/COP/WG.4/2011/3",
        title_en="Stored in the object store",
        meeting=Meeting.objects.get(slug="wg-2011"),
        languages=LANGUAGES,
    )


def upload(document, secretariat, marker="", languages=LANGUAGES, **options):
    entries = [
        (document, code, files.check(pdf_bytes(marker=f"{code}{marker}"), f"{code}.pdf"), code)
        for code in languages
    ]
    return register.upload_versions(entries, by=secretariat, **options)


def test_versions_go_to_the_bucket_and_come_back_with_ranges(bucket, document, secretariat, client):
    upload(document, secretariat)
    register.issue_document(document, by=secretariat)
    stored = keys(bucket)
    assert len(stored) == 6
    assert all(key.startswith("register/documents/CTOC-COP-WG.4-2011-3/") for key in stored)
    version = document.versions.get(language="fr")
    held = bucket.get_object(Bucket=BUCKET, Key=f"register/{version.file.name}")["Body"].read()
    url = version.get_absolute_url()
    whole = client.get(url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == held
    assert whole["Content-Disposition"] == 'inline; filename="CTOC-COP-WG.4-2011-3-F.pdf"'
    part = client.get(url, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and b"".join(part.streaming_content) == held[10:20]
    assert client.get(url, headers={"If-None-Match": whole["ETag"]}).status_code == 304


def test_a_replacement_is_a_new_object_and_the_former_stays(bucket, document, secretariat):
    (first,) = upload(document, secretariat, languages=["en"])
    (second,) = upload(document, secretariat, marker="v2", languages=["en"], replace=True)
    assert sorted(keys(bucket)) == sorted(
        [f"register/{first.file.name}", f"register/{second.file.name}"]
    )
    assert (
        second.file.open("rb").read()
        == bucket.get_object(Bucket=BUCKET, Key=f"register/{second.file.name}")["Body"].read()
    )


def test_removing_a_draft_version_deletes_its_object(
    bucket, document, secretariat, django_capture_on_commit_callbacks
):
    (version,) = upload(document, secretariat, languages=["ru"])
    assert keys(bucket) == [f"register/{version.file.name}"]
    with django_capture_on_commit_callbacks(execute=True):
        register.remove_version(version, by=secretariat)
    assert keys(bucket) == []


def test_the_same_file_stored_twice_is_one_object(bucket, document, secretariat):
    upload(document, secretariat, languages=["es"])
    upload(document, secretariat, languages=["es"], replace=True)
    assert len(keys(bucket)) == 1


def test_storage_url_forms():
    assert storage_from_url("") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert storage_from_url("file:///srv/files")["OPTIONS"] == {"location": "/srv/files"}
    s3 = storage_from_url(
        "s3://key:se%2Fcret@bucket/a/b?endpoint_url=https://minio.example.org"
        "&region_name=eu-1&querystring_auth=false"
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    options = s3["OPTIONS"]
    assert (options["bucket_name"], options["location"]) == ("bucket", "a/b")
    assert (options["access_key"], options["secret_key"]) == ("key", "se/cret")
    assert options["endpoint_url"] == "https://minio.example.org"
    assert options["querystring_auth"] is False and options["default_acl"] is None
    assert "access_key" not in storage_from_url("s3://bucket")["OPTIONS"]
    for wrong in ("ftp://host/x", "s3://", "minio"):
        with pytest.raises(ValueError):
            storage_from_url(wrong)
