"""Where files are kept, named by one setting, STORAGE_URL (read by the settings; imports no
part of Django's configuration):

- unset: the local file system, under MEDIA_ROOT (var/media);
- ``file:///srv/wgportal/files``: the local file system, in that folder;
- ``s3://KEY:SECRET@bucket/prefix?endpoint_url=https://minio.example.org&region_name=eu-1``:
  an S3-compatible object store (MinIO, Ceph, AWS S3) through django-storages, shared by every
  web machine and worker. Key and secret may instead come from AWS_ACCESS_KEY_ID and
  AWS_SECRET_ACCESS_KEY; ``prefix`` (optional) is the folder inside the bucket; further
  query parameters are django-storages' S3 options (``addressing_style=path`` for MinIO).
"""

from urllib.parse import parse_qsl, unquote, urlsplit

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"
# Options given as text in the query that django-storages takes as other types.
BOOLEAN_OPTIONS = {"querystring_auth", "file_overwrite", "use_ssl", "verify"}


def storage_from_url(url):
    """The STORAGES entry for ``url``."""
    if not url:  # MEDIA_ROOT, read when the storage is first used
        return {"BACKEND": FILE_SYSTEM}
    parts = urlsplit(url)
    if parts.scheme == "file":
        return {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": unquote(parts.path)}}
    if parts.scheme != "s3" or not parts.hostname:
        raise ValueError(f"STORAGE_URL must be file:///folder or s3://bucket, not {url[:20]}…")
    options = {
        "bucket_name": parts.hostname,
        "location": parts.path.strip("/"),
        # Readers get files through the portal, which checks who may see them; the store
        # itself grants nobody anything.
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": True,  # names are made of the content's checksum
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    for key, value in parse_qsl(parts.query):
        options[key] = value.lower() in {"1", "true", "yes"} if key in BOOLEAN_OPTIONS else value
    return {"BACKEND": S3, "OPTIONS": options}
